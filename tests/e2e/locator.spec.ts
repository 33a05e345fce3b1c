/**
 * Locator e2e: record fingerprints with `describe` on the normal practice sites, resolve them on the
 * drift versions (see tests/fixtures/sites/README.md, "Drift versions – exact changes") in plain
 * Chromium with the standalone build. The right element must be found; a removed element must never be
 * replaced by a wrong one ("not-found" or "ambiguous" are fine). Also inside the open-shadow-root
 * reaction picker, inside the same-origin help iframe, and on the hostile page from an isolated world
 * (like a content script) and from the page's own, clobbered and monkey-patched world.
 */
import { test, expect, chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLocator } from '../../scripts/build-locator';
import { startSites, type SitesServer } from '../fixtures/sites/server';
import type { ElementFingerprint } from '../../lib/locator/fingerprint';

let sites: SitesServer;
let browser: Browser;
let context: BrowserContext;
let locatorJs: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // always built from the current source (an older dist/ file must never be what is tested)
  const dist = await buildLocator(join(mkdtempSync(join(tmpdir(), 'lotse-locator-')), 'lotse-locator.js'));
  locatorJs = readFileSync(dist, 'utf8');
  sites = await startSites({ port: 0, quiet: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const host = new URL(sites.origin).hostname;
  await context.addCookies([
    { name: 'MSINTRANET_SESSION', value: 'kbecker', domain: host, path: '/intranet' },
    { name: 'MSINTRANET_DRIFT_SESSION', value: 'kbecker', domain: host, path: '/drift/intranet' },
  ]);
});

test.afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sites?.close();
});

async function open(path: string, ready?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(sites.origin + path);
  if (ready) await page.locator(ready).first().waitFor();
  await page.addScriptTag({ content: locatorJs });
  return page;
}

/** `describe` the element the JS expression `expr` evaluates to */
async function record(page: Page, expr: string): Promise<ElementFingerprint> {
  const fp = (await page.evaluate(
    `(() => { const el = ${expr}; if (!el) throw new Error('no element: ' + ${JSON.stringify(expr)}); return LotseLocator.describe(el); })()`,
  )) as ElementFingerprint;
  expect(fp.v).toBe(1);
  return fp;
}

interface Outcome {
  status: string;
  score: number;
  /** the returned element is the expected one */
  right: boolean;
}

/** resolve once; `expected` is a JS expression for the right element (or null when it is gone) */
async function resolveOnce(page: Page, fp: ElementFingerprint, expected: string | null): Promise<Outcome> {
  return (await page.evaluate(
    `(async () => {
      const r = await LotseLocator.resolve(${JSON.stringify(fp)}, document);
      const exp = ${expected ?? 'null'};
      return { status: r.status, score: r.score, right: !!exp && r.element === exp };
    })()`,
  )) as Outcome;
}

/**
 * Poll like the player does while the page renders late (every 150 ms, up to `ms`); every intermediate
 * result must be honest: a `found` before the right element exists is a failure.
 */
async function resolveUntilFound(page: Page, fp: ElementFingerprint, expected: string, ms = 4000): Promise<Outcome> {
  const t0 = Date.now();
  let last: Outcome = { status: 'not-found', score: 0, right: false };
  while (Date.now() - t0 < ms) {
    last = await resolveOnce(page, fp, expected);
    if (last.status === 'found') {
      expect(last.right, `found a wrong element (score ${last.score})`).toBe(true);
      return last;
    }
    await page.waitForTimeout(150);
  }
  return last;
}

const post = (text: string) =>
  `[...document.querySelectorAll('div[role=article]')].find((p) => p.textContent.includes(${JSON.stringify(text)}))`;
const byText = (sel: string, text: string, scope = 'document') =>
  `[...((${scope})?.querySelectorAll(${JSON.stringify(sel)}) ?? [])].find((e) => e.textContent.trim() === ${JSON.stringify(text)})`;
const byName = (sel: string, name: string, scope = 'document') =>
  `[...((${scope})?.querySelectorAll(${JSON.stringify(sel)}) ?? [])].find((e) => (e.getAttribute('aria-label') || e.textContent).trim() === ${JSON.stringify(name)})`;

