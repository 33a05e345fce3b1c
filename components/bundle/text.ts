/** Small text helpers shared by the bundle dialogs (framework-free). */
import type { Translate } from '~/lib/i18n';
import type { BundleContents, BundleError, ImportResult, ItemKind, KindCounts } from '~/lib/bundle';
import { isBundleError } from '~/lib/bundle';

type Countable = 'walkthroughs' | 'steps' | 'screenshots' | 'questions' | 'goals' | 'meetings';

export function countText(t: Translate, kind: Countable, count: number): string {
  return t(`bundle.count.${kind}.${count === 1 ? 'one' : 'other'}`, { count });
}

const KIND_TABLE: Record<ItemKind, Countable> = {
  walkthrough: 'walkthroughs',
  question: 'questions',
  goal: 'goals',
  meeting: 'meetings',
};

/** "2 walkthroughs (12 steps), 3 questions" — the parts that are not zero. */
export function contentsLines(t: Translate, c: Pick<BundleContents, Countable>): string[] {
  const lines: string[] = [];
  if (c.walkthroughs) lines.push(`${countText(t, 'walkthroughs', c.walkthroughs)} (${countText(t, 'steps', c.steps)})`);
  if (c.questions) lines.push(countText(t, 'questions', c.questions));
  if (c.goals) lines.push(countText(t, 'goals', c.goals));
  if (c.meetings) lines.push(countText(t, 'meetings', c.meetings));
  return lines;
}

export function kindList(t: Translate, counts: KindCounts): string {
  return (Object.keys(counts) as ItemKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => countText(t, KIND_TABLE[k], counts[k]))
    .join(', ');
}

export function resultLines(t: Translate, r: ImportResult): string[] {
  const lines: string[] = [];
  for (const [bucket, key] of [
    ['added', 'bundle.result.added'],
    ['updated', 'bundle.result.updated'],
    ['copied', 'bundle.result.copied'],
    ['skipped', 'bundle.result.skipped'],
  ] as const) {
    const list = kindList(t, r[bucket]);
    if (list) lines.push(t(key, { list }));
  }
  return lines;
}

/** The translated reason for any failure (unexpected ones count as "could not save"). */
export function errorText(t: Translate, e: unknown): string {
  const reason = isBundleError(e) ? (e as BundleError).reason : 'write-failed';
  return t(`bundle.error.${reason}`);
}
