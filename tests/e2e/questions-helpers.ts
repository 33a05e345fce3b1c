/** Seeders and checks shared by the questions e2e specs. Records are written through lotseTest.db. */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { join } from 'node:path';
import { expect, SHOTS_DIR } from './fixtures';

export const uuid = () => crypto.randomUUID();
export const iso = (d: Date) => d.toISOString();

/** A day at 16:00 local time, `days` from today. */
export function dayAt(days: number, hour = 16): Date {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour, 0, 0, 0);
}

export interface Seeded {
  tandemId: string;
  meetingIds: string[];
  goalId: string;
  walkthroughId: string;
  stepIds: string[];
  questionIds: string[];
  stepHealthId: string;
}

/**
 * A tandem (mentee Klaus, mentor Lea) with two planned meetings (in 3 and 31 days), a goal, a walkthrough
 * with three steps, open questions and one step that broke for the mentee.
 */
export async function seedTandem(
  page: Page,
  questions: string[] = ['What is a hashtag?', 'Who can see my likes?'],
): Promise<Seeded> {
  const now = iso(new Date());
  const s: Seeded = {
    tandemId: uuid(),
    meetingIds: [uuid(), uuid()],
    goalId: uuid(),
    walkthroughId: uuid(),
    stepIds: [uuid(), uuid(), uuid()],
    questionIds: questions.map(() => uuid()),
    stepHealthId: uuid(),
  };
  const dates = [iso(dayAt(3)), iso(dayAt(31))];
  await page.evaluate(
    async ({ s, now, dates, questions }) => {
      const db = globalThis.lotseTest!.db;
      await db.tandems.put({
        id: s.tandemId,
        role: 'mentee',
        myName: 'Klaus',
        partnerName: 'Lea',
        programStart: now.slice(0, 10),
        rhythm: { every: 'monthly', durationMinutes: 60, time: '16:00' },
        confidentiality: { text: 'Everything stays between us.', acknowledgedAt: now },
        createdAt: now,
        updatedAt: now,
      });
      await db.meetings.bulkPut(
        s.meetingIds.map((id, i) => ({
          id,
          tandemId: s.tandemId,
          scheduledAt: dates[i]!,
          durationMinutes: 60,
          topic: '',
          status: 'planned' as const,
          agenda: [],
          actionItems: [],
          notes: '',
          createdAt: now,
          updatedAt: now,
        })),
      );
      await db.goals.put({
        id: s.goalId,
        title: 'Hashtags',
        description: 'Use hashtags in posts',
        status: 'in-progress',
        order: 1,
        createdAt: now,
        updatedAt: now,
      });
      await db.walkthroughs.put({
        id: s.walkthroughId,
        title: 'Write a post',
        description: '',
        topic: '',
        goalId: s.goalId,
        startUrl: 'http://127.0.0.1/kontakto/feed',
        language: 'en',
        version: 1,
        status: 'ready',
        origin: 'local',
        createdAt: now,
        updatedAt: now,
      });
      await db.steps.bulkPut(
        s.stepIds.map((id, i) => ({
          id,
          walkthroughId: s.walkthroughId,
          order: i,
          title: ['Click “Start a post”', 'Type your text', 'Click “Post”'][i]!,
          explanation: '',
          url: 'http://127.0.0.1/kontakto/feed',
          action: { type: 'click' as const },
          blurRects: [],
          createdAt: now,
          updatedAt: now,
        })),
      );
      await db.stepHealth.put({
        id: s.stepHealthId,
        walkthroughId: s.walkthroughId,
        stepId: s.stepIds[2]!,
        walkthroughVersion: 1,
        at: now,
        outcome: 'not-found',
      });
      await db.questions.bulkPut(
        s.questionIds.map((id, i) => ({
          id,
          text: questions[i]!,
          status: 'open' as const,
          ...(i === 0 ? { goalId: s.goalId } : {}),
          context: {},
          answer: '',
          createdAt: new Date(Date.parse(now) + i).toISOString(),
          updatedAt: now,
        })),
      );
      await globalThis.lotseTest!.updateSettings({ onboarded: true });
    },
    { s, now, dates, questions },
  );
  return s;
}

/** No serious or critical accessibility violation in the page (or inside `include`). */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  // @axe-core/playwright types its Page from its own playwright-core copy
  let builder = new AxeBuilder({
    page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'],
  }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, bad.join('\n')).toEqual([]);
}

/** Open the composer on a tab the way the keyboard command does (the command handler itself). */
export async function runNoteCommand(background: Worker, tabId: number): Promise<void> {
  await background.evaluate(async (id) => {
    const hook = globalThis.lotseTest!.runCommand as (c: string, t: number) => Promise<void>;
    await hook('note-question', id);
  }, tabId);
}

export function composer(page: Page) {
  const dialog = page.locator('lotse-composer').getByRole('dialog');
  return {
    dialog,
    text: dialog.getByRole('textbox'),
    save: dialog.getByRole('button', { name: /Save question|Frage speichern/ }),
  };
}

/** A full-page screenshot for people to look at, taken from the top (the sticky nav stays in place). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS_DIR, name), fullPage });
}