test('Kontakto feed: the Like button of one post among identical ones, after drift (wrappers, new classes, late render)', async () => {
  const normal = await open('/kontakto/feed?reset', '.feed-shared-update-v2');
  const likeExpr = (p: string) => byText('button', 'Like', post(p));
  const fpLike = await record(normal, likeExpr('Our first reverse mentoring session'));
  const fpLike2 = await record(normal, likeExpr('We are hiring'));
  const fpJobs = await record(normal, `document.querySelector('header.global-nav a[href$="/jobs"]')`);
  const fpMessaging = await record(normal, `document.querySelector('header.global-nav a[href$="/messaging"]')`);
  const fpStart = await record(normal, byText('button', 'Start a post'));
  await normal.close();

  const drift = await context.newPage();
  await drift.goto(sites.origin + '/drift/kontakto/feed?reset');
  await drift.addScriptTag({ content: locatorJs });
  // posts render 0.3–1.5 s late: poll like the player, never accepting a wrong Like meanwhile
  const like = await resolveUntilFound(drift, fpLike, likeExpr('Our first reverse mentoring session'));
  expect(like.status).toBe('found');
  const like2 = await resolveOnce(drift, fpLike2, likeExpr('We are hiring'));
  expect(like2).toMatchObject({ status: 'found', right: true });
  for (const [fp, path] of [
    [fpJobs, '/jobs'],
    [fpMessaging, '/messaging'],
  ] as const) {
    const r = await resolveOnce(drift, fp, `document.querySelector('header.global-nav a[href$="${path}"]')`);
    expect(r, path).toMatchObject({ status: 'found', right: true });
  }
  expect(await resolveOnce(drift, fpStart, byText('button', 'Start a post'))).toMatchObject({
    status: 'found',
    right: true,
  });
  await drift.close();
});

test('Kontakto feed: a deleted post is declined, never replaced by another post’s Like', async () => {
  const page = await open('/kontakto/feed?reset', '.feed-shared-update-v2');
  const expr = byText('button', 'Like', post('We are hiring'));
  const fp = await record(page, expr);
  await page.evaluate(`${post('We are hiring')}.remove()`);
  const r = await resolveOnce(page, fp, null);
  expect(r.status).not.toBe('found');
  await page.close();
});

test('Kontakto profile and Edit intro: reworded Save, wrapped Headline, moved link, removed button', async () => {
  const profile = await open('/kontakto/in/me?reset', '.pv-top-card');
  const fpAdd = await record(profile, byText('button', 'Add profile section'));
  const fpEditLink = await record(profile, byText('a', 'Edit profile'));
  await profile.close();
  const edit = await open('/kontakto/in/me/edit?reset', '[role=dialog]');
  const fpSave = await record(edit, byText('[role=dialog] button', 'Save'));
  const fpHeadline = await record(edit, `document.querySelector('[role=dialog] input[id$="-headline"]')`);
  await edit.close();

  const dProfile = await open('/drift/kontakto/in/me?reset', '.pv-top-card');
  // removed: anything but a confident wrong answer
  expect((await resolveOnce(dProfile, fpAdd, null)).status).not.toBe('found');
  // moved to the sidebar: found, or asked about with the right element first
  const moved = await resolveOnce(dProfile, fpEditLink, byText('a', 'Edit profile'));
  expect(moved.right).toBe(true);
  expect(moved.status).not.toBe('not-found');
  await dProfile.close();

  const dEdit = await open('/drift/kontakto/in/me/edit?reset', '[role=dialog]');
  expect(await resolveOnce(dEdit, fpSave, byText('[role=dialog] button', 'Save changes'))).toMatchObject({
    status: 'found',
    right: true,
  });
  expect(
    await resolveOnce(dEdit, fpHeadline, `document.querySelector('[role=dialog] input[id$="-headline"]')`),
  ).toMatchObject({ status: 'found', right: true });
  await dEdit.close();
});

test('Kontakto settings: switches in reverse order', async () => {
  const page = await open('/kontakto/settings?reset', 'main');
  const sw = (name: string) =>
    `[...document.querySelectorAll('[role=switch],input[type=checkbox]')].find((e) => (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.closest('label')?.textContent || '').includes(${JSON.stringify(name)}))`;
  const fpAutoplay = await record(page, sw('Autoplay videos'));
  const fpEmail = await record(page, sw('Email notifications'));
  await page.close();
  const drift = await open('/drift/kontakto/settings?reset', 'main');
  expect(await resolveOnce(drift, fpAutoplay, sw('Autoplay videos'))).toMatchObject({ status: 'found', right: true });
  expect(await resolveOnce(drift, fpEmail, sw('Email notifications'))).toMatchObject({ status: 'found', right: true });
  await drift.close();
});

