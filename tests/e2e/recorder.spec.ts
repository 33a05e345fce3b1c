/**
 * Recorder e2e (issue 5, "Done when"): recording "update your headline" on Kontakto through the side
 * panel, privacy (typed text nowhere in the database or any screenshot), opting in to an example value,
 * and screenshots of the recording bar in both languages.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { bar, currentRecording, dumpDatabaseJson, maskedShare, readRecording, screenshotCount, waitForSteps } from './recorder-helpers';
import { cropWindow } from '../../lib/capture/crop';

const HEADLINE = 'Zebrafinch Quasar consultant for digital mentoring';

test.beforeAll(() => mkdirSync(SHOTS_DIR, { recursive: true }));

test('records “update your headline” on Kontakto: steps, fingerprints, masked screenshots, nothing typed kept', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const tabId = await tabIdOf(background, page);
  const panel = await sidepanel.openFor(tabId, 'walkthroughs');

  // start from the side panel's record button (the site is allowed in the e2e build: no prompt)
  await panel.getByRole('button', { name: 'Record a walkthrough' }).click();
  await expect(panel.getByTestId('recorder-panel')).toContainText('Recording');
  const rec = await currentRecording(background);
  expect(rec?.tabId).toBe(tabId);
  const id = rec!.walkthroughId;

  await page.bringToFront();
  await expect(bar(page)).toBeVisible();
  await expect(bar(page)).toContainText('No steps yet');

  await page.getByRole('link', { name: /View profile of/ }).click();
  await page.waitForURL(/\/kontakto\/in\/me$/);
  await page.getByRole('link', { name: 'Edit profile', exact: true }).click();
  const field = page.getByLabel('Headline');
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(HEADLINE);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/kontakto\/in\/me$/);
  await expect(page.getByText(HEADLINE).first()).toBeVisible();

  const steps = (await waitForSteps(panel, id, 4, true)).slice(0, 4);
  await expect(bar(page)).toContainText('4 steps');
  await page.screenshot({ path: `${SHOTS_DIR}/recorder-bar-en.png` });

  expect(steps.map((s) => s.title)).toEqual([
    'Click “View profile of Dr. Klaus Becker”',
    'Click “Edit profile”',
    'Enter your headline',
    'Click “Save”',
  ]);
  expect(steps.map((s) => s.action.type)).toEqual(['click', 'click', 'input', 'click']);
  expect(steps.map((s) => new URL(s.url).pathname)).toEqual(['/kontakto/feed', '/kontakto/in/me', '/kontakto/in/me/edit', '/kontakto/in/me/edit']);
  // fingerprints: the meaningful element (the link, not its icon), with role and accessible name
  expect(steps[0]!.target).toMatchObject({ tag: 'a', role: 'link', name: 'View profile of Dr. Klaus Becker' });
  expect(steps[1]!.target).toMatchObject({ tag: 'a', role: 'link', name: 'Edit profile' });
  expect(steps[2]!.target).toMatchObject({ tag: 'input', role: 'textbox', label: expect.stringMatching(/^Headline/) });
  expect(steps[2]!.action).toEqual({ type: 'input', inputType: 'text', keepValue: false, sensitive: false });
  expect(steps[3]!.target).toMatchObject({ tag: 'button', name: 'Save' });

  // The profile now shows the typed headline as page text. A click right below it ("Contact info"),
  // held until its screenshot is stored: the headline must be covered there too.
  const contact = page.getByRole('button', { name: 'Contact info' });
  const cBox = (await contact.boundingBox())!;
  const textBox = await page.evaluate((h) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue?.includes(h)) {
        const r = document.createRange();
        r.selectNodeContents(n);
        const b = r.getBoundingClientRect();
        if (b.width > 0 && b.top > 0) return { x: b.left, y: b.top, w: b.width, h: b.height };
      }
    }
    return null;
  }, HEADLINE);
  expect(textBox).not.toBeNull();
  const before = await screenshotCount(panel);
  await page.mouse.move(cBox.x + cBox.width / 2, cBox.y + cBox.height / 2);
  await page.mouse.down();
  await expect.poll(() => screenshotCount(panel), { timeout: 10_000 }).toBeGreaterThan(before);
  await page.mouse.up();
  const five = await waitForSteps(panel, id, 5, true);
  const shotId = five[4]!.screenshotId!;
  const win = cropWindow({ x: cBox.x, y: cBox.y, w: cBox.width, h: cBox.height }, { w: 1280, h: 800 });
  const x1 = Math.max(textBox!.x, win.x) + 3;
  const y1 = Math.max(textBox!.y, win.y) + 3;
  const x2 = Math.min(textBox!.x + textBox!.w, win.x + win.w) - 3;
  const y2 = Math.min(textBox!.y + textBox!.h, win.y + win.h) - 3;
  expect(x2 - x1).toBeGreaterThan(100); // a good part of the headline is in the picture
  expect(y2 - y1).toBeGreaterThan(6);
  expect(await maskedShare(panel, shotId, { x: x1 - win.x, y: y1 - win.y, w: x2 - x1, h: y2 - y1 })).toBeGreaterThan(0.97);
  // control: the outlined button itself is not masked
  const btn = { x: cBox.x - win.x + 3, y: cBox.y - win.y + 3, w: cBox.width - 6, h: cBox.height - 6 };
  expect(await maskedShare(panel, shotId, btn)).toBeLessThan(0.3);

  const data = await readRecording(panel, id);
  expect(data.screenshots).toHaveLength(5);
  for (const s of data.screenshots) {
    expect(s.mime).toBe('image/webp');
    expect(s.width).toBeLessThanOrEqual(640);
    expect(s.size).toBeLessThan(120_000);
  }


  // stop from the bar: its own clicks are never steps
  await bar(page).getByRole('button', { name: 'Stop' }).click();
  await expect(bar(page)).toHaveCount(0);
  await expect.poll(async () => (await readRecording(panel, id)).walkthrough?.status).toBe('ready');
  expect((await readRecording(panel, id)).steps).toHaveLength(5);

  // the typed headline is nowhere: no record of any table, no storage, no session state after stop
  const dump = await dumpDatabaseJson(panel);
  expect(dump).not.toContain('Zebrafinch');
  expect(dump.toLowerCase()).not.toContain('quasar');
  const session = await background.evaluate(() => chrome.storage.session.get(null));
  expect(JSON.stringify(session)).not.toContain('Zebrafinch');

  // opt in to an example value in the editor; it is kept (and only that)
  await panel.bringToFront();
  await panel.getByRole('button', { name: 'Edit' }).first().click();
  const editor = panel.getByTestId('walkthrough-editor');
  await expect(editor).toBeVisible();
  const inputStep = editor.getByTestId('editor-step').nth(2);
  await inputStep.getByRole('button', { name: 'Edit' }).click();
  await inputStep.getByLabel('Keep an example value for the learner').check();
  await inputStep.getByLabel('Example value', { exact: true }).fill('Managing Director | learning Kontakto');
  await editor.getByTestId('editor-save').click();
  await expect(editor).toContainText('Saved as version 2.');
  const after = await readRecording(panel, id);
  expect(after.walkthrough?.version).toBe(2);
  expect(after.steps[2]!.action).toEqual({
    type: 'input',
    inputType: 'text',
    keepValue: true,
    exampleValue: 'Managing Director | learning Kontakto',
    sensitive: false,
  });
  expect(await dumpDatabaseJson(panel)).not.toContain('Zebrafinch');
});

test('the recording bar in German, paused; its own clicks are not recorded', async ({ context, background, sites, sidepanel }) => {
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const tabId = await tabIdOf(background, page);
  const panel = await sidepanel.openFor(tabId, 'walkthroughs');
  await sidepanel.setLocale('de');
  await panel.getByRole('button', { name: 'Anleitung aufnehmen' }).click();
  await expect(panel.getByTestId('recorder-panel')).toContainText('Aufnahme läuft');
  const id = (await currentRecording(background))!.walkthroughId;
  await page.bringToFront();
  await expect(bar(page)).toContainText('Noch keine Schritte');
  await page.getByRole('link', { name: /View profile of/ }).click();
  await waitForSteps(panel, id, 1, true);
  await expect(bar(page)).toContainText('1 Schritt');
  await expect(bar(page)).toContainText('Letzter Schritt: Klicken Sie auf „View profile of Dr. Klaus Becker“');
  await page.screenshot({ path: `${SHOTS_DIR}/recorder-bar-de.png` });

  await bar(page).getByRole('button', { name: 'Pause' }).click();
  await expect(bar(page)).toContainText('Pausiert');
  await page.getByRole('link', { name: 'Edit profile', exact: true }).click(); // not recorded while paused
  await page.screenshot({ path: `${SHOTS_DIR}/recorder-bar-paused-de.png` });
  await bar(page).getByRole('button', { name: 'Weiter' }).click();
  await expect(bar(page)).toContainText('Aufnahme läuft');
  await panel.bringToFront();
  await expect(panel.getByTestId('recorder-panel')).toContainText('Schritte bisher: 1');
  await panel.screenshot({ path: `${SHOTS_DIR}/recorder-panel-recording-de.png` });
  await panel.getByRole('button', { name: 'Aufnahme beenden' }).click();
  await expect(panel.getByText('Aufnahme gespeichert – Schritte: 1.')).toBeVisible();
  const data = await readRecording(panel, id);
  expect(data.steps.map((s) => s.title)).toEqual(['Klicken Sie auf „View profile of Dr. Klaus Becker“']);
  expect(data.walkthrough?.language).toBe('de');
});
