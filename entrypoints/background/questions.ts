import { browser, type Browser } from 'wxt/browser';
import Dexie from 'dexie';
import { getDb } from '~/lib/db';
import { LotseError, sendToTab, targetTab, type BackgroundMap, type Handlers } from '~/lib/messages';
import { cropCapture } from '~/lib/capture/crop';
import { normaliseSelection, normaliseTitle, questionContext } from '~/lib/questions/composer';
import { addQuestion, saveTandem, type TandemInput } from '~/lib/questions/repo';
import { registerTestHook } from '~/lib/testing/hooks';
import { captureVisibleTab } from './capture';
import { ensureContentScript } from './inject';

/**
 * A question being written in a page. The screenshot is taken when the composer opens (before it is drawn)
 * and kept here until Save or Cancel. The service worker may be stopped while the user types, so drafts
 * are mirrored into storage.session (memory only, never on disk, not readable by content scripts).
 */
interface Draft {
  id: string;
  tabId: number;
  url?: string;
  title?: string;
  walkthroughId?: string;
  stepId?: string;
  createdAt: number;
  shot?: { b64: string; mime: 'image/webp' | 'image/jpeg'; width: number; height: number };
}

const DRAFTS_KEY = 'questions.drafts';
/** A draft nobody saved within this time is dropped (the tab was left open, the page navigated away …). */
const DRAFT_TTL_MS = 2 * 60 * 60 * 1000;

async function readDrafts(): Promise<Record<string, Draft>> {
  const got = await browser.storage.session.get(DRAFTS_KEY);
  return (got[DRAFTS_KEY] as Record<string, Draft> | undefined) ?? {};
}

/** Serialised read-modify-write: two tabs saving at once must not lose each other's drafts. */
let draftsChain: Promise<unknown> = Promise.resolve();
function changeDrafts<T>(fn: (drafts: Record<string, Draft>) => T): Promise<T> {
  const job = draftsChain.then(async () => {
    const drafts = await readDrafts();
    const now = Date.now();
    for (const [id, d] of Object.entries(drafts)) if (now - d.createdAt > DRAFT_TTL_MS) delete drafts[id];
    const out = fn(drafts);
    await browser.storage.session.set({ [DRAFTS_KEY]: drafts });
    return out;
  });
  draftsChain = job.catch(() => undefined);
  return job;
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function base64ToBlob(b64: string, type: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Capture what the user sees in the tab, scaled to CSS pixels; undefined when the browser does not allow it. */
async function captureForQuestion(
  tab: Browser.tabs.Tab | undefined,
  viewport: { w: number; h: number },
): Promise<Draft['shot']> {
  // captureVisibleTab shows the window's active tab: never attach another tab's picture
  if (!tab?.active || tab.windowId === undefined) return undefined;
  try {
    const raw = await captureVisibleTab(tab.windowId);
    const img = await cropCapture(raw, {
      viewport,
      maxWidth: viewport.w,
      maxHeight: viewport.h,
      mime: 'image/webp',
      quality: 0.8,
    });
    return { b64: await blobToBase64(img.blob), mime: img.mime, width: img.width, height: img.height };
  } catch (err) {
    console.warn('Lotse: no screenshot for the question', err);
    return undefined;
  }
}

/** Open the composer in a tab (content script injected first). Shared by the command, popup and side panel. */
export async function noteQuestionInTab(
  tabId: number,
  ctx: { walkthroughId?: string; stepId?: string } = {},
): Promise<boolean> {
  await ensureContentScript(tabId);
  const res = await sendToTab(tabId, 'questions.openComposer', ctx);
  return res.opened;
}

/**
 * The keyboard command handler (browser.commands.onCommand). The command grants activeTab for `tab`.
 * e2e tests call this very function through a test hook, since headless Chromium cannot press shortcuts.
 */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== 'note-question' || tab?.id === undefined) return;
  await noteQuestionInTab(tab.id);
}

