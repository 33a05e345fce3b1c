/**
 * A goal's progress: finished walkthroughs linked to it and its questions that were discussed or resolved.
 * A goal marked done is complete whatever the counts say.
 */
import type { Goal, Progress, Question, Walkthrough } from '../schema';

export interface GoalProgress {
  walkthroughsDone: number;
  walkthroughsTotal: number;
  questionsDone: number;
  questionsTotal: number;
  /** 0..100 */
  percent: number;
}

export function isWalkthroughFinished(p: Pick<Progress, 'status' | 'timesFinished'> | undefined): boolean {
  return p !== undefined && (p.status === 'finished' || p.timesFinished > 0);
}

export function isQuestionDone(q: Pick<Question, 'status'>): boolean {
  return q.status === 'discussed' || q.status === 'resolved';
}

export function goalProgress(
  goal: Pick<Goal, 'id' | 'status'>,
  data: {
    walkthroughs: readonly Pick<Walkthrough, 'id' | 'goalId'>[];
    progress: readonly Pick<Progress, 'walkthroughId' | 'status' | 'timesFinished'>[];
    questions: readonly Pick<Question, 'goalId' | 'status'>[];
  },
): GoalProgress {
  const progressById = new Map(data.progress.map((p) => [p.walkthroughId, p]));
  const linked = data.walkthroughs.filter((w) => w.goalId === goal.id);
  const walkthroughsDone = linked.filter((w) => isWalkthroughFinished(progressById.get(w.id))).length;
  const qs = data.questions.filter((q) => q.goalId === goal.id);
  const questionsDone = qs.filter(isQuestionDone).length;
  const total = linked.length + qs.length;
  const percent =
    goal.status === 'done' ? 100 : total === 0 ? 0 : Math.round(((walkthroughsDone + questionsDone) / total) * 100);
  return { walkthroughsDone, walkthroughsTotal: linked.length, questionsDone, questionsTotal: qs.length, percent };
}
