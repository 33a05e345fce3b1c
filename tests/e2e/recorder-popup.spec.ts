/** The popup's record card: starts recording on the tab, shows the state, stops; both languages. */
import { mkdirSync } from 'node:fs';
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { bar, currentRecording, readRecording, waitForSteps } from './recorder-helpers';

test.beforeAll(() => mkdirSync(SHOTS_DIR, { recursive: true }));

test('record from the popup, then stop from it (German and English)', async ({ context, background, sites, popup }) => {
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const tabId = await tabIdOf(background, page);
  const p = await popup.openPopup(`tabId=${tabId}`);
  const card = p.getByTestId('popup-record');
  await expect(card).toContainText('Do a task once on this page');
  await p.screenshot({ path: `${SHOTS_DIR}/recorder-popup-en.png` });
  await popup.setLocale('de');
  await expect(card).toContainText('Erledigen Sie eine Aufgabe einmal auf dieser Seite');
  await p.screenshot({ path: `${SHOTS_DIR}/recorder-popup-de.png` });
  await card.getByRole('button', { name: 'Anleitung aufnehmen' }).click();
  await expect.poll(async () => (await currentRecording(background))?.tabId).toBe(tabId);
  const id = (await currentRecording(background))!.walkthroughId;

  await page.bringToFront();
  await expect(bar(page)).toBeVisible();
  await page.getByRole('link', { name: 'My Network' }).click();

  const again = await popup.openPopup(`tabId=${tabId}`);
  const on = again.getByTestId('popup-record');
  await expect(on).toContainText('Aufnahme läuft');
  await again.screenshot({ path: `${SHOTS_DIR}/recorder-popup-recording-de.png` });
  await waitForSteps(again, id, 1);
  await on.getByRole('button', { name: 'Aufnahme beenden' }).click();
  await expect(on).toContainText('Anleitung aufnehmen');
  expect((await readRecording(again, id)).walkthrough?.status).toBe('ready');
  await page.bringToFront();
  await expect(bar(page)).toHaveCount(0);
});