/** questions: message handlers of the background. */
export const questionsHandlers: Handlers<BackgroundMap> = {
  'questions.open': async ({ tabId, walkthroughId, stepId }) => ({
    opened: await noteQuestionInTab(tabId, {
      ...(walkthroughId ? { walkthroughId } : {}),
      ...(stepId ? { stepId } : {}),
    }),
  }),

  'questions.beginDraft': async (p, ctx) => {
    const tabId = targetTab(ctx, undefined);
    const db = getDb();
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    // The browser's own knowledge of the tab wins; the frame URL the browser reported for the sender next.
    const url = tab?.url || ctx.url;
    const title = normaliseTitle(tab?.title) ?? normaliseTitle(p.title);
    const shot = await captureForQuestion(tab, p.viewport);

    // Only link a walkthrough and step that exist (and belong together).
    const walkthrough = p.walkthroughId ? await db.walkthroughs.get(p.walkthroughId) : undefined;
    let step: { number: number; title: string; id: string } | undefined;
    if (walkthrough && p.stepId) {
      const steps = await db.steps
        .where('[walkthroughId+order]')
        .between([walkthrough.id, Dexie.minKey], [walkthrough.id, Dexie.maxKey])
        .toArray();
      const i = steps.findIndex((s) => s.id === p.stepId);
      if (i >= 0) step = { id: steps[i]!.id, number: i + 1, title: steps[i]!.title };
    }
    const goals = (await db.goals.orderBy('order').toArray()).filter((g) => g.status !== 'done');

    const draft: Draft = {
      id: crypto.randomUUID(),
      tabId,
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(walkthrough ? { walkthroughId: walkthrough.id } : {}),
      ...(step ? { stepId: step.id } : {}),
      createdAt: Date.now(),
      ...(shot ? { shot } : {}),
    };
    await changeDrafts((d) => {
      d[draft.id] = draft;
    });
    return {
      draftId: draft.id,
      page: { ...(url ? { url } : {}), ...(title ? { title } : {}) },
      screenshot: shot !== undefined,
      goals: goals.map((g) => ({ id: g.id, title: g.title })),
      ...(walkthrough ? { walkthrough: { title: walkthrough.title } } : {}),
      ...(step ? { step: { number: step.number, title: step.title } } : {}),
    };
  },

  'questions.saveDraft': async (p, ctx) => {
    const tabId = targetTab(ctx, undefined);
    const draft = (await readDrafts())[p.draftId];
    if (!draft) throw new LotseError('not-found', 'draft');
    // A content script can only save what was opened in its own tab.
    if (draft.tabId !== tabId) throw new LotseError('forbidden', 'draft of another tab');
    const context = questionContext(
      {
        ...(draft.url ? { url: draft.url } : {}),
        ...(draft.title ? { title: draft.title } : {}),
        ...(p.selectedText ? { selectedText: normaliseSelection(p.selectedText) } : {}),
        ...(draft.walkthroughId ? { walkthroughId: draft.walkthroughId } : {}),
        ...(draft.stepId ? { stepId: draft.stepId } : {}),
        hasScreenshot: draft.shot !== undefined,
      },
      { keepFullUrl: p.keepFullUrl, includeSelection: true },
    );
    const shot =
      p.includeScreenshot && draft.shot
        ? {
            blob: base64ToBlob(draft.shot.b64, draft.shot.mime),
            mime: draft.shot.mime,
            width: draft.shot.width,
            height: draft.shot.height,
          }
        : undefined;
    const q = await addQuestion({ text: p.text, ...(p.goalId ? { goalId: p.goalId } : {}), context }, shot);
    await changeDrafts((d) => {
      delete d[p.draftId];
    });
    const meeting = q.meetingId ? await getDb().meetings.get(q.meetingId) : undefined;
    return { questionId: q.id, ...(meeting ? { meetingAt: meeting.scheduledAt } : {}) };
  },

  'questions.cancelDraft': async ({ draftId }, ctx) => {
    const tabId = targetTab(ctx, undefined);
    await changeDrafts((d) => {
      if (d[draftId]?.tabId === tabId) delete d[draftId];
    });
    return {};
  },
};

/** questions: browser event listeners (registered synchronously at service-worker start). */
export function setupQuestions(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    onCommand(command, tab).catch((err: unknown) => console.warn('Lotse: could not open the question composer', err));
  });
  // A closed tab's draft (and its screenshot) is gone with it.
  browser.tabs.onRemoved.addListener((tabId) => {
    void changeDrafts((d) => {
      for (const [id, draft] of Object.entries(d)) if (draft.tabId === tabId) delete d[id];
    });
  });
  if (import.meta.env.MODE === 'e2e') {
    registerTestHook('runCommand', async (command: string, tabId: number) =>
      onCommand(command, await browser.tabs.get(tabId)),
    );
    registerTestHook('noteQuestion', (tabId: number, ctx: { walkthroughId?: string; stepId?: string }) =>
      noteQuestionInTab(tabId, ctx),
    );
    registerTestHook('questionDrafts', async () => Object.keys(await readDrafts()).length);
    // the demo sets up its sample tandem the way the first-run screen does (meetings planned)
    registerTestHook('saveTandem', (input: TandemInput) => saveTandem(input));
  }
}
