/**
 * Recorder, background side: starts/stops a recording, turns the content script's step reports into
 * steps (titles in the walkthrough's language, privacy rules), captures screenshots through the queue,
 * re-injects the content script after every navigation of the recorded tab, follows new tabs the site
 * opens. All state is in storage.session (survives the worker being stopped) and Dexie.
 */
import { browser } from 'wxt/browser';
import { getDb } from '~/lib/db';
import { getSettings } from '~/lib/db/settings';
import { browserLanguage, createTranslator, resolveLocale, type UiLocale } from '~/lib/i18n';
import { LotseError, sendToTab, targetTab, type BackgroundMap, type Handlers } from '~/lib/messages';
import type { RecorderStatus, StepReport } from '~/lib/messages/parts/recorder';
import { cropCapture } from '~/lib/capture/crop';
import { registerTestHook } from '~/lib/testing/hooks';
import {
  ElementFingerprintSchema,
  WalkthroughSchema,
  newId,
  nowIso,
  type ElementFingerprint,
  type Screenshot,
  type Step,
  type StepAction,
  type Walkthrough,
} from '~/lib/schema';
import {
  PICK_KEY,
  PickStateSchema,
  RECORDING_KEY,
  RecordingStateSchema,
  SECRETS_KEY,
  addSecrets,
  containsSecret,
  scrubSecrets,
  type PickState,
  type RecordingState,
} from '~/lib/recorder/state';
import { navigationIsStep, pageUrl, type NavVia } from '~/lib/recorder/tracker';
import { stepTitle } from '~/lib/recorder/titles';
import { originsOf } from '~/lib/player/steps';
import { captureIdle, captureQueued } from './capture';
import { ensureContentScript, registerForOrigins } from './inject';

/* ---------- state in storage.session ---------- */

async function readState(): Promise<RecordingState | undefined> {
  const got = await browser.storage.session.get(RECORDING_KEY);
  const parsed = RecordingStateSchema.safeParse(got[RECORDING_KEY]);
  return parsed.success ? parsed.data : undefined;
}

async function writeState(s: RecordingState | undefined): Promise<void> {
  if (s) await browser.storage.session.set({ [RECORDING_KEY]: s });
  else await browser.storage.session.remove([RECORDING_KEY, SECRETS_KEY]);
  await syncRecorderPages(s);
}

/**
 * While recording, the content script is registered for the site the recorded tab shows (like the
 * player's, see registerForOrigins): a full page load there gets it from the browser itself, even when
 * the service worker is stopped just then. Other tabs of the site get it too; they ask whether they
 * are recorded, hear no and stay idle.
 */
const RECORDER_PAGES = 'lotse-recorder-pages';
async function syncRecorderPages(s: RecordingState | undefined): Promise<void> {
  const origins = s?.lastUrl ? [...originsOf([s.lastUrl])].filter((o) => /^https?:/i.test(o)) : [];
  await registerForOrigins(RECORDER_PAGES, origins);
}

async function readSecrets(): Promise<string[]> {
  const got = await browser.storage.session.get(SECRETS_KEY);
  const v = got[SECRETS_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Every change of the recording runs in order (messages arrive concurrently; the worker is single). */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn);
  chain = run.catch(() => undefined);
  return run;
}

async function uiLocale(): Promise<UiLocale> {
  const s = await getSettings();
  return resolveLocale(s.locale, browserLanguage());
}

async function stepCount(walkthroughId: string): Promise<number> {
  return getDb().steps.where('walkthroughId').equals(walkthroughId).count();
}

async function statusOf(s: RecordingState | undefined): Promise<RecorderStatus> {
  if (!s) return { recording: false, paused: false, stepCount: 0 };
  return {
    recording: true,
    tabId: s.tabId,
    walkthroughId: s.walkthroughId,
    paused: s.paused,
    stepCount: await stepCount(s.walkthroughId),
    ...(s.lastTitle ? { lastTitle: s.lastTitle } : {}),
    ...(s.blockedOrigin ? { blockedOrigin: s.blockedOrigin } : {}),
  };
}

