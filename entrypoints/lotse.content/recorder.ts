/**
 * Recorder, in-page part (isolated world; no React: the injected script stays small).
 *
 * Listens in the capture phase on the top window and on every same-origin iframe's window: we attach
 * from the top frame instead of injecting into each frame, so there is ONE ordered event stream, one
 * recording bar, one tracker, and rects are measured in the top viewport directly. Events inside open
 * shadow roots are read at `composedPath()[0]`. Only trusted (user) events count; Lotse's own UI never.
 *
 * Steps and screenshot requests go to the background through an ordered outbox that retries while the
 * service worker restarts, so stopping the worker mid-recording loses nothing.
 */
import { describe, resolve, type ElementFingerprint } from '~/lib/locator';
import { computedStyleFn, contentDocumentOf, documentElementOf, isElement, ownerDocument, tagOf, viewOf } from '~/lib/locator/dom';
import { LotseError, send, type ContentMap, type Handlers } from '~/lib/messages';
import type { RecorderStatus, StepReport } from '~/lib/messages/parts/recorder';
import { contextAlive, whenReachable } from './reach';
import { isLotseUi } from '~/lib/inpage/host';
import type { UiLocale } from '~/lib/i18n/inpage';
import type { StepAction } from '~/lib/schema';
import { RecordingBar } from '~/lib/recorder/bar';
import { PickerOverlay, PreviewOverlay } from '~/lib/recorder/overlay';
import { controlKind, formOf, inputTypeOf, isDisabled, isSensitiveField, isSubmitter, meaningfulTarget, type ControlKind } from '~/lib/recorder/fields';
import { StepTracker, type Op } from '~/lib/recorder/tracker';
import { checkedOf, collectMasks, fieldValue, selectedOptionText, titleLabel, topRect, viewportOf, type Rect } from '~/lib/recorder/page';

/* ---------- state of this document ---------- */

let recording = false;
let paused = false;
let locale: UiLocale = 'en';
let bar: RecordingBar | undefined;
let tracker = new StepTracker<Element>(uuid);
/** values typed during this recording (this page and earlier ones): masked wherever they show up */
const secrets = new Set<string>();
/** snap id → the element and what we knew about it at pointerdown (before the click changed the page) */
const snaps = new Map<string, SnapEntry>();
let picker: { stepId: string; overlay: PickerOverlay; hovered?: Element } | undefined;
let preview: PreviewOverlay | undefined;
let lastHref = location.href;
let navTimer: ReturnType<typeof setTimeout> | undefined;
let frameScan: ReturnType<typeof setInterval> | undefined;

/** e2e build only: handler timings for bench/recorder.bench.ts (read through the isolated world) */
const perf: { kind: string; ms: number }[] = [];
declare global {
  var __lotseRecorderPerf: { kind: string; ms: number }[] | undefined;
}
if (import.meta.env.MODE === 'e2e') globalThis.__lotseRecorderPerf = perf;

/** RFC 4122 v4 from getRandomValues: crypto.randomUUID needs a secure context, many sites are http. */
function newUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = Array.from(b, (n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** ids made ahead (outside event handlers): a pointerdown takes one instead of asking the OS for randomness */
const idPool: string[] = [];
function fillIds(): void {
  while (idPool.length < 16) idPool.push(newUuid());
}
function uuid(): string {
  const id = idPool.pop() ?? newUuid();
  if (idPool.length < 4) later(fillIds);
  return id;
}

/* ---------- outbox: ordered, retried ---------- */

type Job = () => Promise<unknown>;
const outbox: Job[] = [];
let pumping: Promise<void> | undefined;

async function withRetry<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await whenReachable(job);
  } catch (err) {
    if (!contextAlive()) teardown(); // the extension was reloaded or updated: this script is orphaned
    throw err;
  }
}

function enqueue(job: Job): void {
  outbox.push(job);
  pumping ??= (async () => {
    while (outbox.length) {
      const next = outbox.shift()!;
      await withRetry(next).catch(() => undefined);
    }
    pumping = undefined;
  })();
}

async function drain(): Promise<void> {
  runDeferred();
  while (pumping) await pumping;
}

