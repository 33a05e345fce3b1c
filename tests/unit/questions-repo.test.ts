import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LotseDB, setDbForTests } from '~/lib/db';
import { newId, nowIso, type StepHealth } from '~/lib/schema';
import {
  MAX_AGENDA_QUESTIONS,
  addActionItem,
  addCustomItem,
  addGoal,
  addQuestion,
  deleteGoal,
  deleteMeeting,
  deleteQuestion,
  finishMeeting,
  getNextMeeting,
  getTandem,
  linkWalkthrough,
  moveGoal,
  openActionItems,
  refreshNextAgenda,
  removeAgendaItem,
  saveTandem,
  updateAgendaItem,
  updateMeeting,
  updateQuestion,
  type TandemInput,
} from '~/lib/questions/repo';
import { toLocalDate } from '~/lib/questions/rhythm';

let db: LotseDB;
beforeEach(async () => {
  db = new LotseDB(`test-${newId()}`);
  setDbForTests(db);
  await db.open();
});
afterEach(async () => {
  setDbForTests(undefined);
  await db.delete();
});

const NOW = new Date(2026, 1, 10, 12, 0); // Tue 10 Feb 2026, noon
const tandemInput = (over: Partial<TandemInput> = {}): TandemInput => ({
  role: 'mentee',
  myName: ' Klaus ',
  partnerName: 'Lea',
  programStart: '2026-02-01',
  programEnd: '2026-07-31',
  rhythm: { every: 'monthly', durationMinutes: 60, weekday: 2, time: '16:00' },
  confidentialityText: 'Everything stays between us.',
  acknowledged: true,
  ...over,
});

