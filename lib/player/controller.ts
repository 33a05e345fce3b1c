/**
 * The player inside the page: drives the state machine with what happens on the page (the locator's
 * answers, the mentee's own clicks and entries, route changes) and carries out its effects through the
 * overlay and a port to the background. It shows; it never clicks for the mentee.
 */
import { describe, interactiveTarget, resolve, type ElementFingerprint, type ResolveResult } from '../locator';
import { createTranslator, type Translate } from '../i18n/inpage';
import { isLotseUi } from '../inpage/host';
import type { Playback } from '../messages/parts/player';
import {
  closest,
  contains,
  deepActiveElement,
  eventTarget,
  isConnected,
  isShown,
  isTrusted,
  listen,
  ownerDocumentOf,
  viewOf,
  prefersReducedMotion,
  reachableDocuments,
  revealElement,
  rootNodeOf,
  tagOf,
  type Off,
} from './dom';
import {
  assertNever,
  stepIndexOf,
  transition,
  type Effect,
  type HealthOutcome,
  type PlayerEvent,
  type PlayerState,
} from './machine';
import { Overlay, type Button, type CardView, type OverlayAction } from './overlay';
import {
  completes,
  elementName,
  fingerprintsOf,
  needsElement,
  pageOfStep,
  samePage,
  type Observation,
  type PlayStep,
} from './steps';

export type UiPrefs = Playback['prefs'];

/** How the page talks to the background (and to the question composer). */
export interface PlayerPort {
  position(walkthroughId: string, stepIndex: number, status: 'playing' | 'paused'): Promise<void>;
  finish(walkthroughId: string): Promise<number>;
  stop(walkthroughId: string): Promise<void>;
  health(walkthroughId: string, stepId: string, outcome: HealthOutcome, score?: number): Promise<void>;
  heal(walkthroughId: string, stepId: string, target: ElementFingerprint): Promise<void>;
  screenshot(walkthroughId: string, stepId: string): Promise<Blob | null>;
  prefs(): Promise<UiPrefs>;
  ask(walkthroughId: string, stepId: string): void;
}

export interface Timing {
  /** no "looking for …" card for elements that turn up quickly */
  lookingDelayMs: number;
  /** an ambiguous answer may still settle while the page renders */
  settleMs: number;
  /** then "this step looks different" */
  giveUpMs: number;
  /** the exit notice stays this long */
  toastMs: number;
}

export const DEFAULT_TIMING: Timing = { lookingDelayMs: 450, settleMs: 1200, giveUpMs: 8000, toastMs: 6000 };

/**
 * The locator says "ambiguous" for anything between "probably" and "sure but not unique". The mentee is
 * asked "Is it this one?" only where the answer is likely yes: near-sure look-alikes (identical "Like"
 * buttons), or one moderate match that clearly stands out (an element that moved). Several weak,
 * equal look-alikes mean the element is most likely gone: that step "looks different" instead.
 */
export const ASK_MIN_SCORE = 0.72;
export const ASK_MIN_MARGIN = 0.1;

export function worthAsking(res: ResolveResult): ResolveResult {
  if (res.status !== 'ambiguous') return res;
  const runnerUp = res.runnerUp ?? res.candidates[1]?.score ?? 0;
  if (res.score >= ASK_MIN_SCORE || res.score - runnerUp >= ASK_MIN_MARGIN) return res;
  return { ...res, status: 'not-found', element: undefined };
}

const PERF_FOUND = 'lotse:player:found';
const PERF_SHOWN = 'lotse:player:step-show';

export class PlayerController {
  private state: PlayerState = { kind: 'idle' };
  private pb: Playback | null = null;
  private t: Translate;
  private overlay: Overlay | null = null;
  private reducedMotion = prefersReducedMotion();

  private target: Element | null = null;
  private candidates: { element: Element; score: number }[] = [];
  /** the candidate the mentee acted on or confirmed */
  private chosen: Element | null = null;
  private picked: Element | null = null;
  private lastScore: number | undefined;
  private timesFinished = 0;

