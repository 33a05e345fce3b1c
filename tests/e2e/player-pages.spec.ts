/**
 * Player e2e on the hard parts of real pages: an open-shadow-root web component, a same-origin iframe
 * (the highlight must sit on the element inside the frame), and the hostile page — where the page's own
 * script also tries to click the overlay's buttons (isTrusted false: nothing happens).
 */
import { test, expect } from './fixtures';
import { tabIdOf } from './helpers';
import {
  expectHighlightOn,
  fingerprintOf,
  locate,
  overlay,
  seed,
  startFromLibrary,
  step,
  type Where,
} from './player-kit';

const POST = '[data-id="urn:li:activity:7301843377001"]';
const LIKE: Where = { css: `${POST} button.react-button__trigger` };
const CELEBRATE: Where = { shadowHost: `${POST} kt-reaction-picker`, css: 'button[data-reaction=celebrate]' };
const HELP: Where = { frame: 'iframe.help-widget-frame', css: '#hw-toggle' };
const HELP_SEARCH: Where = { frame: 'iframe.help-widget-frame', css: '#hw-search' };
const HELP_ARTICLE: Where = { frame: 'iframe.help-widget-frame', css: '#hw-faq a', text: 'How do I edit my headline?' };

test('plays inside the shadow-root component and the same-origin iframe', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  const k = `${sites}/kontakto`;
  await page.goto(`${k}/feed?reset`);
  // the reaction picker opens when the pointer rests on "Like"
  await locate(page, LIKE).hover();
  const celebrate = await fingerprintOf(page, CELEBRATE);
  expect(celebrate.shadowHosts?.length).toBe(1);
  const help = await fingerprintOf(page, HELP);
  expect(help.framePath?.length).toBe(1);
  await locate(page, HELP).click();
  const search = await fingerprintOf(page, HELP_SEARCH);
  await locate(page, HELP_SEARCH).fill('headline');
  const article = await fingerprintOf(page, HELP_ARTICLE);
  await page.goto(`${k}/feed?reset`);
  await seed(background, {
    walkthrough: { title: 'Celebrate and find help', startUrl: `${k}/feed`, language: 'en' },
    steps: [
      step('Point at “Like” under Lena’s post and choose “Celebrate”', `${k}/feed`, { type: 'click' }, celebrate, {
        explanation: 'Rest the mouse on “Like” for a moment: more reactions appear.',
      }),
      step('Open the help', `${k}/feed`, { type: 'click' }, help),
      step(
        'Search for “headline”',
        `${k}/feed`,
        { type: 'input', inputType: 'search', keepValue: true, exampleValue: 'headline', sensitive: false },
        search,
      ),
      step('Open the article', `${k}/feed`, { type: 'click' }, article),
    ],
  });
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Celebrate and find help', 'Start');
  await page.bringToFront();
  const ov = overlay(page);

  // the picker (open shadow root) is not there until the mentee rests the pointer on "Like": Lotse
  // says what to do and waits, then marks "Celebrate" inside the component
  await expect(ov.card).toHaveAttribute('data-kind', 'looking');
  await expect(ov.title).toHaveText('Point at “Like” under Lena’s post and choose “Celebrate”');
  await locate(page, LIKE).hover();
  await ov.expectStep(1, 4);
  await expectHighlightOn(page, locate(page, CELEBRATE));
  await locate(page, CELEBRATE).click();
  await expect(locate(page, LIKE)).toHaveAttribute('data-reaction', 'celebrate');

  // inside the iframe: coordinates include the frame's offset, and follow it when it grows
  await ov.expectStep(2, 4);
  await expectHighlightOn(page, locate(page, HELP));
  await locate(page, HELP).click();
  await ov.expectStep(3, 4);
  await expectHighlightOn(page, locate(page, HELP_SEARCH));
  await locate(page, HELP_SEARCH).click();
  await page.keyboard.type('headline');
  await page.keyboard.press('Enter');
  await ov.expectStep(4, 4);
  await expectHighlightOn(page, locate(page, HELP_ARTICLE));
  await locate(page, HELP_ARTICLE).click();
  await expect(ov.card).toHaveAttribute('data-kind', 'finished');
  await expect(page.frameLocator('iframe.help-widget-frame').locator('#hw-article-title')).toHaveText(
    'How do I edit my headline?',
  );
});

const NAME: Where = { css: '#name-input' };
const SEND: Where = { css: '#send' };
const PRIVACY: Where = { css: '#privacy-link' };

test('plays on the hostile page; clicks made up by the page script on the overlay do nothing', async ({
  context,
  background,
  sites,
  sidepanel,
}) => {
  const page = await context.newPage();
  const h = `${sites}/hostile/`;
  // describe the elements without the page's sabotage script (the recorder runs in its own world)
  await page.route('**/hostile/hostile.js', (r) =>
    r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
  );
  await page.goto(h);
  const name = await fingerprintOf(page, NAME);
  const send = await fingerprintOf(page, SEND);
  const privacy = await fingerprintOf(page, PRIVACY);
  await page.unroute('**/hostile/hostile.js');
  await seed(background, {
    walkthrough: { title: 'Contact Acme', startUrl: h, language: 'en' },
    steps: [
      step('Enter your name', h, { type: 'input', inputType: 'text', keepValue: false, sensitive: false }, name),
      step('Send the form', h, { type: 'submit' }, send),
      step('Read the privacy notice', h, { type: 'click' }, privacy),
    ],
  });
  await page.goto(h);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __hostilePushCount?: number }).__hostilePushCount ?? 0))
    .toBeGreaterThan(0);
  await startFromLibrary(sidepanel, await tabIdOf(background, page), 'Contact Acme', 'Start');
  await page.bringToFront();
  const ov = overlay(page);
  await ov.expectStep(1, 3);
  await expectHighlightOn(page, locate(page, NAME));
  // the overlay is drawn despite `* { all: unset }`, `:host { display: none !important }` & co.
  await expect(ov.card).toBeVisible();
  await expect(ov.button('Next')).toBeVisible();

  // the page's own script "clicks" Next and Exit and fakes the step: nothing may happen
  await page.evaluate(() => {
    const root = document.querySelector('lotse-player')!.shadowRoot!;
    for (const action of ['next', 'exit', 'pause']) {
      const b = root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    }
    const input = document.querySelector<HTMLInputElement>('#name-input')!;
    input.value = 'fake';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.value = '';
  });
  await page.waitForTimeout(300); // nothing to await: give a wrong reaction the chance to show
  await ov.expectStep(1, 3);

  await locate(page, NAME).click();
  await page.keyboard.type('Erika');
  await page.keyboard.press('Tab');
  await ov.expectStep(2, 3);
  await expectHighlightOn(page, locate(page, SEND));
  // the page stops this click at the document in the capture phase; the step still counts
  await locate(page, SEND).click();
  await expect(page.locator('#result')).toHaveText('Thank you, Erika! Your message was sent.');
  await ov.expectStep(3, 3);
  await expectHighlightOn(page, locate(page, PRIVACY));
  await locate(page, PRIVACY).click();
  await page.waitForURL(/about\.html$/);
  // the last step led to a new page: "Well done!" is shown there
  await expect(ov.card).toHaveAttribute('data-kind', 'finished');
});
