/**
 * Editor e2e: edit, reorder by mouse and by keyboard, delete and undo, insert a tip, re-pick the target
 * on the page — all persisted across a side panel reload; preview on the page; the printable guide;
 * screenshots of the editor in both languages.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { readRecording, toggleRecording, waitForSteps } from './recorder-helpers';
import type { Page } from '@playwright/test';

test.beforeAll(() => mkdirSync(SHOTS_DIR, { recursive: true }));

const titlesIn = (panel: Page) =>
  panel.getByTestId('editor-step').evaluateAll((els) => els.map((el) => (el.querySelector('.ed-step__title') as HTMLInputElement).value));

test('edit, reorder (mouse and keyboard), delete + undo, tip, re-pick: saved and still there after a reload', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const tabId = await tabIdOf(background, page);
  const panel = await sidepanel.openFor(tabId, 'walkthroughs');
  await page.bringToFront();
  const { walkthroughId: id } = await toggleRecording(background, tabId);
  await page.getByRole('link', { name: 'My Network' }).click();
  await page.getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('link', { name: 'Messaging' }).click();
  await waitForSteps(panel, id!, 3, true);
  await panel.bringToFront();
  await toggleRecording(background, tabId); // stop

  await panel.getByRole('button', { name: 'Edit' }).first().click();
  const editor = panel.getByTestId('walkthrough-editor');
  await expect(editor.getByTestId('editor-step')).toHaveCount(3);
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “My Network”', 'Click “Jobs”', 'Click “Messaging”']);

  // metadata and a title
  await editor.getByLabel('Title', { exact: true }).fill('Find jobs and messages');
  await editor.getByLabel('Topic').fill('Kontakto basics');
  await editor.getByLabel('About how many minutes?').fill('4');
  await editor.getByLabel(/^Title – Step 1$/).fill('Open your network');

  // reorder with the keyboard: Space, arrow down, Space on step 1's handle
  await editor.getByRole('button', { name: 'Move step 1' }).focus();
  await panel.keyboard.press('Space');
  // dnd-kit announces each move in its live region (translated)
  await expect(panel.getByText('Over position 1.')).toBeAttached();
  await panel.keyboard.press('ArrowDown');
  await expect(panel.getByText('Over position 2.')).toBeAttached();
  await panel.keyboard.press('Space');
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Jobs”', 'Open your network', 'Click “Messaging”']);

  // reorder with the mouse: drag step 3 above step 1
  const handle3 = editor.getByRole('button', { name: 'Move step 3' });
  await panel.setViewportSize({ width: 420, height: 1100 });
  await editor.getByTestId('editor-step').nth(2).scrollIntoViewIfNeeded();
  const card1 = editor.getByTestId('editor-step').first();
  const h = (await handle3.boundingBox())!;
  const c = (await card1.boundingBox())!;
  await panel.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await panel.mouse.down();
  await panel.mouse.move(h.x + h.width / 2, h.y - 20, { steps: 5 });
  await panel.mouse.move(h.x + h.width / 2, c.y + 4, { steps: 10 });
  await panel.mouse.up();
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Messaging”', 'Click “Jobs”', 'Open your network']);

  // delete with undo, then delete for real
  const jobs = editor.getByTestId('editor-step').nth(1);
  await jobs.getByRole('button', { name: 'Edit' }).click();
  await jobs.getByRole('button', { name: 'Delete step' }).click();
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Messaging”', 'Open your network']);
  await editor.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Messaging”', 'Click “Jobs”', 'Open your network']);
  await editor.getByTestId('editor-step').nth(1).getByRole('button', { name: 'Edit' }).click();
  await editor.getByTestId('editor-step').nth(1).getByRole('button', { name: 'Delete step' }).click();
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Messaging”', 'Open your network']);

  // a tip between the two steps
  await editor.getByRole('button', { name: 'Insert a tip here' }).first().click();
  const tipTitle = editor.getByTestId('editor-step').nth(1).locator('.ed-step__title');
  await expect(tipTitle).toBeFocused();
  await tipTitle.fill('Tip: the badge shows unread messages');
  await editor.getByTestId('editor-step').nth(1).getByLabel('Explanation (optional)').fill('You do not need to answer right away.');

  // re-pick step 2 ("Open your network"): click a different element on the page
  const net = editor.getByTestId('editor-step').nth(2);
  await net.getByRole('button', { name: 'Edit' }).click();
  const oldShot = (await readRecording(panel, id!)).steps.find((s) => s.title === 'Click “My Network”')!.screenshotId;
  await net.getByRole('button', { name: 'Choose the element again' }).click();
  await page.bringToFront();
  await expect(page.locator('lotse-recorder-picker')).toHaveCount(1);
  await page.getByRole('link', { name: 'Notifications' }).first().hover();
  await page.getByRole('link', { name: 'Notifications' }).first().click();
  await expect(page.locator('lotse-recorder-picker')).toHaveCount(0);
  await expect(page).not.toHaveURL(/notifications/); // the picking click does not reach the page
  // the new screenshot is taken of the visible page (in a real browser the side panel sits beside it)
  await expect
    .poll(() => background.evaluate(async () => ((await chrome.storage.session.get('lotse.recorder.pick'))['lotse.recorder.pick'] as { status: string }).status))
    .toBe('done');
  await panel.bringToFront();
  await expect(editor).toContainText('New element saved for step 3.');

  await editor.getByTestId('editor-save').click();
  await expect(editor).toContainText('Saved as version 2.');

  // reload the side panel: everything is still there
  await panel.reload();
  await panel.getByRole('button', { name: 'Edit' }).first().click();
  await expect(editor.getByTestId('editor-step')).toHaveCount(3);
  await expect.poll(() => titlesIn(panel)).toEqual(['Click “Messaging”', 'Tip: the badge shows unread messages', 'Open your network']);
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Find jobs and messages');
  const data = await readRecording(panel, id!);
  expect(data.walkthrough).toMatchObject({ title: 'Find jobs and messages', topic: 'Kontakto basics', estimatedMinutes: 4, version: 2 });
  expect(data.steps.map((s) => s.order)).toEqual([1, 2, 3]);
  expect(data.steps[1]).toMatchObject({ action: { type: 'tip' }, explanation: 'You do not need to answer right away.' });
  expect(data.steps[2]!.target).toMatchObject({ tag: 'a', name: expect.stringMatching(/^Notifications/) });
  expect(data.steps[2]!.screenshotId).toBeTruthy();
  expect(data.steps[2]!.screenshotId).not.toBe(oldShot);
  // the deleted step and its screenshot are gone; no orphan screenshots
  expect(data.screenshots.map((s) => s.ownerId).sort()).toEqual([data.steps[0]!.id, data.steps[2]!.id].sort());
  const shots = await panel.evaluate(() => globalThis.lotseTest!.db.screenshots.count());
  expect(shots).toBe(2);

  // preview a step on the page: the element is outlined
  await editor.getByTestId('editor-step').nth(0).getByRole('button', { name: 'Edit' }).click();
  await editor.getByTestId('editor-step').nth(0).getByRole('button', { name: 'Show on the page' }).click();
  await expect(editor).toContainText('Step 1 is highlighted on the page.');
  await expect(page.locator('lotse-recorder-preview')).toHaveCount(1);
  await page.bringToFront();
  await page.screenshot({ path: `${SHOTS_DIR}/recorder-preview-en.png` });

  // screenshots of the editor in both languages
  await panel.bringToFront();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.screenshot({ path: `${SHOTS_DIR}/recorder-editor-en.png`, fullPage: true });
  await sidepanel.setLocale('de');
  await expect(editor).toContainText('Anleitung bearbeiten');
  await panel.screenshot({ path: `${SHOTS_DIR}/recorder-editor-de.png`, fullPage: true });

  // the printable guide
  const [print] = await Promise.all([context.waitForEvent('page'), editor.getByRole('button', { name: 'Druckansicht' }).click()]);
  await print.waitForLoadState();
  await expect(print.getByRole('heading', { level: 1 })).toHaveText('Find jobs and messages');
  await expect(print.getByRole('listitem')).toHaveCount(3);
  await expect(print.locator('.pr-shot img')).toHaveCount(2);
  await print.setViewportSize({ width: 900, height: 1200 });
  await print.screenshot({ path: `${SHOTS_DIR}/recorder-print-en.png`, fullPage: true });
  await print.emulateMedia({ media: 'print' });
  await print.pdf?.({ path: `${SHOTS_DIR}/recorder-print.pdf` }).catch(() => undefined);
});