/* ---------- the bar and status ---------- */

function applyStatus(s: RecorderStatus): void {
  if (!s.recording) return;
  paused = s.paused;
  bar?.update({ paused: s.paused, stepCount: s.stepCount, lastTitle: s.lastTitle });
}

function start(s: RecorderStatus & { locale: UiLocale; secrets?: string[] }): void {
  locale = s.locale;
  for (const v of s.secrets ?? []) secrets.add(v);
  paused = s.paused;
  if (!recording) {
    recording = true;
    tracker = new StepTracker<Element>(uuid);
    attachAll();
    frameScan = setInterval(attachFrames, 1000);
    setTimeout(warmUp, 0);
  }
  bar ??= new RecordingBar(locale, {
    onPause: (p) => {
      paused = p;
      bar?.update({ paused: p });
      if (p) runOps(tracker.flush(Date.now()));
      enqueue(() => send('recorder.pause', { paused: p }).then(applyStatus));
    },
    onStop: () => void stopFromBar(),
  });
  bar.show({ paused: s.paused, stepCount: s.stepCount, lastTitle: s.lastTitle });
}

async function stopFromBar(): Promise<void> {
  runOps(tracker.flush(Date.now()));
  await drain();
  // not through the outbox: the background's stop asks this page to finish first
  await withRetry(() => send('recorder.stop', {})).catch(() => undefined);
  teardown();
}

/** Stop listening here (recording ended, moved to another tab, or this script is orphaned). */
function teardown(): void {
  recording = false;
  bar?.remove();
  bar = undefined;
  if (frameScan) clearInterval(frameScan);
  frameScan = undefined;
  snaps.clear();
}

/* ---------- listening in every same-origin document ---------- */

const attached = new WeakSet<Window>();
const watchedFrames = new WeakSet<Element>();
const EVENTS = ['pointerdown', 'click', 'input', 'change', 'keydown', 'focusout', 'submit', 'pointermove', 'mousedown', 'mouseup', 'pointerup'] as const;

function attachWindow(win: Window): void {
  if (attached.has(win)) return;
  attached.add(win);
  for (const type of EVENTS) win.addEventListener(type, onEvent, { capture: true });
  // keydown for Escape in the picker and Enter in fields; pagehide: commit typing before the page goes
  win.addEventListener('pagehide', onPageHide, { capture: true });
}

function attachAll(): void {
  attachWindow(window);
  attachFrames();
}

/** Same-origin iframes (the help widget): attach to their windows; again after they navigate. */
function attachFrames(): void {
  const visit = (doc: Document, depth: number) => {
    if (depth > 5) return;
    const frames = Document.prototype.getElementsByTagName.call(doc, 'iframe');
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i]!;
      const d = contentDocumentOf(f);
      const w = d ? viewOf(d) : null;
      if (!d || !w || !documentElementOf(d)) continue; // cross-origin or not loaded
      attachWindow(w);
      if (!watchedFrames.has(f)) {
        watchedFrames.add(f);
        f.addEventListener('load', () => attachFrames());
      }
      visit(d, depth + 1);
    }
  };
  visit(document, 0);
}

function onPageHide(): void {
  if (!recording) return;
  runDeferred();
  runOps(tracker.flush(Date.now()), true);
  // the page goes away: send what is queued now, without waiting for answers one by one
  const jobs = outbox.splice(0);
  for (const job of jobs) void job().catch(() => undefined);
}

/* ---------- events → steps ---------- */

/**
 * V8 compiles a function on its first call: the first click of a recording paid for compiling the whole
 * handler path (~2 ms on a busy machine). Run that path once on detached elements and a throwaway
 * tracker right after recording starts, so the person's first click does not wait for the compiler.
 * Touches nothing of the page.
 */
