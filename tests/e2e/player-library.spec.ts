/**
 * The walkthrough library: hundreds of walkthroughs stay usable (virtualised list, search), progress,
 * "changed since you last practised it", continue at step k / start over.
 */
import { test, expect, SHOTS_DIR } from './fixtures';

test('hundreds of walkthroughs: virtualised, searchable, with progress and "changed" badges', async ({
  background,
  sidepanel,
  sites,
}) => {
  const ids = await background.evaluate(async (origin) => {
    const db = globalThis.lotseTest!.db;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const ws = Array.from({ length: 400 }, (_, i) => ({
      id: crypto.randomUUID(),
      title: i === 137 ? 'Hashtags richtig nutzen' : `Anleitung Nummer ${i + 1}`,
      description: i % 3 === 0 ? 'Schritt für Schritt auf der echten Website.' : '',
      topic: i % 2 ? 'LinkedIn' : 'Intranet',
      startUrl: `${origin}/kontakto/feed`,
      language: 'de' as const,
      version: i === 5 ? 3 : 1,
      status: 'ready' as const,
      origin: 'imported' as const,
      createdAt: iso(now - i * 60_000),
      updatedAt: iso(now - i * 60_000),
    }));
    const steps = ws.flatMap((w) =>
      Array.from({ length: 4 }, (_, k) => ({
        id: crypto.randomUUID(),
        walkthroughId: w.id,
        order: k + 1,
        title: `Schritt ${k + 1}`,
        explanation: '',
        url: `${origin}/kontakto/feed`,
        action: { type: 'tip' as const },
        blurRects: [],
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
      })),
    );
    await db.transaction('rw', db.walkthroughs, db.steps, db.progress, async () => {
      await db.walkthroughs.bulkPut(ws);
      await db.steps.bulkPut(steps);
      // one in progress (and changed since: version 3 > played 2), one finished twice
      await db.progress.bulkPut([
        {
          walkthroughId: ws[5]!.id,
          stepIndex: 2,
          stepId: steps[5 * 4 + 2]!.id,
          status: 'paused',
          playedVersion: 2,
          timesFinished: 0,
          startedAt: iso(now - 86_400_000),
          updatedAt: iso(now - 86_400_000),
        },
        {
          walkthroughId: ws[7]!.id,
          stepIndex: 3,
          status: 'finished',
          playedVersion: 1,
          timesFinished: 2,
          startedAt: iso(now - 3 * 86_400_000),
          updatedAt: iso(now - 2 * 86_400_000),
          finishedAt: iso(now - 2 * 86_400_000),
        },
      ]);
    });
    await globalThis.lotseTest!.updateSettings({ locale: 'de' });
    return ws.map((w) => w.id);
  }, sites);
  const page = await sidepanel.openFor(undefined, 'walkthroughs');
  const list = page.getByRole('list', { name: 'Ihre Anleitungen' });
  await expect(list.locator('article').first()).toBeVisible();
  // only what is on screen is rendered
  expect(await list.locator('article').count()).toBeLessThan(40);
  // what he is in the middle of comes first
  const first = list.locator('article').first();
  await expect(first).toContainText('Anleitung Nummer 6');
  await expect(first).toContainText('Schritt 3 von 4');
  await expect(first).toContainText('Geändert, seit Sie zuletzt geübt haben');
  await expect(first.getByRole('button', { name: 'Bei Schritt 3 fortsetzen' })).toBeVisible();
  await expect(first.getByRole('button', { name: 'Von vorn beginnen' })).toBeVisible();
  await expect(first.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  await page.screenshot({ path: `${SHOTS_DIR}/player-library-many-de.png` });

  await page.getByRole('searchbox', { name: 'Anleitungen durchsuchen' }).fill('hashtags');
  await expect(list.locator('article')).toHaveCount(1);
  await expect(list.locator('article')).toContainText('Hashtags richtig nutzen');
  await expect(page.getByText('1 Anleitung', { exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Anleitungen durchsuchen' }).fill('Nummer 8');
  const finished = list.locator('article').filter({ hasText: 'Anleitung Nummer 8' }).first();
  await expect(finished).toContainText('2× abgeschlossen');
  await expect(finished.getByRole('button', { name: 'Noch einmal üben' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Anleitungen durchsuchen' }).fill('gibt es nicht');
  await expect(page.getByText('Keine Anleitung passt zu „gibt es nicht“.')).toBeVisible();
  expect(ids).toHaveLength(400);
});
