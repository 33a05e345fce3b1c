/**
 * Player, background side: opens the tab, keeps which walkthrough plays in which tab (storage.session,
 * so it survives the service worker being stopped), writes progress and step health, and re-injects
 * the content script after full page loads so playing continues where the mentee was.
 */
import { browser } from 'wxt/browser';
import Dexie from 'dexie';
import { getDb } from '~/lib/db';
import { getSettings } from '~/lib/db/settings';
import { browserLanguage, resolveLocale } from '~/lib/i18n';
import {
  LotseError,
  sendToTab,
  targetTab,
  type BackgroundMap,
  type Handlers,
  type SenderContext,
} from '~/lib/messages';
import type { Playback } from '~/lib/messages/parts/player';
import { newId, nowIso, type Step, type Walkthrough } from '~/lib/schema';
import { progressOnFinish, progressOnPosition, progressOnStart, startIndex } from '~/lib/player/progress';
import { catchUpIndex, originsOf, pageKey, pageOfStep, samePage } from '~/lib/player/steps';
import { SessionSchema, sessionKey, sessionsIn, type Session } from '~/lib/player/session';
import { registerTestHook } from '~/lib/testing/hooks';
import { seedWalkthrough } from '~/lib/player/seed';
import { ensureContentScript, registerForOrigins } from './inject';

/* ---------- sessions: which walkthrough plays in which tab ---------- */

async function getSession(tabId: number): Promise<Session | undefined> {
  const key = sessionKey(tabId);
  const got = await browser.storage.session.get(key);
  const parsed = SessionSchema.safeParse(got[key]);
  return parsed.success ? parsed.data : undefined;
}

async function setSession(s: Session): Promise<void> {
  await browser.storage.session.set({ [sessionKey(s.tabId)]: s });
  await syncPlayerPages();
}

async function removeSession(tabId: number): Promise<void> {
  await browser.storage.session.remove(sessionKey(tabId));
  await syncPlayerPages();
}

async function allSessions(): Promise<Session[]> {
  return sessionsIn(await browser.storage.session.get(null));
}

/**
 * While a walkthrough plays (or is paused) in some tab, the content script is registered for its sites
 * (registerForOrigins): after a full page load the browser injects it by itself, so playing continues
 * even when the service worker is stopped right then. Other tabs of those sites get it too; it asks
 * for their session, gets none and stays idle. Synced on every session change (cheap when the set of
 * walkthroughs is the same).
 */
const PLAYER_PAGES = 'lotse-player-pages';
/** the walkthroughs the registration was last computed for (spares loading them on every change) */
let syncedFor: string | undefined;
async function syncPlayerPages(): Promise<void> {
  const ids = [...new Set((await allSessions()).filter((x) => x.status !== 'finished').map((x) => x.walkthroughId))];
  const key = ids.sort().join(' ');
  if (key === syncedFor) return;
  const origins = new Set<string>();
  for (const id of ids) {
    const { w, steps } = await loadWalkthrough(id).catch(() => ({ w: undefined, steps: [] as Step[] }));
    if (w) for (const o of walkthroughOrigins(w, steps)) origins.add(o);
  }
  await registerForOrigins(PLAYER_PAGES, [...origins]);
  syncedFor = key;
}

/** The last step led to a new page: "Well done!" is shown there if it loads within this time. */
const SHOW_FINISHED_MS = 60_000;

/** Session updates are read-modify-write: run them one after another so none is lost. */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const job = chain.then(fn);
  chain = job.catch(() => undefined);
  return job;
}

/* ---------- data ---------- */