async function setBadge(on: boolean): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: on ? 'REC' : '' });
    if (on) await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
  } catch {
    /* no action API (tests) */
  }
}

/** Tell the recorded tab's bar; the tab may be gone or navigating (then it asks on its own). */
function notifyTab(s: RecordingState, status: RecorderStatus): void {
  void sendToTab(s.tabId, 'recorder.state', status).catch(() => undefined);
}

/* ---------- walkthroughs and steps ---------- */

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url.slice(0, 60);
  }
}

/** The first page: origin + path (a query may hold tokens); must be a valid URL for the schema. */
function startUrlOf(url: string): string {
  const p = pageUrl(url);
  try {
    return new URL(p).href;
  } catch {
    return url;
  }
}

function originPatternOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/** A fingerprint without anything typed; undefined when nothing valid is left. */
function cleanTarget(fp: ElementFingerprint | undefined, secrets: readonly string[]): ElementFingerprint | undefined {
  if (!fp) return undefined;
  const scrubbed = scrubSecrets(fp, secrets);
  const ok = ElementFingerprintSchema.safeParse(scrubbed);
  if (ok.success) return ok.data;
  // a required part (e.g. the role selector's name) was typed text: drop the ready selectors
  const { selectors: _drop, ...rest } = scrubbed as ElementFingerprint;
  const again = ElementFingerprintSchema.safeParse(rest);
  return again.success ? again.data : undefined;
}

/** What the content script may decide about an action; privacy decisions are re-applied here. */
function cleanAction(a: StepAction): StepAction {
  if (a.type === 'input') return { type: 'input', inputType: a.inputType, keepValue: false, sensitive: a.sensitive };
  return a;
}