test('reaction picker inside an open shadow root', async () => {
  const openPicker = async (page: Page) => {
    await page
      .getByRole('article')
      .filter({ hasText: 'Our first reverse mentoring session' })
      .getByRole('button', { name: 'Like', exact: true })
      .hover();
    await page.locator('kt-reaction-picker').first().getByRole('toolbar', { name: 'Reactions' }).waitFor();
  };
  const celebrate = `${post('Our first reverse mentoring session')}.querySelector('kt-reaction-picker').shadowRoot.querySelector('[data-reaction=celebrate]')`;
  const normal = await open('/kontakto/feed?reset', '.feed-shared-update-v2');
  await openPicker(normal);
  const fp = await record(normal, celebrate);
  expect(fp.shadowHosts?.length).toBe(1);
  expect(fp.name).toBe('Celebrate');
  await normal.close();

  const drift = await open('/drift/kontakto/feed?reset', '.feed-shared-update-v2');
  await openPicker(drift);
  expect(await resolveOnce(drift, fp, celebrate)).toMatchObject({ status: 'found', right: true });
  await drift.close();
});

test('help widget inside a same-origin iframe', async () => {
  const frameDoc = `document.querySelector('iframe[title="Kontakto Help"]').contentDocument`;
  const openHelp = async (page: Page) => {
    await page.frameLocator('iframe[title="Kontakto Help"]').getByRole('button', { name: 'Help' }).click();
    await page
      .frameLocator('iframe[title="Kontakto Help"]')
      .getByRole('searchbox', { name: 'Search help articles' })
      .waitFor();
  };
  const contact = byText('button', 'Contact support', frameDoc);
  const search = `${frameDoc}.querySelector('input[type=search]')`;
  const normal = await open('/kontakto/feed?reset', '.feed-shared-update-v2');
  await openHelp(normal);
  const fpContact = await record(normal, contact);
  const fpSearch = await record(normal, search);
  expect(fpContact.framePath?.length).toBe(1);
  await normal.close();

  const drift = await open('/drift/kontakto/feed?reset', '.feed-shared-update-v2');
  await openHelp(drift);
  expect(await resolveOnce(drift, fpContact, contact)).toMatchObject({ status: 'found', right: true });
  expect(await resolveOnce(drift, fpSearch, search)).toMatchObject({ status: 'found', right: true });
  await drift.close();
});

test('Intranet: reworded Submit, moved checkbox, reordered nav and row actions, removed Print', async () => {
  const leave = await open('/intranet/hr/leave', 'form');
  const fpSubmit = await record(leave, `document.querySelector('button[name=btnSubmit]')`);
  const fpInformed = await record(leave, `document.querySelector('input[type=checkbox]')`);
  const fpLeaveType = await record(leave, `document.querySelector('select')`);
  const fpDirectory = await record(leave, byText('a', 'Directory'));
  await leave.close();
  const requests = await open('/intranet/hr/requests', 'table');
  const row = (id: string, scope = 'document') =>
    `[...${scope}.querySelectorAll('tr')].find((tr) => tr.textContent.includes(${JSON.stringify(id)}))`;
  const editExpr = byName('button,a,input[type=submit]', 'Edit', row('1002'));
  const fpEdit = await record(requests, editExpr);
  await requests.close();
  const confirm = await open('/intranet/hr/confirm?id=1001', 'body');
  const fpPrint = await record(confirm, byText('a', 'Print'));
  await confirm.close();

  const dLeave = await open('/drift/intranet/hr/leave', 'form');
  // completely reworded (“Submit” → “Send request”; same id suffix and name attribute): found, or asked
  // about with the right element first — never another button
  const submit = await resolveOnce(dLeave, fpSubmit, `document.querySelector('button[name=btnSubmit]')`);
  expect(submit.right).toBe(true);
  expect(submit.status).not.toBe('not-found');
  expect(await resolveOnce(dLeave, fpInformed, `document.querySelector('input[type=checkbox]')`)).toMatchObject({
    status: 'found',
    right: true,
  });
  expect(await resolveOnce(dLeave, fpLeaveType, `document.querySelector('select')`)).toMatchObject({
    status: 'found',
    right: true,
  });
  expect(await resolveOnce(dLeave, fpDirectory, byText('a', 'Directory'))).toMatchObject({
    status: 'found',
    right: true,
  });
  await dLeave.close();
  const dRequests = await open('/drift/intranet/hr/requests', 'table');
  expect(await resolveOnce(dRequests, fpEdit, editExpr)).toMatchObject({ status: 'found', right: true });
  await dRequests.close();
  const dConfirm = await open('/drift/intranet/hr/confirm?id=1001', 'body');
  expect((await resolveOnce(dConfirm, fpPrint, null)).status).not.toBe('found');
  await dConfirm.close();
});

