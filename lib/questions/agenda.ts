/**
 * The agenda that writes itself: open questions (grouped by goal), walkthrough steps that broke for the
 * mentee since the last meeting, and goals that are due. Pure functions over records; the caller reads and
 * writes the database (repo.ts). Items the tandem placed, reordered or removed are respected: building
 * only adds what is missing, at the place its kind and goal belong.
 */
import type { AgendaItem, Goal, Meeting, Question, StepHealth } from '../schema';
import { toLocalDate } from './rhythm';

/** Step-health outcomes that mean "this step did not work for the mentee". */
export const BROKEN_OUTCOMES: readonly StepHealth['outcome'][] = ['not-found', 'skipped', 'ambiguous'];

export const AGENDA_TITLE_MAX = 500;

export function clampTitle(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > AGENDA_TITLE_MAX ? `${t.slice(0, AGENDA_TITLE_MAX - 1)}…` : t || '…';
}

export interface AgendaSources {
  meeting: Meeting;
  /** open questions not on any agenda, plus every question this agenda refers to */
  questions: readonly Question[];
  /** step-health records since the previous meeting (any outcome; broken ones are picked here) */
  stepHealth: readonly StepHealth[];
  goals: readonly Goal[];
  /** a readable title for a broken step, e.g. "Create a profile › 3. Click “Save”" */
  describeStep: (record: StepHealth) => string;
  newId: () => string;
}

export interface AgendaUpdate {
  agenda: AgendaItem[];
  /** questions newly placed on this agenda (status → 'agenda', meetingId → this meeting) */
  placed: string[];
  /** true when anything changed */
  changed: boolean;
}

interface Slot {
  rank: number;
  /** order inside the rank: the goal's position for questions */
  key: number;
}

const RANK = { topic: 0, question: 1, 'step-health': 2, due: 3 } as const;

/** Where a new item goes: after the last item that sorts before or with it; custom items are skipped. */
function insertionIndex(agenda: readonly AgendaItem[], slots: readonly (Slot | undefined)[], slot: Slot): number {
  let at = -1;
  slots.forEach((s, i) => {
    if (s && (s.rank < slot.rank || (s.rank === slot.rank && s.key <= slot.key))) at = i;
  });
  if (at >= 0) return at + 1;
  // nothing sorts before it: before the first item that sorts after it (custom items at the top stay on top)
  const next = slots.findIndex((s) => s !== undefined);
  return next === -1 ? agenda.length : next;
}

/**
 * Add what belongs on the next meeting's agenda and drop question items whose question was deleted.
 * Idempotent: running it twice changes nothing the second time.
 */
