/**
 * Turns the raw event stream of a page into steps, merging noise: keystrokes become one input step per
 * field (committed on change, blur or Enter), double clicks one click, a focus click into a field that is
 * then typed into disappears into the input step, a form submit caused by a recorded click is not
 * recorded twice. Screenshots are requested ("snap") as early as possible – on pointerdown, before the
 * click changes the page – and the step that follows reuses the snap's id.
 *
 * Pure and element-agnostic (K is an element in the content script, a string in unit tests).
 */
import type { ControlKind } from './fields';

export type RawEvent<K> =
  | { type: 'pointerdown'; el: K; kind: ControlKind; at: number }
  /** `submits`: the form this click submits (a submit button), if any */
  | { type: 'click'; el: K; kind: ControlKind; detail: number; at: number; submits?: K | undefined }
  | { type: 'input'; el: K; at: number }
  | { type: 'change'; el: K; kind: ControlKind; at: number }
  /** a text field lost focus, or Enter was pressed in it */
  | { type: 'commit'; el: K; reason: 'blur' | 'enter'; at: number }
  /** `submitter`: the button the form was submitted with, when known */
  | { type: 'submit'; form: K; submitter?: K | undefined; at: number };

export type StepKind = 'click' | 'input' | 'select' | 'check' | 'submit';

export type Op<K> =
  /** take a screenshot now with `el` as the target; the step with this id (if one follows) owns it */
  | { op: 'snap'; id: string; el: K }
  /** write the step (update: a step with this id was emitted before and is replaced) */
  | { op: 'emit'; id: string; el: K; kind: StepKind; update: boolean; clickedField?: boolean };

interface Pending<K> {
  el: K;
  id: string;
  at: number;
}

interface Emitted<K> {
  el: K;
  id: string;
  kind: StepKind;
  at: number;
  submits?: K | undefined;
}

/** a double click's second click arrives within this time */
export const DOUBLE_CLICK_MS = 800;
/** a submit this soon after a click on its submit button is that click's effect */
export const SUBMIT_AFTER_CLICK_MS = 2000;
/** a pointerdown's snap is used by the change (or keyboard click) that follows within this time */
const PENDING_MS = 5000;
/**
 * A pointer click (detail ≥ 1) is the end of the press its pointerdown began, however long the button
 * was held: its snap (taken before the click changed the page) stays the step's screenshot. Without
 * this, a press held past PENDING_MS (or a slow capture on a loaded machine) got a fresh snap taken
 * after the click – of the next page.
 */
const PRESS_MS = 60_000;

export class StepTracker<K> {
  private pending: Pending<K> | undefined;
  private focusClick: Pending<K> | undefined;
  private readonly dirty = new Set<K>();
  private last: Emitted<K> | undefined;

  constructor(private readonly newId: () => string) {}

  /** Feed one event; returns what to do (snap a screenshot, write a step). */
  handle(ev: RawEvent<K>): Op<K>[] {
    const ops: Op<K>[] = [];
    switch (ev.type) {
      case 'pointerdown': {
        const id = this.newId();
        this.pending = { el: ev.el, id, at: ev.at };
        ops.push({ op: 'snap', id, el: ev.el });
        break;
      }
      case 'click': {
        if (ev.kind === 'click') {
          if (ev.detail >= 2 && this.last?.kind === 'click' && this.last.el === ev.el && ev.at - this.last.at < DOUBLE_CLICK_MS) {
            this.pending = undefined;
            break; // the second click of a double click
          }
          const id = this.takePending(ev.el, ev.at, ops, ev.detail >= 1 ? PRESS_MS : PENDING_MS);
          this.emit(ops, { el: ev.el, id, kind: 'click', at: ev.at, submits: ev.submits }, false);
        } else if (ev.kind === 'text') {
          const maxAge = ev.detail >= 1 ? PRESS_MS : PENDING_MS;
          if (this.focusClick?.el !== ev.el) this.focusClick = { el: ev.el, id: this.takePending(ev.el, ev.at, ops, maxAge), at: ev.at };
        }
        // select, checkbox, radio, picker: their change event is the step
        break;
      }
      case 'input':
        this.dirty.add(ev.el);
        break;
      case 'commit':
        this.commitText(ev.el, ev.at, ev.reason, ops);
        break;
      case 'change': {
        if (ev.kind === 'text') {
          this.commitText(ev.el, ev.at, 'change', ops);
          break;
        }
        if (ev.kind === 'click') break;
        const kind: StepKind = ev.kind === 'select' ? 'select' : ev.kind === 'picker' ? 'input' : 'check';
        if (this.last && this.last.el === ev.el && this.last.kind === kind) {
          // changed its mind on the same control (picked another option, ticked twice): one step
          this.emit(ops, { ...this.last, at: ev.at }, true);
          this.pending = undefined;
          break;
        }
        const id = this.takePending(ev.el, ev.at, ops);
        this.emit(ops, { el: ev.el, id, kind, at: ev.at }, false);
        break;
      }
      case 'submit': {
        const l = this.last;
        if (l && l.kind === 'click' && l.submits === ev.form && ev.at - l.at < SUBMIT_AFTER_CLICK_MS) break;
        const el = ev.submitter ?? ev.form;
        const id = this.newId();
        ops.push({ op: 'snap', id, el });
        this.emit(ops, { el, id, kind: 'submit', at: ev.at }, false);
        break;
      }
    }
    return ops;
  }

