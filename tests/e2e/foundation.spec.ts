import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test, expect, launchWithExtension, serviceWorkerOf, SHOTS_DIR } from './fixtures';

mkdirSync(SHOTS_DIR, { recursive: true });

test('the extension loads: service worker, localized manifest, no manifest content scripts', async ({ background, extensionId }) => {
  expect(background.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  const manifest = await background.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.content_scripts ?? []).toEqual([]);
  const name = await background.evaluate(() => chrome.i18n.getMessage('extName'));
  expect(name).toMatch(/Lotse/);
});

test('popup and side panel render in English and German and switch language at run time', async ({ popup, sidepanel, openExtensionPage }) => {
  const panel = await sidepanel.openFor();
  await sidepanel.setLocale('en');
  await expect(panel.getByRole('navigation')).toContainText('Walkthroughs');
  await expect(panel.getByRole('heading', { name: 'No walkthroughs yet' })).toBeVisible();
  await panel.screenshot({ path: join(SHOTS_DIR, 'foundation-sidepanel-en.png') });

  const pop = await popup.openPopup();
  await expect(pop.getByText('Everything stays on this computer', { exact: false })).toBeVisible();
  await pop.screenshot({ path: join(SHOTS_DIR, 'foundation-popup-en.png') });

  // Switch in the options page: every open page follows live.
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Language').selectOption('de');
  await expect(options.getByRole('heading', { level: 1 })).toContainText('Einstellungen');
  await expect(panel.getByRole('navigation')).toContainText('Anleitungen');
  await expect(panel.getByRole('heading', { name: 'Noch keine Anleitungen' })).toBeVisible();
  await expect(pop.getByText('Alles bleibt auf diesem Computer', { exact: false })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'de');
  await panel.screenshot({ path: join(SHOTS_DIR, 'foundation-sidepanel-de.png') });
  await pop.screenshot({ path: join(SHOTS_DIR, 'foundation-popup-de.png') });
  await options.screenshot({ path: join(SHOTS_DIR, 'foundation-options-de.png') });

  // every section has an explanatory empty state or content, in German
  for (const name of ['Fragen', 'Treffen', 'Einstellungen']) {
    await panel.getByRole('navigation').getByRole('button', { name }).click();
    await expect(panel.getByRole('heading', { level: 1, name })).toBeVisible();
  }
});

test('follows the browser language by default', async () => {
  const { context } = await launchWithExtension({ locale: 'de-DE' });
  try {
    const sw = await serviceWorkerOf(context);
    const id = new URL(sw.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Einstellungen');
    await expect(page.getByLabel('Sprache')).toHaveValue('auto');
  } finally {
    await context.close();
  }
});

test('a setting written from the side panel is read back after the side panel reloads', async ({ sidepanel }) => {
  const panel = await sidepanel.openFor(undefined, 'settings');
  await panel.getByLabel(/Language|Sprache/).selectOption('de');
  await panel.getByLabel('Größere Schrift').check();
  await expect(panel.locator('html')).toHaveClass(/lotse-large-text/);
  await panel.reload();
  await expect(panel.getByLabel('Sprache')).toHaveValue('de');
  await expect(panel.getByLabel('Größere Schrift')).toBeChecked();
  const stored = await panel.evaluate(() => globalThis.lotseTest!.getSettings());
  expect(stored).toMatchObject({ locale: 'de', largeText: true });
});

test('a content script injected into a practice-site tab round-trips validated messages; malformed ones get typed errors', async ({
  context,
  background,
  sites,
}) => {
  const page = await context.newPage();
  await page.goto(`${sites}/intranet/login`);
  const tabId = await background.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, page.url());
  // nothing is injected until Lotse is asked to work in this tab
  const before = await background.evaluate(async (tabId) => {
    try {
      return await chrome.tabs.sendMessage(tabId, { lotse: 1, name: 'content.ping', payload: {} });
    } catch (e) {
      return String(e);
    }
  }, tabId);
  expect(String(before)).toMatch(/Receiving end does not exist|Could not establish connection/);

  await background.evaluate((tabId) => chrome.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/lotse.js'] }), tabId);

  // background → content script
  const replies = await background.evaluate(async (tabId) => {
    const ask = (msg: unknown) => chrome.tabs.sendMessage(tabId, msg);
    return {
      ok: await ask({ lotse: 1, name: 'content.ping', payload: {} }),
      malformed: await ask({ lotse: 1, name: 'content.ping', payload: 'nope' }),
      unknown: await ask({ lotse: 1, name: 'content.deleteEverything', payload: {} }),
      lookalike: await ask({ type: 'lotse', name: 'content.ping' }),
    };
  }, tabId);
  expect(replies.ok).toMatchObject({ ok: true, data: { url: page.url() } });
  expect(replies.malformed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(replies.unknown).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  expect(replies.lookalike).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

  // content script (isolated world) → background: the background knows the sender's tab from the browser
  const fromContent = await background.evaluate(async (tabId) => {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId },
      func: async () => {
        const ask = (msg: unknown) => chrome.runtime.sendMessage(msg);
        return {
          ok: await ask({ lotse: 1, name: 'core.ping', payload: { nonce: 'n1' } }),
          malformed: await ask({ lotse: 1, name: 'core.ping', payload: { nonce: 42 } }),
          unknown: await ask({ lotse: 1, name: 'core.nope', payload: {} }),
        };
      },
    });
    return r!.result as Record<string, unknown>;
  }, tabId);
  expect(fromContent.ok).toMatchObject({ ok: true, data: { nonce: 'n1', sender: 'content', tabId } });
  expect(fromContent.malformed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  expect(fromContent.unknown).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
});

test('the production manifest asks for the minimal permission set and no host permissions', () => {
  const dir = resolve(process.env.LOTSE_OUT_DIR ?? '.output', 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.web_accessible_resources).toBeUndefined();
});