/** Write or replace one step (idempotent by id: a retried message never makes two steps). */
async function putStep(
  s: RecordingState,
  report: Omit<StepReport, 'update' | 'url'> & { pageTitle?: string },
  url: string,
): Promise<Step | undefined> {
  const db = getDb();
  const secrets = await readSecrets();
  const label = containsSecret(report.label, secrets) ? undefined : report.label;
  const pageTitle = containsSecret(report.pageTitle, secrets) ? undefined : report.pageTitle;
  const action = cleanAction(report.action);
  const target = cleanTarget(report.target, secrets);
  const title = stepTitle({ action, role: report.role, label, pageTitle }, s.language);
  const now = nowIso();
  return db.transaction('rw', [db.steps, db.screenshots, db.walkthroughs], async () => {
    const wt = await db.walkthroughs.get(s.walkthroughId);
    if (!wt) return undefined;
    const existing = await db.steps.get(report.id);
    if (existing && existing.walkthroughId !== s.walkthroughId) return undefined;
    const shot = await db.screenshots.where('[ownerKind+ownerId]').equals(['step', report.id]).last();
    const step: Step = {
      id: report.id,
      walkthroughId: s.walkthroughId,
      // Date-based order: steps from several documents and retried messages still sort as they happened
      order: existing?.order ?? nextOrder(),
      title,
      explanation: existing?.explanation ?? '',
      url: url.slice(0, 2000),
      action,
      ...(target ? { target } : {}),
      ...(existing?.screenshotId ? { screenshotId: existing.screenshotId } : shot ? { screenshotId: shot.id } : {}),
      blurRects: existing?.blurRects ?? [],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.steps.put(step);
    await db.walkthroughs.update(s.walkthroughId, { updatedAt: now });
    return step;
  });
}

let lastOrder = 0;
function nextOrder(): number {
  lastOrder = Math.max(Date.now(), lastOrder + 0.01);
  return lastOrder;
}

/** Store a cropped screenshot for a step; the step (now or later) points at it. */
async function storeScreenshot(stepId: string, img: { blob: Blob; width: number; height: number; mime: 'image/webp' | 'image/jpeg' }, attach: boolean): Promise<string> {
  const db = getDb();
  const shot: Screenshot = {
    id: newId(),
    ownerKind: 'step',
    ownerId: stepId,
    blob: img.blob,
    mime: img.mime,
    width: img.width,
    height: img.height,
    createdAt: nowIso(),
  };
  await db.transaction('rw', [db.steps, db.screenshots], async () => {
    if (attach) {
      // one screenshot per step: a re-capture replaces the old one
      const old = await db.screenshots.where('[ownerKind+ownerId]').equals(['step', stepId]).primaryKeys();
      await db.screenshots.bulkDelete(old);
    }
    await db.screenshots.add(shot);
    if (attach && (await db.steps.get(stepId))) await db.steps.update(stepId, { screenshotId: shot.id });
  });
  return shot.id;
}

/**
 * Queue a screenshot for step `id` in `tabId`. In its slot: the tab must still be the visible one (we
 * never capture another tab), the content script hides Lotse's UI and measures target and masks at that
 * moment, then the capture, then the UI comes back.
 */
function queueSnap(
  tabId: number,
  id: string,
  opts: { attach: boolean; clicked?: boolean; onStored?: (shotId: string) => Promise<void> } = { attach: true },
): Promise<void> {
  let prep: Awaited<ReturnType<typeof sendToTab<'recorder.prepareCapture'>>> | undefined;
  const job = captureQueued(
    async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      return tab?.active ? tab.windowId : undefined;
    },
    {
      before: async () => {
        prep = await withTimeout(
          sendToTab(tabId, 'recorder.prepareCapture', { id, ...(opts.clicked ? { clicked: true } : {}) }),
          // two frames to paint without our UI: quick, unless the machine is very busy
          5000,
        ).catch(() => undefined);
        return !!prep;
      },
      after: () => {
        void sendToTab(tabId, 'recorder.captureDone', {}).catch(() => undefined);
      },
    },
  );
  return job
    .then(async (blob) => {
      if (!blob || !prep) return;
      const img = await cropCapture(blob, { target: prep.target, masks: prep.masks, viewport: prep.viewport });
      const shotId = await storeScreenshot(id, img, opts.attach);
      await opts.onStored?.(shotId);
    })
    .catch(() => undefined); // a missing screenshot never loses the step
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/* ---------- start / stop ---------- */

async function startRecording(tabId: number, walkthroughId?: string, language?: UiLocale): Promise<string> {
  const current = await readState();
  if (current && current.tabId === tabId && (!walkthroughId || walkthroughId === current.walkthroughId)) {
    return current.walkthroughId; // already recording here
  }
  if (current) await stopRecording();
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) throw new LotseError('no-tab', `tab ${tabId}`);
  if (!/^https?:/i.test(tab.url)) throw new LotseError('unsupported-page', tab.url.slice(0, 100));
  await ensureContentScript(tabId);
  const db = getDb();
  const now = nowIso();
  let wt: Walkthrough | undefined;
  if (walkthroughId) {
    wt = await db.walkthroughs.get(walkthroughId);
    if (!wt) throw new LotseError('not-found', `walkthrough ${walkthroughId}`);
    await db.walkthroughs.update(walkthroughId, { status: 'recording', updatedAt: now });
  } else {
    const lang = language ?? (await uiLocale());
    wt = WalkthroughSchema.parse({
      id: newId(),
      title: createTranslator(lang)('recorder.defaultTitle', { site: hostOf(tab.url) }),
      description: '',
      topic: '',
      startUrl: startUrlOf(tab.url),
      language: lang,
      version: 1,
      status: 'recording',
      origin: 'local',
      createdAt: now,
      updatedAt: now,
    });
    await db.walkthroughs.add(wt);
  }
  const state: RecordingState = {
    tabId,
    walkthroughId: wt.id,
    language: wt.language,
    paused: false,
    startedAt: Date.now(),
    lastStepAt: 0,
    lastUrl: pageUrl(tab.url),
    snaps: [],
  };
  await writeState(state);
  await setBadge(true);
  const status = await statusOf(state);
  await sendToTab(tabId, 'recorder.begin', { ...status, locale: await uiLocale() }).catch(() => undefined);
  return wt.id;
}

