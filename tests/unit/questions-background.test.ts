import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LotseDB, setDbForTests } from '~/lib/db';
import { toBackground, type SenderContext } from '~/lib/messages';
import { dispatch } from '~/lib/messages/receiver';
import { newId, nowIso } from '~/lib/schema';
import { questionsHandlers } from '~/entrypoints/background/questions';

let db: LotseDB;
beforeEach(async () => {
  db = new LotseDB(`test-${newId()}`);
  setDbForTests(db);
  await db.open();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  setDbForTests(undefined);
  await db.delete();
  vi.restoreAllMocks();
});

const ask = (name: string, payload: unknown, ctx: SenderContext) =>
  dispatch(toBackground, questionsHandlers, { lotse: 1, name, payload }, ctx);

async function tab(url: string): Promise<SenderContext> {
  const t = await fakeBrowser.tabs.create({ url });
  return { kind: 'content', tabId: t.id!, frameId: 0, url };
}

describe('question drafts in the background', () => {
  it('fills the page from the browser’s tab, saves only for the sender’s own tab, and stores the sanitised address', async () => {
    const own = await tab('https://www.linkedin.example/feed/?session=SECRET#top');
    const other = await tab('https://evil.example/');
    const begun = await ask('questions.beginDraft', { title: '  Feed  ', viewport: { w: 1200, h: 800 } }, own);
    expect(begun).toMatchObject({
      ok: true,
      data: {
        page: { url: 'https://www.linkedin.example/feed/?session=SECRET#top', title: 'Feed' },
        screenshot: false,
        goals: [],
      },
    });
    const draftId = (begun as { data: { draftId: string } }).data.draftId;

    // another tab's content script cannot save (or cancel) this draft
    const stolen = await ask(
      'questions.saveDraft',
      { draftId, text: 'x', keepFullUrl: true, includeScreenshot: false },
      other,
    );
    expect(stolen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask('questions.cancelDraft', { draftId }, other)).toMatchObject({ ok: true });
    // an extension page is not a content script: these messages are for content scripts only
    expect(
      await ask(
        'questions.saveDraft',
        { draftId, text: 'x', keepFullUrl: false, includeScreenshot: false },
        { kind: 'extension' },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const saved = await ask(
      'questions.saveDraft',
      {
        draftId,
        text: '  What is this feed? ',
        keepFullUrl: false,
        includeScreenshot: true,
        selectedText: '  a \n b ',
      },
      own,
    );
    expect(saved).toMatchObject({ ok: true });
    const [q] = await db.questions.toArray();
    expect(q).toMatchObject({
      text: 'What is this feed?',
      context: { url: 'https://www.linkedin.example/feed/', pageTitle: 'Feed', selectedText: 'a b' },
    });
    expect(q!.screenshotId).toBeUndefined();
    // a draft is used once
    expect(
      await ask('questions.saveDraft', { draftId, text: 'again', keepFullUrl: false, includeScreenshot: false }, own),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('links only a walkthrough and step that exist and belong together; cancel forgets the draft', async () => {
    const own = await tab('https://k.example/');
    const wid = newId();
    const sid = newId();
    await db.walkthroughs.add({
      id: wid,
      title: 'Post',
      description: '',
      topic: '',
      startUrl: 'https://k.example/',
      language: 'en',
      version: 1,
      status: 'ready',
      origin: 'local',
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await db.steps.add({
      id: sid,
      walkthroughId: wid,
      order: 0,
      title: 'Click',
      explanation: '',
      url: 'https://k.example/',
      action: { type: 'click' },
      blurRects: [],
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    const good = await ask(
      'questions.beginDraft',
      { walkthroughId: wid, stepId: sid, viewport: { w: 10, h: 10 } },
      own,
    );
    expect(good).toMatchObject({
      ok: true,
      data: { walkthrough: { title: 'Post' }, step: { number: 1, title: 'Click' } },
    });
    const forged = await ask(
      'questions.beginDraft',
      { walkthroughId: newId(), stepId: sid, viewport: { w: 10, h: 10 } },
      own,
    );
    expect((forged as { data: Record<string, unknown> }).data.walkthrough).toBeUndefined();
    expect((forged as { data: Record<string, unknown> }).data.step).toBeUndefined();

    const draftId = (good as { data: { draftId: string } }).data.draftId;
    expect(await ask('questions.cancelDraft', { draftId }, own)).toMatchObject({ ok: true });
    expect(
      await ask('questions.saveDraft', { draftId, text: 'x', keepFullUrl: false, includeScreenshot: false }, own),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await db.questions.count()).toBe(0);
  });

  it('rejects invalid requests before anything is stored', async () => {
    const own = await tab('https://k.example/');
    const begun = await ask('questions.beginDraft', { viewport: { w: 10, h: 10 } }, own);
    const draftId = (begun as { data: { draftId: string } }).data.draftId;
    expect(
      await ask('questions.saveDraft', { draftId, text: '   ', keepFullUrl: false, includeScreenshot: false }, own),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await ask(
        'questions.saveDraft',
        { draftId, text: 'x'.repeat(4001), keepFullUrl: false, includeScreenshot: false },
        own,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await ask(
        'questions.saveDraft',
        { draftId, text: 'ok', goalId: newId(), keepFullUrl: false, includeScreenshot: false },
        own,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await db.questions.count()).toBe(0);
  });
});