function warmUp(): void {
  try {
    fillIds();
    const mk = (tag: string) => Document.prototype.createElement.call(document, tag);
    const form = mk('form');
    const button = mk('button');
    const input = mk('input');
    const span = mk('span');
    form.append(button, input);
    button.append(span);
    const t = new StepTracker<Element>(() => 'warm-up');
    for (const el of [button, input]) {
      const target = meaningfulTarget([span, el, form], () => '') ?? el;
      isLotseUi(target);
      isDisabled(target);
      const kind = kindOf(target);
      t.handle({ type: 'pointerdown', el: target, kind, at: 0 });
      t.handle({ type: 'click', el: target, kind, detail: 1, at: 1, submits: isSubmitter(target) ? formOf(target) : undefined });
      const field = fieldOf(target);
      if (field) {
        t.handle({ type: 'input', el: field, at: 2 });
        t.handle({ type: 'change', el: field, kind: kindOf(field), at: 3 });
        t.handle({ type: 'commit', el: field, reason: 'blur', at: 4 });
        fieldValue(field);
      }
    }
    meaningfulTarget([span], () => 'pointer');
    t.handle({ type: 'submit', form, at: 5 });
  } catch {
    /* only an optimisation */
  }
}

function cursorOf(el: Element): string {
  const doc = ownerDocument(el);
  try {
    return (doc && computedStyleFn(doc)?.(el).cursor) || '';
  } catch {
    return '';
  }
}

function onEvent(ev: Event): void {
  if (picker) {
    onPickerEvent(ev);
    return;
  }
  if (!recording || paused || !ev.isTrusted) return;
  const type = ev.type;
  if (type === 'pointermove' || type === 'mousedown' || type === 'mouseup' || type === 'pointerup') return;
  const t0 = performance.now();
  const path = ev.composedPath();
  const inner = path[0];
  if (!isElement(inner) || isLotseUi(inner as Node)) return;
  const at = Date.now();
  let ops: Op<Element>[] = [];
  switch (type) {
    case 'pointerdown': {
      if ((ev as PointerEvent).button !== 0) return;
      const el = meaningfulTarget(path, cursorOf);
      if (!el || isDisabled(el)) return;
      ops = tracker.handle({ type: 'pointerdown', el, kind: kindOf(el), at });
      break;
    }
    case 'click': {
      const el = meaningfulTarget(path, cursorOf);
      if (!el || isDisabled(el)) return;
      const kind = kindOf(el);
      ops = tracker.handle({ type: 'click', el, kind, detail: (ev as MouseEvent).detail, at, submits: isSubmitter(el) ? formOf(el) : undefined });
      break;
    }
    case 'input': {
      const el = fieldOf(inner);
      if (el && kindOf(el) === 'text') ops = tracker.handle({ type: 'input', el, at });
      break;
    }
    case 'change': {
      const el = fieldOf(inner);
      if (el) ops = tracker.handle({ type: 'change', el, kind: kindOf(el), at });
      break;
    }
    case 'keydown': {
      const k = ev as KeyboardEvent;
      if (k.key !== 'Enter' || k.isComposing || k.shiftKey) return;
      const el = fieldOf(inner);
      // Enter commits a one-line field; in a textarea or rich text it is a new line
      if (el && kindOf(el) === 'text' && tagOf(el) === 'input') ops = tracker.handle({ type: 'commit', el, reason: 'enter', at });
      break;
    }
    case 'focusout': {
      const el = fieldOf(inner);
      if (el && kindOf(el) === 'text') ops = tracker.handle({ type: 'commit', el, reason: 'blur', at });
      break;
    }
    case 'submit': {
      const form = inner;
      if (tagOf(form) !== 'form') return;
      const submitter = (ev as SubmitEvent).submitter ?? undefined;
      ops = tracker.handle({ type: 'submit', form, submitter: submitter && !isLotseUi(submitter) ? submitter : undefined, at });
      break;
    }
  }
  if (ops.length) runOps(ops);
  // with the Navigation API, lastHref is current already (it reports every same-document navigation)
  if (!hasNavigationApi) checkUrl();
  if (import.meta.env.MODE === 'e2e' && perf.length < 5000) perf.push({ kind: ops.length ? `${type}:op` : type, ms: performance.now() - t0 });
}

function kindOf(el: Element): ControlKind {
  return controlKind(el) ?? 'click';
}

