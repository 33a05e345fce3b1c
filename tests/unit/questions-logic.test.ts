import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { displayUrl, hasQueryOrFragment, isWebUrl, sanitizeUrl } from '~/lib/questions/url';
import { addMonths, parseLocalDate, planMeetingDates, toLocalDate, toLocalTime } from '~/lib/questions/rhythm';
import { clampTitle, moveItem, refreshAgenda, reorder, type AgendaSources } from '~/lib/questions/agenda';
import {
  closeMeeting,
  hasContent,
  pickNextMeeting,
  previousHeldMeeting,
  unfinishedMeetings,
} from '~/lib/questions/meeting';
import { goalProgress } from '~/lib/questions/progress';
import { buildMinutes, itemTitle } from '~/lib/questions/minutes';
import { meetingsToIcs } from '~/lib/questions/ics';
import { normaliseSelection, questionContext } from '~/lib/questions/composer';
import {
  MeetingSchema,
  newId,
  type AgendaItem,
  type Goal,
  type Meeting,
  type Question,
  type StepHealth,
} from '~/lib/schema';

const T0 = '2026-03-01T10:00:00.000Z';

function meeting(over: Partial<Meeting> = {}): Meeting {
  return MeetingSchema.parse({
    id: newId(),
    scheduledAt: new Date(2026, 2, 10, 16, 0).toISOString(),
    durationMinutes: 60,
    topic: '',
    status: 'planned',
    agenda: [],
    actionItems: [],
    notes: '',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  });
}
function question(over: Partial<Question> = {}): Question {
  return {
    id: newId(),
    text: 'What is a hashtag?',
    status: 'open',
    context: {},
    answer: '',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}
function goal(over: Partial<Goal> = {}): Goal {
  return {
    id: newId(),
    title: 'LinkedIn profile',
    description: '',
    status: 'open',
    order: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}
function health(over: Partial<StepHealth> = {}): StepHealth {
  return {
    id: newId(),
    walkthroughId: newId(),
    stepId: newId(),
    walkthroughVersion: 1,
    at: T0,
    outcome: 'not-found',
    ...over,
  };
}
const sources = (over: Partial<AgendaSources>): AgendaSources => ({
  meeting: meeting(),
  questions: [],
  stepHealth: [],
  goals: [],
  describeStep: (r) => `step ${r.stepId.slice(0, 4)}`,
  newId,
  ...over,
});

describe('URL sanitising', () => {
  it('drops query string and fragment by default', () => {
    expect(sanitizeUrl('https://www.linkedin.com/feed/?trk=abc&session=SECRET#post-1')).toBe(
      'https://www.linkedin.com/feed/',
    );
  });
  it('keeps them only when asked, never credentials', () => {
    expect(sanitizeUrl('https://bob:pw@example.com/a?q=1#x', { keepQuery: true })).toBe('https://example.com/a?q=1#x');
    expect(sanitizeUrl('https://bob:pw@example.com/a?q=1#x')).toBe('https://example.com/a');
  });
  it('rejects what is not a URL and limits the length', () => {
    expect(sanitizeUrl('not a url')).toBeUndefined();
    expect(sanitizeUrl(undefined)).toBeUndefined();
    expect(sanitizeUrl(`https://example.com/${'a'.repeat(5000)}`)!.length).toBe(2000);
  });
  it('never leaves a query or fragment behind (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const out = sanitizeUrl(url);
        expect(out).toBeDefined();
        expect(hasQueryOrFragment(out)).toBe(false);
        expect(out!.includes('?') || out!.includes('#')).toBe(false);
      }),
    );
  });
  it('tells query/fragment and web URLs apart and shows a short form', () => {
    expect(hasQueryOrFragment('https://a.example/x?y=1')).toBe(true);
    expect(hasQueryOrFragment('https://a.example/x#top')).toBe(true);
    expect(hasQueryOrFragment('https://a.example/x')).toBe(false);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('http://127.0.0.1:4000/')).toBe(true);
    expect(displayUrl('https://www.example.com/')).toBe('www.example.com');
    expect(displayUrl('https://www.example.com/in/me')).toBe('www.example.com/in/me');
  });
});

