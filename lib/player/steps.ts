/**
 * Pure rules about steps: when has the mentee done a step himself, which page a step belongs to,
 * where to pick up after a full page load. No DOM, no extension APIs.
 */
import type { ElementFingerprint, Step, StepAction } from '../schema';
import { assertNever } from './machine';

/** The parts of a step the player needs (what the background sends to the page). */
export type PlayStep = Pick<Step, 'id' | 'title' | 'explanation' | 'url' | 'action' | 'target' | 'healedTarget'> & {
  hasScreenshot: boolean;
};

/** What the content script observed the mentee do on (or around) the step's element. */
export type Observation =
  | { kind: 'click' }
  /** `change` fired: a committed text entry, a selection, a toggled box */
  | { kind: 'change'; checked?: boolean }
  /** Enter in a single-line field, or leaving an edited contenteditable */
  | { kind: 'commit' }
  | { kind: 'submit' }
  /** the page's address is now this */
  | { kind: 'url'; url: string };

/** Does this observation complete a step with this action? */
export function completes(action: StepAction, obs: Observation): boolean {
  switch (action.type) {
    case 'click':
    case 'new-tab':
      return obs.kind === 'click';
    case 'input':
      return obs.kind === 'change' || obs.kind === 'commit';
    case 'select':
      // Any choice counts: the mentee may rightly pick his own value (his leave type, not the mentor's).
      return obs.kind === 'change';
    case 'check':
      if (obs.kind !== 'change') return false;
      // A radio only fires change when it becomes checked; a checkbox must reach the recorded state.
      return action.inputType === 'radio' || obs.checked === undefined || obs.checked === action.checked;
    case 'submit':
      return obs.kind === 'submit' || obs.kind === 'click';
    case 'navigate':
      return obs.kind === 'url' && samePage(obs.url, action.url);
    case 'tip':
      return false;
    default:
      return assertNever(action);
  }
}

/** Whether the step waits for an element at all (tips and plain page changes may have none). */
export function needsElement(step: Pick<PlayStep, 'action' | 'target' | 'healedTarget'>): boolean {
  if (!step.target && !step.healedTarget) return false;
  switch (step.action.type) {
    case 'tip':
      return false;
    case 'click':
    case 'input':
    case 'select':
    case 'check':
    case 'submit':
    case 'navigate':
    case 'new-tab':
      return true;
    default:
      return assertNever(step.action);
  }
}

/** The fingerprints to try, best first: the mentee's own correction wins over the recording. */
export function fingerprintsOf(step: Pick<PlayStep, 'target' | 'healedTarget'>): ElementFingerprint[] {
  const out: ElementFingerprint[] = [];
  if (step.healedTarget) out.push(step.healedTarget);
  if (step.target) out.push(step.target);
  return out;
}

/** origin + path, lower-case host, without trailing slash, query and fragment. Undefined if unparsable. */
export function pageKey(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    const path = u.pathname.replace(/\/+$/, '') || '/';
    return `${u.protocol}//${u.host.toLowerCase()}${path}`;
  } catch {
    return undefined;
  }
}

export function samePage(a: string, b: string): boolean {
  const ka = pageKey(a);
  return ka !== undefined && ka === pageKey(b, a);
}

/** The page a step is done on; a navigate step "belongs" to the page it leads to. */
export function pageOfStep(step: Pick<PlayStep, 'url' | 'action'>): string {
  return step.action.type === 'navigate' ? step.action.url : step.url;
}

/**
 * After a full page load, where to pick up. The position is saved as the mentee acts, but a click that
 * leaves the page may unload it before the save arrives; if the current page is not the saved step's
 * page but is the page of one of the next two steps, continue there instead of declaring the saved step
 * "looks different".
 */
export function catchUpIndex(
  steps: readonly Pick<PlayStep, 'url' | 'action'>[],
  index: number,
  currentUrl: string,
): number {
  const current = steps[index];
  if (!current || samePage(pageOfStep(current), currentUrl) || samePage(current.url, currentUrl)) return index;
  for (let j = index + 1; j <= Math.min(index + 2, steps.length - 1); j++) {
    const s = steps[j]!;
    if (samePage(pageOfStep(s), currentUrl)) return j;
  }
  return index;
}

/** The origins a walkthrough plays on (where the background may resume it after a page load). */
export function originsOf(urls: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const u of urls) {
    try {
      const o = new URL(u).origin;
      if (o !== 'null') out.add(o);
    } catch {
      /* not a URL */
    }
  }
  return out;
}

/** A short name of the step's element for "Looking for „…“": accessible name, text or label. */
export function elementName(step: Pick<PlayStep, 'target' | 'healedTarget'>): string | undefined {
  const fp = step.healedTarget ?? step.target;
  if (!fp) return undefined;
  const raw =
    fp.name || fp.label || fp.attrs?.ariaLabel || fp.attrs?.placeholder || fp.directText || fp.text || fp.attrs?.title;
  // Stored texts have digits masked as "#" (counters); drop those rather than show "(#)".
  const name = raw
    ?.replace(/\s*\(#\)/g, '')
    .replace(/(^|\s)#(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name) return undefined;
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}