/** The field an input/change/focus event is about (the editing host for rich text). */
function fieldOf(node: EventTarget): Element | undefined {
  if (!isElement(node)) return undefined;
  const el = node as Element;
  if (controlKind(el)) return el;
  // events inside a contenteditable report the host; a child may be reported by some editors
  const host = Element.prototype.closest.call(el, '[contenteditable]:not([contenteditable=false])');
  return host ?? undefined;
}

/**
 * Inside the event handler only cheap work happens (target, rect, queueing): the page's own reaction to
 * the click must not wait for us. The fingerprint and the step report are built in a task right after
 * (a person's press lasts ~100 ms, so this still sees the page before the click changed it). `sync`:
 * the page is going away, do everything now.
 */
function runOps(ops: Op<Element>[], sync = false): void {
  for (const op of ops) {
    if (op.op === 'snap') {
      const entry: SnapEntry = { el: op.el };
      snaps.set(op.id, entry);
      if (snaps.size > 300) snaps.delete(snaps.keys().next().value!);
      // measuring forces a layout (hover styles just changed): not inside the handler
      const snap = () => {
        entry.rect ??= topRect(op.el);
        enqueue(() => send('recorder.snap', { id: op.id }));
      };
      if (sync) {
        snap();
        fingerprint(entry);
      } else {
        later(snap);
        later(() => fingerprint(entry));
      }
    } else {
      // what was typed is read now, before the page reacts (a submit handler may clear the field):
      // it is masked from this moment on
      const typed = op.kind === 'input' ? fieldValue(op.el) : undefined;
      // an SPA may change the route before the report is built
      const url = hasNavigationApi ? lastHref : location.href;
      // a click faster than a person's (scripts, tests) arrives before the pointerdown's deferred
      // fingerprint ran: take it now, while we still see the page as it was
      const known = snaps.get(op.id);
      if (known && !known.fp && op.kind === 'click') fingerprint(known);
      if (typed?.trim()) secrets.add(typed.replace(/\s+/g, ' ').trim());
      const emit = () => {
        const report = buildReport(op, typed, url);
        if (report) enqueue(() => send('recorder.step', report).then(applyStatus));
      };
      if (sync) emit();
      else later(emit);
    }
  }
}

interface SnapEntry {
  el: Element | undefined;
  rect?: Rect;
  fp?: ElementFingerprint;
  label?: string;
}

function fingerprint(entry: SnapEntry): void {
  if (entry.fp || !entry.el) return;
  entry.rect ??= topRect(entry.el);
  const fp = safeDescribe(entry.el);
  if (fp) {
    entry.fp = fp;
    const label = titleLabel(entry.el, fp);
    if (label) entry.label = label;
  }
}

/** Work to do right after the current event, in order. */
const deferred: (() => void)[] = [];
let deferTimer: ReturnType<typeof setTimeout> | undefined;

function later(fn: () => void): void {
  deferred.push(fn);
  deferTimer ??= setTimeout(runDeferred, 0);
}

/** Also called synchronously when the page goes away or recording stops: nothing is left behind. */
function runDeferred(): void {
  if (deferTimer) clearTimeout(deferTimer);
  deferTimer = undefined;
  while (deferred.length) {
    const fn = deferred.shift()!;
    const t0 = performance.now();
    try {
      fn();
    } catch {
      /* one failed fingerprint never stops the others */
    }
    if (import.meta.env.MODE === 'e2e' && perf.length < 5000) perf.push({ kind: 'deferred', ms: performance.now() - t0 });
  }
}

function safeDescribe(el: Element): ElementFingerprint | undefined {
  try {
    return describe(el);
  } catch {
    return undefined;
  }
}

