/**
 * Database operations of the questions feature (tandem, goals, questions, meetings). Every write is one
 * Dexie transaction and validates the records it writes with their zod schema: bad input changes nothing.
 * Used by the side panel, the print page and the background; no React here.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { getDb, type LotseDB } from '../db';
import { LotseError } from '../messages/errors';
import {
  ActionItemSchema,
  GoalSchema,
  MeetingSchema,
  QuestionSchema,
  ScreenshotSchema,
  TandemSchema,
  newId,
  nowIso,
  type ActionItem,
  type AgendaItem,
  type Goal,
  type Meeting,
  type MeetingRhythm,
  type Question,
  type Role,
  type StepHealth,
  type Tandem,
} from '../schema';
import { BROKEN_OUTCOMES, clampTitle, refreshAgenda } from './agenda';
import { closeMeeting, hasContent, pickNextMeeting, previousHeldMeeting, type CloseResult } from './meeting';
import { planMeetingDates, toLocalDate } from './rhythm';

/** A meeting has one hour: more questions than this do not fit; the newer ones wait for a later meeting. */
export const MAX_AGENDA_QUESTIONS = 60;

function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new LotseError(
      'invalid-request',
      `${what}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`.slice(0, 2000),
    );
  }
  return r.data;
}

const must = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new LotseError('not-found', what);
  return v;
};

/* ---------------- Tandem ---------------- */

/** Lotse keeps one tandem per browser profile. */
export async function getTandem(db: LotseDB = getDb()): Promise<Tandem | undefined> {
  return (await db.tandems.toCollection().first()) ?? undefined;
}

export interface TandemInput {
  role: Role;
  myName?: string;
  partnerName?: string;
  programStart: string;
  programEnd?: string;
  rhythm: MeetingRhythm;
  confidentialityText: string;
  /** the user ticked "we agree" */
  acknowledged: boolean;
}

const clean = (s: string | undefined) => {
  const t = (s ?? '').trim();
  return t === '' ? undefined : t;
};

/**
 * Create or update the tandem. Creating it plans the meetings; changing the rhythm or period re-plans the
 * future meetings nobody worked on yet (meetings with a topic, notes or agenda edits keep their date).
 */
export async function saveTandem(input: TandemInput, db: LotseDB = getDb(), now = new Date()): Promise<Tandem> {
  if (input.programEnd && input.programEnd < input.programStart) {
    throw new LotseError('invalid-request', 'program end before start');
  }
  const stamp = now.toISOString();
  return db.transaction('rw', db.tandems, db.meetings, db.questions, async () => {
    const existing = await getTandem(db);
    const text = input.confidentialityText.trim();
    const sameText = existing?.confidentiality.text === text;
    const acknowledgedAt = input.acknowledged
      ? sameText && existing?.confidentiality.acknowledgedAt
        ? existing.confidentiality.acknowledgedAt
        : stamp
      : undefined;
    const myName = clean(input.myName);
    const partnerName = clean(input.partnerName);
    const tandem = valid(
      TandemSchema,
      {
        id: existing?.id ?? newId(),
        role: input.role,
        ...(myName ? { myName } : {}),
        ...(partnerName ? { partnerName } : {}),
        programStart: input.programStart,
        ...(input.programEnd ? { programEnd: input.programEnd } : {}),
        rhythm: input.rhythm,
        confidentiality: { text, ...(acknowledgedAt ? { acknowledgedAt } : {}) },
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      },
      'tandem',
    );
    await db.tandems.put(tandem);
    const replan =
      !existing ||
      JSON.stringify(existing.rhythm) !== JSON.stringify(tandem.rhythm) ||
      existing.programStart !== tandem.programStart ||
      existing.programEnd !== tandem.programEnd;
    if (replan) await replanMeetings(db, tandem, now);
    return tandem;
  });
}