async function loadWalkthrough(id: string): Promise<{ w: Walkthrough; steps: Step[] }> {
  const db = getDb();
  const w = await db.walkthroughs.get(id);
  if (!w) throw new LotseError('not-found', `walkthrough ${id}`);
  const steps = await db.steps.where('[walkthroughId+order]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
  return { w, steps };
}

async function uiPrefs(): Promise<Playback['prefs']> {
  const s = await getSettings();
  return { locale: resolveLocale(s.locale, browserLanguage()), largeText: s.largeText, dimPage: s.dimPage };
}

async function playback(
  w: Walkthrough,
  steps: Step[],
  index: number,
  status: Playback['status'],
  timesFinished?: number,
): Promise<Playback> {
  return {
    walkthrough: { id: w.id, title: w.title, version: w.version, language: w.language },
    steps: steps.map((s) => ({
      id: s.id,
      title: s.title,
      explanation: s.explanation,
      url: s.url,
      action: s.action,
      ...(s.target ? { target: s.target } : {}),
      ...(s.healedTarget ? { healedTarget: s.healedTarget } : {}),
      hasScreenshot: s.screenshotId !== undefined,
    })),
    stepIndex: Math.min(index, Math.max(0, steps.length - 1)),
    status,
    ...(timesFinished !== undefined ? { timesFinished } : {}),
    prefs: await uiPrefs(),
  };
}

const isWebUrl = (u: string | undefined): u is string => !!u && /^https?:\/\//i.test(u);

/** The walkthrough's pages live on these origins; outside them a session stays dormant. */
function walkthroughOrigins(w: Walkthrough, steps: Step[]): Set<string> {
  return originsOf([w.startUrl, ...steps.map((s) => s.url), ...steps.map(pageOfStep)].filter(isWebUrl));
}

/** The session of the sender's tab, which must be playing the named walkthrough. */
async function ownSession(ctx: SenderContext, walkthroughId: string): Promise<Session> {
  const tabId = targetTab(ctx, undefined);
  const s = await getSession(tabId);
  if (!s || s.walkthroughId !== walkthroughId)
    throw new LotseError('forbidden', 'no such walkthrough playing in this tab');
  return s;
}

async function stepOf(walkthroughId: string, stepId: string): Promise<Step> {
  const step = await getDb().steps.get(stepId);
  if (!step || step.walkthroughId !== walkthroughId) throw new LotseError('not-found', `step ${stepId}`);
  return step;
}

/* ---------- tabs ---------- */

const BLANK = /^(about:blank|chrome:\/\/newtab\/?|chrome-search:\/\/|edge:\/\/newtab\/?|about:newtab|about:home)/i;

/**
 * A tab on `url`: the named tab when it is already there; any tab already there; the named tab when it
 * is on the same site or empty (fewer tabs for the mentee to keep track of); otherwise a new tab.
 */
async function openTab(url: string, preferred: number | undefined): Promise<{ tabId: number; navigated: boolean }> {
  const pref = preferred !== undefined ? await browser.tabs.get(preferred).catch(() => undefined) : undefined;
  if (pref?.id !== undefined && pref.url && samePage(pref.url, url)) {
    await browser.tabs.update(pref.id, { active: true });
    return { tabId: pref.id, navigated: false };
  }
  const all = await browser.tabs.query({});
  const there = all.find((t) => t.id !== undefined && t.url && samePage(t.url, url));
  if (there?.id !== undefined) {
    await browser.tabs.update(there.id, { active: true });
    if (there.windowId !== undefined)
      await browser.windows.update(there.windowId, { focused: true }).catch(() => undefined);
    return { tabId: there.id, navigated: false };
  }
  const sameSite = (() => {
    try {
      return !!pref?.url && new URL(pref.url).origin === new URL(url).origin;
    } catch {
      return false;
    }
  })();
  if (pref?.id !== undefined && (sameSite || !pref.url || BLANK.test(pref.url))) {
    await browser.tabs.update(pref.id, { url, active: true });
    return { tabId: pref.id, navigated: true };
  }
  const created = await browser.tabs.create({
    url,
    active: true,
    ...(pref?.windowId !== undefined ? { windowId: pref.windowId } : {}),
  });
  if (created.id === undefined) throw new LotseError('no-tab', 'tab without id');
  return { tabId: created.id, navigated: true };
}

/** Close the player in a tab (it may be gone or not injected: nothing to do then). */
async function closeIn(tabId: number, walkthroughId?: string): Promise<void> {
  await sendToTab(tabId, 'player.close', walkthroughId ? { walkthroughId } : {}).catch(() => undefined);
}

/** The position is kept when a walkthrough stops before its end: the library offers "continue at step k". */
async function keepPosition(s: Session): Promise<void> {
  if (s.status === 'finished') return;
  const db = getDb();
  await db.transaction('rw', db.progress, db.walkthroughs, async () => {
    const prev = await db.progress.get(s.walkthroughId);
    const w = await db.walkthroughs.get(s.walkthroughId);
    if (!prev || !w || prev.status === 'finished') return;
    await db.progress.put({ ...prev, status: 'paused', updatedAt: nowIso() });
  });
}

/** After a page load in a tab with a session: inject the content script, which asks for the session. */
async function resumeIn(tabId: number, url: string | undefined): Promise<void> {
  const s = await getSession(tabId);
  if (!s || !isWebUrl(url)) return;
  if (s.status === 'finished' && !(s.finishedAt && Date.now() - s.finishedAt < SHOW_FINISHED_MS)) return;
  const { w, steps } = await loadWalkthrough(s.walkthroughId).catch(() => ({ w: undefined, steps: [] as Step[] }));
  if (!w) return;
  const origin = new URL(url).origin;
  if (!walkthroughOrigins(w, steps).has(origin)) return; // he left the site: stay dormant until he is back
  await ensureContentScript(tabId).catch(() => undefined);
}

/* ---------- handlers ---------- */

export const playerHandlers: Handlers<BackgroundMap> = {
  'player.start': ({ walkthroughId, mode, tabId: preferred }) =>
    serial(async () => {
      const { w, steps } = await loadWalkthrough(walkthroughId);
      if (steps.length === 0) throw new LotseError('not-found', 'walkthrough has no steps');
      const db = getDb();
      const prev = await db.progress.get(w.id);
      const index = startIndex(mode, prev, steps);
      const stepUrl = index > 0 ? pageOfStep(steps[index]!) : undefined;
      const url = isWebUrl(stepUrl) ? stepUrl : w.startUrl;

      // One tab plays a walkthrough: take it over from any other tab.
      for (const other of await allSessions()) {
        if (other.walkthroughId === w.id && other.tabId !== preferred) {
          await removeSession(other.tabId);
          await closeIn(other.tabId, w.id);
        }
      }
      const { tabId, navigated } = await openTab(url, preferred);
      const existing = await getSession(tabId);
      if (existing && existing.walkthroughId !== w.id) await keepPosition(existing);
      await setSession({ tabId, walkthroughId: w.id, stepIndex: index, status: 'playing' });
      await db.progress.put(progressOnStart(prev, w, index, steps[index]?.id, mode, nowIso()));

      if (!navigated) {
        try {
          await ensureContentScript(tabId);
          await sendToTab(tabId, 'player.play', await playback(w, steps, index, 'playing'));
        } catch (err) {
          await removeSession(tabId); // nothing plays there: no "open in a tab" in the library
          throw err;
        }
        return { tabId };
      }
      // Navigated: tabs.onUpdated (complete) injects the script, which asks for the session. Should the
      // page have finished loading before the session was stored, inject now.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.status === 'complete' && tab.url && samePage(tab.url, url)) await ensureContentScript(tabId);
      return { tabId };
    }),

  'player.session': ({ url }, ctx) =>
    serial(async () => {
      const tabId = targetTab(ctx, undefined);
      const s = await getSession(tabId);
      if (!s) return null;
      if (s.status === 'finished' && !(s.finishedAt && Date.now() - s.finishedAt < SHOW_FINISHED_MS)) return null;
      const { w, steps } = await loadWalkthrough(s.walkthroughId).catch(() => ({ w: undefined, steps: [] as Step[] }));
      if (!w || steps.length === 0) {
        await removeSession(tabId);
        return null;
      }
      if (!isWebUrl(url) || !walkthroughOrigins(w, steps).has(new URL(url).origin)) return null;
      if (s.status === 'finished') {
        const done = await getDb().progress.get(w.id);
        return playback(w, steps, steps.length - 1, 'finished', done?.timesFinished);
      }
      const at = Math.min(s.stepIndex, steps.length - 1);
      const index = s.status === 'playing' ? catchUpIndex(steps, at, url) : at;
      if (index !== s.stepIndex) {
        await setSession({ ...s, stepIndex: index });
        const db = getDb();
        const prev = await db.progress.get(w.id);
        await db.progress.put(progressOnPosition(prev, w, index, steps[index]?.id, 'playing', nowIso()));
      }
      return playback(w, steps, index, s.status);
    }),

  'player.position': ({ walkthroughId, stepIndex, status }, ctx) =>
    serial(async () => {
      const s = await ownSession(ctx, walkthroughId);
      const { w, steps } = await loadWalkthrough(walkthroughId);
      const index = Math.min(stepIndex, Math.max(0, steps.length - 1));
      await setSession({ ...s, stepIndex: index, status });
      const db = getDb();
      await db.transaction('rw', db.progress, async () => {
        const prev = await db.progress.get(walkthroughId);
        const now = nowIso();
        // "Start over" on the finished card: a new round begins.
        const next =
          s.status === 'finished'
            ? progressOnStart(prev, w, index, steps[index]?.id, 'restart', now)
            : progressOnPosition(prev, w, index, steps[index]?.id, status, now);
        await db.progress.put(next);
      });
      return {};
    }),

  'player.finish': ({ walkthroughId }, ctx) =>
    serial(async () => {
      const s = await ownSession(ctx, walkthroughId);
      if (s.status === 'finished') {
        const done = await getDb().progress.get(walkthroughId);
        return { timesFinished: done?.timesFinished ?? 0 };
      }
      const { w, steps } = await loadWalkthrough(walkthroughId);
      await setSession({ ...s, status: 'finished', finishedAt: Date.now() });
      const db = getDb();
      const next = await db.transaction('rw', db.progress, async () => {
        const prev = await db.progress.get(walkthroughId);
        const p = progressOnFinish(prev, w, steps.length - 1, nowIso());
        await db.progress.put(p);
        return p;
      });
      return { timesFinished: next.timesFinished };
    }),

  'player.stop': ({ walkthroughId, tabId }, ctx) =>
    serial(async () => {
      let sessions: Session[];
      if (ctx.kind === 'content') {
        const own = await getSession(targetTab(ctx, tabId));
        sessions = own && (!walkthroughId || own.walkthroughId === walkthroughId) ? [own] : [];
      } else {
        sessions = (await allSessions()).filter(
          (s) =>
            (tabId === undefined || s.tabId === tabId) &&
            (walkthroughId === undefined || s.walkthroughId === walkthroughId),
        );
        if (tabId === undefined && walkthroughId === undefined) sessions = [];
      }
      for (const s of sessions) {
        await removeSession(s.tabId);
        await keepPosition(s);
        if (ctx.kind === 'extension') await closeIn(s.tabId, s.walkthroughId);
      }
      return {};
    }),

  'player.health': async ({ walkthroughId, stepId, outcome, score }, ctx) => {
    await ownSession(ctx, walkthroughId);
    await stepOf(walkthroughId, stepId);
    const w = await getDb().walkthroughs.get(walkthroughId);
    if (!w) throw new LotseError('not-found', walkthroughId);
    // Only origin + path: a query string or fragment can hold tokens.
    const url = ctx.url ? pageKey(ctx.url) : undefined;
    await getDb().stepHealth.add({
      id: newId(),
      walkthroughId,
      stepId,
      walkthroughVersion: w.version,
      at: nowIso(),
      outcome,
      ...(score !== undefined ? { score } : {}),
      ...(url ? { url: url.slice(0, 2000) } : {}),
    });
    return {};
  },

  'player.heal': async ({ walkthroughId, stepId, target }, ctx) => {
    await ownSession(ctx, walkthroughId);
    await stepOf(walkthroughId, stepId);
    // A local correction: the walkthrough's version stays, so it is not "changed" for anyone.
    await getDb().steps.update(stepId, { healedTarget: target });
    return {};
  },

  'player.screenshot': async ({ walkthroughId, stepId }, ctx) => {
    await ownSession(ctx, walkthroughId);
    const step = await stepOf(walkthroughId, stepId);
    if (!step.screenshotId) return null;
    const shot = await getDb().screenshots.get(step.screenshotId);
    if (!shot) return null;
    return { mime: shot.mime, width: shot.width, height: shot.height, base64: await blobToBase64(shot.blob) };
  },

  'player.focus': async ({ walkthroughId }) => {
    const s = (await allSessions()).find((x) => x.walkthroughId === walkthroughId && x.status !== 'finished');
    if (!s) throw new LotseError('not-found', 'not open in a tab');
    const tab = await browser.tabs.update(s.tabId, { active: true });
    if (tab?.windowId !== undefined)
      await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return { tabId: s.tabId };
  },

  'player.status': async ({ tabId }) => {
    const s = await getSession(tabId);
    if (!s) return null;
    const { w, steps } = await loadWalkthrough(s.walkthroughId).catch(() => ({ w: undefined, steps: [] as Step[] }));
    if (!w) return null;
    return { walkthroughId: w.id, title: w.title, stepIndex: s.stepIndex, stepCount: steps.length, status: s.status };
  },
};

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/* ---------- browser events ---------- */

/** player: browser event listeners (registered synchronously at service-worker start). */
export function setupPlayer(): void {
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete') return;
    void resumeIn(tabId, tab.url ?? info.url).catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void serial(async () => {
      const s = await getSession(tabId);
      if (!s) return;
      await removeSession(tabId);
      await keepPosition(s);
    }).catch(() => undefined);
  });

  // Chrome swaps a prerendered tab in under a new id.
  browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
    void serial(async () => {
      const s = await getSession(removedTabId);
      if (!s) return;
      await removeSession(removedTabId);
      await setSession({ ...s, tabId: addedTabId });
    }).catch(() => undefined);
  });

  // A "new tab" step: the site opened the next page in a new tab; playing follows it there.
  browser.tabs.onCreated.addListener((tab) => {
    const opener = tab.openerTabId;
    if (opener === undefined || tab.id === undefined) return;
    const newTabId = tab.id;
    void serial(async () => {
      const s = await getSession(opener);
      if (!s || s.status === 'finished') return;
      const { steps } = await loadWalkthrough(s.walkthroughId);
      // The content script may already have moved past the new-tab step when the tab appears.
      const at = [s.stepIndex, s.stepIndex - 1].find((i) => steps[i]?.action.type === 'new-tab');
      if (at === undefined || at + 1 >= steps.length) return;
      await removeSession(opener);
      await setSession({ ...s, tabId: newTabId, stepIndex: at + 1, status: 'playing' });
      await closeIn(opener, s.walkthroughId);
    }).catch(() => undefined);
  });
}

if (import.meta.env.MODE === 'e2e') {
  registerTestHook('seedWalkthrough', seedWalkthrough);
  registerTestHook('playerSessions', allSessions);
  // benches and the demo start a walkthrough without a side panel click
  registerTestHook(
    'playerStart',
    (p: { walkthroughId: string; mode: 'start' | 'continue' | 'restart'; tabId?: number }) =>
      playerHandlers['player.start']!(p, { kind: 'extension' }),
  );
}