function buildReport(op: Extract<Op<Element>, { op: 'emit' }>, typed: string | undefined, url: string): StepReport | undefined {
  const el = op.el;
  const known = snaps.get(op.id);
  if (known) fingerprint(known);
  // a click's target may be gone by now (the dialog closed): what we saw at pointerdown counts
  const fresh = el.isConnected && op.kind !== 'click' ? safeDescribe(el) : undefined;
  const fp = fresh ?? known?.fp ?? safeDescribe(el);
  const label = fresh ? titleLabel(el, fresh) : (known?.label ?? titleLabel(el, fp));
  let action: StepAction;
  const extraSecrets: string[] = [];
  switch (op.kind) {
    case 'click':
      action = { type: 'click' };
      break;
    case 'submit':
      action = { type: 'submit' };
      break;
    case 'select': {
      const o = selectedOptionText(el);
      action = { type: 'select', optionText: o.text, ...(o.value !== undefined ? { optionValue: o.value } : {}) };
      break;
    }
    case 'check':
      action = { type: 'check', checked: checkedOf(el), inputType: inputTypeOf(el) === 'radio' ? 'radio' : 'checkbox' };
      break;
    case 'input': {
      const value = typed ?? fieldValue(el);
      if (value.trim()) extraSecrets.push(value);
      action = { type: 'input', inputType: inputTypeOf(el).slice(0, 40), keepValue: false, sensitive: isSensitiveField(el, label ?? '') };
      break;
    }
  }
  return {
    id: op.id,
    url,
    update: op.update,
    action,
    ...(fp ? { target: fp } : {}),
    ...(fp?.role ? { role: fp.role } : {}),
    ...(label ? { label } : {}),
    ...(extraSecrets.length ? { secrets: extraSecrets.slice(0, 5) } : {}),
  };
}

/* ---------- SPA navigation ---------- */

/** the Navigation API keeps lastHref current: handlers need not read location.href (set by watchNavigation) */
let hasNavigationApi = false;

interface NavigationLike {
  addEventListener(type: 'currententrychange', fn: (e: Event & { navigationType?: string | null }) => void): void;
}

/**
 * The isolated world cannot see the page's `history.pushState` calls; the Navigation API reports every
 * same-document navigation to all worlds. popstate/hashchange and a URL check on our own events cover
 * browsers without it.
 */
function watchNavigation(): void {
  const nav = (globalThis as { navigation?: NavigationLike }).navigation;
  if (nav?.addEventListener) {
    hasNavigationApi = true;
    nav.addEventListener('currententrychange', (e) => {
      const t = e.navigationType;
      checkUrl(t === 'traverse' ? 'pop' : t === 'replace' ? 'replace' : 'push');
    });
  } else {
    setInterval(() => checkUrl(), 1000);
  }
  window.addEventListener('popstate', () => checkUrl('pop'));
  window.addEventListener('hashchange', () => checkUrl('hash'));
}

function checkUrl(via?: 'push' | 'replace' | 'pop' | 'hash'): void {
  const href = location.href;
  if (href === lastHref) return;
  const from = lastHref;
  lastHref = href;
  if (!recording) return;
  const onlyHash = from.split('#')[0] === href.split('#')[0];
  const kind = via === 'pop' ? 'pop' : onlyHash ? 'hash' : (via ?? 'push');
  // apps set the new title a moment after the route changes
  if (navTimer) clearTimeout(navTimer);
  navTimer = setTimeout(() => {
    enqueue(() => send('recorder.navigated', { via: kind, url: href, from, title: document.title.slice(0, 500) }).then(applyStatus));
  }, 300);
}

/* ---------- capture ---------- */

