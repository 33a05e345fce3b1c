/**
 * Meetings over time: which one is next, which ones still need minutes, and what happens when a meeting
 * is finished or called off (unresolved questions and open points carry over to the next agenda).
 */
import type { AgendaItem, Meeting, Question } from '../schema';

const endOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59, 999);

export function byDate(a: Pick<Meeting, 'scheduledAt'>, b: Pick<Meeting, 'scheduledAt'>): number {
  return Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt);
}

/**
 * The next meeting: the earliest planned one that is today or later. A meeting stays "next" for the whole
 * day it is on, so the minutes can be written right after it.
 */
export function pickNextMeeting<M extends Pick<Meeting, 'scheduledAt' | 'status'>>(
  meetings: readonly M[],
  now: Date,
): M | undefined {
  return [...meetings]
    .filter((m) => m.status === 'planned' && endOfDay(new Date(m.scheduledAt)) >= now)
    .sort(byDate)[0];
}

/** Planned meetings whose day is over but that were neither finished nor called off. */
export function unfinishedMeetings<M extends Pick<Meeting, 'scheduledAt' | 'status'>>(
  meetings: readonly M[],
  now: Date,
): M[] {
  return meetings.filter((m) => m.status === 'planned' && endOfDay(new Date(m.scheduledAt)) < now).sort(byDate);
}

/** The most recent meeting that took place before `meeting` (for "since the last meeting" and carry-over badges). */
export function previousHeldMeeting<M extends Pick<Meeting, 'scheduledAt' | 'status' | 'id'>>(
  meetings: readonly M[],
  meeting: Pick<Meeting, 'scheduledAt' | 'id'>,
): M | undefined {
  return meetings
    .filter(
      (m) => m.id !== meeting.id && m.status === 'held' && Date.parse(m.scheduledAt) < Date.parse(meeting.scheduledAt),
    )
    .sort(byDate)
    .at(-1);
}

export interface QuestionChange {
  id: string;
  status: Question['status'];
  meetingId: string | undefined;
  answer?: string;
}

export interface CloseResult {
  meeting: Meeting;
  /** the following meeting with the carried-over items, when there is one */
  next: Meeting | undefined;
  questionChanges: QuestionChange[];
  /** titles of what was carried over (for a confirmation message) */
  carried: AgendaItem[];
}

/**
 * Finish (`held`) or call off (`cancelled`) a meeting. Discussed questions become 'discussed' (their notes
 * become the answer when none was written); questions not discussed — and open points and broken steps not
 * discussed — carry over to the next meeting's agenda, at its top. Resolved questions stay resolved.
 */
export function closeMeeting(
  meeting: Meeting,
  opts: {
    outcome: 'held' | 'cancelled';
    next: Meeting | undefined;
    questions: ReadonlyMap<string, Question>;
    now: string;
    newId: () => string;
  },
): CloseResult {
  const held = opts.outcome === 'held';
  const questionChanges: QuestionChange[] = [];
  const carried: AgendaItem[] = [];
  const nextRefs = new Set(opts.next?.agenda.map((i) => i.refId).filter(Boolean));

  for (const item of meeting.agenda) {
    const discussed = held && item.discussed;
    if (item.kind === 'question') {
      const q = item.refId ? opts.questions.get(item.refId) : undefined;
      if (!q) continue;
      if (discussed) {
        if (q.status !== 'resolved') {
          questionChanges.push({
            id: q.id,
            status: 'discussed',
            meetingId: meeting.id,
            ...(q.answer.trim() === '' && item.notes.trim() !== '' ? { answer: item.notes.trim() } : {}),
          });
        }
        continue;
      }
      if (q.status === 'resolved' || q.status === 'discussed') continue;
      questionChanges.push({ id: q.id, status: opts.next ? 'agenda' : 'open', meetingId: opts.next?.id });
    } else if (discussed || item.kind === 'goal') {
      // goals come back by themselves while they are due and not done
      continue;
    }
    if (opts.next && !(item.refId && nextRefs.has(item.refId))) {
      carried.push({
        id: opts.newId(),
        kind: item.kind,
        ...(item.refId ? { refId: item.refId } : {}),
        title: item.title,
        discussed: false,
        notes: '',
      });
    }
  }

  let next = opts.next;
  if (next && carried.length > 0) {
    // carried items lead, right after the next meeting's topic goal
    const topicAt = next.agenda.findIndex(
      (i) => i.kind === 'goal' && i.refId !== undefined && i.refId === next!.goalId,
    );
    const at = topicAt === 0 ? 1 : 0;
    const carriedRefs = new Set(carried.map((c) => c.refId).filter(Boolean));
    next = {
      ...next,
      agenda: [...next.agenda.slice(0, at), ...carried, ...next.agenda.slice(at)],
      // a carried item the tandem had removed from the next agenda is wanted again
      ...(next.removedRefs ? { removedRefs: next.removedRefs.filter((r) => !carriedRefs.has(r)) } : {}),
      updatedAt: opts.now,
    };
  }
  return {
    meeting: { ...meeting, status: opts.outcome, ...(held ? { heldAt: opts.now } : {}), updatedAt: opts.now },
    next,
    questionChanges,
    carried,
  };
}

/** Meetings worth keeping when the rhythm changes: anything the tandem already worked on. */
export function hasContent(m: Meeting): boolean {
  return (
    m.status !== 'planned' ||
    m.topic.trim() !== '' ||
    m.goalId !== undefined ||
    m.notes.trim() !== '' ||
    m.actionItems.length > 0 ||
    m.agenda.some((i) => i.kind === 'custom' || i.discussed || i.notes.trim() !== '')
  );
}
