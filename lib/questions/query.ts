/**
 * Reading question lists fast: filters use the compound indexes [status+createdAt] and [goalId+createdAt]
 * (newest first straight from the index); the search runs in memory over the filtered list.
 */
import Dexie from 'dexie';
import { getDb, type LotseDB } from '../db';
import type { Question, QuestionStatus } from '../schema';

export interface QuestionFilter {
  status?: QuestionStatus;
  /** a goal id, or 'none' for questions without a goal */
  goal?: string;
}

export async function listQuestions(
  filter: QuestionFilter,
  db: LotseDB = getDb(),
  limit?: number,
): Promise<Question[]> {
  const { status, goal } = filter;
  let coll;
  if (goal && goal !== 'none') {
    coll = db.questions.where('[goalId+createdAt]').between([goal, Dexie.minKey], [goal, Dexie.maxKey]).reverse();
    if (status) coll = coll.filter((q) => q.status === status);
  } else if (status) {
    coll = db.questions.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse();
    if (goal === 'none') coll = coll.filter((q) => q.goalId === undefined);
  } else {
    coll = db.questions.orderBy('createdAt').reverse();
    if (goal === 'none') coll = coll.filter((q) => q.goalId === undefined);
  }
  return limit === undefined ? coll.toArray() : coll.limit(limit).toArray();
}

/** Lower case without accents, so „Uber“ finds „Über“ and “resume” finds “résumé”. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** What a search looks at: the question, its answer and where it was noted. */
export function searchText(q: Question): string {
  return fold(
    [q.text, q.answer, q.context.pageTitle ?? '', q.context.url ?? '', q.context.selectedText ?? ''].join('\n'),
  );
}

/** Every word of the search must appear (in any order). */
export function matchesSearch(haystack: string, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return words.every((w) => haystack.includes(w));
}
