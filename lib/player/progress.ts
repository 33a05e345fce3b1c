/**
 * The mentee's progress per walkthrough: pure updates of the Progress record and what the library
 * shows about it. The background writes the results in one Dexie transaction.
 */
import type { Progress, Walkthrough } from '../schema';

export type StartMode = 'start' | 'continue' | 'restart';

interface StepRef {
  id: string;
}

/**
 * The step to begin at. "continue" resumes at the saved step — found by id first, because the mentor
 * may have inserted or removed steps since — and otherwise starts at the first step.
 */
export function startIndex(mode: StartMode, progress: Progress | undefined, steps: readonly StepRef[]): number {
  if (mode !== 'continue' || !progress || progress.status === 'finished' || steps.length === 0) return 0;
  if (progress.stepId) {
    const byId = steps.findIndex((s) => s.id === progress.stepId);
    if (byId >= 0) return byId;
  }
  return Math.min(Math.max(0, progress.stepIndex), steps.length - 1);
}

/** Progress when playing begins (or resumes) at `index`. */
export function progressOnStart(
  prev: Progress | undefined,
  w: Pick<Walkthrough, 'id' | 'version'>,
  index: number,
  stepId: string | undefined,
  mode: StartMode,
  now: string,
): Progress {
  const fresh = mode !== 'continue' || !prev || prev.status === 'finished';
  return {
    walkthroughId: w.id,
    stepIndex: index,
    ...(stepId ? { stepId } : {}),
    status: 'playing',
    playedVersion: w.version,
    timesFinished: prev?.timesFinished ?? 0,
    startedAt: fresh ? now : (prev?.startedAt ?? now),
    updatedAt: now,
    ...(prev?.finishedAt ? { finishedAt: prev.finishedAt } : {}),
  };
}

/** Progress after the mentee moved to another step, paused or left. */
export function progressOnPosition(
  prev: Progress | undefined,
  w: Pick<Walkthrough, 'id' | 'version'>,
  index: number,
  stepId: string | undefined,
  status: 'playing' | 'paused',
  now: string,
): Progress {
  return {
    walkthroughId: w.id,
    stepIndex: index,
    ...(stepId ? { stepId } : {}),
    status,
    playedVersion: w.version,
    timesFinished: prev?.timesFinished ?? 0,
    startedAt: prev?.startedAt ?? now,
    updatedAt: now,
    ...(prev?.finishedAt ? { finishedAt: prev.finishedAt } : {}),
  };
}

/** Progress after the last step: finished once more (counts toward the goal's progress). */
export function progressOnFinish(
  prev: Progress | undefined,
  w: Pick<Walkthrough, 'id' | 'version'>,
  lastIndex: number,
  now: string,
): Progress {
  return {
    walkthroughId: w.id,
    stepIndex: Math.max(0, lastIndex),
    status: 'finished',
    playedVersion: w.version,
    timesFinished: (prev?.timesFinished ?? 0) + 1,
    startedAt: prev?.startedAt ?? now,
    updatedAt: now,
    finishedAt: now,
  };
}

export type LibraryStatus = 'new' | 'in-progress' | 'finished';

export interface LibrarySummary {
  status: LibraryStatus;
  /** the step to continue at (0-based), for "continue at step k" */
  resumeIndex: number;
  /** an imported version is newer than the one last played */
  changed: boolean;
  lastPlayedAt?: string;
  timesFinished: number;
}

export function summarize(
  w: Pick<Walkthrough, 'version'>,
  progress: Progress | undefined,
  stepCount: number,
): LibrarySummary {
  if (!progress) return { status: 'new', resumeIndex: 0, changed: false, timesFinished: 0 };
  const changed = w.version > progress.playedVersion;
  const base = { changed, lastPlayedAt: progress.updatedAt, timesFinished: progress.timesFinished };
  if (progress.status === 'finished') return { status: 'finished', resumeIndex: 0, ...base };
  const resumeIndex = stepCount > 0 ? Math.min(progress.stepIndex, stepCount - 1) : 0;
  // At the very first step there is nothing to continue: offer a plain start.
  if (resumeIndex === 0) return { status: 'new', resumeIndex: 0, ...base };
  return { status: 'in-progress', resumeIndex, ...base };
}

/** Library order: what he is in the middle of first (latest first), then the rest, newest first. */
export function libraryOrder<
  T extends { walkthrough: Pick<Walkthrough, 'updatedAt' | 'title'>; summary: LibrarySummary },
>(items: readonly T[]): T[] {
  const rank = (s: LibrarySummary) => (s.status === 'in-progress' ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a.summary) - rank(b.summary) ||
      (rank(a.summary) === 0 ? (b.summary.lastPlayedAt ?? '').localeCompare(a.summary.lastPlayedAt ?? '') : 0) ||
      b.walkthrough.updatedAt.localeCompare(a.walkthrough.updatedAt) ||
      a.walkthrough.title.localeCompare(b.walkthrough.title),
  );
}
