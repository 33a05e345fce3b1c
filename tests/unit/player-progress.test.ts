import { describe, expect, it } from 'vitest';
import type { Progress } from '~/lib/schema';
import {
  libraryOrder,
  progressOnFinish,
  progressOnPosition,
  progressOnStart,
  startIndex,
  summarize,
} from '~/lib/player/progress';

const W = { id: '7f1c2d9e-4b3a-4c5d-8e6f-1a2b3c4d5e6f', version: 3 };
const steps = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const base: Progress = {
  walkthroughId: W.id,
  stepIndex: 2,
  stepId: 'c',
  status: 'paused',
  playedVersion: 2,
  timesFinished: 1,
  startedAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};

describe('where to start', () => {
  it('continue resumes at the saved step, found by id after edits', () => {
    expect(startIndex('continue', base, steps)).toBe(2);
    expect(startIndex('continue', base, [{ id: 'x' }, ...steps])).toBe(3);
    expect(startIndex('continue', { ...base, stepId: 'gone', stepIndex: 9 }, steps)).toBe(3);
  });
  it('start, restart and finished walkthroughs begin at the first step', () => {
    expect(startIndex('start', base, steps)).toBe(0);
    expect(startIndex('restart', base, steps)).toBe(0);
    expect(startIndex('continue', { ...base, status: 'finished' }, steps)).toBe(0);
    expect(startIndex('continue', undefined, steps)).toBe(0);
  });
});

describe('progress records', () => {
  const now = '2025-02-01T09:00:00.000Z';
  it('a fresh start records the played version and a new start time', () => {
    const p = progressOnStart(base, W, 0, 'a', 'restart', now);
    expect(p).toMatchObject({
      stepIndex: 0,
      stepId: 'a',
      status: 'playing',
      playedVersion: 3,
      timesFinished: 1,
      startedAt: now,
    });
    expect(progressOnStart(base, W, 2, 'c', 'continue', now).startedAt).toBe(base.startedAt);
  });
  it('moving on keeps the round and the counter', () => {
    expect(progressOnPosition(base, W, 3, 'd', 'playing', now)).toMatchObject({
      stepIndex: 3,
      status: 'playing',
      timesFinished: 1,
      startedAt: base.startedAt,
      updatedAt: now,
    });
  });
  it('finishing counts once more', () => {
    const p = progressOnFinish(base, W, 3, now);
    expect(p).toMatchObject({ status: 'finished', timesFinished: 2, finishedAt: now, playedVersion: 3 });
    expect(progressOnFinish(undefined, W, 3, now).timesFinished).toBe(1);
  });
});

describe('library summary', () => {
  it('new, in progress, finished, and "changed since you last played"', () => {
    expect(summarize({ version: 1 }, undefined, 4)).toEqual({
      status: 'new',
      resumeIndex: 0,
      changed: false,
      timesFinished: 0,
    });
    expect(summarize({ version: 3 }, base, 4)).toMatchObject({ status: 'in-progress', resumeIndex: 2, changed: true });
    expect(summarize({ version: 2 }, base, 4).changed).toBe(false);
    expect(summarize({ version: 2 }, { ...base, status: 'finished' }, 4)).toMatchObject({
      status: 'finished',
      timesFinished: 1,
    });
    // the walkthrough got shorter since
    expect(summarize({ version: 2 }, { ...base, stepIndex: 9 }, 4).resumeIndex).toBe(3);
    expect(summarize({ version: 2 }, { ...base, stepIndex: 0 }, 4).status).toBe('new');
  });

  it('orders what he is in the middle of first, then newest', () => {
    const item = (
      title: string,
      updatedAt: string,
      status: 'new' | 'in-progress' | 'finished',
      lastPlayedAt?: string,
    ) => ({
      walkthrough: { title, updatedAt },
      summary: { status, resumeIndex: 1, changed: false, timesFinished: 0, ...(lastPlayedAt ? { lastPlayedAt } : {}) },
    });
    const order = libraryOrder([
      item('old', '2025-01-01', 'new'),
      item('done', '2025-03-01', 'finished'),
      item('busy-older', '2025-01-01', 'in-progress', '2025-02-01'),
      item('busy-newer', '2025-01-01', 'in-progress', '2025-02-05'),
    ]).map((i) => i.walkthrough.title);
    expect(order).toEqual(['busy-newer', 'busy-older', 'done', 'old']);
  });
});
