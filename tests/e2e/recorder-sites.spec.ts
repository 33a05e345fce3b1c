/**
 * Recorder e2e on every practice site: SPA routes, the open-shadow-root reaction picker and the
 * same-origin help-widget iframe on Kontakto; full page loads on the Intranet; the hostile page;
 * ten clicks in two seconds; stopping the service worker mid-recording.
 */
import { test, expect } from './fixtures';
import { stopServiceWorker, tabIdOf } from './helpers';
import { bar, dumpDatabaseJson, maskedShare, readRecording, screenshotCount, toggleRecording, waitForSteps } from './recorder-helpers';
import { cropWindow } from '../../lib/capture/crop';
import type { Page, Worker } from '@playwright/test';

async function startOn(background: Worker, page: Page): Promise<string> {
  await page.bringToFront();
  const tabId = await tabIdOf(background, page);
  const r = await toggleRecording(background, tabId); // the Alt+Shift+R command's own function
  expect(r.recording).toBe(true);
  await expect(bar(page)).toBeVisible();
  return r.walkthroughId!;
}

test('Kontakto: SPA routes, back button, shadow-root reaction picker and the help-widget iframe', async ({
  context,
  background,
  sites,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('sidepanel.html');
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const id = await startOn(background, page);

  // SPA route change by a click: one step (the click), not a second "navigation" step
  await page.getByRole('link', { name: 'My Network' }).click();
  await page.waitForURL(/\/mynetwork$/);
  await waitForSteps(ext, id, 1);
  // back button: popstate → a step of its own
  await page.goBack();
  await page.waitForURL(/\/feed$/);
  await waitForSteps(ext, id, 2);

  // the reaction picker lives in an open shadow root
  // the caret sits under the Like button until hovered: open it with the keyboard (a trusted click)
  await page.getByRole('button', { name: 'Open reactions menu' }).first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Celebrate' }).first().click();
  await waitForSteps(ext, id, 4);

  // the help widget is a same-origin iframe
  const help = page.frameLocator('iframe[name="kt-help"]');
  await help.getByRole('button', { name: 'Help' }).click();
  await help.getByRole('button', { name: 'Contact support' }).click();
  const steps = await waitForSteps(ext, id, 6, true);

  expect(steps.map((s) => s.title)).toEqual([
    'Click “My Network”',
    expect.stringMatching(/^Go back to “.*Feed.*”$/),
    'Click “Open reactions menu”',
    'Click “Celebrate”',
    'Click “Help”',
    'Click “Contact support”',
  ]);
  expect(steps[1]!.action).toMatchObject({ type: 'navigate', via: 'pop' });
  expect(new URL(steps[1]!.url).pathname).toBe('/kontakto/feed');
  expect(steps[3]!.target).toMatchObject({ tag: 'button', name: 'Celebrate' });
  expect(steps[3]!.target?.shadowHosts?.length).toBeGreaterThan(0);
  expect(steps[4]!.target).toMatchObject({ tag: 'button', name: 'Help' });
  expect(steps[4]!.target?.framePath?.length).toBe(1);
  expect(steps[5]!.target?.framePath?.length).toBe(1);
  const all = (await readRecording(ext, id)).steps;
  expect(all.map((s) => s.title)).toHaveLength(6);
  expect(all.every((s) => s.screenshotId)).toBe(true);
});

test('Intranet: recording continues across full page loads (login, form, redirect); the password stays secret', async ({
  context,
  background,
  sites,
  openExtensionPage,
}) => {
  const ext = await openExtensionPage('sidepanel.html');
  const page = await context.newPage();
  await page.goto(`${sites}/intranet/login`);
  const id = await startOn(background, page);

  await page.getByLabel('User name').click();
  await page.keyboard.type('kbecker');
  await page.getByLabel('Password').click();
  await page.keyboard.type('Geheim-Passwort-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/intranet\/$/);
  await expect(bar(page)).toBeVisible(); // re-injected after the full page load
  await page.getByRole('link', { name: 'HR', exact: true }).first().click();
  await page.waitForURL(/\/intranet\/hr$/);
  await expect(bar(page)).toBeVisible();
  await page.getByRole('link', { name: 'Request leave' }).first().click();
  await page.waitForURL(/\/hr\/leave$/);
  await expect(bar(page)).toBeVisible();
  // keyboard, as a person does: Playwright's selectOption/fill send untrusted events, which a page
  // could fake too and which are therefore never recorded
  const type = page.getByLabel('Leave type');
  await type.focus();
  for (let i = 0; i < 5 && (await type.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)) !== 'Special leave'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.getByLabel('Half day').check();
  await page.getByLabel('From').focus();
  await page.keyboard.type('09012025');
  await page.getByLabel('To').focus();
  await page.keyboard.type('09012025');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForURL(/\/hr\/confirm/);
  await expect(bar(page)).toBeVisible();
  await expect(bar(page)).toContainText(/\d+ steps/);

  const steps = await waitForSteps(ext, id, 11);
  const titles = steps.map((s) => s.title);
  expect(titles).toEqual([
    'Enter your user name',
    'Enter your password',
    'Click “Sign in”',
    'Click “HR”',
    'Click “Request leave”',
    'Choose “Special leave” under “Leave type”',
    'Choose “Half day”',
    'Choose a date for “From”',
    'Choose a date for “To”',
    expect.stringMatching(/^Tick “/),
    'Click “Submit”',
  ]);
  const paths = steps.map((s) => new URL(s.url).pathname);
  expect(paths.slice(0, 3)).toEqual(['/intranet/login', '/intranet/login', '/intranet/login']);
  expect(paths[3]).toBe('/intranet/');
  expect(paths[4]).toBe('/intranet/hr');
  expect(paths.slice(5)).toEqual(Array(6).fill('/intranet/hr/leave'));
  expect(steps[1]!.action).toMatchObject({ type: 'input', inputType: 'password', sensitive: true, keepValue: false });
  expect(steps[5]!.action).toMatchObject({ type: 'select', optionText: 'Special leave' });
  expect(steps[6]!.action).toEqual({ type: 'check', checked: true, inputType: 'radio' });

  await toggleRecording(background, 0); // stop
  const dump = await dumpDatabaseJson(ext);
  expect(dump).not.toContain('Geheim-Passwort');
  expect(dump).not.toContain('kbecker'); // typed, and shown as "Logged in as kbecker" on every page
  expect(dump).not.toContain('2025-09-01');
  expect(steps[7]!.action).toEqual({ type: 'input', inputType: 'date', keepValue: false, sensitive: false });

  // the editor never offers to keep a password
  await ext.goto(ext.url().replace(/\?.*$/, '') + '?section=walkthroughs');
  await ext.getByRole('button', { name: 'Edit' }).first().click();
  const pw = ext.getByTestId('editor-step').nth(1);
  await pw.getByRole('button', { name: 'Edit' }).click();
  await expect(pw).toContainText('Password or payment field: Lotse never keeps a value here.');
  await expect(pw.getByLabel('Keep an example value for the learner')).toHaveCount(0);
});

test('hostile page: records, masks what was typed wherever it shows, never restyled', async ({ context, background, sites, openExtensionPage }) => {
  const ext = await openExtensionPage('sidepanel.html');
  const page = await context.newPage();
  await page.goto(`${sites}/hostile/`);
  const id = await startOn(background, page);
  // the page's `* { all: unset }` and its `div` rules do not reach the bar
  const look = await bar(page).evaluate((el) => {
    const cs = getComputedStyle(el);
    return { bg: cs.backgroundColor, pos: cs.position, font: cs.fontSize, display: cs.display };
  });
  expect(look).toEqual({ bg: 'rgb(255, 255, 255)', pos: 'fixed', font: '16px', display: 'flex' });

  await page.getByLabel('Your name').click();
  await page.keyboard.type('Wilhelmina Quellenstein');
  await page.keyboard.press('Enter'); // commits the field and submits the form
  await expect(page.locator('#result')).toContainText('Thank you, Wilhelmina Quellenstein!');
  // the site's capture-phase click delegation stops propagation: we listen earlier, on the window
  const link = page.getByRole('link', { name: 'Read our privacy notice' });
  const lBox = (await link.boundingBox())!;
  const rBox = (await page.locator('#result').boundingBox())!;
  // the screenshots of the first two steps were taken (or dropped on a busy machine): the next one to
  // arrive is the link's
  await waitForSteps(ext, id, 2);
  await background.evaluate(() => (globalThis.lotseTest!.captureIdle as () => Promise<void>)());
  const before = await screenshotCount(ext);
  await page.mouse.move(lBox.x + 10, lBox.y + lBox.height / 2);
  await page.mouse.down();
  await expect.poll(() => screenshotCount(ext), { timeout: 10_000 }).toBeGreaterThan(before);
  await page.mouse.up();
  await page.waitForURL(/about\.html$/);
  await expect(bar(page)).toBeVisible();
  const steps = await waitForSteps(ext, id, 3, true);
  expect(steps.map((s) => s.title)).toEqual(['Enter your name', 'Click “Send”', 'Click “Read our privacy notice”']);

  // "Thank you, Wilhelmina …" is page text containing the typed name: covered in the screenshot
  const win = cropWindow({ x: lBox.x, y: lBox.y, w: lBox.width, h: lBox.height }, { w: 1280, h: 800 });
  const region = { x: Math.max(rBox.x, win.x) - win.x + 4, y: rBox.y - win.y + 6, w: Math.min(300, rBox.width - 8), h: rBox.height - 12 };
  expect(region.y).toBeGreaterThan(0);
  expect(await maskedShare(ext, steps[2]!.screenshotId!, region)).toBeGreaterThan(0.9);
  await toggleRecording(background, 0);
  const dump = await dumpDatabaseJson(ext);
  expect(dump).not.toContain('Wilhelmina');
  expect(dump).not.toContain('Quellenstein');
});

test('ten clicks in two seconds give ten steps, each with a screenshot', async ({ context, background, sites, openExtensionPage }) => {
  const ext = await openExtensionPage('sidepanel.html');
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const id = await startOn(background, page);
  const like = page.locator('button.react-button__trigger').first();
  await expect(like).toBeVisible();
  const box = (await like.boundingBox())!;
  const x = box.x + 12;
  const y = box.y + box.height / 2;
  // Ten real (trusted) clicks within two seconds, sent like a person clicks: one every 150 ms, without
  // waiting for each to be acknowledged (Playwright's mouse.click waits for a rendered frame, which
  // takes longer while screenshots are being captured on a loaded machine).
  const cdp = await context.newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  const t0 = Date.now();
  for (let i = 0; i < 10; i++) {
    // on a fixed schedule (one every 150 ms from the start): a slow loop turn does not add up over ten
    const wait = t0 + i * 150 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 }));
    sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }));
  }
  expect(Date.now() - t0).toBeLessThan(2000);
  await Promise.all(sent);
  const steps = await waitForSteps(ext, id, 10, true, 40_000);
  expect(steps).toHaveLength(10);
  const data = await readRecording(ext, id);
  expect(new Set(data.screenshots.map((s) => s.ownerId)).size).toBe(10);
});

