import { beforeEach, describe, expect, it } from 'vitest';
import { LotseDB, setDbForTests } from '~/lib/db';
import { changeLanguage, deleteStep, draftOf, insertTip, isDirty, loadWalkthrough, moveStep, saveDraft, undoDelete, updateStep } from '~/lib/recorder/draft';
import { newId, nowIso, type Step, type Walkthrough } from '~/lib/schema';

let db: LotseDB;
const wid = newId();

function step(order: number, title: string, extra: Partial<Step> = {}): Step {
  const now = nowIso();
  return { id: newId(), walkthroughId: wid, order, title, explanation: '', url: 'https://k.example/feed', action: { type: 'click' }, blurRects: [], createdAt: now, updatedAt: now, ...extra };
}

beforeEach(async () => {
  db = new LotseDB(`t-${newId()}`);
  setDbForTests(db);
  const now = nowIso();
  const w: Walkthrough = { id: wid, title: 'Headline', description: '', topic: '', startUrl: 'https://k.example/feed', language: 'en', version: 1, status: 'ready', origin: 'local', createdAt: now, updatedAt: now };
  await db.walkthroughs.add(w);
  const steps = [
    step(1000, 'Click “Edit profile”', { target: { v: 1, tag: 'a', role: 'link', name: 'Edit profile' } }),
    step(2000, 'Enter your headline', { action: { type: 'input', inputType: 'text', keepValue: false, sensitive: false }, target: { v: 1, tag: 'input', role: 'textbox', label: 'Headline' } }),
    step(3000, 'My own words'),
  ];
  await db.steps.bulkAdd(steps);
  await db.screenshots.add({ id: newId(), ownerKind: 'step', ownerId: steps[2]!.id, blob: new Blob(['x']), mime: 'image/webp', width: 1, height: 1, createdAt: now });
});

describe('editor draft', () => {
  it('reorders, deletes with undo, inserts a tip and saves in one transaction with version + 1', async () => {
    const base = (await loadWalkthrough(db, wid))!;
    let d = draftOf(base);
    expect(isDirty(d, base)).toBe(false);
    d = moveStep(d, 2, 0);
    const del = deleteStep(d, d.steps[1]!.id);
    d = undoDelete(del.draft, del.removed!);
    expect(d.steps.map((s) => s.title)).toEqual(['My own words', 'Click “Edit profile”', 'Enter your headline']);
    const r = deleteStep(d, d.steps[0]!.id);
    d = insertTip(r.draft, 1, wid, 'Tip').draft;
    d = updateStep(d, d.steps[0]!.id, { explanation: 'Top right' });
    expect(isDirty(d, base)).toBe(true);
    expect(await saveDraft(db, wid, d)).toBe(2);
    const after = (await loadWalkthrough(db, wid))!;
    expect(after.steps.map((s) => [s.order, s.title])).toEqual([
      [1, 'Click “Edit profile”'],
      [2, 'Tip'],
      [3, 'Enter your headline'],
    ]);
    expect(after.steps[0]!.explanation).toBe('Top right');
    expect(await db.screenshots.count()).toBe(0); // the deleted step's screenshot went with it
  });

  it('changes nothing when the draft is invalid (all or nothing)', async () => {
    const base = (await loadWalkthrough(db, wid))!;
    const d = { ...draftOf(base), meta: { ...draftOf(base).meta, startUrl: 'not a url' } };
    await expect(saveDraft(db, wid, moveStep(d, 0, 2))).rejects.toThrow();
    const after = (await loadWalkthrough(db, wid))!;
    expect(after.walkthrough.version).toBe(1);
    expect(after.steps.map((s) => s.title)).toEqual(base.steps.map((s) => s.title));
  });

  it('switching the language translates generated titles and keeps edited ones', async () => {
    const d = changeLanguage(draftOf((await loadWalkthrough(db, wid))!), 'de', true);
    expect(d.steps.map((s) => s.title)).toEqual(['Klicken Sie auf „Edit profile“', 'Füllen Sie das Feld „Headline“ aus', 'My own words']);
    expect(d.meta.language).toBe('de');
  });
});