describe('tandem', () => {
  it('creates the tandem and plans the meetings from the rhythm (future ones only)', async () => {
    const t = await saveTandem(tandemInput(), db, NOW);
    expect(t.myName).toBe('Klaus');
    expect(t.confidentiality.acknowledgedAt).toBe(NOW.toISOString());
    const meetings = await db.meetings.orderBy('scheduledAt').toArray();
    // first Tuesdays: 3 Feb is before NOW → Mar … Jul
    expect(meetings.map((m) => toLocalDate(new Date(m.scheduledAt)))).toEqual([
      '2026-03-03',
      '2026-04-07',
      '2026-05-05',
      '2026-06-02',
      '2026-07-07',
    ]);
    expect(meetings.every((m) => m.durationMinutes === 60 && m.status === 'planned' && m.tandemId === t.id)).toBe(true);
  });

  it('rejects an end before the start and changes nothing', async () => {
    await expect(saveTandem(tandemInput({ programEnd: '2026-01-01' }), db, NOW)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await expect(saveTandem(tandemInput({ myName: 'x'.repeat(81) }), db, NOW)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(await db.tandems.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
  });

  it('re-plans untouched meetings when the rhythm changes, keeps worked-on ones, keeps the acknowledgement', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const [first] = await db.meetings.orderBy('scheduledAt').toArray();
    await updateMeeting(first!.id, { topic: 'LinkedIn profile' }, db);
    const later = new Date(NOW.getTime() + 60_000);
    const t = await saveTandem(
      tandemInput({ rhythm: { every: 'biweekly', durationMinutes: 45, weekday: 4, time: '09:00' } }),
      db,
      later,
    );
    expect(t.confidentiality.acknowledgedAt).toBe(NOW.toISOString());
    const meetings = await db.meetings.orderBy('scheduledAt').toArray();
    expect(meetings.find((m) => m.id === first!.id)?.topic).toBe('LinkedIn profile');
    const others = meetings.filter((m) => m.id !== first!.id);
    expect(others.every((m) => new Date(m.scheduledAt).getDay() === 4 && m.durationMinutes === 45)).toBe(true);
    // every other Thursday from the first one on or after the program start (5 Feb): 5 Feb is past → 19 Feb
    expect(toLocalDate(new Date(others[0]!.scheduledAt))).toBe('2026-02-19');
    // changing the agreement's text asks for a new acknowledgement
    const changed = await saveTandem(tandemInput({ confidentialityText: 'New text', acknowledged: false }), db, later);
    expect(changed.confidentiality.acknowledgedAt).toBeUndefined();
    expect(await db.tandems.count()).toBe(1);
    expect((await getTandem(db))?.confidentiality.text).toBe('New text');
  });
});

describe('questions and the agenda', () => {
  it('places a new question on the next agenda; screenshot saved with it in one go', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' });
    const q = await addQuestion(
      { text: '  How do I add a hashtag? ', context: { url: 'https://k.example/feed', pageTitle: 'Feed' } },
      { blob, mime: 'image/webp', width: 10, height: 10 },
      db,
      NOW,
    );
    expect(q.text).toBe('How do I add a hashtag?');
    expect(q.status).toBe('agenda');
    const next = await getNextMeeting(db, NOW);
    expect(q.meetingId).toBe(next!.id);
    expect(next!.agenda.map((i) => i.refId)).toEqual([q.id]);
    const shot = await db.screenshots.get(q.screenshotId!);
    expect(shot?.ownerId).toBe(q.id);
    expect(shot?.ownerKind).toBe('question');
  });

  it('keeps a question open when no meeting is planned; a missing goal rejects the whole save', async () => {
    const q = await addQuestion({ text: 'Open?' }, undefined, db, NOW);
    expect(q.status).toBe('open');
    await expect(addQuestion({ text: 'x', goalId: newId() }, undefined, db, NOW)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(addQuestion({ text: '   ' }, undefined, db, NOW)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await db.questions.count()).toBe(1);
  });

  it('edits, re-opens and deletes questions with their screenshot and agenda item', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const blob = new Blob([new Uint8Array([1])], { type: 'image/png' });
    const q = await addQuestion({ text: 'A' }, { blob, mime: 'image/png', width: 1, height: 1 }, db, NOW);
    const g = await addGoal({ title: 'Hashtags' }, db);
    const edited = await updateQuestion(q.id, { text: ' B ', goalId: g.id, status: 'resolved' }, db);
    expect(edited).toMatchObject({ text: 'B', goalId: g.id, status: 'resolved' });
    expect((await updateQuestion(q.id, { goalId: undefined }, db)).goalId).toBeUndefined();
    await deleteQuestion(q.id, db);
    expect(await db.questions.count()).toBe(0);
    expect(await db.screenshots.count()).toBe(0);
    expect((await getNextMeeting(db, NOW))!.agenda).toEqual([]);
    await expect(updateQuestion(q.id, { text: 'x' }, db)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('adds broken steps since the last meeting and goals due; removing an item keeps it off', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const wid = newId();
    const stepIds = [newId(), newId()];
    await db.walkthroughs.add({
      id: wid,
      title: 'Create a profile',
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
    await db.steps.bulkAdd(
      stepIds.map((id, i) => ({
        id,
        walkthroughId: wid,
        order: i,
        title: i === 0 ? 'Open the profile' : 'Click “Save”',
        explanation: '',
        url: 'https://k.example/',
        action: { type: 'click' as const },
        blurRects: [],
        createdAt: nowIso(),
        updatedAt: nowIso(),
      })),
    );
    const rec: StepHealth = {
      id: newId(),
      walkthroughId: wid,
      stepId: stepIds[1]!,
      walkthroughVersion: 1,
      at: nowIso(),
      outcome: 'not-found',
    };
    await db.stepHealth.bulkAdd([rec, { ...rec, id: newId(), stepId: stepIds[0]!, outcome: 'found' }]);
    const due = await addGoal({ title: 'Post once', dueDate: '2026-03-01' }, db);
    await addGoal({ title: 'Later', dueDate: '2026-12-01' }, db);
    const m = (await refreshNextAgenda(db, NOW))!;
    expect(m.agenda.map((i) => [i.kind, i.title])).toEqual([
      ['step-health', 'Create a profile › 2. Click “Save”'],
      ['goal', 'Post once'],
    ]);
    await removeAgendaItem(m.id, m.agenda[0]!.id, db);
    const again = (await refreshNextAgenda(db, NOW))!;
    expect(again.agenda.map((i) => i.refId)).toEqual([due.id]);
    expect(again.removedRefs).toEqual([rec.id]);
  });

  it('puts at most 60 questions on one agenda, the oldest first; the rest stays open', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    await db.questions.bulkAdd(
      Array.from({ length: 65 }, (_, i) => ({
        id: newId(),
        text: `Q${i}`,
        status: 'open' as const,
        context: {},
        answer: '',
        createdAt: new Date(t0 + i * 1000).toISOString(),
        updatedAt: nowIso(),
      })),
    );
    const m = (await refreshNextAgenda(db, NOW))!;
    expect(m.agenda).toHaveLength(MAX_AGENDA_QUESTIONS);
    expect(m.agenda[0]!.title).toBe('Q0');
    expect(await db.questions.where('status').equals('open').count()).toBe(5);
  });

  it('removing a question from the agenda defers it to the following meeting', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const q = await addQuestion({ text: 'Later please' }, undefined, db, NOW);
    const m = (await getNextMeeting(db, NOW))!;
    const after = await removeAgendaItem(m.id, m.agenda[0]!.id, db);
    expect(after.agenda).toEqual([]);
    expect((await db.questions.get(q.id))!.status).toBe('open');
    await refreshNextAgenda(db, NOW);
    expect((await getNextMeeting(db, NOW))!.agenda).toEqual([]);
    // after the meeting it lands on the next one
    const res = await finishMeeting(m.id, 'held', db, NOW);
    expect(res.meeting.status).toBe('held');
    const following = (await getNextMeeting(db, NOW))!;
    expect(following.id).not.toBe(m.id);
    expect(following.agenda.map((i) => i.refId)).toEqual([q.id]);
    expect((await db.questions.get(q.id))!.meetingId).toBe(following.id);
  });
});

describe('a meeting from agenda to minutes', () => {
  it('discussed with notes + action item → minutes; the unresolved question reappears next time', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const a = await addQuestion({ text: 'What is a hashtag?' }, undefined, db, NOW);
    const b = await addQuestion({ text: 'Who sees my likes?' }, undefined, db, new Date(NOW.getTime() + 1000));
    const m = (await getNextMeeting(db, NOW))!;
    const itemA = m.agenda.find((i) => i.refId === a.id)!;
    await updateAgendaItem(m.id, itemA.id, { discussed: true, notes: 'A word with # in front.' }, db);
    await addActionItem(m.id, { owner: 'mentor', text: 'Record a walkthrough for hashtags' }, db);
    await addCustomItem(m.id, 'Next topic?', db);
    await expect(addActionItem(m.id, { owner: 'mentor', text: '  ' }, db)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    const res = await finishMeeting(m.id, 'held', db, NOW);
    expect(res.meeting.status).toBe('held');
    expect(await db.questions.get(a.id)).toMatchObject({
      status: 'discussed',
      answer: 'A word with # in front.',
      meetingId: m.id,
    });
    const next = (await getNextMeeting(db, NOW))!;
    expect(next.agenda.map((i) => i.refId ?? i.title)).toEqual([b.id, 'Next topic?']);
    expect(await db.questions.get(b.id)).toMatchObject({ status: 'agenda', meetingId: next.id });
    expect((await openActionItems(db)).map((x) => x.item.text)).toEqual(['Record a walkthrough for hashtags']);
    await expect(finishMeeting(m.id, 'held', db, NOW)).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('deleting a planned meeting releases its questions to the next one', async () => {
    await saveTandem(tandemInput(), db, NOW);
    const q = await addQuestion({ text: 'Q' }, undefined, db, NOW);
    const m = (await getNextMeeting(db, NOW))!;
    await deleteMeeting(m.id, db, NOW);
    const next = (await getNextMeeting(db, NOW))!;
    expect(next.id).not.toBe(m.id);
    expect((await db.questions.get(q.id))!.meetingId).toBe(next.id);
  });
});

describe('goals', () => {
  it('orders, links walkthroughs and deletes goals without losing questions', async () => {
    const a = await addGoal({ title: 'A' }, db);
    const b = await addGoal({ title: 'B', description: 'desc' }, db);
    await moveGoal(b.id, -1, db);
    expect((await db.goals.orderBy('order').toArray()).map((g) => g.title)).toEqual(['B', 'A']);
    const wid = newId();
    await db.walkthroughs.add({
      id: wid,
      title: 'W',
      description: '',
      topic: '',
      startUrl: 'https://k.example/',
      language: 'en',
      version: 3,
      status: 'ready',
      origin: 'local',
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await linkWalkthrough(wid, a.id, db);
    expect(await db.walkthroughs.get(wid)).toMatchObject({ goalId: a.id, version: 3 });
    await expect(linkWalkthrough(newId(), a.id, db)).rejects.toMatchObject({ code: 'not-found' });
    const q = await addQuestion({ text: 'Q', goalId: a.id }, undefined, db);
    await deleteGoal(a.id, db);
    expect(await db.goals.count()).toBe(1);
    expect((await db.questions.get(q.id))!.goalId).toBeUndefined();
    expect((await db.walkthroughs.get(wid))!.goalId).toBeUndefined();
  });
});