  /** Before the page goes away (or recording stops): commit what was typed but not yet committed. */
  flush(at: number): Op<K>[] {
    const ops: Op<K>[] = [];
    for (const el of [...this.dirty]) this.commitText(el, at, 'change', ops);
    return ops;
  }

  /** The field being typed into has uncommitted text. */
  isDirty(el: K): boolean {
    return this.dirty.has(el);
  }

  private commitText(el: K, at: number, reason: 'blur' | 'enter' | 'change', ops: Op<K>[]): void {
    if (this.dirty.has(el)) {
      this.dirty.delete(el);
      if (this.last && this.last.el === el && this.last.kind === 'input') {
        // the same field committed again (Enter, then blur; or edited again right away): one step
        this.emit(ops, { ...this.last, at }, true);
        if (this.focusClick?.el === el) this.focusClick = undefined;
        return;
      }
      const id = this.focusClick?.el === el ? this.focusClick.id : this.takePending(el, at, ops);
      this.focusClick = undefined;
      this.emit(ops, { el, id, kind: 'input', at }, false);
      return;
    }
    if (reason === 'blur' && this.focusClick?.el === el) {
      // clicked into a field and left it without typing: the click itself was the step (a search box
      // that opens suggestions, a field that opens a picker)
      const fc = this.focusClick;
      this.focusClick = undefined;
      this.emit(ops, { el, id: fc.id, kind: 'click', at: fc.at }, false, true);
    }
  }

  /** the id of the pointerdown snap for `el`, or a fresh id with its own snap */
  private takePending(el: K, at: number, ops: Op<K>[], maxAge = PENDING_MS): string {
    const p = this.pending;
    this.pending = undefined;
    if (p && p.el === el && at - p.at < maxAge) return p.id;
    const id = this.newId();
    ops.push({ op: 'snap', id, el });
    return id;
  }

  private emit(ops: Op<K>[], e: Emitted<K>, update: boolean, clickedField = false): void {
    this.last = e;
    ops.push({ op: 'emit', id: e.id, el: e.el, kind: e.kind, update, ...(clickedField ? { clickedField } : {}) });
  }
}

/* ---------- navigation ---------- */

export type NavVia = 'load' | 'push' | 'replace' | 'pop' | 'hash';

export interface NavFacts {
  via: NavVia;
  /** for 'load': performance navigation type of the new document */
  loadType?: 'navigate' | 'reload' | 'back_forward' | 'prerender' | undefined;
  /** ms since the last recorded step (Infinity when there is none) */
  sinceLastStepMs: number;
  /** origin + path before and after */
  from?: string | undefined;
  to: string;
}

/** a navigation this soon after a recorded step is that step's effect (link, button, form) */
export const NAV_EFFECT_MS = 3000;

/**
 * Is a navigation a step of its own? A navigation caused by the step just recorded (click on a link,
 * a submit that redirects, an SPA route change after a click) is not: the next step's page says it.
 * Back/forward is always a step (the learner must press Back). Reloads and same-page replaces are noise.
 */
export function navigationIsStep(f: NavFacts): boolean {
  if (f.from !== undefined && f.from === f.to && f.via !== 'pop') return false;
  switch (f.via) {
    case 'pop':
      return true;
    case 'load':
      if (f.loadType === 'reload' || f.loadType === 'prerender') return false;
      if (f.loadType === 'back_forward') return true;
      return f.sinceLastStepMs > NAV_EFFECT_MS;
    case 'replace':
      // redirects and URL normalisation by the app; only a user-less route change counts
      return f.sinceLastStepMs > NAV_EFFECT_MS && f.from !== undefined && f.from !== f.to;
    case 'push':
    case 'hash':
      return f.sinceLastStepMs > NAV_EFFECT_MS;
  }
}

/** origin + path of a URL (query and fragment dropped: they often carry personal data or tokens) */
export function pageUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url.slice(0, 2000);
    // hash routes (#/settings) are the page in hash-routed apps; keep them, drop other fragments
    const hashRoute = /^#!?\//.test(u.hash) ? u.hash.replace(/\?.*$/, '') : '';
    return `${u.origin}${u.pathname}${hashRoute}`.slice(0, 2000);
  } catch {
    return url.slice(0, 2000);
  }
}