test('stopping the service worker mid-recording loses no step', async ({ context, background, sites, openExtensionPage }) => {
  const ext = await openExtensionPage('sidepanel.html');
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const id = await startOn(background, page);
  await page.getByRole('link', { name: 'My Network' }).click();
  await page.getByRole('link', { name: 'Jobs' }).click();
  await waitForSteps(ext, id, 2, true);

  await stopServiceWorker(context, ext);
  // the next events wake a fresh worker with empty globals; the state comes from storage.session
  await page.getByRole('link', { name: 'Messaging' }).click();
  await page.getByRole('link', { name: 'Notifications' }).click();
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  const steps = await waitForSteps(ext, id, 5, true);
  expect(steps.map((s) => s.title)).toEqual([
    'Click “My Network”',
    'Click “Jobs”',
    'Click “Messaging”',
    expect.stringMatching(/^Click “Notifications/),
    expect.stringMatching(/^Click “Home/),
  ]);
  await expect(bar(page)).toContainText('5 steps');

  // a reload while the worker is stopped: the browser injects Lotse by itself (registered for the
  // recorded site while recording), the page rejoins the recording, and a reload is no step
  const registered = () =>
    ext.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((c) => [c.id, c.matches]));
  await expect.poll(registered).toEqual([['lotse-recorder-pages', [`${sites}/*`]]]);
  await page.reload();
  await stopServiceWorker(context, ext);
  await expect(bar(page)).toContainText('5 steps', { timeout: 15_000 });
  await page.getByRole('link', { name: 'Jobs' }).click();
  const after = await waitForSteps(ext, id, 6, true);
  expect(after.map((s) => s.title).slice(5)).toEqual(['Click “Jobs”']);
  await bar(page).getByRole('button', { name: 'Stop' }).click();
  await expect.poll(registered).toEqual([]);
});