test('hostile page: works from an isolated world despite DOM clobbering, and in the page world', async () => {
  const page = await context.newPage();
  await page.goto(sites.origin + '/hostile/');
  // 1. like a content script: an isolated world (same DOM, clobbered document properties, own JS globals)
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'lotse-test',
  });
  const inWorld = async (expression: string) => {
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as unknown;
  };
  // the page world is clobbered (<img name=getElementById>); Chromium's isolated worlds were not (checked)
  expect(await page.evaluate(`typeof document.getElementById`)).toBe('object');
  await inWorld(locatorJs);
  const result = (await inWorld(`(async () => {
    const send = document.querySelector('#send');
    const fp = LotseLocator.describe(send);
    const name = LotseLocator.describe(document.querySelector('#name-input'));
    const r1 = await LotseLocator.resolve(fp);
    const r2 = await LotseLocator.resolve(name);
    send.remove();
    const r3 = await LotseLocator.resolve(fp);
    return { fp, name, r1: r1.status, ok1: r1.element === document.querySelector('button[type=submit]') || r1.element === undefined,
      r2: r2.status, ok2: r2.element === document.querySelector('#name-input'), r3: r3.status };
  })()`)) as { fp: ElementFingerprint; name: ElementFingerprint; r1: string; r2: string; ok2: boolean; r3: string };
  expect(result.fp.name).toBe('Send');
  expect(result.name.label).toBe('Your name');
  expect(result.r1).toBe('found');
  expect(result.r2).toBe('found');
  expect(result.ok2).toBe(true);
  expect(result.r3).not.toBe('found');

  // 2. in the page's own (hostile) world, after hostile.js patched Array/Promise/JSON/getBoundingClientRect
  await page.reload();
  await page.addScriptTag({ content: locatorJs });
  const main = (await page.evaluate(`(async () => {
    const fp = LotseLocator.describe(document.querySelector('#privacy-link'));
    const r = await LotseLocator.resolve(fp);
    return { status: r.status, right: r.element === document.querySelector('#privacy-link') };
  })()`)) as { status: string; right: boolean };
  expect(main).toEqual({ status: 'found', right: true });
  await page.close();
});

test('never returns Lotse’s own UI, and honours exclude', async () => {
  const page = await open('/kontakto/feed?reset', '.feed-shared-update-v2');
  const r = (await page.evaluate(`(async () => {
    const fp = LotseLocator.describe(document.querySelector('header.global-nav a[href$="/jobs"]'));
    // a Lotse overlay with an identical link, and the real one excluded by the caller
    const host = document.createElement('lotse-ui-test');
    host.setAttribute('data-lotse-ui', '');
    const sr = host.attachShadow({ mode: 'open' });
    const a = document.createElement('a'); a.href = fp.href.path; a.textContent = 'Jobs'; sr.appendChild(a);
    const light = document.createElement('a'); light.href = fp.href.path; light.textContent = 'Jobs'; host.appendChild(light);
    document.body.appendChild(host);
    const real = document.querySelector('header.global-nav a[href$="/jobs"]');
    const r = await LotseLocator.resolve(fp, document, { exclude: (el) => el === real });
    return { status: r.status, inUi: !!r.element && (r.element === a || r.element === light || !!r.element.closest('[data-lotse-ui]')) };
  })()`)) as { status: string; inUi: boolean };
  expect(r.inUi).toBe(false);
  expect(r.status).not.toBe('found');
  await page.close();
});