/**
 * Stop: the page first commits what was typed but not yet committed (its last steps arrive before we
 * finish), then the walkthrough is ready; screenshots requested without a step are removed.
 */
async function stopRecording(): Promise<{ walkthroughId?: string; stepCount: number }> {
  const before = await readState();
  if (!before) return { stepCount: 0 };
  await withTimeout(sendToTab(before.tabId, 'recorder.end', {}), 3000).catch(() => undefined);
  return serial(async () => {
    const s = await readState();
    if (!s) return { stepCount: 0 };
    const db = getDb();
    const count = await stepCount(s.walkthroughId);
    const wt = await db.walkthroughs.get(s.walkthroughId);
    if (wt) {
      if (count === 0 && wt.version === 1 && wt.status === 'recording' && Date.parse(wt.createdAt) >= s.startedAt - 5000) {
        await db.walkthroughs.delete(wt.id); // nothing was recorded: no empty walkthrough in the library
      } else {
        await db.walkthroughs.update(wt.id, {
          status: 'ready',
          estimatedMinutes: wt.estimatedMinutes ?? Math.min(240, Math.max(1, Math.ceil(count * 0.5))),
          updatedAt: nowIso(),
        });
      }
    }
    await writeState(undefined);
    await setBadge(false);
    // screenshots still in the queue are stored first; then remove the ones no step owns
    void captureIdle().then(() => removeOrphanSnaps(s.snaps));
    return { walkthroughId: wt && count > 0 ? wt.id : undefined, stepCount: count };
  });
}

async function removeOrphanSnaps(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const db = getDb();
  await db.transaction('rw', [db.steps, db.screenshots], async () => {
    const steps = await db.steps.bulkGet([...ids]);
    const orphans = ids.filter((_, i) => !steps[i]);
    for (const id of orphans) {
      const keys = await db.screenshots.where('[ownerKind+ownerId]').equals(['step', id]).primaryKeys();
      await db.screenshots.bulkDelete(keys);
    }
  });
}

/** A walkthrough left in 'recording' by a browser restart or extension reload is a resumable draft. */
async function settleInterrupted(): Promise<void> {
  const s = await readState();
  const db = getDb();
  const stale = await db.walkthroughs.where('status').equals('recording').toArray();
  for (const wt of stale) {
    if (wt.id !== s?.walkthroughId) await db.walkthroughs.update(wt.id, { status: 'draft', updatedAt: nowIso() });
  }
  if (!s) await setBadge(false);
}

/** The 'toggle-recording' command (Alt+Shift+R); also exposed to tests, which cannot press it. */
export async function toggleRecordingCommand(tabId: number | undefined): Promise<{ recording: boolean; walkthroughId?: string }> {
  const s = await readState();
  if (s) {
    const r = await stopRecording();
    return { recording: false, ...(r.walkthroughId ? { walkthroughId: r.walkthroughId } : {}) };
  }
  if (tabId === undefined) throw new LotseError('no-tab');
  // the command granted activeTab for this tab: no permission prompt needed
  const id = await startRecording(tabId);
  return { recording: true, walkthroughId: id };
}

/* ---------- navigation ---------- */

async function recordNavigation(s: RecordingState, via: NavVia, url: string, title: string, from: string | undefined, loadType?: 'navigate' | 'reload' | 'back_forward' | 'prerender'): Promise<RecordingState> {
  const to = pageUrl(url);
  const isStep =
    !s.paused &&
    navigationIsStep({ via, loadType, sinceLastStepMs: s.lastStepAt ? Date.now() - s.lastStepAt : Infinity, from, to });
  const next: RecordingState = { ...s, lastUrl: to };
  if (isStep) {
    const id = newId();
    const step = await putStep(s, { id, action: { type: 'navigate', url: to, via }, pageTitle: title }, to);
    if (step) {
      next.lastStepAt = Date.now();
      next.lastTitle = step.title;
      next.snaps = [...s.snaps, id].slice(-2000);
      void queueSnap(s.tabId, id);
    }
  }
  await writeState(next);
  return next;
}