export function refreshAgenda(src: AgendaSources): AgendaUpdate {
  const { meeting } = src;
  const removed = new Set(meeting.removedRefs ?? []);
  const questionsById = new Map(src.questions.map((q) => [q.id, q]));
  const goalsById = new Map(src.goals.map((g) => [g.id, g]));
  const goalOrder = new Map([...src.goals].sort((a, b) => a.order - b.order).map((g, i) => [g.id, i]));
  const groupKey = (q: Question | undefined) =>
    q?.goalId !== undefined && goalOrder.has(q.goalId) ? goalOrder.get(q.goalId)! : Number.MAX_SAFE_INTEGER;

  let changed = false;
  // Drop question/goal items whose record is gone (deleted since the agenda was built).
  const agenda = meeting.agenda.filter((item) => {
    const gone =
      (item.kind === 'question' && item.refId !== undefined && !questionsById.has(item.refId)) ||
      (item.kind === 'goal' && item.refId !== undefined && !goalsById.has(item.refId));
    if (gone) changed = true;
    return !gone;
  });

  const slotOf = (item: AgendaItem): Slot | undefined => {
    switch (item.kind) {
      case 'question':
        return { rank: RANK.question, key: groupKey(item.refId ? questionsById.get(item.refId) : undefined) };
      case 'step-health':
        return { rank: RANK['step-health'], key: 0 };
      case 'goal':
        return item.refId !== undefined && item.refId === meeting.goalId
          ? { rank: RANK.topic, key: 0 }
          : { rank: RANK.due, key: 0 };
      case 'custom':
        return undefined;
    }
  };
  const slots = agenda.map(slotOf);
  const onAgenda = new Set(agenda.map((i) => i.refId).filter((id): id is string => id !== undefined));
  const insert = (item: AgendaItem, slot: Slot) => {
    const at = insertionIndex(agenda, slots, slot);
    agenda.splice(at, 0, item);
    slots.splice(at, 0, slot);
    if (item.refId) onAgenda.add(item.refId);
    changed = true;
  };
  const item = (kind: AgendaItem['kind'], refId: string, title: string): AgendaItem => ({
    id: src.newId(),
    kind,
    refId,
    title: clampTitle(title),
    discussed: false,
    notes: '',
  });

  // 1. The meeting's topic goal leads the agenda.
  const topic = meeting.goalId !== undefined ? goalsById.get(meeting.goalId) : undefined;
  if (topic && !onAgenda.has(topic.id) && !removed.has(topic.id)) {
    insert(item('goal', topic.id, topic.title), { rank: RANK.topic, key: 0 });
  }

  // 2. Open questions, grouped by goal (in the goals' order), oldest first inside a group.
  const placed: string[] = [];
  const candidates = src.questions
    .filter(
      (q) =>
        !onAgenda.has(q.id) &&
        !removed.has(q.id) &&
        ((q.status === 'open' && q.meetingId === undefined) || (q.status === 'agenda' && q.meetingId === meeting.id)),
    )
    .sort((a, b) => groupKey(a) - groupKey(b) || a.createdAt.localeCompare(b.createdAt));
  for (const q of candidates) {
    insert(item('question', q.id, q.text), { rank: RANK.question, key: groupKey(q) });
    placed.push(q.id);
  }

  // 3. Broken steps: one item per step, built from its latest record.
  const latestByStep = new Map<string, StepHealth>();
  const seenSteps = new Set<string>();
  const byId = new Map(src.stepHealth.map((r) => [r.id, r]));
  for (const i of agenda) {
    if (i.kind === 'step-health' && i.refId && byId.has(i.refId)) seenSteps.add(byId.get(i.refId)!.stepId);
  }
  for (const r of src.stepHealth) {
    if (!BROKEN_OUTCOMES.includes(r.outcome)) continue;
    if (onAgenda.has(r.id) || removed.has(r.id)) seenSteps.add(r.stepId);
    const prev = latestByStep.get(r.stepId);
    if (!prev || prev.at < r.at) latestByStep.set(r.stepId, r);
  }
  const broken = [...latestByStep.values()]
    .filter((r) => !seenSteps.has(r.stepId))
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const r of broken) insert(item('step-health', r.id, src.describeStep(r)), { rank: RANK['step-health'], key: 0 });

  // 4. Goals due by the meeting's day and not done yet.
  const meetingDay = toLocalDate(new Date(meeting.scheduledAt));
  const due = src.goals
    .filter(
      (g) =>
        g.status !== 'done' &&
        g.dueDate !== undefined &&
        g.dueDate <= meetingDay &&
        !onAgenda.has(g.id) &&
        !removed.has(g.id),
    )
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.order - b.order);
  for (const g of due) insert(item('goal', g.id, g.title), { rank: RANK.due, key: 0 });

  return { agenda, placed, changed };
}

/** Move an item up (-1) or down (+1); returns the same array when the move is impossible. */
export function moveItem(agenda: readonly AgendaItem[], id: string, delta: -1 | 1): AgendaItem[] {
  const from = agenda.findIndex((i) => i.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= agenda.length) return [...agenda];
  return reorder(agenda, from, to);
}

/** Move the item at `from` to index `to` (drag and drop). */
export function reorder<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [moved] = out.splice(from, 1);
  if (moved !== undefined) out.splice(to, 0, moved);
  return out;
}