test('an extension reload mid-recording leaves a readable, resumable draft', async ({ context, background, sites }) => {
  const extId = new URL(background.url()).host;
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extId}/sidepanel.html`);
  const page = await context.newPage();
  await page.goto(`${sites}/kontakto/feed`);
  const id = await startOn(background, page);
  await page.getByRole('link', { name: 'My Network' }).click();
  await page.getByRole('link', { name: 'Jobs' }).click();
  await waitForSteps(probe, id, 2, true);

  // An extension update or a browser restart clears storage.session, then runtime.onInstalled /
  // onStartup run. (chrome.runtime.reload() of an unpacked extension does not bring its worker back
  // under Playwright, so the test does these two things itself, through the same function.)
  await background.evaluate(() => chrome.storage.session.clear());
  const sw = background;
  await sw.evaluate(() => (globalThis.lotseTest!.recorderSettle as () => Promise<void>)());
  await expect.poll(async () => (await readRecording(probe, id)).walkthrough?.status).toBe('draft');

  // the draft is readable in the editor and can be continued
  const tabId = await tabIdOf(sw, page);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}&section=walkthroughs`);
  await panel.getByRole('button', { name: 'Edit' }).first().click();
  const editor = panel.getByTestId('walkthrough-editor');
  await expect(editor).toContainText('This recording was interrupted');
  await expect(editor.getByTestId('editor-step')).toHaveCount(2);
  await editor.getByRole('button', { name: 'Continue recording' }).click();
  await expect(editor).toContainText('This walkthrough is being recorded right now.');
  await page.bringToFront();
  await expect(bar(page)).toContainText('2 steps');
  await page.getByRole('link', { name: 'Messaging' }).click();
  await expect(bar(page)).toContainText('3 steps');
  const steps = await waitForSteps(panel, id, 3);
  expect(steps.map((s) => s.title)).toEqual(['Click “My Network”', 'Click “Jobs”', 'Click “Messaging”']);
});