/* ---------- handlers ---------- */

export const recorderHandlers: Handlers<BackgroundMap> = {
  'recorder.start': ({ tabId, walkthroughId, language }) =>
    serial(async () => ({ walkthroughId: await startRecording(tabId, walkthroughId, language) })),

  'recorder.stop': () => stopRecording(),

  'recorder.pause': ({ paused }, ctx) =>
    serial(async () => {
      const s = await readState();
      if (!s) return statusOf(undefined);
      if (ctx.kind === 'content') targetTab(ctx, s.tabId);
      const next = { ...s, paused };
      await writeState(next);
      const status = await statusOf(next);
      notifyTab(next, status);
      return status;
    }),

  'recorder.status': async () => statusOf(await readState()),

  'recorder.reinject': () =>
    serial(async () => {
      const s = await readState();
      if (!s) return statusOf(undefined);
      await ensureContentScript(s.tabId);
      const next = { ...s };
      delete next.blockedOrigin;
      await writeState(next);
      return statusOf(next);
    }),

  'recorder.attach': ({ url, title, loadType }, ctx) =>
    serial(async () => {
      const locale = await uiLocale();
      const tabId = targetTab(ctx, undefined);
      let s = await readState();
      if (!s || s.tabId !== tabId || (ctx.frameId ?? 0) !== 0) return { ...(await statusOf(undefined)), locale, secrets: [] };
      if (s.blockedOrigin) {
        s = { ...s };
        delete s.blockedOrigin;
      }
      s = await recordNavigation(s, 'load', url, title, s.lastUrl, loadType);
      return { ...(await statusOf(s)), locale, secrets: await readSecrets() };
    }),

  'recorder.navigated': ({ via, url, title, from }, ctx) =>
    serial(async () => {
      const tabId = targetTab(ctx, undefined);
      const s = await readState();
      if (!s || s.tabId !== tabId) return statusOf(undefined);
      return statusOf(await recordNavigation(s, via, url, title, pageUrl(from)));
    }),

  'recorder.snap': ({ id }, ctx) =>
    serial(async () => {
      const tabId = targetTab(ctx, undefined);
      const s = await readState();
      if (!s || s.tabId !== tabId || s.paused) return {};
      await writeState({ ...s, snaps: [...s.snaps, id].slice(-2000) });
      void queueSnap(tabId, id, { attach: true, clicked: true });
      return {};
    }),

  'recorder.step': (report, ctx) =>
    serial(async () => {
      const tabId = targetTab(ctx, undefined);
      const s = await readState();
      if (!s || s.tabId !== tabId || s.paused) return statusOf(s);
      if (report.secrets?.length) {
        await browser.storage.session.set({ [SECRETS_KEY]: addSecrets(await readSecrets(), report.secrets) });
      }
      // the sender's URL is the document's first URL; after SPA route changes the page's own is right
      const url = pageUrl(report.url);
      const step = await putStep(s, report, url);
      if (!step) return statusOf(s);
      const next: RecordingState = { ...s, lastStepAt: Date.now(), lastTitle: step.title, lastUrl: url };
      await writeState(next);
      return statusOf(next);
    }),

  'recorder.picked': async ({ stepId, target, role, label }, ctx) => {
    const tabId = targetTab(ctx, undefined);
    const pick = await readPick();
    if (!pick || pick.stepId !== stepId || pick.tabId !== tabId || pick.status !== 'picking') {
      throw new LotseError('forbidden', 'no pick in progress for this step');
    }
    const clean = cleanTarget(target, await readSecrets());
    // The new screenshot is stored but not attached: the editor applies target and screenshot to its
    // draft, and saving makes them the step's (one transaction with everything else).
    let shotId: string | undefined;
    await queueSnap(tabId, stepId, {
      attach: false,
      onStored: async (id) => {
        shotId = id;
      },
    });
    await writePick({
      ...pick,
      status: 'done',
      ...(clean ? { target: clean } : {}),
      ...(role ? { role } : {}),
      ...(label ? { label } : {}),
      ...(shotId ? { screenshotId: shotId } : {}),
      at: Date.now(),
    });
    return {};
  },

  'recorder.pickCancelled': async ({ stepId }, ctx) => {
    const tabId = targetTab(ctx, undefined);
    const pick = await readPick();
    if (pick && pick.stepId === stepId && pick.tabId === tabId && pick.status === 'picking') {
      await writePick({ ...pick, status: 'cancelled', at: Date.now() });
    }
    return {};
  },

  'recorder.repick': async ({ tabId, stepId }) => {
    const step = await getDb().steps.get(stepId);
    if (!step) throw new LotseError('not-found', `step ${stepId}`);
    await ensureContentScript(tabId);
    await writePick({ stepId, tabId, status: 'picking', at: Date.now() });
    await sendToTab(tabId, 'recorder.pick', { stepId, locale: await uiLocale() });
    return {};
  },

  'recorder.preview': async ({ tabId, target, title, n }) => {
    await ensureContentScript(tabId);
    return sendToTab(tabId, 'recorder.highlight', { target, title, n, locale: await uiLocale() });
  },
};

