import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stepIndexOf, transition, type Effect, type PlayerEvent, type PlayerState } from '~/lib/player/machine';

const ctx = { count: 4 };
const run = (state: PlayerState, ...events: PlayerEvent[]) => {
  let s = state;
  const effects: Effect[] = [];
  for (const e of events) {
    const r = transition(s, e, ctx);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
};
const idle: PlayerState = { kind: 'idle' };

describe('player state machine', () => {
  it('starts by looking for the step, or paused when resumed paused', () => {
    expect(run(idle, { type: 'start', index: 2 })).toEqual({
      state: { kind: 'looking', index: 2 },
      effects: [{ type: 'look', index: 2 }],
    });
    expect(run(idle, { type: 'start', index: 1, paused: true }).state).toEqual({ kind: 'paused', index: 1 });
    // a saved index beyond the (edited) walkthrough is clamped
    expect(run(idle, { type: 'start', index: 9 }).state).toEqual({ kind: 'looking', index: 3 });
  });

  it('advances when the mentee does the step, saving the position, and finishes after the last', () => {
    const r = run(idle, { type: 'start', index: 0 }, { type: 'found' }, { type: 'done' });
    expect(r.state).toEqual({ kind: 'looking', index: 1 });
    expect(r.effects).toContainEqual({ type: 'save', index: 1, status: 'playing' });
    const end = run({ kind: 'showing', index: 3 }, { type: 'done' });
    expect(end).toEqual({ state: { kind: 'finished' }, effects: [{ type: 'finish' }] });
  });

  it('ignores "done" while nothing is shown or paused', () => {
    expect(run({ kind: 'paused', index: 1 }, { type: 'done' }).state).toEqual({ kind: 'paused', index: 1 });
    expect(run(idle, { type: 'done' }).state).toEqual(idle);
    expect(run({ kind: 'pointing', index: 1, picked: false }, { type: 'done' }).state.kind).toBe('pointing');
  });

  it('asks "is it this one?" for an ambiguous answer and walks through the candidates', () => {
    let r = run({ kind: 'looking', index: 1 }, { type: 'ambiguous', count: 3 });
    expect(r.state).toEqual({ kind: 'ambiguous', index: 1, candidate: 0, count: 3 });
    expect(r.effects).toEqual([{ type: 'health', index: 1, outcome: 'ambiguous' }]);
    r = run(r.state, { type: 'reject' }, { type: 'reject' });
    expect(r.state).toEqual({ kind: 'ambiguous', index: 1, candidate: 2, count: 3 });
    r = run(r.state, { type: 'reject' });
    expect(r.state).toEqual({ kind: 'looks-different', index: 1 });
    expect(r.effects).toEqual([{ type: 'health', index: 1, outcome: 'not-found' }]);
  });

  it('confirming a candidate shows the step and heals it', () => {
    const r = run({ kind: 'ambiguous', index: 2, candidate: 1, count: 2 }, { type: 'confirm' });
    expect(r.state).toEqual({ kind: 'showing', index: 2 });
    expect(r.effects).toEqual([
      { type: 'health', index: 2, outcome: 'confirmed' },
      { type: 'heal', index: 2, from: 'candidate' },
    ]);
  });

  it('doing the step on a candidate confirms it and moves on', () => {
    const r = run({ kind: 'ambiguous', index: 0, candidate: 0, count: 2 }, { type: 'done' });
    expect(r.state).toEqual({ kind: 'looking', index: 1 });
    expect(r.effects.map((e) => e.type)).toEqual(['health', 'heal', 'save', 'look']);
  });

  it('a single unsure candidate is still asked about; none at all looks different', () => {
    expect(run({ kind: 'looking', index: 0 }, { type: 'ambiguous', count: 1 }).state).toEqual({
      kind: 'ambiguous',
      index: 0,
      candidate: 0,
      count: 1,
    });
    expect(run({ kind: 'looking', index: 0 }, { type: 'ambiguous', count: 0 }).state).toEqual({
      kind: 'looks-different',
      index: 0,
    });
  });

  it('"looks different" offers show-me-where, skip, question and stop', () => {
    const ld: PlayerState = { kind: 'looks-different', index: 1 };
    expect(run({ kind: 'looking', index: 1 }, { type: 'gave-up' })).toEqual({
      state: ld,
      effects: [{ type: 'health', index: 1, outcome: 'not-found' }],
    });
    const skip = run(ld, { type: 'skip' });
    expect(skip.state).toEqual({ kind: 'looking', index: 2 });
    expect(skip.effects[0]).toEqual({ type: 'health', index: 1, outcome: 'skipped' });
    const q = run(ld, { type: 'question' });
    expect(q.state).toEqual(ld);
    expect(q.effects).toEqual([
      { type: 'health', index: 1, outcome: 'question' },
      { type: 'ask', index: 1 },
    ]);
    const stop = run(ld, { type: 'stop' });
    expect(stop.state).toEqual(idle);
    expect(stop.effects).toEqual([
      { type: 'health', index: 1, outcome: 'stopped' },
      { type: 'close', reason: 'stop' },
    ]);
  });

  it('show me where: pick, choose again, confirm heals; cancel returns to the choices', () => {
    const ld: PlayerState = { kind: 'looks-different', index: 1 };
    let r = run(ld, { type: 'point' });
    expect(r.state).toEqual({ kind: 'pointing', index: 1, picked: false });
    // confirming before anything was picked does nothing
    expect(run(r.state, { type: 'healed' }).state).toEqual(r.state);
    r = run(r.state, { type: 'pick' }, { type: 'repick' }, { type: 'pick' }, { type: 'healed' });
    expect(r.state).toEqual({ kind: 'showing', index: 1 });
    expect(r.effects).toEqual([
      { type: 'health', index: 1, outcome: 'healed' },
      { type: 'heal', index: 1, from: 'picked' },
    ]);
    expect(run(ld, { type: 'point' }, { type: 'cancel' }).state).toEqual(ld);
  });

  it('the element turning up late in "looks different" shows the step', () => {
    expect(run({ kind: 'looks-different', index: 2 }, { type: 'found' }).state).toEqual({ kind: 'showing', index: 2 });
  });

  it('pause keeps the position; resume looks again', () => {
    const r = run({ kind: 'showing', index: 2 }, { type: 'pause' });
    expect(r).toEqual({ state: { kind: 'paused', index: 2 }, effects: [{ type: 'save', index: 2, status: 'paused' }] });
    const back = run(r.state, { type: 'resume' });
    expect(back.state).toEqual({ kind: 'looking', index: 2 });
    expect(back.effects).toEqual([
      { type: 'save', index: 2, status: 'playing' },
      { type: 'look', index: 2 },
    ]);
  });

  it('back and next move between steps without going below the first', () => {
    expect(run({ kind: 'showing', index: 0 }, { type: 'back' }).state).toEqual({ kind: 'looking', index: 0 });
    expect(run({ kind: 'showing', index: 1 }, { type: 'back' }).state).toEqual({ kind: 'looking', index: 0 });
    expect(run({ kind: 'looking', index: 3 }, { type: 'next' }).state).toEqual({ kind: 'finished' });
    expect(run({ kind: 'finished' }, { type: 'back' }).state).toEqual({ kind: 'looking', index: 3 });
  });

  it('a lost element is looked for again', () => {
    expect(run({ kind: 'showing', index: 1 }, { type: 'lost' })).toEqual({
      state: { kind: 'looking', index: 1 },
      effects: [{ type: 'look', index: 1 }],
    });
  });

  it('exit closes from every state and keeps the position (no health record)', () => {
    const states: PlayerState[] = [
      { kind: 'looking', index: 1 },
      { kind: 'showing', index: 1 },
      { kind: 'ambiguous', index: 1, candidate: 0, count: 2 },
      { kind: 'looks-different', index: 1 },
      { kind: 'pointing', index: 1, picked: true },
      { kind: 'paused', index: 1 },
      { kind: 'finished' },
    ];
    for (const s of states)
      expect(run(s, { type: 'exit' })).toEqual({ state: idle, effects: [{ type: 'close', reason: 'exit' }] });
  });

  it('finished: start over from the first step', () => {
    const r = run({ kind: 'finished' }, { type: 'restart' });
    expect(r.state).toEqual({ kind: 'looking', index: 0 });
    expect(r.effects).toContainEqual({ type: 'save', index: 0, status: 'playing' });
  });

  it('a page loaded after the last step shows "finished" without counting it again', () => {
    expect(run(idle, { type: 'start', index: 3, finished: true })).toEqual({
      state: { kind: 'finished' },
      effects: [],
    });
  });

  it('an empty walkthrough finishes at once', () => {
    expect(transition(idle, { type: 'start', index: 0 }, { count: 0 }).state).toEqual({ kind: 'finished' });
  });

  const eventArb: fc.Arbitrary<PlayerEvent> = fc.oneof(
    fc.constantFrom<PlayerEvent>(
      { type: 'found' },
      { type: 'gave-up' },
      { type: 'lost' },
      { type: 'done' },
      { type: 'next' },
      { type: 'back' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'confirm' },
      { type: 'reject' },
      { type: 'none' },
      { type: 'point' },
      { type: 'pick' },
      { type: 'repick' },
      { type: 'healed' },
      { type: 'cancel' },
      { type: 'skip' },
      { type: 'question' },
      { type: 'stop' },
      { type: 'exit' },
      { type: 'restart' },
    ),
    fc.integer({ min: 0, max: 6 }).map((count): PlayerEvent => ({ type: 'ambiguous', count })),
    fc.integer({ min: 0, max: 9 }).map((index): PlayerEvent => ({ type: 'start', index })),
  );

  it('never leaves the walkthrough: indexes stay in range, effects refer to real steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(eventArb, { maxLength: 60 }), (count, events) => {
        let s: PlayerState = idle;
        for (const e of events) {
          const r = transition(s, e, { count });
          s = r.state;
          const i = stepIndexOf(s);
          if (i !== undefined && (i < 0 || i >= count)) return false;
          if (s.kind === 'ambiguous' && (s.candidate >= s.count || s.count < 1)) return false;
          for (const eff of r.effects) {
            if ('index' in eff && (eff.index < 0 || eff.index >= count)) return false;
          }
          // finishing happens only on the way into "finished"
          if (r.effects.some((x) => x.type === 'finish') && s.kind !== 'finished') return false;
        }
        return true;
      }),
    );
  });
});