function hideUi(hidden: boolean): void {
  bar?.setHidden(hidden);
  if (picker) picker.overlay.element.style.setProperty('visibility', hidden ? 'hidden' : 'visible', 'important');
  if (preview && hidden) {
    preview.remove();
    preview = undefined;
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

async function prepareCapture(id: string) {
  hideUi(true);
  // the frame without our UI must be painted before the background captures
  await nextFrame();
  await nextFrame();
  const vp = viewportOf(window);
  // kept (bounded map): the step that follows may still need the fingerprint taken at pointerdown
  const known = snaps.get(id);
  const el = known?.el;
  const now = el?.isConnected ? topRect(el) : undefined;
  const target = now && now.w > 0 && now.h > 0 ? now : known?.rect;
  const masks = collectMasks(document, [...secrets], vp.w, vp.h);
  // safety net for our own UI (hidden already)
  return { url: location.href, viewport: vp, ...(target && target.w > 0 ? { target } : {}), masks };
}

/* ---------- picker (choose the element again) and preview ---------- */

function startPicker(stepId: string, loc: UiLocale): void {
  stopPicker();
  const overlay = new PickerOverlay(loc, () => cancelPicker());
  picker = { stepId, overlay };
  attachAll();
}

function stopPicker(): void {
  picker?.overlay.remove();
  picker = undefined;
}

function cancelPicker(): void {
  const p = picker;
  stopPicker();
  if (p) enqueue(() => send('recorder.pickCancelled', { stepId: p.stepId }));
}

function onPickerEvent(ev: Event): void {
  const p = picker!;
  const path = ev.composedPath();
  const inner = path[0];
  if (ev.type === 'keydown') {
    if ((ev as KeyboardEvent).key === 'Escape') {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      cancelPicker();
    }
    return;
  }
  if (!isElement(inner) || isLotseUi(inner as Node)) return;
  const el = meaningfulTarget(path, cursorOf) ?? (inner as Element);
  if (ev.type === 'pointermove') {
    if (p.hovered !== el) {
      p.hovered = el;
      p.overlay.outline(topRect(el));
    }
    return;
  }
  if (!['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].includes(ev.type)) return;
  // the page must not react to the picking click
  ev.preventDefault();
  ev.stopImmediatePropagation();
  if (ev.type !== 'click' || !ev.isTrusted) return;
  const fp = safeDescribe(el);
  if (!fp) return;
  const label = titleLabel(el, fp);
  snaps.set(p.stepId, { el, rect: topRect(el), fp });
  stopPicker();
  enqueue(() =>
    send('recorder.picked', { stepId: p.stepId, target: fp, ...(fp.role ? { role: fp.role } : {}), ...(label ? { label } : {}) }),
  );
}

async function highlight(target: ElementFingerprint, title: string, n: number, loc: UiLocale): Promise<boolean> {
  preview?.remove();
  preview = undefined;
  const res = await resolve(target, document, { exclude: (e) => isLotseUi(e) });
  const el = res.status === 'found' ? res.element : undefined;
  if (!el) return false;
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  const p = new PreviewOverlay(loc, n, title);
  preview = p;
  p.track(
    () => (el.isConnected ? topRect(el) : undefined),
    6000,
    () => {
      if (preview === p) preview = undefined;
    },
  );
  return true;
}

/* ---------- protocol ---------- */

/** recorder: answers to the background inside the page. */
export const recorderHandlers: Handlers<ContentMap> = {
  'recorder.begin': (s) => {
    start(s);
    return {};
  },
  'recorder.end': async () => {
    if (recording) runOps(tracker.flush(Date.now()));
    await drain();
    teardown();
    return {};
  },
  'recorder.state': (s) => {
    if (!s.recording) teardown();
    else applyStatus(s);
    return {};
  },
  'recorder.prepareCapture': ({ id, clicked }) => {
    // The page that was clicked is gone (a link navigated before the capture's turn came): a screenshot
    // now would show another page under this step. No screenshot is better than a wrong one.
    if (clicked && !snaps.has(id)) throw new LotseError('not-found', 'snap of another page');
    return prepareCapture(id);
  },
  'recorder.captureDone': () => {
    hideUi(false);
    return {};
  },
  'recorder.pick': ({ stepId, locale: loc }) => {
    startPicker(stepId, loc);
    return {};
  },
  'recorder.highlight': async ({ target, title, n, locale: loc }) => ({ found: await highlight(target, title, n, loc) }),
};

function loadType(): 'navigate' | 'reload' | 'back_forward' | 'prerender' | undefined {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type;
  } catch {
    return undefined;
  }
}

/** recorder: start-up inside the page: after a navigation, ask whether this tab is being recorded. */
export function initRecorder(): void {
  watchNavigation();
  const lt = loadType();
  void withRetry(() =>
    send('recorder.attach', { url: location.href, title: document.title.slice(0, 500), ...(lt ? { loadType: lt } : {}) }),
  )
    .then((s) => {
      if (s.recording) start(s);
    })
    .catch(() => undefined);
}