async function readPick(): Promise<PickState | undefined> {
  const got = await browser.storage.session.get(PICK_KEY);
  const parsed = PickStateSchema.safeParse(got[PICK_KEY]);
  return parsed.success ? parsed.data : undefined;
}

async function writePick(p: PickState): Promise<void> {
  await browser.storage.session.set({ [PICK_KEY]: p });
}

/* ---------- browser events ---------- */

/** recorder: browser event listeners (registered synchronously at service-worker start). */
export function setupRecorder(): void {
  // Every navigation of the recorded tab loads a new document: inject again; it attaches on its own.
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete') return;
    void readState().then(async (s) => {
      if (!s || s.tabId !== tabId) return;
      try {
        await ensureContentScript(tabId);
      } catch (err) {
        if (err instanceof LotseError && err.code === 'no-permission') {
          await serial(async () => {
            const cur = await readState();
            const blocked = originPatternOf(tab.url);
            if (cur && cur.tabId === tabId && blocked) await writeState({ ...cur, blockedOrigin: blocked });
          });
        }
      }
    });
  });

  // A link with target=_blank or window.open: follow the recording into the new tab (when it is shown).
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id === undefined || tab.openerTabId === undefined || !tab.active) return;
    // only pages the site opens (target=_blank, window.open); never extension pages or browser tabs
    if (!/^https?:/i.test(tab.pendingUrl || tab.url || '')) return;
    const newTabId = tab.id;
    void serial(async () => {
      const s = await readState();
      if (!s || s.tabId !== tab.openerTabId || s.paused) return;
      const url = tab.pendingUrl || tab.url || '';
      const step = await putStep(s, { id: newId(), action: { type: 'new-tab', url: pageUrl(url).slice(0, 2000) } }, pageUrl(url));
      void sendToTab(s.tabId, 'recorder.end', {}).catch(() => undefined);
      await writeState({
        ...s,
        tabId: newTabId,
        lastStepAt: Date.now(),
        ...(step ? { lastTitle: step.title } : {}),
        lastUrl: pageUrl(url),
      });
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void readState().then((s) => {
      if (s && s.tabId === tabId) void stopRecording();
    });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-recording') return;
    void toggleRecordingCommand(tab?.id).catch(() => undefined);
  });

  browser.runtime.onStartup.addListener(() => void serial(settleInterrupted));
  browser.runtime.onInstalled.addListener(() => void serial(settleInterrupted));

  registerTestHook('recorderToggle', toggleRecordingCommand);
  // what runtime.onStartup / onInstalled run after a browser restart or an extension update
  registerTestHook('recorderSettle', () => serial(settleInterrupted));
  // every screenshot asked for so far was taken (or dropped): a test can tell which capture comes next
  registerTestHook('captureIdle', captureIdle);
}
