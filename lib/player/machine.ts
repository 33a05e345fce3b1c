/**
 * The player's state machine: pure, framework-free, no DOM. The content script feeds it events (the
 * locator's answers, the mentee's actions, his choices) and carries out the effects it returns.
 * Keeping the decisions here makes every path — including the unhappy ones — unit-testable.
 */
import type { StepHealth } from '../schema';

export type HealthOutcome = StepHealth['outcome'];

export type PlayerState =
  /** nothing shown */
  | { kind: 'idle' }
  /** waiting for the step's element (late rendering, page still loading) */
  | { kind: 'looking'; index: number }
  /** the step is shown: its element is highlighted, or a card for a step without element */
  | { kind: 'showing'; index: number }
  /** the locator is unsure: "Is it this one?", candidates one by one */
  | { kind: 'ambiguous'; index: number; candidate: number; count: number }
  /** not found after waiting: recorded screenshot and the four choices */
  | { kind: 'looks-different'; index: number }
  /** "show me where": the mentee points at the element; `picked` once he chose one to confirm */
  | { kind: 'pointing'; index: number; picked: boolean }
  | { kind: 'paused'; index: number }
  | { kind: 'finished' };

export type PlayerStateKind = PlayerState['kind'];

export type PlayerEvent =
  /** begin (or resume) at a step */
  | { type: 'start'; index: number; paused?: boolean; finished?: boolean }
  /** the locator found the step's element (or the step needs none) */
  | { type: 'found' }
  /** the locator found several plausible elements after the page settled */
  | { type: 'ambiguous'; count: number }
  /** still not found after waiting */
  | { type: 'gave-up' }
  /** the shown element disappeared (re-render, route change) */
  | { type: 'lost' }
  /** the mentee did the step himself (click, committed input, selection, arrived at the page) */
  | { type: 'done' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** ambiguous: "yes, this one" */
  | { type: 'confirm' }
  /** ambiguous: "no, show me the next one" */
  | { type: 'reject' }
  /** ambiguous: "none of them" */
  | { type: 'none' }
  /** looks different: "I'll show Lotse where it is" */
  | { type: 'point' }
  /** pointing: he clicked an element (asked to confirm it) */
  | { type: 'pick' }
  /** pointing: "choose again" */
  | { type: 'repick' }
  /** pointing: confirmed the element: the step is healed */
  | { type: 'healed' }
  /** pointing: cancel, back to the choices */
  | { type: 'cancel' }
  | { type: 'skip' }
  /** "I have a question" */
  | { type: 'question' }
  /** looks different: "stop the walkthrough" */
  | { type: 'stop' }
  /** the exit button: close now, keep the position */
  | { type: 'exit' }
  /** finished: play again from the first step */
  | { type: 'restart' };

export type PlayerEventType = PlayerEvent['type'];

export type Effect =
  /** locate the step's element (and show it when found) */
  | { type: 'look'; index: number }
  /** keep the position (progress table, via the background) */
  | { type: 'save'; index: number; status: 'playing' | 'paused' }
  /** write a step-health record for the mentor */
  | { type: 'health'; index: number; outcome: HealthOutcome }
  /** store the chosen element as the step's healed target */
  | { type: 'heal'; index: number; from: 'candidate' | 'picked' }
  /** open the question composer for this step */
  | { type: 'ask'; index: number }
  /** the last step was done */
  | { type: 'finish' }
  /** tear the overlay down (the position is kept) */
  | { type: 'close'; reason: 'exit' | 'stop' };

export interface MachineContext {
  /** number of steps in the walkthrough */
  count: number;
}

export interface Transition {
  state: PlayerState;
  effects: Effect[];
}

const same = (state: PlayerState): Transition => ({ state, effects: [] });

/** Go to step `index`: look for it, or finish when past the last step. */
function goTo(index: number, ctx: MachineContext, extra: Effect[] = []): Transition {
  if (index >= ctx.count) return { state: { kind: 'finished' }, effects: [...extra, { type: 'finish' }] };
  const i = Math.max(0, index);
  return {
    state: { kind: 'looking', index: i },
    effects: [...extra, { type: 'save', index: i, status: 'playing' }, { type: 'look', index: i }],
  };
}

function lookingAgain(index: number): Transition {
  return { state: { kind: 'looking', index }, effects: [{ type: 'look', index }] };
}

function looksDifferent(index: number): Transition {
  return {
    state: { kind: 'looks-different', index },
    effects: [{ type: 'health', index, outcome: 'not-found' }],
  };
}

/** Events every state with a current step understands the same way; anything else is ignored. */
function common(state: PlayerState, index: number, event: PlayerEvent, ctx: MachineContext): Transition {
  switch (event.type) {
    case 'next':
      return goTo(index + 1, ctx);
    case 'back':
      return goTo(Math.max(0, index - 1), ctx);
    case 'pause':
      return { state: { kind: 'paused', index }, effects: [{ type: 'save', index, status: 'paused' }] };
    case 'exit':
      return { state: { kind: 'idle' }, effects: [{ type: 'close', reason: 'exit' }] };
    case 'question':
      return {
        state,
        effects: [
          { type: 'health', index, outcome: 'question' },
          { type: 'ask', index },
        ],
      };
    case 'start':
      return start(event, ctx);
    // Meaningful only in particular states (handled there); elsewhere they are ignored.
    case 'found':
    case 'ambiguous':
    case 'gave-up':
    case 'lost':
    case 'done':
    case 'resume':
    case 'confirm':
    case 'reject':
    case 'none':
    case 'point':
    case 'pick':
    case 'repick':
    case 'healed':
    case 'cancel':
    case 'skip':
    case 'stop':
    case 'restart':
      return same(state);
    default:
      return assertNever(event);
  }
}

function start(event: Extract<PlayerEvent, { type: 'start' }>, ctx: MachineContext): Transition {
  if (ctx.count === 0) return { state: { kind: 'finished' }, effects: [{ type: 'finish' }] };
  // already counted as finished (the last step opened a new page): only show it
  if (event.finished) return { state: { kind: 'finished' }, effects: [] };
  const index = Math.min(Math.max(0, event.index), ctx.count - 1);
  if (event.paused) return { state: { kind: 'paused', index }, effects: [] };
  return { state: { kind: 'looking', index }, effects: [{ type: 'look', index }] };
}

export function transition(state: PlayerState, event: PlayerEvent, ctx: MachineContext): Transition {
  switch (state.kind) {
    case 'idle':
      return event.type === 'start' ? start(event, ctx) : same(state);

    case 'looking': {
      const { index } = state;
      switch (event.type) {
        case 'found':
          return { state: { kind: 'showing', index }, effects: [] };
        case 'ambiguous':
          // "not sure" is never shown as sure, even with a single candidate
          if (event.count < 1) return looksDifferent(index);
          return {
            state: { kind: 'ambiguous', index, candidate: 0, count: event.count },
            effects: [{ type: 'health', index, outcome: 'ambiguous' }],
          };
        case 'gave-up':
          return looksDifferent(index);
        case 'done':
          // e.g. a navigate step whose page was reached while looking
          return goTo(index + 1, ctx);
        default:
          return common(state, index, event, ctx);
      }
    }

    case 'showing': {
      const { index } = state;
      switch (event.type) {
        case 'done':
          return goTo(index + 1, ctx);
        case 'lost':
          return lookingAgain(index);
        default:
          return common(state, index, event, ctx);
      }
    }

    case 'ambiguous': {
      const { index, candidate, count } = state;
      switch (event.type) {
        case 'confirm':
          return {
            state: { kind: 'showing', index },
            effects: [
              { type: 'health', index, outcome: 'confirmed' },
              { type: 'heal', index, from: 'candidate' },
            ],
          };
        case 'reject':
          if (candidate + 1 < count) return { state: { ...state, candidate: candidate + 1 }, effects: [] };
          return looksDifferent(index);
        case 'none':
          return looksDifferent(index);
        case 'done':
          // he did the step on the highlighted candidate: that is a confirmation, and the step is done
          return goTo(index + 1, ctx, [
            { type: 'health', index, outcome: 'confirmed' },
            { type: 'heal', index, from: 'candidate' },
          ]);
        case 'lost':
          return lookingAgain(index);
        default:
          return common(state, index, event, ctx);
      }
    }

    case 'looks-different': {
      const { index } = state;
      switch (event.type) {
        case 'point':
          return { state: { kind: 'pointing', index, picked: false }, effects: [] };
        case 'skip':
          return goTo(index + 1, ctx, [{ type: 'health', index, outcome: 'skipped' }]);
        case 'stop':
          return {
            state: { kind: 'idle' },
            effects: [
              { type: 'health', index, outcome: 'stopped' },
              { type: 'close', reason: 'stop' },
            ],
          };
        case 'found':
          // the element turned up after all (e.g. the mentee opened the right page)
          return { state: { kind: 'showing', index }, effects: [] };
        case 'done':
          return goTo(index + 1, ctx);
        default:
          return common(state, index, event, ctx);
      }
    }

    case 'pointing': {
      const { index } = state;
      switch (event.type) {
        case 'pick':
          return { state: { kind: 'pointing', index, picked: true }, effects: [] };
        case 'repick':
          return { state: { kind: 'pointing', index, picked: false }, effects: [] };
        case 'healed':
          if (!state.picked) return same(state);
          return {
            state: { kind: 'showing', index },
            effects: [
              { type: 'health', index, outcome: 'healed' },
              { type: 'heal', index, from: 'picked' },
            ],
          };
        case 'cancel':
          return { state: { kind: 'looks-different', index }, effects: [] };
        default:
          return common(state, index, event, ctx);
      }
    }

    case 'paused': {
      const { index } = state;
      switch (event.type) {
        case 'resume':
          return {
            state: { kind: 'looking', index },
            effects: [
              { type: 'save', index, status: 'playing' },
              { type: 'look', index },
            ],
          };
        case 'exit':
          return { state: { kind: 'idle' }, effects: [{ type: 'close', reason: 'exit' }] };
        case 'start':
          return start(event, ctx);
        case 'question':
          return { state, effects: [{ type: 'ask', index }] };
        default:
          return same(state);
      }
    }

    case 'finished':
      switch (event.type) {
        case 'restart':
          return goTo(0, ctx);
        case 'back':
          return goTo(ctx.count - 1, ctx);
        case 'exit':
          return { state: { kind: 'idle' }, effects: [{ type: 'close', reason: 'exit' }] };
        case 'start':
          return start(event, ctx);
        case 'question':
          return { state, effects: [{ type: 'ask', index: Math.max(0, ctx.count - 1) }] };
        default:
          return same(state);
      }

    default:
      return assertNever(state);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

/** The step the state is about, if any. */
export function stepIndexOf(state: PlayerState): number | undefined {
  switch (state.kind) {
    case 'looking':
    case 'showing':
    case 'ambiguous':
    case 'looks-different':
    case 'pointing':
    case 'paused':
      return state.index;
    case 'idle':
    case 'finished':
      return undefined;
    default:
      return assertNever(state);
  }
}