describe('meeting planning from a rhythm', () => {
  it('plans monthly meetings on the same weekday of the month', () => {
    // Tuesday 3 Feb 2026 is the first Tuesday of February
    const dates = planMeetingDates({
      rhythm: { every: 'monthly', durationMinutes: 60, weekday: 2, time: '16:30' },
      start: '2026-02-01',
      end: '2026-07-31',
    });
    expect(dates.map(toLocalDate)).toEqual([
      '2026-02-03',
      '2026-03-03',
      '2026-04-07',
      '2026-05-05',
      '2026-06-02',
      '2026-07-07',
    ]);
    expect(dates.every((d) => toLocalTime(d) === '16:30' && d.getDay() === 2)).toBe(true);
  });
  it('treats a fifth weekday as "the last one of the month"', () => {
    const dates = planMeetingDates({
      rhythm: { every: 'monthly', durationMinutes: 60, weekday: 5 },
      start: '2026-01-29', // Friday 30 Jan is the fifth Friday
      end: '2026-03-31',
    });
    expect(dates.map(toLocalDate)).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });
  it('plans weekly and biweekly series up to the end date, default weekday = the start day', () => {
    const weekly = planMeetingDates({
      rhythm: { every: 'weekly', durationMinutes: 30 },
      start: '2026-03-04',
      end: '2026-03-25',
    });
    expect(weekly.map(toLocalDate)).toEqual(['2026-03-04', '2026-03-11', '2026-03-18', '2026-03-25']);
    const biweekly = planMeetingDates({
      rhythm: { every: 'biweekly', durationMinutes: 30, weekday: 1 },
      start: '2026-03-04',
      end: '2026-04-30',
    });
    expect(biweekly.map(toLocalDate)).toEqual(['2026-03-09', '2026-03-23', '2026-04-06', '2026-04-20']);
  });
  it('plans a year without an end date, skips the past and stops at the cap', () => {
    // Thursday 1 Jan 2026: the first Thursday of each month until 31 Dec 2026
    const year = planMeetingDates({ rhythm: { every: 'monthly', durationMinutes: 60 }, start: '2026-01-01' });
    expect(year).toHaveLength(12);
    expect(toLocalDate(year.at(-1)!)).toBe('2026-12-03');
    const later = planMeetingDates({
      rhythm: { every: 'monthly', durationMinutes: 60 },
      start: '2026-01-01',
      notBefore: parseLocalDate('2026-06-01'),
    });
    expect(toLocalDate(later[0]!)).toBe('2026-06-04');
    expect(later).toHaveLength(7);
    expect(
      planMeetingDates({ rhythm: { every: 'weekly', durationMinutes: 60 }, start: '2026-01-05', end: '2030-01-01' }),
    ).toHaveLength(60);
  });
  it('adds months without rolling over the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });
});

describe('agenda building', () => {
  it('adds open questions grouped by goal, then broken steps, then goals due', () => {
    const g1 = goal({ title: 'LinkedIn', order: 1 });
    const g2 = goal({ title: 'Hashtags', order: 2, dueDate: '2026-03-01' });
    const q1 = question({ text: 'Hashtag?', goalId: g2.id, createdAt: '2026-03-01T09:00:00.000Z' });
    const q2 = question({ text: 'Profile picture?', goalId: g1.id, createdAt: '2026-03-02T09:00:00.000Z' });
    const q3 = question({ text: 'No goal', createdAt: '2026-03-01T08:00:00.000Z' });
    const q4 = question({ text: 'Headline?', goalId: g1.id, createdAt: '2026-03-01T08:30:00.000Z' });
    const broken = health({ outcome: 'not-found' });
    const fine = health({ outcome: 'found' });
    const res = refreshAgenda(sources({ questions: [q1, q2, q3, q4], stepHealth: [broken, fine], goals: [g2, g1] }));
    expect(res.agenda.map((i) => [i.kind, i.refId])).toEqual([
      ['question', q4.id],
      ['question', q2.id],
      ['question', q1.id],
      ['question', q3.id],
      ['step-health', broken.id],
      ['goal', g2.id],
    ]);
    expect(res.placed.sort()).toEqual([q1.id, q2.id, q3.id, q4.id].sort());
    expect(res.changed).toBe(true);
  });

  it('is idempotent and keeps the tandem’s own order and custom items', () => {
    const q1 = question();
    const first = refreshAgenda(sources({ questions: [q1] }));
    const custom: AgendaItem = { id: newId(), kind: 'custom', title: 'Talk about TikTok', discussed: false, notes: '' };
    const m = meeting({ agenda: [custom, ...first.agenda] });
    const placed = { ...q1, status: 'agenda' as const, meetingId: m.id };
    const again = refreshAgenda(sources({ meeting: m, questions: [placed] }));
    expect(again.changed).toBe(false);
    expect(again.agenda).toEqual(m.agenda);
    // a new question of the same goal group goes after the existing question, not above the custom item
    const q2 = question({ createdAt: '2026-03-05T00:00:00.000Z' });
    const third = refreshAgenda(sources({ meeting: m, questions: [placed, q2] }));
    expect(third.agenda.map((i) => i.refId ?? i.title)).toEqual(['Talk about TikTok', q1.id, q2.id]);
  });

  it('puts the topic goal first and never re-adds removed items', () => {
    const g = goal();
    const q = question();
    const h = health();
    const m = meeting({ goalId: g.id, removedRefs: [q.id, h.id] });
    const res = refreshAgenda(sources({ meeting: m, questions: [q], stepHealth: [h], goals: [g] }));
    expect(res.agenda.map((i) => i.refId)).toEqual([g.id]);
    expect(res.placed).toEqual([]);
  });

  it('lists a step that broke several times once, from its latest record', () => {
    const stepId = newId();
    const a = health({ stepId, at: '2026-03-01T10:00:00.000Z', outcome: 'skipped' });
    const b = health({ stepId, at: '2026-03-02T10:00:00.000Z', outcome: 'ambiguous' });
    const res = refreshAgenda(sources({ stepHealth: [a, b] }));
    expect(res.agenda.map((i) => i.refId)).toEqual([b.id]);
    // the next build sees the step is on the agenda already, even with a newer failure
    const c = health({ stepId, at: '2026-03-03T10:00:00.000Z' });
    const again = refreshAgenda(sources({ meeting: meeting({ agenda: res.agenda }), stepHealth: [a, b, c] }));
    expect(again.changed).toBe(false);
  });

  it('drops items whose question or goal was deleted, skips done and later goals and foreign questions', () => {
    const m = meeting({
      agenda: [
        { id: newId(), kind: 'question', refId: newId(), title: 'gone', discussed: false, notes: '' },
        { id: newId(), kind: 'goal', refId: newId(), title: 'gone goal', discussed: false, notes: '' },
      ],
    });
    const done = goal({ status: 'done', dueDate: '2026-01-01' });
    const later = goal({ dueDate: '2026-12-01' });
    const elsewhere = question({ status: 'agenda', meetingId: newId() });
    const resolved = question({ status: 'resolved' });
    const res = refreshAgenda(sources({ meeting: m, goals: [done, later], questions: [elsewhere, resolved] }));
    expect(res.agenda).toEqual([]);
    expect(res.changed).toBe(true);
  });

  it('clamps long titles and moves items', () => {
    expect(clampTitle('x'.repeat(900))).toHaveLength(500);
    expect(clampTitle('  a \n b ')).toBe('a b');
    const items = ['a', 'b', 'c'].map((t) => ({
      id: t,
      kind: 'custom' as const,
      title: t,
      discussed: false,
      notes: '',
    }));
    expect(moveItem(items, 'c', -1).map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(moveItem(items, 'a', -1).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(reorder(items, 0, 2).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('meetings over time and carry-over', () => {
  const now = new Date(2026, 2, 10, 18, 0);
  it('picks the next meeting (today counts all day) and lists unfinished ones', () => {
    const past = meeting({ scheduledAt: new Date(2026, 2, 3, 16).toISOString() });
    const today = meeting({ scheduledAt: new Date(2026, 2, 10, 9).toISOString() });
    const later = meeting({ scheduledAt: new Date(2026, 3, 7, 16).toISOString() });
    const cancelled = meeting({ scheduledAt: new Date(2026, 2, 9, 16).toISOString(), status: 'cancelled' });
    expect(pickNextMeeting([later, today, past, cancelled], now)).toBe(today);
    expect(unfinishedMeetings([later, today, past, cancelled], now)).toEqual([past]);
    const held = meeting({ scheduledAt: new Date(2026, 1, 3, 16).toISOString(), status: 'held' });
    expect(previousHeldMeeting([held, past, later], later)).toBe(held);
  });

  it('finishing: discussed questions become discussed with notes as answer, the rest carries over to the top', () => {
    const qDone = question({ status: 'agenda' });
    const qOpen = question({ status: 'agenda' });
    const qResolved = question({ status: 'resolved' });
    const stepItem: AgendaItem = {
      id: newId(),
      kind: 'step-health',
      refId: newId(),
      title: 'Step 3',
      discussed: false,
      notes: '',
    };
    const m = meeting({
      agenda: [
        {
          id: newId(),
          kind: 'question',
          refId: qDone.id,
          title: qDone.text,
          discussed: true,
          notes: 'Use # before a word.',
        },
        { id: newId(), kind: 'question', refId: qOpen.id, title: qOpen.text, discussed: false, notes: '' },
        { id: newId(), kind: 'question', refId: qResolved.id, title: qResolved.text, discussed: false, notes: '' },
        stepItem,
        { id: newId(), kind: 'goal', refId: newId(), title: 'Goal', discussed: false, notes: '' },
      ],
    });
    const g = goal();
    const next = meeting({
      goalId: g.id,
      agenda: [{ id: newId(), kind: 'goal', refId: g.id, title: g.title, discussed: false, notes: '' }],
      removedRefs: [qOpen.id],
    });
    const res = closeMeeting(m, {
      outcome: 'held',
      next,
      questions: new Map([qDone, qOpen, qResolved].map((q) => [q.id, q])),
      now: T0,
      newId,
    });
    expect(res.meeting.status).toBe('held');
    expect(res.meeting.heldAt).toBe(T0);
    expect(res.questionChanges).toEqual([
      { id: qDone.id, status: 'discussed', meetingId: m.id, answer: 'Use # before a word.' },
      { id: qOpen.id, status: 'agenda', meetingId: next.id },
    ]);
    expect(res.next!.agenda.map((i) => i.refId)).toEqual([g.id, qOpen.id, stepItem.refId]);
    expect(res.next!.removedRefs).toEqual([]);
    expect(res.carried).toHaveLength(2);
  });

  it('calling a meeting off carries everything over; without a next meeting questions reopen', () => {
    const q = question({ status: 'agenda' });
    const m = meeting({
      agenda: [{ id: newId(), kind: 'question', refId: q.id, title: q.text, discussed: true, notes: '' }],
    });
    const res = closeMeeting(m, {
      outcome: 'cancelled',
      next: undefined,
      questions: new Map([[q.id, q]]),
      now: T0,
      newId,
    });
    expect(res.meeting.status).toBe('cancelled');
    expect(res.meeting.heldAt).toBeUndefined();
    expect(res.questionChanges).toEqual([{ id: q.id, status: 'open', meetingId: undefined }]);
  });

  it('knows which meetings the tandem already worked on', () => {
    expect(hasContent(meeting())).toBe(false);
    expect(
      hasContent(
        meeting({
          agenda: [{ id: newId(), kind: 'question', refId: newId(), title: 'q', discussed: false, notes: '' }],
        }),
      ),
    ).toBe(false);
    expect(hasContent(meeting({ topic: 'Hashtags' }))).toBe(true);
    expect(
      hasContent(meeting({ agenda: [{ id: newId(), kind: 'custom', title: 'x', discussed: false, notes: '' }] })),
    ).toBe(true);
  });
});

describe('goal progress and minutes', () => {
  it('counts finished linked walkthroughs and discussed or resolved questions', () => {
    const g = goal();
    const w1 = { id: newId(), goalId: g.id };
    const w2 = { id: newId(), goalId: g.id };
    const w3 = { id: newId(), goalId: g.id };
    const other = { id: newId(), goalId: newId() };
    const progress = [
      { walkthroughId: w1.id, status: 'finished' as const, timesFinished: 1 },
      { walkthroughId: w2.id, status: 'playing' as const, timesFinished: 1 },
      { walkthroughId: w3.id, status: 'playing' as const, timesFinished: 0 },
      { walkthroughId: other.id, status: 'finished' as const, timesFinished: 3 },
    ];
    const questions = [
      { goalId: g.id, status: 'discussed' as const },
      { goalId: g.id, status: 'resolved' as const },
      { goalId: g.id, status: 'open' as const },
      { goalId: undefined, status: 'resolved' as const },
    ];
    const p = goalProgress(g, { walkthroughs: [w1, w2, w3, other], progress, questions });
    expect(p).toEqual({ walkthroughsDone: 2, walkthroughsTotal: 3, questionsDone: 2, questionsTotal: 3, percent: 67 });
    expect(goalProgress({ ...g, status: 'done' }, { walkthroughs: [], progress: [], questions: [] }).percent).toBe(100);
    expect(goalProgress(g, { walkthroughs: [], progress: [], questions: [] }).percent).toBe(0);
  });

  it('builds minutes from the meeting with the live titles', () => {
    const g = goal({ title: 'Hashtags' });
    const q = question({ text: 'What is # for? (edited)', goalId: g.id });
    const m = meeting({
      agenda: [
        { id: newId(), kind: 'question', refId: q.id, title: 'What is # for?', discussed: true, notes: ' Topics. ' },
        { id: newId(), kind: 'custom', title: 'TikTok', discussed: false, notes: '' },
      ],
      actionItems: [
        { id: newId(), owner: 'mentor', text: 'Record a walkthrough for hashtags', done: false },
        { id: newId(), owner: 'mentee', text: 'Post once', done: false },
      ],
      notes: ' Good session ',
    });
    const minutes = buildMinutes(m, new Map([[q.id, q]]), new Map([[g.id, g]]));
    expect(minutes.discussed).toEqual([
      { id: m.agenda[0]!.id, kind: 'question', title: q.text, notes: 'Topics.', goalTitle: 'Hashtags' },
    ]);
    expect(minutes.notDiscussed.map((e) => e.title)).toEqual(['TikTok']);
    expect(minutes.actions.mentor.map((a) => a.text)).toEqual(['Record a walkthrough for hashtags']);
    expect(minutes.actions.mentee.map((a) => a.text)).toEqual(['Post once']);
    expect(minutes.notes).toBe('Good session');
    expect(
      itemTitle(
        { id: 'x', kind: 'goal', refId: 'missing', title: 'stored', discussed: false, notes: '' },
        new Map(),
        new Map(),
      ),
    ).toBe('stored');
  });
});

describe('calendar file', () => {
  it('round-trips through an iCalendar parser (ical.js)', () => {
    const a = meeting({
      scheduledAt: '2026-02-03T15:00:00.000Z',
      durationMinutes: 60,
      topic: 'LinkedIn-Profil „anlegen“',
    });
    const b = meeting({ scheduledAt: '2026-03-03T15:30:00.000Z', durationMinutes: 90, status: 'cancelled' });
    const text = meetingsToIcs([a, b], {
      title: (m) => `Tandem-Treffen${m.topic ? `: ${m.topic}` : ''}`,
      calName: 'Lotse',
    });
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(2);
    expect(events[0]!.uid).toBe(`${a.id}@lotse.invalid`);
    expect(events[0]!.summary).toBe('Tandem-Treffen: LinkedIn-Profil „anlegen“');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-02-03T15:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-02-03T16:00:00.000Z');
    expect(events[1]!.endDate.toJSDate().toISOString()).toBe('2026-03-03T17:00:00.000Z');
    expect(events[1]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.component.getFirstPropertyValue('class')).toBe('PRIVATE');
  });
});

describe('composer logic', () => {
  it('stores the sanitised address unless kept, the selection only when chosen', () => {
    const facts = {
      url: 'https://k.example/profile?token=abc#edit',
      title: '  Profile \n– Kontakto ',
      selectedText: '  some\n\n selected   text ',
      walkthroughId: newId(),
      stepId: newId(),
      hasScreenshot: true,
    };
    expect(questionContext(facts, { keepFullUrl: false, includeSelection: true })).toEqual({
      url: 'https://k.example/profile',
      pageTitle: 'Profile – Kontakto',
      selectedText: 'some selected text',
      walkthroughId: facts.walkthroughId,
      stepId: facts.stepId,
    });
    const kept = questionContext({ ...facts, stepId: undefined }, { keepFullUrl: true, includeSelection: false });
    expect(kept).toEqual({
      url: 'https://k.example/profile?token=abc#edit',
      pageTitle: 'Profile – Kontakto',
      walkthroughId: facts.walkthroughId,
    });
    expect(
      questionContext({ hasScreenshot: false, stepId: newId() }, { keepFullUrl: false, includeSelection: true }),
    ).toEqual({});
    expect(normaliseSelection('x'.repeat(3000))).toHaveLength(2000);
    expect(normaliseSelection('   ')).toBeUndefined();
  });
});
