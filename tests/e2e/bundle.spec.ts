/**
 * Bundle e2e: the mentor's browser saves a walkthrough and questions as an encrypted .lotse file; a second
 * browser profile (the mentee's) opens it through the UI — after a wrong passphrase and a damaged file
 * changed nothing — and plays the walkthrough. Then a full backup moves everything across.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, launchWithExtension, serviceWorkerOf, SHOTS_DIR } from './fixtures';
import { tabIdOf } from './helpers';
import { SidePanelPage } from './pages/sidepanel';
import {
  fingerprintOf,
  locate,
  overlay,
  seed,
  expectHighlightOn,
  startFromLibrary,
  step,
  type Where,
} from './player-kit';

mkdirSync(SHOTS_DIR, { recursive: true });

const PASS = 'Tanne Fahrrad Kompass Regen';
const ME: Where = { css: 'button.global-nav__me' };
const VIEW_PROFILE: Where = { css: '[role=menu] a[role=menuitem]', text: 'View profile' };
const EDIT_PROFILE: Where = { css: 'a.pv-top-card__edit-button' };
const TITLE = 'Open your profile';

type Dump = Record<string, Record<string, unknown>[]>;
const dump = (page: Page) => page.evaluate(() => (globalThis.lotseTest!.bundleDump as () => Promise<Dump>)());

/** A second, independent browser profile with Lotse (the mentee's computer). */
async function secondProfile(): Promise<{ context: BrowserContext; sw: Worker; panel: SidePanelPage; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-e2e-mentee-'));
  const { context } = await launchWithExtension({ userDataDir: dir });
  const sw = await serviceWorkerOf(context);
  const panel = new SidePanelPage(context, new URL(sw.url()).host);
  // set up through an extension page (its hooks exist as soon as it is rendered)
  const page = await panel.openFor(undefined, 'settings');
  await page.waitForFunction(() => !!globalThis.lotseTest);
  await page.evaluate(() => globalThis.lotseTest!.updateSettings({ onboarded: true, locale: 'en' }));
  return { context, sw, panel, dir };
}

/** Record a short walkthrough on Kontakto the way the mentor would (real fingerprints, real screenshots). */
async function recordProfileWalkthrough(page: Page, background: Worker, sites: string): Promise<string> {
  const k = `${sites}/kontakto`;
  await page.goto(`${k}/feed?reset`);
  const shot = async () => ({
    base64: (await page.screenshot({ type: 'jpeg', quality: 60 })).toString('base64'),
    mime: 'image/jpeg' as const,
    width: 1280,
    height: 800,
  });
  const me = await fingerprintOf(page, ME);
  const s1 = await shot();
  await locate(page, ME).click();
  const view = await fingerprintOf(page, VIEW_PROFILE);
  const s2 = await shot();
  await locate(page, VIEW_PROFILE).click();
  await page.waitForURL(`${k}/in/me`);
  const edit = await fingerprintOf(page, EDIT_PROFILE);
  const s3 = await shot();
  await page.goto(`${k}/feed?reset`);
  const { walkthroughId } = await seed(background, {
    walkthrough: {
      title: TITLE,
      startUrl: `${k}/feed`,
      language: 'en',
      description: 'From the feed to editing your profile.',
    },
    steps: [
      { ...step('Open the “Me” menu', `${k}/feed`, { type: 'click' }, me), screenshot: s1 },
      { ...step('Click “View profile”', `${k}/feed`, { type: 'click' }, view), screenshot: s2 },
      step('Your profile opens', `${k}/feed`, { type: 'navigate', url: `${k}/in/me`, via: 'push' }),
      { ...step('Click “Edit profile”', `${k}/in/me`, { type: 'click' }, edit), screenshot: s3 },
    ],
  });
  return walkthroughId;
}

