/**
 * Player e2e on the Intranet: a classic multi-page site, every step a full page load away from the
 * next; the content script is re-injected after each load and continues at the stored step.
 */
import { test, expect } from './fixtures';
import { tabIdOf } from './helpers';
import { moveWalkthroughs, startFromLibrary } from './player-kit';
import { playLeave, seedLeave } from './player-walkthroughs';

test('the Intranet walkthrough plays across full page loads', async ({ context, background, sites, sidepanel }) => {
  const page = await context.newPage();
  const wid = await seedLeave(page, background, sites);
  await page.goto(`${sites}/intranet/login`);
  const tabId = await tabIdOf(background, page);
  await startFromLibrary(sidepanel, tabId, 'Request leave', 'Start');
  await page.bringToFront();
  await playLeave(page);
  // "Well done!" shows at once; the progress is written a moment later
  await expect
    .poll(() => background.evaluate((id) => globalThis.lotseTest!.db.progress.get(id), wid))
    .toMatchObject({ status: 'finished', timesFinished: 1 });
  // the typed values went nowhere near the database
  const dump = await background.evaluate(async () => {
    const db = globalThis.lotseTest!.db;
    return JSON.stringify([await db.progress.toArray(), await db.stepHealth.toArray(), await db.steps.toArray()]);
  });
  expect(dump).not.toContain('k.becker');
  expect(dump).not.toContain('secret');
});

test('the Intranet walkthrough still plays on the drift version', async ({ context, background, sites, sidepanel }) => {
  const page = await context.newPage();
  // recorded on the normal site, played on the changed one under the same addresses
  await seedLeave(page, background, sites);
  await moveWalkthroughs(background, '/intranet', '/drift/intranet');
  await page.goto(`${sites}/drift/intranet/login`);
  const tabId = await tabIdOf(background, page);
  await startFromLibrary(sidepanel, tabId, 'Request leave', 'Start');
  await page.bringToFront();
  await playLeave(page, '/drift/intranet');
});
