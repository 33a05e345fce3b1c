import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '~/lib/db';
import type { Goal, Progress, Walkthrough } from '~/lib/schema';
import { libraryOrder, summarize, type LibrarySummary } from '~/lib/player/progress';
import { sessionsIn, type Session } from '~/lib/player/session';

export interface LibraryItem {
  walkthrough: Walkthrough;
  stepCount: number;
  progress?: Progress;
  goal?: Goal;
  summary: LibrarySummary;
  /** playing in a tab right now */
  session?: Session;
}

/**
 * The mentee's walkthroughs with step counts, progress and goals, live from the database. Step counts
 * come from the `walkthroughId` index keys only (no step records are read), so hundreds of
 * walkthroughs with thousands of steps stay quick.
 */
export function useLibrary(): LibraryItem[] | undefined {
  const sessions = useSessions();
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [walkthroughs, progress, goals, stepKeys] = await Promise.all([
      db.walkthroughs.toArray(),
      db.progress.toArray(),
      db.goals.toArray(),
      db.steps.orderBy('walkthroughId').keys(),
    ]);
    return { walkthroughs, progress, goals, stepKeys };
  }, []);
  if (!data) return undefined;
  const counts = new Map<string, number>();
  for (const k of data.stepKeys) counts.set(String(k), (counts.get(String(k)) ?? 0) + 1);
  const progress = new Map(data.progress.map((p) => [p.walkthroughId, p]));
  const goals = new Map(data.goals.map((g) => [g.id, g]));
  const playing = new Map(sessions.filter((s) => s.status !== 'finished').map((s) => [s.walkthroughId, s]));
  const items: LibraryItem[] = data.walkthroughs.map((w) => {
    const stepCount = counts.get(w.id) ?? 0;
    const p = progress.get(w.id);
    const goal = w.goalId ? goals.get(w.goalId) : undefined;
    const session = playing.get(w.id);
    return {
      walkthrough: w,
      stepCount,
      ...(p ? { progress: p } : {}),
      ...(goal ? { goal } : {}),
      ...(session ? { session } : {}),
      summary: summarize(w, p, stepCount),
    };
  });
  return libraryOrder(items);
}

/** The player's tab sessions (storage.session), kept current. */
export function useSessions(): Session[] {
  const [sessions, setSessions] = useState<Session[]>([]);
  useEffect(() => {
    let alive = true;
    const area = browser.storage.session;
    const read = () =>
      void area
        .get(null)
        .then((items) => alive && setSessions(sessionsIn(items)))
        .catch(() => undefined);
    read();
    const onChange = (_changes: unknown, areaName: string) => {
      if (areaName === 'session') read();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  return sessions;
}
