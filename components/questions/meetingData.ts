/** Live data of one meeting and what its agenda refers to, for the meeting views and the print page. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '~/lib/db';
import { previousHeldMeeting } from '~/lib/questions/meeting';
import { openActionItems } from '~/lib/questions/repo';
import type { ActionItem, Goal, Meeting, Question, StepHealth, Tandem } from '~/lib/schema';
import { getTandem } from '~/lib/questions/repo';

export interface MeetingData {
  meeting: Meeting;
  tandem: Tandem | undefined;
  questions: Map<string, Question>;
  goals: Map<string, Goal>;
  stepHealth: Map<string, StepHealth>;
  /** refs that were on the previous held meeting's agenda: shown as "from last time" */
  carriedRefs: Set<string>;
  previous: Meeting | undefined;
  /** the planned meeting after this one (where unfinished items go) */
  following: Meeting | undefined;
  /** agreed at earlier meetings and not done yet */
  openActions: { meeting: Meeting; item: ActionItem }[];
}

export async function loadMeetingData(id: string): Promise<MeetingData | null> {
  const db = getDb();
  const meeting = await db.meetings.get(id);
  if (!meeting) return null;
  const refs = meeting.agenda.map((i) => i.refId).filter((r): r is string => r !== undefined);
  const [meetings, questions, goals, stepHealth, tandem, actions] = await Promise.all([
    db.meetings.orderBy('scheduledAt').toArray(),
    db.questions.bulkGet(refs),
    db.goals.toArray(),
    db.stepHealth.bulkGet(refs),
    getTandem(db),
    openActionItems(db),
  ]);
  const previous = previousHeldMeeting(meetings, meeting);
  const following = meetings.find(
    (m) => m.status === 'planned' && m.id !== meeting.id && m.scheduledAt > meeting.scheduledAt,
  );
  return {
    meeting,
    tandem,
    questions: new Map(questions.filter((q): q is Question => q !== undefined).map((q) => [q.id, q])),
    goals: new Map(goals.map((g) => [g.id, g])),
    stepHealth: new Map(stepHealth.filter((r): r is StepHealth => r !== undefined).map((r) => [r.id, r])),
    carriedRefs: new Set((previous?.agenda ?? []).map((i) => i.refId).filter((r): r is string => r !== undefined)),
    previous,
    following,
    openActions: actions.filter((a) => a.meeting.scheduledAt < meeting.scheduledAt),
  };
}

/** undefined while loading, null when the meeting does not exist */
export function useMeetingData(id: string): MeetingData | null | undefined {
  return useLiveQuery(() => loadMeetingData(id), [id]);
}
