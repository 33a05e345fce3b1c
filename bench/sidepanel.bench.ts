/**
 * sidepanel.firstContentMs: time from navigation start until the side panel's questions list shows its
 * first rows (the `lotse:questions:first-content` performance mark the list sets), with 500 walkthroughs
 * and 5,000 questions seeded. Median of 9 loads after one warm-up, in headless Chromium with the e2e build
 * (the only difference to production is the test hook used for seeding).
 */
import type { Page } from '@playwright/test';
import { buildBenchExtension, launchBenchBrowser } from './extension';
import type { BenchModule, BenchResults } from './types';

const OUT_DIR = '.output-bench-sidepanel';
const LOADS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function seed(page: Page): Promise<void> {
  await page.waitForFunction(() => globalThis.lotseTest !== undefined);
  // tsx wraps named functions in __name(); the page has no such helper
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(async () => {
    const db = globalThis.lotseTest!.db;
    const now = new Date();
    const iso = (ms: number) => new Date(ms).toISOString();
    const t0 = now.getTime() - 400 * 24 * 3600 * 1000;
    const goals = Array.from({ length: 8 }, (_, i) => ({
      id: crypto.randomUUID(),
      title: `Goal ${i + 1}`,
      description: '',
      status: 'in-progress' as const,
      order: i,
      createdAt: iso(t0),
      updatedAt: iso(t0),
    }));
    const walkthroughs = Array.from({ length: 500 }, (_, i) => ({
      id: crypto.randomUUID(),
      title: `Walkthrough ${i + 1}: update the profile headline`,
      description: 'Step by step on the live site.',
      topic: '',
      ...(i % 3 === 0 ? { goalId: goals[i % goals.length]!.id } : {}),
      startUrl: 'http://127.0.0.1:4300/kontakto/feed',
      language: 'de' as const,
      version: 1,
      status: 'ready' as const,
      origin: 'local' as const,
      createdAt: iso(t0 + i * 60_000),
      updatedAt: iso(t0 + i * 60_000),
    }));
    const statuses = ['open', 'discussed', 'resolved', 'discussed', 'resolved'] as const;
    const questions = Array.from({ length: 5000 }, (_, i) => ({
      id: crypto.randomUUID(),
      text: `Question ${i + 1}: how do I find the setting for who can see my posts and likes on this page?`,
      status: statuses[i % statuses.length]!,
      ...(i % 4 === 0 ? { goalId: goals[i % goals.length]!.id } : {}),
      context: { url: 'http://127.0.0.1:4300/kontakto/feed', pageTitle: 'Feed | Kontakto' },
      answer: i % 2 ? 'Settings → Visibility.' : '',
      createdAt: iso(t0 + i * 5 * 60_000),
      updatedAt: iso(t0 + i * 5 * 60_000),
    }));
    const tandemId = crypto.randomUUID();
    await db.tandems.put({
      id: tandemId,
      role: 'mentee',
      programStart: iso(t0).slice(0, 10),
      rhythm: { every: 'monthly', durationMinutes: 60 },
      confidentiality: { text: 'x', acknowledgedAt: iso(t0) },
      createdAt: iso(t0),
      updatedAt: iso(t0),
    });
    await db.meetings.put({
      id: crypto.randomUUID(),
      tandemId,
      scheduledAt: iso(now.getTime() + 5 * 24 * 3600 * 1000),
      durationMinutes: 60,
      topic: '',
      status: 'planned',
      agenda: [],
      actionItems: [],
      notes: '',
      createdAt: iso(t0),
      updatedAt: iso(t0),
    });
    await db.goals.bulkPut(goals);
    await db.walkthroughs.bulkPut(walkthroughs);
    await db.questions.bulkPut(questions);
    await globalThis.lotseTest!.updateSettings({ onboarded: true, locale: 'de' });
  });
}

async function firstContent(page: Page, url: string, mark: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(selector);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark);
  return page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
}

const run: BenchModule = async ({ root, chromePath, log }) => {
  log(`building the e2e extension into ${OUT_DIR} …`);
  const ext = buildBenchExtension(root, OUT_DIR);
  const { context, extensionId, close } = await launchBenchBrowser(ext, chromePath, { width: 420, height: 800 });
  const out: BenchResults = {};
  try {
    const base = `chrome-extension://${extensionId}/sidepanel.html`;
    const page = await context.newPage();
    await page.goto(base);
    log('seeding 500 walkthroughs and 5,000 questions …');
    await seed(page);

    const measure = async (section: string, mark: string, selector: string) => {
      await firstContent(page, `${base}?section=${section}`, mark, selector); // warm-up
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++)
        times.push(await firstContent(page, `${base}?section=${section}`, mark, selector));
      log(`${section}: ${times.map((t) => Math.round(t)).join(' / ')} ms`);
      return Math.round(median(times));
    };
    const questions = await measure('questions', 'lotse:questions:first-content', '.q-list__item');
    out['sidepanel.firstContentMs'] = { value: questions, unit: 'ms', target: '≤ 300', ok: questions <= 300 };
    const rows = await page.locator('.q-list__item').count();
    log(`rows in the DOM for 5,000 questions: ${rows}`);
    out['sidepanel.questionRowsInDom'] = { value: rows, unit: 'rows', target: 'report' };
  } finally {
    await close();
  }
  return out;
};
export default run;
