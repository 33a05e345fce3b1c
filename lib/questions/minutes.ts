/**
 * Minutes of a meeting: what was discussed (with notes), what was agreed (action items by owner), what
 * carries over. Built from the meeting record; questions and goals give the current titles.
 */
import type { ActionItem, AgendaItem, Goal, Meeting, Question, Role } from '../schema';

export interface MinutesEntry {
  id: string;
  kind: AgendaItem['kind'];
  title: string;
  notes: string;
  /** the goal of a question, if any */
  goalTitle?: string;
}

export interface Minutes {
  discussed: MinutesEntry[];
  notDiscussed: MinutesEntry[];
  actions: Record<Role, ActionItem[]>;
  notes: string;
}

/** The current text of an agenda item: a question's or goal's live title, else the stored title. */
export function itemTitle(
  item: AgendaItem,
  questions: ReadonlyMap<string, Pick<Question, 'text'>>,
  goals: ReadonlyMap<string, Pick<Goal, 'title'>>,
): string {
  if (item.refId) {
    if (item.kind === 'question') return questions.get(item.refId)?.text ?? item.title;
    if (item.kind === 'goal') return goals.get(item.refId)?.title ?? item.title;
  }
  return item.title;
}

export function buildMinutes(
  meeting: Pick<Meeting, 'agenda' | 'actionItems' | 'notes'>,
  questions: ReadonlyMap<string, Pick<Question, 'text' | 'goalId'>>,
  goals: ReadonlyMap<string, Pick<Goal, 'title'>>,
): Minutes {
  const entry = (item: AgendaItem): MinutesEntry => {
    const goalId = item.kind === 'question' && item.refId ? questions.get(item.refId)?.goalId : undefined;
    const goalTitle = goalId ? goals.get(goalId)?.title : undefined;
    return {
      id: item.id,
      kind: item.kind,
      title: itemTitle(item, questions, goals),
      notes: item.notes.trim(),
      ...(goalTitle ? { goalTitle } : {}),
    };
  };
  return {
    discussed: meeting.agenda.filter((i) => i.discussed).map(entry),
    notDiscussed: meeting.agenda.filter((i) => !i.discussed).map(entry),
    actions: {
      mentor: meeting.actionItems.filter((a) => a.owner === 'mentor'),
      mentee: meeting.actionItems.filter((a) => a.owner === 'mentee'),
    },
    notes: meeting.notes.trim(),
  };
}