  private lookToken = 0;
  private lookOffs: Off[] = [];
  private lookingVisible = false;
  private watchOffs: Off[] = [];
  private pickOffs: Off[] = [];
  private globalOffs: Off[] = [];
  private lastUrl = '';
  private lastRendered = '';
  private shots = new Map<string, ImageBitmap | null>();
  /** elements the mentee confirmed or pointed at, per step, for as long as this page shows them */
  private confirmed = new Map<string, Element>();
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly port: PlayerPort,
    private readonly timing: Timing = DEFAULT_TIMING,
  ) {
    this.t = createTranslator('de');
  }

  get current(): PlayerState {
    return this.state;
  }

  get walkthroughId(): string | undefined {
    return this.pb?.walkthrough.id;
  }

  /** The walkthrough and step on screen, for a question noted with the keyboard command (composer). */
  get questionContext(): { walkthroughId: string; stepId: string } | undefined {
    const i = stepIndexOf(this.state);
    const s = i !== undefined ? this.pb?.steps[i] : undefined;
    return this.pb && s ? { walkthroughId: this.pb.walkthrough.id, stepId: s.id } : undefined;
  }

  /** Play (or resume) a walkthrough in this page. */
  start(pb: Playback): void {
    const same = this.pb?.walkthrough.id === pb.walkthrough.id && this.state.kind !== 'idle';
    // The same position pushed again (the page asked for it and the background pushed it): nothing to do.
    if (same && stepIndexOf(this.state) === pb.stepIndex && this.state.kind !== 'paused' && pb.status === 'playing')
      return;
    this.clearToast();
    this.pb = pb;
    this.t = createTranslator(pb.prefs.locale);
    this.shots.clear();
    if (!this.overlay) this.overlay = new Overlay(this.t, this.overlayPrefs(pb.prefs), (a, id) => this.onAction(a, id));
    else this.overlay.setPrefs(this.overlayPrefs(pb.prefs), this.t);
    if (!this.globalOffs.length) this.installGlobal();
    this.lastRendered = '';
    if (pb.timesFinished !== undefined) this.timesFinished = pb.timesFinished;
    this.dispatch({
      type: 'start',
      index: pb.stepIndex,
      paused: pb.status === 'paused',
      finished: pb.status === 'finished',
    });
  }

  /** Closed elsewhere (side panel, another tab): remove everything without a notice. */
  close(): void {
    this.teardown();
    this.state = { kind: 'idle' };
    this.pb = null;
  }

  /** Text size, language or dimming changed in the settings. */
  applyPrefs(prefs: UiPrefs): void {
    if (!this.pb || !this.overlay) return;
    this.pb = { ...this.pb, prefs };
    this.t = createTranslator(prefs.locale);
    this.overlay.setPrefs(this.overlayPrefs(prefs), this.t);
    this.lastRendered = '';
    this.render();
  }

  /* ---------- the machine ---------- */

  private dispatch(event: PlayerEvent): void {
    const pb = this.pb;
    if (!pb) return;
    const before = this.state;
    const { state, effects } = transition(before, event, { count: pb.steps.length });
    this.state = state;
    if (state !== before) {
      this.unwatch();
      if (state.kind !== 'pointing') this.unpick();
      if (state.kind !== 'looking') this.stopLooking();
    }
    for (const e of effects) this.run(e, before);
    if (this.state.kind === 'idle') return;
    if (state !== before) this.render();
  }

  /**
   * Records of this session still on their way to the background. The background accepts them only
   * while the session exists, so "stop" waits for them: otherwise the "stopped" outcome written just
   * before it could arrive after the session is gone and be lost.
   */
  private inFlight: Promise<unknown> = Promise.resolve();
  private track(p: Promise<unknown>): void {
    this.inFlight = Promise.all([this.inFlight, p.catch(() => undefined)]);
  }

  private run(effect: Effect, before: PlayerState): void {
    const pb = this.pb;
    if (!pb) return;
    const wid = pb.walkthrough.id;
    switch (effect.type) {
      case 'look':
        this.target = null;
        this.chosen = null;
        this.candidates = [];
        this.picked = null;
        this.look(effect.index, false);
        return;
      case 'save':
        this.track(this.port.position(wid, effect.index, effect.status));
        return;
      case 'health': {
        const step = pb.steps[effect.index];
        if (!step) return;
        const score =
          effect.outcome === 'confirmed'
            ? this.candidates.find((c) => c.element === this.chosenCandidate(before))?.score
            : effect.outcome === 'ambiguous' || effect.outcome === 'not-found' || effect.outcome === 'found'
              ? this.lastScore
              : undefined;
        this.track(this.port.health(wid, step.id, effect.outcome, score !== undefined ? clamp01(score) : undefined));
        return;
      }
      case 'heal': {
        const step = pb.steps[effect.index];
        const el = effect.from === 'picked' ? this.picked : this.chosenCandidate(before);
        if (!step || !el) return;
        this.target = el;
        this.confirmed.set(step.id, el);
        let fp: ElementFingerprint;
        try {
          fp = describe(el);
        } catch {
          return;
        }
        // Keep it locally too: "back" to this step uses the correction at once.
        pb.steps[effect.index] = { ...step, healedTarget: fp };
        this.track(this.port.heal(wid, step.id, fp));
        return;
      }
      case 'ask': {
        const step = pb.steps[effect.index];
        if (step) this.port.ask(wid, step.id);
        return;
      }
      case 'finish':
        this.target = null;
        void this.port
          .finish(wid)
          .then((n) => {
            this.timesFinished = n;
            if (this.state.kind === 'finished') {
              this.lastRendered = '';
              this.render();
            }
          })
          .catch(() => undefined);
        return;
      case 'close': {
        const index = stepIndexOf(before);
        const wasFinished = before.kind === 'finished';
        this.teardown(effect.reason === 'exit' && !wasFinished && index !== undefined ? index : undefined);
        this.pb = null;
        const pending = this.inFlight;
        this.inFlight = Promise.resolve();
        void pending.then(() => this.port.stop(wid)).catch(() => undefined);
        return;
      }
      default:
        assertNever(effect);
    }
  }

  private chosenCandidate(state: PlayerState): Element | null {
    if (this.chosen) return this.chosen;
    if (state.kind === 'ambiguous') return this.candidates[state.candidate]?.element ?? null;
    return null;
  }

  /* ---------- overlay actions ---------- */

  private onAction(action: OverlayAction, _renderId: number): void {
    const pb = this.pb;
    switch (action) {
      case 'back':
      case 'next':
      case 'pause':
      case 'resume':
      case 'exit':
      case 'question':
      case 'confirm':
      case 'reject':
      case 'none':
      case 'point':
      case 'skip':
      case 'stop':
      case 'restart':
        if (action === 'pause' && this.state.kind === 'pointing') return this.dispatch({ type: 'cancel' });
        if (action === 'pause' && (this.state.kind === 'paused' || this.state.kind === 'finished')) return;
        if (action === 'confirm' && this.state.kind === 'ambiguous')
          this.chosen = this.candidates[this.state.candidate]?.element ?? null;
        return this.dispatch({ type: action });
      case 'pick-yes':
        return this.dispatch({ type: 'healed' });
      case 'pick-again':
        this.picked = null;
        return this.dispatch({ type: 'repick' });
      case 'pick-cancel':
        return this.dispatch({ type: 'cancel' });
      case 'close':
        if (this.state.kind === 'idle') {
          this.teardown();
          return;
        }
        return this.dispatch({ type: 'exit' });
      case 'go-page': {
        const i = stepIndexOf(this.state);
        const step = pb && i !== undefined ? pb.steps[i] : undefined;
        if (step) location.assign(step.url);
        return;
      }
      default:
        assertNever(action);
    }
  }

  /* ---------- finding the step's element ---------- */

  private async resolveStep(step: PlayStep): Promise<ResolveResult> {
    let best: ResolveResult | null = null;
    for (const fp of fingerprintsOf(step)) {
      let res: ResolveResult;
      try {
        res = worthAsking(await resolve(fp, document, { exclude: (el) => isLotseUi(el) }));
      } catch {
        continue;
      }
      if (res.status === 'found') return res;
      if (!best || rankOf(res) > rankOf(best) || (rankOf(res) === rankOf(best) && res.score > best.score)) best = res;
    }
    return best ?? { status: 'not-found', score: 0, candidates: [] };
  }

  /**
   * Look for the step's element: at once, again whenever the page changes (throttled), and on a slow
   * timer for changes no mutation reports (CSS, shadow roots, frames). `quiet` re-checks after a route
   * change in "looks different" without changing what is shown unless the element turns up.
   */
  private look(index: number, quiet: boolean): void {
    const pb = this.pb;
    const step = pb?.steps[index];
    if (!pb || !step) return;
    this.stopLooking();
    const token = ++this.lookToken;
    if (!quiet) this.lookingVisible = false;

    if (step.action.type === 'navigate' && completes(step.action, { kind: 'url', url: location.href })) {
      queueMicrotask(() => token === this.lookToken && this.dispatch({ type: 'done' }));
      return;
    }
    if (!needsElement(step)) {
      queueMicrotask(() => token === this.lookToken && this.dispatch({ type: 'found' }));
      return;
    }

    // He already told us which element it is on this page ("yes, this one" / "show me where").
    const known = this.confirmed.get(step.id);
    if (known && isConnected(known) && isShown(known)) {
      this.target = known;
      queueMicrotask(() => token === this.lookToken && this.dispatch({ type: 'found' }));
      return;
    }

    let started = performance.now();
    let wasAmbiguous = false;
    let busy = false;
    let again = false;
    let lastAttempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let observer: MutationObserver | undefined;

    const finish = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      observer?.disconnect();
    };
    this.lookOffs = [finish];
    this.restartLookClock = () => {
      started = performance.now();
    };

    const attempt = async () => {
      if (token !== this.lookToken) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      lastAttempt = performance.now();
      const res = await this.resolveStep(step);
      busy = false;
      if (token !== this.lookToken) return;
      const elapsed = performance.now() - started;
      this.lastScore = res.score;
      if (res.status === 'found' && res.element) {
        finish();
        performance.mark(PERF_FOUND);
        this.target = res.element;
        if (wasAmbiguous && !quiet)
          void this.port.health(pb.walkthrough.id, step.id, 'found', clamp01(res.score)).catch(() => undefined);
        this.dispatch({ type: 'found' });
        return;
      }
      if (res.status === 'ambiguous') wasAmbiguous = true;
      const timeUp = elapsed >= this.timing.giveUpMs;
      if (!quiet && res.status === 'ambiguous' && (elapsed >= this.timing.settleMs || timeUp)) {
        finish();
        this.candidates = pickCandidates(res);
        this.dispatch({ type: 'ambiguous', count: this.candidates.length });
        return;
      }
      if (timeUp) {
        finish();
        if (!quiet) this.dispatch({ type: 'gave-up' });
        return;
      }
      schedule(again ? 0 : 500);
      again = false;
    };

    const schedule = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void attempt(), ms);
    };

    // First attempt after the page's own handlers for the action that led here have run.
    schedule(0);
    try {
      observer = new MutationObserver(() => {
        if (token !== this.lookToken) return;
        // at most one attempt per 200 ms however busy the page is
        const wait = Math.max(0, lastAttempt + 200 - performance.now());
        schedule(wait);
      });
      observer.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open', 'disabled'],
      });
    } catch {
      /* the timer alone */
    }
    if (!quiet) {
      const visibleTimer = setTimeout(() => {
        if (token !== this.lookToken || this.state.kind !== 'looking') return;
        this.lookingVisible = true;
        this.render();
      }, this.timing.lookingDelayMs);
      this.lookOffs.push(() => clearTimeout(visibleTimer));
    }
  }

  private restartLookClock: () => void = () => undefined;

  private stopLooking(): void {
    this.lookToken++;
    for (const off of this.lookOffs.splice(0)) off();
    this.restartLookClock = () => undefined;
  }

  /* ---------- watching what the mentee does ---------- */

  /** Listen for the mentee doing the step on one of `elements` (the target, or the candidates). */
  private watch(elements: Element[], step: PlayStep): void {
    this.unwatch();
    const action = step.action;
    // Where to listen: the element's shadow root (non-composed events such as `change` stay inside it)
    // and its window in the capture phase — before any page handler on the document can stop them.
    const targets = new Set<EventTarget>();
    for (const el of elements) {
      const root = rootNodeOf(el);
      const doc = ownerDocumentOf(el);
      const win = doc ? viewOf(doc) : null;
      if (root !== doc) targets.add(root);
      targets.add(win ?? root);
    }
    const seen = new WeakSet<Event>();
    const hit = (e: Event): Element | undefined => {
      const path = e.composedPath();
      for (const el of elements) if (path.includes(el)) return el;
      const t = eventTarget(e);
      return elements.find((el) => t instanceof Node && contains(el, t));
    };
    const observe = (el: Element, obs: Observation) => {
      if (!completes(action, obs)) return;
      if (this.state.kind === 'ambiguous') this.chosen = el;
      this.dispatch({ type: 'done' });
    };
    /** changed but not yet committed: leaving the field (or a pause) commits it */
    const pending = new Map<Element, { timer?: ReturnType<typeof setTimeout>; checked?: boolean }>();
    const commit = (el: Element) => {
      const p = pending.get(el);
      if (!p) return;
      if (p.timer) clearTimeout(p.timer);
      pending.delete(el);
      observe(el, { kind: 'change', ...(p.checked !== undefined ? { checked: p.checked } : {}) });
    };
    const on = (type: string, fn: (e: Event) => void) => {
      for (const t of targets)
        this.watchOffs.push(
          listen(t, type, (e) => {
            // trusted only: a script of the page cannot "do the step" for the mentee
            if (!isTrusted(e) || seen.has(e)) return;
            seen.add(e);
            fn(e);
          }),
        );
    };
    on('click', (e) => {
      const el = hit(e);
      if (el) observe(el, { kind: 'click' });
    });
    on('change', (e) => {
      const el = hit(e);
      const t = eventTarget(e);
      if (!el || !(t instanceof Element)) return;
      const checked =
        tagOf(t) === 'input' && ['checkbox', 'radio'].includes((t as HTMLInputElement).type)
          ? (t as HTMLInputElement).checked
          : undefined;
      const settle = settleMs(t);
      if (settle === 0) return observe(el, { kind: 'change', ...(checked !== undefined ? { checked } : {}) });
      // A list changed with the arrow keys, or a date typed digit by digit, fires `change` on every key:
      // wait until the mentee leaves the field or pauses, so the next step does not jump in while he
      // is still choosing.
      const p = pending.get(el) ?? {};
      if (p.timer) clearTimeout(p.timer);
      p.checked = checked;
      if (settle > 0) p.timer = setTimeout(() => (isComplete(t) ? commit(el) : undefined), settle);
      pending.set(el, p);
    });
    on('submit', (e) => {
      const form = eventTarget(e);
      const el = elements.find((x) => x === form || (form instanceof Node && contains(form, x)));
      if (el) observe(el, { kind: 'submit' });
    });
    on('keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key !== 'Enter' || k.isComposing || k.shiftKey) return;
      const el = hit(e);
      if (!el) return;
      if (pending.has(el)) return commit(el);
      const tag = tagOf(el);
      if (tag === 'textarea' || tag === 'select') return; // Enter is a new line / opens the list there
      if (tag === 'input' || closest(el, '[contenteditable]') || closest(el, '[role=textbox]') === el)
        observe(el, { kind: 'commit' });
    });
    // contenteditable has no change event: typing, then leaving the field commits it
    const dirty = new WeakSet<Element>();
    on('input', (e) => {
      const el = hit(e);
      if (el && !['input', 'textarea', 'select'].includes(tagOf(el))) dirty.add(el);
    });
    on('focusout', (e) => {
      const el = hit(e);
      if (!el) return;
      if (pending.has(el)) commit(el);
      else if (dirty.has(el)) observe(el, { kind: 'commit' });
    });
    this.watchOffs.push(() => {
      for (const p of pending.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
    });
    // The element may be replaced by a re-render, hidden or removed: then look again.
    const check = setInterval(() => {
      const current = this.state.kind === 'ambiguous' ? this.candidates[this.state.candidate]?.element : this.target;
      if (current && (!isConnected(current) || !isShown(current))) this.dispatch({ type: 'lost' });
    }, 1000);
    this.watchOffs.push(() => clearInterval(check));
  }

  private unwatch(): void {
    for (const off of this.watchOffs.splice(0)) off();
  }

  /** Route changes (SPA) and address checks for navigate steps. */
  private installGlobal(): void {
    this.lastUrl = location.href;
    const onUrl = () => {
      const url = location.href;
      if (url === this.lastUrl) return;
      this.lastUrl = url;
      this.onRoute(url);
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav) this.globalOffs.push(listen(nav, 'currententrychange', onUrl, { capture: false }));
    this.globalOffs.push(
      listen(window, 'popstate', onUrl, { capture: false }),
      listen(window, 'hashchange', onUrl, { capture: false }),
    );
    // Without the Navigation API (Firefox) pushState fires no event: a cheap address check.
    const poll = setInterval(onUrl, nav ? 2000 : 700);
    this.globalOffs.push(() => clearInterval(poll));
    this.globalOffs.push(
      listen<KeyboardEvent>(window, 'keydown', (e) => {
        if (!isTrusted(e) || !e.altKey || !e.shiftKey || e.code !== 'KeyL') return;
        e.preventDefault();
        this.overlay?.focusCard();
      }),
      listen(
        document,
        'visibilitychange',
        () => {
          if (document.visibilityState !== 'visible' || !this.pb) return;
          void this.port
            .prefs()
            .then((p) => {
              const cur = this.pb?.prefs;
              if (cur && (cur.locale !== p.locale || cur.largeText !== p.largeText || cur.dimPage !== p.dimPage))
                this.applyPrefs(p);
            })
            .catch(() => undefined);
        },
        { capture: false },
      ),
    );
  }

  private onRoute(url: string): void {
    const pb = this.pb;
    const index = stepIndexOf(this.state);
    if (!pb || index === undefined) return;
    const step = pb.steps[index];
    if (!step) return;
    if (this.state.kind === 'paused' || this.state.kind === 'pointing') return;
    if (step.action.type === 'navigate' && completes(step.action, { kind: 'url', url })) {
      this.dispatch({ type: 'done' });
      return;
    }
    if (this.state.kind === 'looking')
      this.restartLookClock(); // the new route renders: give it time
    else if (this.state.kind === 'looks-different') this.look(index, true);
  }

  /* ---------- "show me where" ---------- */

  private pick(): void {
    this.unpick();
    const targetOf = (e: Event): Element | null => {
      const first = e.composedPath()[0];
      if (!(first instanceof Element) || isLotseUi(first)) return null;
      try {
        return interactiveTarget(first);
      } catch {
        return first;
      }
    };
    const block = (e: Event) => {
      if (!isTrusted(e)) return;
      const el = targetOf(e);
      if (!el) return; // our own card
      // He is pointing, not acting: the page must not react to this click.
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type === 'click') this.choose(el);
    };
    for (const doc of reachableDocuments()) {
      this.pickOffs.push(
        listen<PointerEvent>(doc, 'pointermove', (e) => {
          if (!isTrusted(e) || this.picked) return;
          this.overlay?.setHover(targetOf(e));
        }),
        ...['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick'].map((type) =>
          listen(doc, type, block),
        ),
        listen(doc, 'focusin', (e) => {
          if (!isTrusted(e) || this.picked) return;
          const el = targetOf(e);
          if (el) this.overlay?.setHover(el);
        }),
        listen<KeyboardEvent>(doc, 'keydown', (e) => {
          if (!isTrusted(e)) return;
          if (e.key === 'Escape') {
            e.preventDefault();
            this.dispatch({ type: 'cancel' });
            return;
          }
          if (e.key !== 'Enter' && e.key !== ' ') return;
          const active = deepActiveElement();
          if (!active || isLotseUi(active) || tagOf(active) === 'body') return;
          e.preventDefault();
          e.stopImmediatePropagation();
          this.choose(interactiveTarget(active));
        }),
      );
    }
  }

  private choose(el: Element): void {
    this.picked = el;
    this.overlay?.setHover(null);
    if (this.state.kind === 'pointing' && this.state.picked) {
      this.lastRendered = '';
      this.render();
    } else this.dispatch({ type: 'pick' });
  }

  private unpick(): void {
    for (const off of this.pickOffs.splice(0)) off();
    this.overlay?.setHover(null);
  }

  /* ---------- rendering ---------- */

  private render(): void {
    const pb = this.pb;
    const overlay = this.overlay;
    if (!pb || !overlay) return;
    const s = this.state;
    const n = pb.steps.length;
    const t = this.t;
    const lang = pb.walkthrough.language;
    const footer: Button[] = [
      { action: 'question', label: t('player.question'), variant: 'ghost' },
      { action: 'pause', label: t('player.pause'), variant: 'quiet' },
      { action: 'exit', label: t('player.exit'), variant: 'quiet' },
    ];
    const key = `${s.kind}:${stepIndexOf(s) ?? ''}:${s.kind === 'ambiguous' ? s.candidate : ''}:${s.kind === 'pointing' ? String(s.picked) : ''}:${this.lookingVisible}`;
    const changed = key !== this.lastRendered;
    this.lastRendered = key;

    switch (s.kind) {
      case 'idle':
        overlay.clear();
        return;
      case 'looking': {
        if (!this.lookingVisible) {
          overlay.clear();
          return;
        }
        const step = pb.steps[s.index]!;
        const name = elementName(step);
        // What to do comes first (he may have to open something himself), then what Lotse is doing.
        const view: CardView = {
          kind: 'looking',
          progress: { k: s.index + 1, n },
          title: step.title || this.fallbackTitle(step),
          titleLang: lang,
          busy: name ? t('player.looking.title', { name }) : t('player.looking.titleGeneric'),
          note: { icon: 'info', text: t('player.looking.text') },
          buttons: [],
          footer,
        };
        overlay.render(view, 'dock');
        if (changed) overlay.announce(`${view.busy ?? ''} ${view.title}`);
        return;
      }
      case 'showing': {
        const step = pb.steps[s.index]!;
        const view = this.stepView(step, s.index, n, footer);
        const anchor = this.target && needsElement(step) ? this.target : null;
        if (anchor) {
          revealElement(anchor, this.reducedMotion);
          overlay.onPainted = () => {
            try {
              performance.measure(PERF_SHOWN, PERF_FOUND);
            } catch {
              /* no found mark (element given by the mentee) */
            }
          };
        }
        overlay.render(view, anchor ? 'anchor' : 'dock', anchor);
        if (anchor) this.watch([anchor], step);
        if (changed) overlay.announce(t('player.announce.step', { k: s.index + 1, n, title: view.title }));
        return;
      }
      case 'ambiguous': {
        const step = pb.steps[s.index]!;
        const cand = this.candidates[s.candidate]?.element ?? null;
        const last = s.candidate + 1 >= s.count;
        const view: CardView = {
          kind: 'ambiguous',
          progress: { k: s.index + 1, n },
          title: t('player.ambiguous.title'),
          text: t('player.ambiguous.text'),
          example: step.title || this.fallbackTitle(step),
          titleLang: lang,
          buttons: [
            { action: 'confirm', label: t('player.ambiguous.yes'), variant: 'primary' },
            last
              ? { action: 'none', label: s.count === 1 ? t('player.ambiguous.no') : t('player.ambiguous.none') }
              : { action: 'reject', label: t('player.ambiguous.next', { k: s.candidate + 2, n: s.count }) },
            ...(last
              ? []
              : [{ action: 'none' as const, label: t('player.ambiguous.none'), variant: 'ghost' as const }]),
          ],
          footer,
          focus: true,
        };
        if (cand) revealElement(cand, this.reducedMotion);
        overlay.render(view, 'anchor', cand, 'candidate');
        this.watch(
          this.candidates.map((c) => c.element),
          step,
        );
        if (changed) overlay.announce(`${view.title} ${view.text ?? ''}`);
        return;
      }
      case 'looks-different': {
        const step = pb.steps[s.index]!;
        const name = elementName(step);
        const otherPage =
          !samePage(pageOfStep(step), location.href) &&
          !samePage(step.url, location.href) &&
          /^https?:/i.test(step.url);
        const shot = this.screenshotFor(step);
        const view: CardView = {
          kind: 'looks-different',
          progress: { k: s.index + 1, n },
          badge: 'warn',
          title: t('player.different.title'),
          text: name ? t('player.different.text', { name }) : t('player.different.textGeneric'),
          ...(otherPage ? { note: { icon: 'info' as const, text: t('player.different.otherPage') } } : {}),
          ...(shot
            ? { screenshot: { bitmap: shot, alt: t('player.different.shotAlt'), label: t('player.different.shot') } }
            : {}),
          stack: true,
          buttons: [
            ...(otherPage
              ? [{ action: 'go-page' as const, label: t('player.different.goThere'), variant: 'primary' as const }]
              : []),
            { action: 'point', label: t('player.different.point'), variant: otherPage ? 'secondary' : 'primary' },
            { action: 'skip', label: t('player.different.skip') },
            { action: 'question', label: t('player.different.ask') },
            { action: 'stop', label: t('player.different.stop') },
          ],
          focus: true,
        };
        overlay.render(view, 'center');
        if (changed) overlay.announce(`${view.title}. ${view.text ?? ''}`);
        return;
      }
      case 'pointing': {
        if (!this.pickOffs.length) this.pick();
        if (s.picked && this.picked) {
          const view: CardView = {
            kind: 'pointing',
            progress: { k: s.index + 1, n },
            title: t('player.point.confirmTitle'),
            text: t('player.point.confirmText'),
            buttons: [
              { action: 'pick-yes', label: t('player.point.yes'), variant: 'primary' },
              { action: 'pick-again', label: t('player.point.again') },
            ],
            footer: [{ action: 'pick-cancel', label: t('player.point.cancel'), variant: 'quiet' }],
            focus: true,
          };
          overlay.render(view, 'anchor', this.picked, 'picked');
          if (changed) overlay.announce(view.title);
        } else {
          const view: CardView = {
            kind: 'pointing',
            progress: { k: s.index + 1, n },
            title: t('player.point.title'),
            text: t('player.point.text'),
            buttons: [{ action: 'pick-cancel', label: t('player.point.cancel') }],
          };
          overlay.render(view, 'dock');
          if (changed) overlay.announce(`${view.title} ${view.text ?? ''}`);
        }
        return;
      }
      case 'paused': {
        const view: CardView = {
          kind: 'paused',
          title: t('player.paused.title'),
          text: t('player.paused.text', { title: pb.walkthrough.title, k: s.index + 1, n }),
          buttons: [
            { action: 'resume', label: t('player.resume'), variant: 'primary' },
            { action: 'exit', label: t('player.exit'), variant: 'quiet' },
          ],
        };
        overlay.render(view, 'dock');
        if (changed) overlay.announce(view.title);
        return;
      }
      case 'finished': {
        const text = t('player.finished.text', { title: pb.walkthrough.title });
        const view: CardView = {
          kind: 'finished',
          progress: { k: n, n },
          badge: 'ok',
          title: t('player.finished.title'),
          text: this.timesFinished >= 2 ? `${text} ${t('player.finished.times', { n: this.timesFinished })}` : text,
          buttons: [
            { action: 'close', label: t('player.finished.close'), variant: 'primary' },
            { action: 'restart', label: t('player.finished.again') },
          ],
          footer: [{ action: 'question', label: t('player.question'), variant: 'ghost' }],
          focus: true,
        };
        overlay.render(view, 'center');
        if (changed) overlay.announce(`${view.title} ${view.text ?? ''}`);
        return;
      }
      default:
        assertNever(s);
    }
  }

  private stepView(step: PlayStep, index: number, n: number, footer: Button[]): CardView {
    const t = this.t;
    const a = step.action;
    const tip = a.type === 'tip';
    const hasElement = !!this.target && needsElement(step);
    let note: CardView['note'];
    if (a.type === 'input' && a.sensitive) note = { icon: 'lock', text: t('player.sensitive') };
    else if (tip || !hasElement) {
      note =
        a.type === 'navigate'
          ? { icon: 'info', text: t('player.navigateWait') }
          : { icon: 'info', text: t('player.tipNext') };
    } else note = { icon: 'hand', text: t('player.doItYourself') };
    const example =
      a.type === 'input' && a.keepValue && !a.sensitive && a.exampleValue
        ? t('player.example', { value: a.exampleValue })
        : undefined;
    return {
      kind: 'step',
      progress: { k: index + 1, n },
      title: step.title || this.fallbackTitle(step),
      titleLang: this.pb?.walkthrough.language,
      ...(step.explanation ? { text: step.explanation } : {}),
      ...(example ? { example } : {}),
      note,
      buttons: [
        { action: 'back', label: t('player.back'), disabled: index === 0 },
        { action: 'next', label: t('player.next'), variant: tip || !hasElement ? 'primary' : 'secondary' },
      ],
      footer,
    };
  }

  private fallbackTitle(step: PlayStep): string {
    const t = this.t;
    const a = step.action;
    switch (a.type) {
      case 'click':
        return t('player.fallback.click');
      case 'input':
        return t('player.fallback.input');
      case 'select':
        return t('player.fallback.select', { option: a.optionText });
      case 'check':
        return a.checked ? t('player.fallback.check') : t('player.fallback.uncheck');
      case 'submit':
        return t('player.fallback.submit');
      case 'navigate':
        return t('player.fallback.navigate');
      case 'new-tab':
        return t('player.fallback.newTab');
      case 'tip':
        return t('player.fallback.tip');
      default:
        return assertNever(a);
    }
  }

  /** The recorded screenshot, loaded once per step; the card re-renders when it arrives. */
  private screenshotFor(step: PlayStep): ImageBitmap | null {
    if (!step.hasScreenshot || !this.pb) return null;
    if (this.shots.has(step.id)) return this.shots.get(step.id) ?? null;
    this.shots.set(step.id, null);
    const wid = this.pb.walkthrough.id;
    void this.port
      .screenshot(wid, step.id)
      .then((blob) => (blob ? createImageBitmap(blob) : null))
      .then((bitmap) => {
        if (!bitmap) return;
        this.shots.set(step.id, bitmap);
        const i = stepIndexOf(this.state);
        if (this.state.kind === 'looks-different' && i !== undefined && this.pb?.steps[i]?.id === step.id) {
          this.lastRendered = '';
          this.render();
        }
      })
      .catch(() => undefined);
    return null;
  }

  private overlayPrefs(p: UiPrefs) {
    return { largeText: p.largeText, dimPage: p.dimPage, reducedMotion: this.reducedMotion };
  }

  /** Remove the overlay; after "exit" a short notice says where he can continue. */
  private teardown(exitedAt?: number): void {
    this.stopLooking();
    this.unwatch();
    this.unpick();
    for (const off of this.globalOffs.splice(0)) off();
    this.target = null;
    this.candidates = [];
    this.chosen = null;
    this.picked = null;
    this.confirmed.clear();
    this.clearToast();
    const overlay = this.overlay;
    if (!overlay) return;
    if (exitedAt === undefined) {
      overlay.destroy();
      this.overlay = null;
      return;
    }
    overlay.render(
      {
        kind: 'toast',
        title: this.t('player.exited', { k: exitedAt + 1 }),
        buttons: [{ action: 'close', label: this.t('player.finished.close'), variant: 'quiet' }],
      },
      'dock',
    );
    overlay.announce(this.t('player.exited', { k: exitedAt + 1 }));
    this.toastTimer = setTimeout(() => this.clearToast(true), this.timing.toastMs);
  }

  private clearToast(destroy = false): void {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
    if (destroy && this.state.kind === 'idle' && this.overlay) {
      this.overlay.destroy();
      this.overlay = null;
    }
  }
}