/** WCAG 2.1 AA problems inside the open dialog (axe-core). */
async function axeDialog(page: Page) {
  const result = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The file input behind "Open a file …" (Playwright sets files on it as a user's pick would). */
async function pickFile(page: Page, name: string, buffer: Buffer, testId = 'bundle-import-file') {
  await page.getByTestId(testId).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('mentor exports a walkthrough and questions; the mentee imports them in another profile and plays', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  test.setTimeout(180_000);
  // ---- the mentor's browser
  const site = await context.newPage();
  const walkthroughId = await recordProfileWalkthrough(site, background, sites);
  const panel = await sidepanel.openFor(undefined, 'settings');
  await sidepanel.setLocale('en');
  await panel.evaluate(
    ([texts, url]) =>
      (globalThis.lotseTest!.bundleSeedQuestions as (t: string[], u: string) => Promise<string[]>)(texts, url),
    [['What is a hashtag for?', 'Who sees my “likes”?'], `${sites}/kontakto/feed`] as [string[], string],
  );
  const mentorDump = await dump(panel);

  await panel.getByRole('button', { name: 'Create a file …' }).click();
  const choose = panel.getByRole('dialog', { name: 'Choose what goes into the file' });
  await expect(choose).toBeVisible();
  await choose
    .getByRole('group', { name: /Walkthroughs/ })
    .getByRole('checkbox', { name: TITLE })
    .check();
  await choose
    .getByRole('group', { name: /Questions/ })
    .getByRole('checkbox', { name: 'Select all' })
    .check();
  await choose.getByRole('button', { name: 'Next' }).click();

  const dialog = panel.getByRole('dialog', { name: 'Save as a file' });
  await expect(dialog).toContainText('1 walkthrough (4 steps)');
  await expect(dialog).toContainText('2 questions');
  // questions are confidential: the passphrase is on by default
  await expect(dialog.getByRole('checkbox', { name: /Protect with a passphrase/ })).toBeChecked();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await dialog.getByLabel('Repeat the passphrase').fill('Tanne Fahrrad');
  await expect(dialog.getByText('Strength: strong')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save file' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The two entries are not the same.');
  await dialog.getByLabel('Repeat the passphrase').fill(PASS);
  await dialog.screenshot({ path: join(SHOTS_DIR, 'bundle-export-dialog-en.png') });
  expect(await axeDialog(panel)).toEqual([]);
  await sidepanel.setLocale('de');
  await expect(panel.getByRole('dialog', { name: 'Als Datei speichern' })).toContainText('1 Anleitung (4 Schritte)');
  await panel.getByRole('dialog').screenshot({ path: join(SHOTS_DIR, 'bundle-export-dialog-de.png') });
  await sidepanel.setLocale('en');

  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lotse-share-\d{4}-\d{2}-\d{2}\.lotse$/);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 8).toString('latin1')).toBe('LOTSEENC');
  await expect(dialog).toContainText(`The file “${download.suggestedFilename()}” was saved in your downloads folder.`);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // ---- the mentee's browser: a second profile
  const mentee = await secondProfile();
  try {
    const mp = await mentee.panel.openFor(undefined, 'settings');
    const before = await dump(mp);
    expect(before.walkthroughs).toEqual([]);
    const importDialog = mp.getByRole('dialog', { name: 'Open a Lotse file' });

    // 1. a wrong passphrase: its own message, nothing changes
    await pickFile(mp, download.suggestedFilename(), file);
    await expect(importDialog).toContainText('is protected with a passphrase');
    await importDialog.getByLabel('Passphrase', { exact: true }).fill('Tanne Fahrrad Kompass Schnee');
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await expect(importDialog.getByRole('alert')).toHaveText(/The passphrase is not correct/);
    await importDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(importDialog).toBeHidden();
    expect(await dump(mp)).toEqual(before);

    // 2. a damaged file (one byte changed in the middle), with the right passphrase: nothing changes
    const damaged = Buffer.from(file);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x20;
    await pickFile(mp, 'damaged.lotse', damaged);
    await importDialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await expect(importDialog.getByRole('alert')).toHaveText(/The file is damaged or was changed after it was saved/);
    await importDialog.getByRole('button', { name: 'Close' }).last().click();
    expect(await dump(mp)).toEqual(before);

    // 3. not a Lotse file at all
    await pickFile(mp, 'notes.lotse', Buffer.from('Liebe Grüße, Lena'));
    await expect(importDialog.getByRole('alert')).toHaveText(/This is not a Lotse file/);
    await importDialog.getByRole('button', { name: 'Close' }).last().click();
    expect(await dump(mp)).toEqual(before);

    // 4. the real import: passphrase, preview, import
    await pickFile(mp, download.suggestedFilename(), file);
    await importDialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await importDialog.getByLabel('Passphrase', { exact: true }).press('Enter');
    await expect(importDialog.getByText('What the file contains and what would change')).toBeVisible();
    await expect(importDialog).toContainText('Protected with a passphrase');
    const row = importDialog.locator('.bn-item', { hasText: TITLE });
    await expect(row).toContainText('New');
    await expect(row).toContainText('4 steps');
    await expect(row.getByRole('combobox', { name: `What should happen with “${TITLE}”?` })).toHaveValue('import');
    await expect(importDialog.getByRole('region', { name: 'Questions (2)' })).toContainText('New (2)');
    await importDialog.screenshot({ path: join(SHOTS_DIR, 'bundle-import-preview-en.png') });
    expect(await axeDialog(mp)).toEqual([]);
    await mentee.panel.setLocale('de');
    await expect(importDialog.or(mp.getByRole('dialog', { name: 'Lotse-Datei öffnen' }))).toContainText('Neu (2)');
    await mp.getByRole('dialog').screenshot({ path: join(SHOTS_DIR, 'bundle-import-preview-de.png') });
    await mentee.panel.setLocale('en');
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await expect(importDialog).toContainText('Done. The file was imported.');
    await expect(importDialog).toContainText('Imported: 1 walkthrough, 2 questions');
    await importDialog.getByRole('button', { name: 'Close' }).last().click();

    // the walkthrough is there with its steps and the screenshots' exact bytes
    const after = await dump(mp);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ origin: _o, importedAt: _i, ...r }) => r);
    expect(strip(after.walkthroughs!)).toEqual(strip(mentorDump.walkthroughs!));
    expect(after.walkthroughs![0]).toMatchObject({ id: walkthroughId, origin: 'imported' });
    expect(after.steps).toEqual(mentorDump.steps);
    expect(after.screenshots).toEqual(mentorDump.screenshots); // type, size and SHA-256 of every blob
    expect(after.screenshots).toHaveLength(3);
    expect(after.questions).toEqual(mentorDump.questions);

    // … and it plays on the live site in the mentee's browser
    const page = await mentee.context.newPage();
    await page.goto(`${sites}/kontakto/feed?reset`);
    const tabId = await tabIdOf(mentee.sw, page);
    await startFromLibrary(mentee.panel, tabId, TITLE, 'Start');
    await page.bringToFront();
    const ov = overlay(page);
    await ov.expectStep(1, 4);
    await expectHighlightOn(page, locate(page, ME));
    await locate(page, ME).click();
    await ov.expectStep(2, 4);
    await locate(page, VIEW_PROFILE).click();
    await page.waitForURL(/\/kontakto\/in\/me$/);
    await ov.expectStep(4, 4);
    await expectHighlightOn(page, locate(page, EDIT_PROFILE));

    // importing the same file again: everything is "already here" and skipped by default
    const mp2 = await mentee.panel.openFor(undefined, 'settings');
    const again = await dump(mp2);
    await pickFile(mp2, download.suggestedFilename(), file);
    const d2 = mp2.getByRole('dialog', { name: 'Open a Lotse file' });
    await d2.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await d2.getByRole('button', { name: 'Open' }).click();
    await expect(d2.locator('.bn-item', { hasText: TITLE })).toContainText('Already here');
    await expect(d2.getByRole('button', { name: 'Import' })).toBeDisabled();
    await d2.getByRole('button', { name: 'Cancel' }).click();
    const stillSame = await dump(mp2);
    expect({ ...stillSame, progress: [], stepHealth: [] }).toEqual({ ...again, progress: [], stepHealth: [] });
  } finally {
    await mentee.context.close();
    rmSync(mentee.dir, { recursive: true, force: true });
  }
});

