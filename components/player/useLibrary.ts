import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '~/lib/db';
import type { Goal, Progress, Walkthrough } from '~/lib/schema';
import { libraryOrder, summarize, type LibrarySummary } from '~/lib/player/progress';
import { sessionsIn, type Session } from '~/lib/player/session';

export interface LibraryItem {
  walkthrough: Walkthrough;
  progress?: Progress;
  goal?: Goal;
  /** without the step count (each row counts its own, see useStepCount); enough to order the list */
  summary: LibrarySummary;
  /** playing in a tab right now */
  session?: Session;
}

/**
 * The mentee's walkthroughs with progress and goals, live from the database. Step counts are not read
 * here: counting every walkthrough's steps costs more than the whole list (a cursor over all step
 * keys); each visible row counts its own through the index instead.
 */
export function useLibrary(): LibraryItem[] | undefined {
  const sessions = useSessions();
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [walkthroughs, progress, goals] = await Promise.all([
      db.walkthroughs.toArray(),
      db.progress.toArray(),
      db.goals.toArray(),
    ]);
    return { walkthroughs, progress, goals };
  }, []);
  if (!data) return undefined;
  const progress = new Map(data.progress.map((p) => [p.walkthroughId, p]));
  const goals = new Map(data.goals.map((g) => [g.id, g]));
  const playing = new Map(sessions.filter((s) => s.status !== 'finished').map((s) => [s.walkthroughId, s]));
  const items: LibraryItem[] = data.walkthroughs.map((w) => {
    const p = progress.get(w.id);
    const goal = w.goalId ? goals.get(w.goalId) : undefined;
    const session = playing.get(w.id);
    return {
      walkthrough: w,
      ...(p ? { progress: p } : {}),
      ...(goal ? { goal } : {}),
      ...(session ? { session } : {}),
      summary: summarize(w, p, Number.MAX_SAFE_INTEGER),
    };
  });
  return libraryOrder(items);
}

/** The number of steps of one walkthrough (IDBIndex.count over its key range), live. */
export function useStepCount(walkthroughId: string): number | undefined {
  return useLiveQuery(() => getDb().steps.where('walkthroughId').equals(walkthroughId).count(), [walkthroughId]);
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