/**
 * How long a `change` waits before it counts: 0 = at once (text fields fire it only when left; boxes
 * and radios are one click), -1 = only when the field is left or Enter is pressed.
 */
function settleMs(el: Element): number {
  const tag = tagOf(el);
  if (tag === 'select') return (el as HTMLSelectElement).multiple ? -1 : 900;
  if (tag !== 'input') return 0;
  const type = (el as HTMLInputElement).type;
  if (['date', 'time', 'datetime-local', 'month', 'week'].includes(type)) return 2500;
  if (['number', 'range', 'color'].includes(type)) return 1500;
  return 0;
}

/** A date typed digit by digit is "0002-08-04" on the way to "2025-08-04": only a plausible value counts. */
function isComplete(el: Element): boolean {
  if (tagOf(el) !== 'input') return true;
  const { type, value } = el as HTMLInputElement;
  if (type === 'date' || type === 'datetime-local' || type === 'month' || type === 'week')
    return /^(19|20|21)\d\d-/.test(value);
  return value !== '';
}

function rankOf(r: ResolveResult): number {
  return r.status === 'found' ? 2 : r.status === 'ambiguous' ? 1 : 0;
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}

/** The candidates worth asking about: close to the best and near-sure, at most three. */
export function pickCandidates(res: ResolveResult): { element: Element; score: number }[] {
  const all = res.candidates.filter((c) => c.element && !isLotseUi(c.element));
  if (all.length === 0) return [];
  const best = all[0]!.score;
  if (best < ASK_MIN_SCORE) return all.slice(0, 1); // the one that stands out
  return all.filter((c, i) => i === 0 || (c.score >= best - 0.15 && c.score >= ASK_MIN_SCORE)).slice(0, 3);
}