/** Inside a transaction: replace untouched future meetings by the dates the rhythm gives. */
async function replanMeetings(db: LotseDB, tandem: Tandem, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const future = (await db.meetings.where('scheduledAt').aboveOrEqual(stamp).toArray()).filter(
    (m) => m.status === 'planned',
  );
  const keep = future.filter(hasContent);
  const drop = future.filter((m) => !hasContent(m));
  for (const m of drop) await releaseQuestions(db, m);
  await db.meetings.bulkDelete(drop.map((m) => m.id));
  const keptDays = new Set(keep.map((m) => toLocalDate(new Date(m.scheduledAt))));
  const dates = planMeetingDates({
    rhythm: tandem.rhythm,
    start: tandem.programStart ?? toLocalDate(now),
    ...(tandem.programEnd ? { end: tandem.programEnd } : {}),
    notBefore: now,
  }).filter((d) => !keptDays.has(toLocalDate(d)));
  const meetings = dates.map((d) =>
    plannedMeeting(tandem.id, d.toISOString(), tandem.rhythm.durationMinutes, stamp),
  );
  await db.meetings.bulkAdd(meetings);
}

/** A new, empty planned meeting (from the rhythm or added by hand). */
function plannedMeeting(
  tandemId: string | undefined,
  scheduledAt: string,
  durationMinutes: number,
  stamp: string,
): Meeting {
  return valid(
    MeetingSchema,
    {
      id: newId(),
      ...(tandemId ? { tandemId } : {}),
      scheduledAt,
      durationMinutes,
      topic: '',
      status: 'planned',
      agenda: [],
      actionItems: [],
      notes: '',
      createdAt: stamp,
      updatedAt: stamp,
    },
    'meeting',
  );
}

/** Questions placed on a meeting that goes away become open again (they land on the next agenda). */
async function releaseQuestions(db: LotseDB, meeting: Meeting): Promise<void> {
  const ids = (await db.questions.where('meetingId').equals(meeting.id).toArray())
    .filter((q) => q.status === 'agenda')
    .map((q) => q.id);
  const stamp = nowIso();
  for (const id of ids) await db.questions.update(id, { status: 'open', meetingId: undefined, updatedAt: stamp });
}

/* ---------------- Questions ---------------- */

export interface QuestionInput {
  text: string;
  goalId?: string;
  context?: Question['context'];
}