test('a full encrypted backup restores everything in another profile; the settings show the reminder', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  test.setTimeout(120_000);
  const site = await context.newPage();
  await recordProfileWalkthrough(site, background, sites);
  const panel = await sidepanel.openFor(undefined, 'settings');
  await sidepanel.setLocale('en');
  await panel.evaluate(
    (url) =>
      (globalThis.lotseTest!.bundleSeedQuestions as (t: string[], u: string) => Promise<string[]>)(
        ['Why do I need a headline?'],
        url,
      ),
    `${sites}/kontakto/feed`,
  );

  const card = panel.locator('section[aria-labelledby="bn-backup-title"]');
  await expect(card).toContainText('Uninstalling Lotse or deleting this browser profile deletes all walkthroughs');
  await expect(panel.getByTestId('bundle-last-backup')).toHaveText('No backup has been saved yet.');
  await panel.evaluate(() => scrollTo(0, 0));
  await panel.screenshot({ path: join(SHOTS_DIR, 'bundle-backup-section-en.png'), fullPage: true });
  await sidepanel.setLocale('de');
  await expect(card).toContainText('Wenn Sie Lotse entfernen');
  await panel.evaluate(() => scrollTo(0, 0));
  await panel.screenshot({ path: join(SHOTS_DIR, 'bundle-backup-section-de.png'), fullPage: true });
  await sidepanel.setLocale('en');

  await card.getByRole('button', { name: 'Back up everything …' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Back up everything' });
  await expect(dialog).toContainText('1 walkthrough (4 steps)');
  // a backup is always encrypted: no checkbox to switch it off
  await expect(dialog.getByRole('checkbox', { name: /Protect with a passphrase/ })).toHaveCount(0);
  await dialog.getByLabel('Passphrase', { exact: true }).fill('kurz');
  await dialog.getByLabel('Repeat the passphrase').fill('kurz');
  await dialog.getByRole('button', { name: 'Save backup' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The passphrase must have at least 8 characters.');
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await dialog.getByLabel('Repeat the passphrase').fill(PASS);
  await dialog.screenshot({ path: join(SHOTS_DIR, 'bundle-backup-dialog-en.png') });
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lotse-backup-\d{4}-\d{2}-\d{2}\.lotse$/);
  const file = readFileSync((await download.path())!);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(panel.getByTestId('bundle-last-backup')).toContainText('Last backup:');
  const mentorDump = await dump(panel);

  const other = await secondProfile();
  try {
    const op = await other.panel.openFor(undefined, 'settings');
    // the other profile has something of its own, which the restore replaces
    await op.evaluate(() =>
      (globalThis.lotseTest!.bundleSeedQuestions as (t: string[], u: string) => Promise<string[]>)(
        ['Eine eigene Frage'],
        'https://example.org/',
      ),
    );
    const before = await dump(op);
    // a damaged backup is refused and changes nothing
    const broken = Buffer.from(file);
    broken[70]! ^= 1;
    await pickFile(op, 'broken-backup.lotse', broken, 'bundle-restore-file');
    const rd = op.getByRole('dialog', { name: 'Restore a backup' });
    await rd.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await rd.getByRole('button', { name: 'Open' }).click();
    await expect(rd.getByRole('alert')).toContainText('The file is damaged');
    await rd.getByRole('button', { name: 'Close' }).last().click();
    expect(await dump(op)).toEqual(before);

    await pickFile(op, download.suggestedFilename(), file, 'bundle-restore-file');
    await rd.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await rd.getByRole('button', { name: 'Open' }).click();
    await expect(rd).toContainText('Restoring replaces everything that is in Lotse now:');
    await expect(rd).toContainText('1 question');
    await rd.screenshot({ path: join(SHOTS_DIR, 'bundle-restore-preview-en.png') });
    expect(await axeDialog(op)).toEqual([]);
    await rd.getByRole('button', { name: 'Replace everything with this backup' }).click();
    await expect(rd).toContainText('The backup was restored.');
    await rd.getByRole('button', { name: 'Close' }).last().click();
    const after = await dump(op);
    const { settings: _s1, ...restAfter } = after;
    const { settings: _s2, ...restMentor } = mentorDump;
    expect(restAfter).toEqual(restMentor);
    await expect(op.getByTestId('bundle-last-backup')).toContainText('Last backup:');
  } finally {
    await other.context.close();
    rmSync(other.dir, { recursive: true, force: true });
  }
});

test('a .lotse file dropped on the files card opens the import dialog', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const site = await context.newPage();
  await recordProfileWalkthrough(site, background, sites);
  // a plain (unprotected) file from the library's per-walkthrough button
  const lib = await sidepanel.openFor(undefined, 'walkthroughs');
  await sidepanel.setLocale('en');
  const item = lib.locator('article.pl-item', { hasText: TITLE });
  await expect(item).toBeVisible();
  await lib.screenshot({ path: join(SHOTS_DIR, 'bundle-library-buttons-en.png') });
  await item.getByRole('button', { name: 'Share …' }).click();
  const dialog = lib.getByRole('dialog', { name: 'Save as a file' });
  await expect(dialog.getByRole('checkbox', { name: /Protect with a passphrase/ })).not.toBeChecked(); // no questions inside
  await expect(dialog).toContainText('Without a passphrase, anyone who gets hold of the file can read it.');
  const [download] = await Promise.all([
    lib.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lotse-open-your-profile-\d{4}-\d{2}-\d{2}\.lotse$/);
  const bytes = readFileSync((await download.path())!);

  await dialog.getByRole('button', { name: 'Close' }).last().click();
  const panel = await sidepanel.openFor(undefined, 'settings');
  const zone = panel.locator('.bn-drop');
  const transfer = await panel.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'shared.lotse'));
    return dt;
  }, bytes.toString('base64'));
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(panel.getByText('Drop the .lotse file here to open it')).toBeVisible();
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  const importDialog = panel.getByRole('dialog', { name: 'Open a Lotse file' });
  await expect(importDialog).toContainText('Not protected with a passphrase');
  await expect(importDialog.locator('.bn-item', { hasText: TITLE })).toContainText('Already here');
  // keyboard: Escape closes the dialog
  await panel.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();
});