export interface ScreenshotInput {
  blob: Blob;
  mime: 'image/webp' | 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/** Save a new question (and its screenshot) in one transaction, then place it on the next agenda. */
export async function addQuestion(
  input: QuestionInput,
  screenshot?: ScreenshotInput,
  db: LotseDB = getDb(),
  now = new Date(),
): Promise<Question> {
  const stamp = now.toISOString();
  const id = newId();
  const shotId = screenshot ? newId() : undefined;
  const question = valid(
    QuestionSchema,
    {
      id,
      text: input.text.trim(),
      status: 'open',
      ...(input.goalId ? { goalId: input.goalId } : {}),
      context: input.context ?? {},
      ...(shotId ? { screenshotId: shotId } : {}),
      answer: '',
      createdAt: stamp,
      updatedAt: stamp,
    },
    'question',
  );
  const shot = screenshot
    ? valid(
        ScreenshotSchema,
        { id: shotId, ownerKind: 'question', ownerId: id, ...screenshot, createdAt: stamp },
        'screenshot',
      )
    : undefined;
  await db.transaction('rw', db.questions, db.screenshots, db.goals, async () => {
    if (question.goalId && !(await db.goals.get(question.goalId))) throw new LotseError('not-found', 'goal');
    await db.questions.add(question);
    if (shot) await db.screenshots.add(shot);
  });
  await refreshNextAgenda(db, now);
  return (await db.questions.get(id)) ?? question;
}

export type QuestionPatch = Partial<Pick<Question, 'text' | 'goalId' | 'status' | 'answer'>>;

/** Edit a question. Re-opening it takes it off the meeting it was discussed in. */
export async function updateQuestion(id: string, patch: QuestionPatch, db: LotseDB = getDb()): Promise<Question> {
  const result = await db.transaction('rw', db.questions, db.meetings, async () => {
    const q = must(await db.questions.get(id), 'question');
    const next: Question = { ...q, ...patch, updatedAt: nowIso() };
    if ('goalId' in patch && !patch.goalId) delete next.goalId;
    if (patch.text !== undefined) next.text = patch.text.trim();
    if (patch.status === 'open' && q.status !== 'open') {
      if (q.meetingId) await dropFromAgenda(db, q.meetingId, id);
      delete next.meetingId;
    }
    const out = valid(QuestionSchema, next, 'question');
    await db.questions.put(out);
    return out;
  });
  if (patch.status === 'open') await refreshNextAgenda(db);
  return result;
}

/** Inside a transaction: remove a question's item from a planned meeting's agenda. */
async function dropFromAgenda(db: LotseDB, meetingId: string, questionId: string): Promise<void> {
  const m = await db.meetings.get(meetingId);
  if (!m || m.status !== 'planned') return;
  const agenda = m.agenda.filter((i) => !(i.kind === 'question' && i.refId === questionId));
  if (agenda.length !== m.agenda.length) await db.meetings.put({ ...m, agenda, updatedAt: nowIso() });
}

/** Delete a question, its screenshot and its place on planned agendas (minutes of held meetings keep their text). */
export async function deleteQuestion(id: string, db: LotseDB = getDb()): Promise<void> {
  await db.transaction('rw', db.questions, db.screenshots, db.meetings, async () => {
    const q = await db.questions.get(id);
    if (!q) return;
    if (q.screenshotId) await db.screenshots.delete(q.screenshotId);
    if (q.meetingId) await dropFromAgenda(db, q.meetingId, id);
    await db.questions.delete(id);
  });
}

/* ---------------- Goals ---------------- */

export interface GoalInput {
  title: string;
  description?: string;
  status?: Goal['status'];
  dueDate?: string;
}

export async function addGoal(input: GoalInput, db: LotseDB = getDb()): Promise<Goal> {
  return db.transaction('rw', db.goals, db.tandems, async () => {
    const last = await db.goals.orderBy('order').last();
    const tandem = await getTandem(db);
    const stamp = nowIso();
    const goal = valid(
      GoalSchema,
      {
        id: newId(),
        ...(tandem ? { tandemId: tandem.id } : {}),
        title: input.title.trim(),
        description: (input.description ?? '').trim(),
        status: input.status ?? 'open',
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
        order: (last?.order ?? 0) + 1,
        createdAt: stamp,
        updatedAt: stamp,
      },
      'goal',
    );
    await db.goals.add(goal);
    return goal;
  });
}

export async function updateGoal(id: string, input: GoalInput, db: LotseDB = getDb()): Promise<Goal> {
  return db.transaction('rw', db.goals, async () => {
    const g = must(await db.goals.get(id), 'goal');
    const next: Goal = {
      ...g,
      title: input.title.trim(),
      description: (input.description ?? g.description).trim(),
      status: input.status ?? g.status,
      updatedAt: nowIso(),
    };
    if (input.dueDate) next.dueDate = input.dueDate;
    else delete next.dueDate;
    const out = valid(GoalSchema, next, 'goal');
    await db.goals.put(out);
    return out;
  });
}

/** Move a goal up or down in the list (its questions' group moves with it on new agendas). */
export async function moveGoal(id: string, delta: -1 | 1, db: LotseDB = getDb()): Promise<void> {
  await db.transaction('rw', db.goals, async () => {
    const goals = await db.goals.orderBy('order').toArray();
    const from = goals.findIndex((g) => g.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= goals.length) return;
    const [a, b] = [goals[from]!, goals[to]!];
    const stamp = nowIso();
    await db.goals.bulkPut([
      { ...a, order: b.order, updatedAt: stamp },
      { ...b, order: a.order, updatedAt: stamp },
    ]);
  });
}

/** Delete a goal: its questions, walkthroughs and meetings stay, without the link. */
export async function deleteGoal(id: string, db: LotseDB = getDb()): Promise<void> {
  await db.transaction('rw', [db.goals, db.questions, db.walkthroughs, db.meetings], async () => {
    const stamp = nowIso();
    await db.questions
      .where('goalId')
      .equals(id)
      .modify((q) => {
        delete q.goalId;
        q.updatedAt = stamp;
      });
    await db.walkthroughs
      .where('goalId')
      .equals(id)
      .modify((w) => {
        delete w.goalId;
      });
    await db.meetings.toCollection().modify((m) => {
      const agenda = m.status === 'planned' ? m.agenda.filter((i) => !(i.kind === 'goal' && i.refId === id)) : m.agenda;
      if (m.goalId !== id && agenda.length === m.agenda.length) return;
      if (m.goalId === id) delete m.goalId;
      m.agenda = agenda;
      m.updatedAt = stamp;
    });
    await db.goals.delete(id);
  });
}

/** Link a walkthrough to a goal (or unlink it with undefined). Not a content change: the version stays. */
export async function linkWalkthrough(
  walkthroughId: string,
  goalId: string | undefined,
  db: LotseDB = getDb(),
): Promise<void> {
  await db.transaction('rw', db.walkthroughs, db.goals, async () => {
    if (goalId && !(await db.goals.get(goalId))) throw new LotseError('not-found', 'goal');
    const n = await db.walkthroughs
      .where('id')
      .equals(walkthroughId)
      .modify((w) => {
        if (goalId) w.goalId = goalId;
        else delete w.goalId;
      });
    if (n === 0) throw new LotseError('not-found', 'walkthrough');
  });
}

/* ---------------- Meetings ---------------- */

export async function getNextMeeting(db: LotseDB = getDb(), now = new Date()): Promise<Meeting | undefined> {
  const upcoming = await db.meetings.where('status').equals('planned').toArray();
  return pickNextMeeting(upcoming, now);
}

/** A readable name for a broken step: "Walkthrough › 3. Step title". */
async function stepDescriber(db: LotseDB, records: readonly StepHealth[]): Promise<(r: StepHealth) => string> {
  const wIds = [...new Set(records.map((r) => r.walkthroughId))];
  const walkthroughs = new Map(
    (await db.walkthroughs.bulkGet(wIds)).filter((w) => w !== undefined).map((w) => [w.id, w]),
  );
  const stepNumbers = new Map<string, { n: number; title: string }>();
  for (const wid of wIds) {
    const steps = await db.steps
      .where('[walkthroughId+order]')
      .between([wid, Dexie.minKey], [wid, Dexie.maxKey])
      .toArray();
    steps.forEach((s, i) => stepNumbers.set(s.id, { n: i + 1, title: s.title }));
  }
  return (r) => {
    const w = walkthroughs.get(r.walkthroughId)?.title ?? '…';
    const s = stepNumbers.get(r.stepId);
    return s ? `${w} › ${s.n}. ${s.title}`.trim() : w;
  };
}

/**
 * Build the next meeting's agenda: add open questions, broken steps since the previous meeting and goals
 * due, keep what the tandem arranged. Idempotent; returns the meeting (undefined when none is planned).
 */
export async function refreshNextAgenda(db: LotseDB = getDb(), now = new Date()): Promise<Meeting | undefined> {
  return db.transaction(
    'rw',
    [db.meetings, db.questions, db.goals, db.stepHealth, db.walkthroughs, db.steps],
    async () => {
      const meetings = await db.meetings.toArray();
      const meeting = pickNextMeeting(meetings, now);
      if (!meeting) return undefined;
      const refIds = meeting.agenda.filter((i) => i.kind === 'question' && i.refId).map((i) => i.refId!);
      const room = Math.max(0, MAX_AGENDA_QUESTIONS - refIds.length);
      // oldest open questions first: what waited longest gets discussed first
      const open = await db.questions
        .where('[status+createdAt]')
        .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
        .filter((q) => q.meetingId === undefined)
        .limit(room)
        .toArray();
      const placedHere = await db.questions.where('meetingId').equals(meeting.id).toArray();
      const referenced = (await db.questions.bulkGet(refIds)).filter((q): q is Question => q !== undefined);
      const questions = [...new Map([...open, ...placedHere, ...referenced].map((q) => [q.id, q])).values()];
      const prev = previousHeldMeeting(meetings, meeting);
      const since = prev?.heldAt ?? prev?.scheduledAt ?? '';
      const stepHealth = (await db.stepHealth.where('at').above(since).toArray()).filter((r) =>
        BROKEN_OUTCOMES.includes(r.outcome),
      );
      const goals = await db.goals.toArray();
      const describeStep = await stepDescriber(db, stepHealth);
      const update = refreshAgenda({ meeting, questions, stepHealth, goals, describeStep, newId });
      if (!update.changed) return meeting;
      const stamp = now.toISOString();
      const out = valid(MeetingSchema, { ...meeting, agenda: update.agenda, updatedAt: stamp }, 'meeting');
      await db.meetings.put(out);
      for (const id of update.placed)
        await db.questions.update(id, { status: 'agenda', meetingId: meeting.id, updatedAt: stamp });
      return out;
    },
  );
}

/** Change one meeting with a function; validated and written in one transaction. */
async function changeMeeting(
  db: LotseDB,
  id: string,
  fn: (m: Meeting) => Meeting | Promise<Meeting>,
): Promise<Meeting> {
  return db.transaction('rw', db.meetings, db.questions, async () => {
    const m = must(await db.meetings.get(id), 'meeting');
    const out = valid(MeetingSchema, { ...(await fn(m)), updatedAt: nowIso() }, 'meeting');
    await db.meetings.put(out);
    return out;
  });
}

export type MeetingPatch = Partial<Pick<Meeting, 'scheduledAt' | 'durationMinutes' | 'topic' | 'goalId' | 'notes'>>;

export async function updateMeeting(id: string, patch: MeetingPatch, db: LotseDB = getDb()): Promise<Meeting> {
  const out = await changeMeeting(db, id, (m) => {
    const next = { ...m, ...patch };
    if ('goalId' in patch && !patch.goalId) delete next.goalId;
    if (patch.topic !== undefined) next.topic = patch.topic.trim();
    return next;
  });
  // a new topic goal or date can change what belongs on the agenda
  if ('goalId' in patch || patch.scheduledAt) await refreshNextAgenda(db);
  return out;
}

/** Plan an extra meeting (e.g. an additional date the tandem agreed on). */
export async function addMeeting(
  scheduledAt: string,
  durationMinutes: number,
  db: LotseDB = getDb(),
): Promise<Meeting> {
  const tandem = await getTandem(db);
  const m = plannedMeeting(tandem?.id, scheduledAt, durationMinutes, nowIso());
  await db.meetings.add(m);
  await refreshNextAgenda(db);
  return m;
}

/** Delete a planned meeting; its questions go back to open and move to the next agenda. */
export async function deleteMeeting(id: string, db: LotseDB = getDb(), now = new Date()): Promise<void> {
  await db.transaction('rw', db.meetings, db.questions, async () => {
    const m = await db.meetings.get(id);
    if (!m) return;
    await releaseQuestions(db, m);
    await db.meetings.delete(id);
  });
  await refreshNextAgenda(db, now);
}

export function setAgenda(id: string, agenda: AgendaItem[], db: LotseDB = getDb()): Promise<Meeting> {
  return changeMeeting(db, id, (m) => ({ ...m, agenda }));
}

export function updateAgendaItem(
  id: string,
  itemId: string,
  patch: Partial<Pick<AgendaItem, 'discussed' | 'notes' | 'title'>>,
  db: LotseDB = getDb(),
): Promise<Meeting> {
  return changeMeeting(db, id, (m) => {
    if (!m.agenda.some((i) => i.id === itemId)) throw new LotseError('not-found', 'agenda item');
    return { ...m, agenda: m.agenda.map((i) => (i.id === itemId ? { ...i, ...patch } : i)) };
  });
}

export async function addCustomItem(id: string, title: string, db: LotseDB = getDb()): Promise<Meeting> {
  const t = title.trim();
  if (!t) throw new LotseError('invalid-request', 'empty agenda item');
  return changeMeeting(db, id, (m) => ({
    ...m,
    agenda: [...m.agenda, { id: newId(), kind: 'custom', title: clampTitle(t), discussed: false, notes: '' }],
  }));
}

/**
 * Remove an item from an agenda. Automatic building will not add it again to this meeting; a question
 * goes back to open and waits for the following meeting.
 */
export function removeAgendaItem(id: string, itemId: string, db: LotseDB = getDb()): Promise<Meeting> {
  return changeMeeting(db, id, async (m) => {
    const item = must(
      m.agenda.find((i) => i.id === itemId),
      'agenda item',
    );
    if (item.kind === 'question' && item.refId) {
      const q = await db.questions.get(item.refId);
      if (q && q.status === 'agenda' && q.meetingId === m.id) {
        await db.questions.update(q.id, { status: 'open', meetingId: undefined, updatedAt: nowIso() });
      }
    }
    const removedRefs = item.refId ? [...new Set([...(m.removedRefs ?? []), item.refId])] : m.removedRefs;
    return { ...m, agenda: m.agenda.filter((i) => i.id !== itemId), ...(removedRefs ? { removedRefs } : {}) };
  });
}

export async function addActionItem(
  id: string,
  input: { owner: Role; text: string },
  db: LotseDB = getDb(),
): Promise<Meeting> {
  const item = valid(
    ActionItemSchema,
    { id: newId(), owner: input.owner, text: input.text.trim(), done: false },
    'action item',
  );
  return changeMeeting(db, id, (m) => ({ ...m, actionItems: [...m.actionItems, item] }));
}

export function updateActionItem(
  id: string,
  actionId: string,
  patch: Partial<Pick<ActionItem, 'owner' | 'text' | 'done'>>,
  db: LotseDB = getDb(),
): Promise<Meeting> {
  return changeMeeting(db, id, (m) => {
    if (!m.actionItems.some((a) => a.id === actionId)) throw new LotseError('not-found', 'action item');
    return { ...m, actionItems: m.actionItems.map((a) => (a.id === actionId ? { ...a, ...patch } : a)) };
  });
}

export function removeActionItem(id: string, actionId: string, db: LotseDB = getDb()): Promise<Meeting> {
  return changeMeeting(db, id, (m) => ({ ...m, actionItems: m.actionItems.filter((a) => a.id !== actionId) }));
}

/**
 * Finish a meeting (minutes) or call it off. What was not discussed carries over to the following planned
 * meeting; discussed questions become 'discussed'. One transaction.
 */
export async function finishMeeting(
  id: string,
  outcome: 'held' | 'cancelled',
  db: LotseDB = getDb(),
  now = new Date(),
): Promise<CloseResult> {
  const result = await db.transaction('rw', db.meetings, db.questions, async () => {
    const meeting = must(await db.meetings.get(id), 'meeting');
    if (meeting.status !== 'planned') throw new LotseError('invalid-request', 'meeting already closed');
    const planned = (await db.meetings.where('status').equals('planned').toArray()).filter((m) => m.id !== id);
    // the following meeting: the next one still ahead, or else the first planned one after this date
    const upcoming = pickNextMeeting(planned, now);
    const next =
      upcoming && Date.parse(upcoming.scheduledAt) > Date.parse(meeting.scheduledAt)
        ? upcoming
        : planned
            .filter((m) => Date.parse(m.scheduledAt) > Date.parse(meeting.scheduledAt))
            .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0];
    const refIds = meeting.agenda.filter((i) => i.kind === 'question' && i.refId).map((i) => i.refId!);
    const questions = new Map(
      (await db.questions.bulkGet(refIds)).filter((q): q is Question => q !== undefined).map((q) => [q.id, q]),
    );
    const stamp = now.toISOString();
    const res = closeMeeting(meeting, { outcome, next, questions, now: stamp, newId });
    await db.meetings.put(valid(MeetingSchema, res.meeting, 'meeting'));
    if (res.next) await db.meetings.put(valid(MeetingSchema, res.next, 'meeting'));
    for (const c of res.questionChanges) {
      const q = questions.get(c.id)!;
      const out: Question = {
        ...q,
        status: c.status,
        updatedAt: stamp,
        ...(c.answer !== undefined ? { answer: c.answer } : {}),
      };
      if (c.meetingId) out.meetingId = c.meetingId;
      else delete out.meetingId;
      await db.questions.put(valid(QuestionSchema, out, 'question'));
    }
    return res;
  });
  await refreshNextAgenda(db, now);
  return result;
}

/** Open action items of held meetings (what was agreed and is not done yet), newest meeting first. */
export async function openActionItems(db: LotseDB = getDb()): Promise<{ meeting: Meeting; item: ActionItem }[]> {
  const held = await db.meetings.where('status').equals('held').toArray();
  return held
    .sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt))
    .flatMap((meeting) => meeting.actionItems.filter((a) => !a.done).map((item) => ({ meeting, item })));
}
