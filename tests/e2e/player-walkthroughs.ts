/**
 * The walkthroughs the player e2e tests play, "recorded" the way the mentor would: on each page the
 * element is described with the real locator, then used. Shared by the player specs.
 */
import type { Page, Worker } from '@playwright/test';
import { expect } from './fixtures';
import { expectHighlightOn, fingerprintOf, locate, overlay, seed, step, type Where } from './player-kit';

export const LIKE_LENA: Where = { css: '[data-id="urn:li:activity:7301843377001"] button.react-button__trigger' };
export const ME: Where = { css: 'button.global-nav__me' };
export const VIEW_PROFILE: Where = { css: '[role=menu] a[role=menuitem]', text: 'View profile' };
export const EDIT_PROFILE: Where = { css: 'a.pv-top-card__edit-button' };
export const HEADLINE: Where = { css: 'input.pe-top-card-form__headline' };
export const SAVE: Where = { css: 'button.pe-form-footer__action--submit' };

/**
 * "Update your headline" recorded the way the mentor would do it: on each page, describe the element,
 * then act on it. Returns the seeded walkthrough's id.
 */
export async function seedHeadline(page: Page, background: Worker, sites: string, base = '/kontakto'): Promise<string> {
  const k = `${sites}${base}`;
  await page.goto(`${k}/feed?reset`);
  const like = await fingerprintOf(page, LIKE_LENA);
  const me = await fingerprintOf(page, ME);
  await locate(page, ME).click();
  const view = await fingerprintOf(page, VIEW_PROFILE);
  await locate(page, VIEW_PROFILE).click();
  await page.waitForURL(`${k}/in/me`);
  const edit = await fingerprintOf(page, EDIT_PROFILE);
  await locate(page, EDIT_PROFILE).click();
  const headline = await fingerprintOf(page, HEADLINE);
  const save = await fingerprintOf(page, SAVE);
  // back to a clean state for the mentee
  await page.goto(`${k}/feed?reset`);
  const { walkthroughId } = await seed(background, {
    walkthrough: {
      title: 'Update your headline',
      startUrl: `${k}/feed`,
      language: 'en',
      estimatedMinutes: 3,
      description: 'Your headline is the line under your name.',
    },
    steps: [
      step('Give Lena’s post a like', `${k}/feed`, { type: 'click' }, like, {
        explanation: 'Your mentor’s post is in your feed. Click “Like” under it.',
      }),
      step('Open the “Me” menu', `${k}/feed`, { type: 'click' }, me),
      step('Click “View profile”', `${k}/feed`, { type: 'click' }, view),
      step('Your profile opens', `${k}/feed`, { type: 'navigate', url: `${k}/in/me`, via: 'push' }),
      step('Click “Edit profile”', `${k}/in/me`, { type: 'click' }, edit),
      step(
        'Enter your new headline',
        `${k}/in/me/edit`,
        {
          type: 'input',
          inputType: 'text',
          keepValue: true,
          exampleValue: 'Managing Director | Mechanical engineering',
          sensitive: false,
        },
        headline,
        {
          explanation: 'Describe in one line what you do. Then leave the field.',
        },
      ),
      step('Save your changes', `${k}/in/me/edit`, { type: 'submit' }, save),
    ],
  });
  return walkthroughId;
}

export interface PlayOptions {
  /** first step to check (when playing was resumed) */
  from?: number;
  /** on the changed (drift) site the locator may rightly ask "Is it this one?" */
  drift?: boolean;
  /** called when step k is shown, before the mentee acts on it (reload, stop the worker, …) */
  before?: (k: number) => Promise<void>;
}

/** The mentee does "Update your headline" himself; every step is checked before he acts. */
export async function playHeadline(page: Page, opts: PlayOptions = {}): Promise<void> {
  const ov = overlay(page);
  const from = opts.from ?? 1;
  const at = async (k: number, w: Where, firstMayAsk = false) => {
    await opts.before?.(k);
    await ov.expectStep(k, 7, 'en', firstMayAsk || !!opts.drift);
    await expectHighlightOn(page, locate(page, w));
  };
  if (from <= 1) {
    // among identical "Like" buttons the locator may ask; Lena's is marked either way
    await at(1, LIKE_LENA, true);
    await locate(page, LIKE_LENA).click();
  }
  if (from <= 2) {
    await at(2, ME);
    await locate(page, ME).click();
  }
  if (from <= 3) {
    await at(3, VIEW_PROFILE);
    await locate(page, VIEW_PROFILE).click();
    await page.waitForURL(/\/kontakto\/in\/me$/);
  }
  // 4 (the profile opened) completes by itself
  if (from <= 5) {
    await at(5, EDIT_PROFILE);
    await locate(page, EDIT_PROFILE).click();
  }
  if (from <= 6) {
    await at(6, HEADLINE);
    await locate(page, HEADLINE).fill('Managing Director | Learning Kontakto');
    await page.keyboard.press('Tab');
  }
  await at(7, SAVE);
  await locate(page, SAVE).click();
  await expect(ov.card).toHaveAttribute('data-kind', 'finished');
}

/* ---------- Intranet: request leave ---------- */

export const W = {
  user: { css: 'input[name=username]' },
  password: { css: 'input[name=password]' },
  signIn: { css: 'button[type=submit]', text: 'Sign in' },
  leaveLink: { css: 'a', text: 'Request leave online' },
  leaveType: { css: 'select[name=leaveType]' },
  fullDay: { css: 'input[name=dayType][value=full]' },
  from: { css: 'input[name=from]' },
  to: { css: 'input[name=to]' },
  informed: { css: 'input[name=informedTeam]' },
  submit: { css: 'button[name=btnSubmit]' },
  myRequests: { css: 'a', text: 'View my requests' },
} satisfies Record<string, Where>;

/** Record "Request leave" on the intranet (normal or drift): describe each element, then use it. */
export async function seedLeave(page: Page, background: Worker, sites: string, prefix = '/intranet'): Promise<string> {
  const base = `${sites}${prefix}`;
  await page.goto(`${base}/logout`);
  await page.goto(`${base}/login`);
  const fp: Record<string, Awaited<ReturnType<typeof fingerprintOf>>> = {};
  fp.user = await fingerprintOf(page, W.user);
  fp.password = await fingerprintOf(page, W.password);
  fp.signIn = await fingerprintOf(page, W.signIn);
  await locate(page, W.user).fill('mentor');
  await locate(page, W.password).fill('x');
  await locate(page, W.signIn).click();
  await page.waitForURL(`${base}/`);
  fp.leaveLink = await fingerprintOf(page, W.leaveLink);
  await page.goto(`${base}/hr/leave`);
  for (const k of ['leaveType', 'fullDay', 'from', 'to', 'informed', 'submit'] as const)
    fp[k] = await fingerprintOf(page, W[k]);
  await page.goto(`${base}/hr/confirm?id=1001`);
  fp.myRequests = await fingerprintOf(page, W.myRequests);
  await page.goto(`${base}/logout`);
  const { walkthroughId } = await seed(background, {
    walkthrough: { title: 'Request leave', startUrl: `${base}/login`, language: 'en', estimatedMinutes: 5 },
    steps: [
      step(
        'Enter your user name',
        `${base}/login`,
        { type: 'input', inputType: 'text', keepValue: false, sensitive: false },
        fp.user,
      ),
      step(
        'Enter your password',
        `${base}/login`,
        { type: 'input', inputType: 'password', keepValue: false, sensitive: true },
        fp.password,
      ),
      step('Click “Sign in”', `${base}/login`, { type: 'submit' }, fp.signIn),
      step('Open “Request leave online”', `${base}/`, { type: 'click' }, fp.leaveLink),
      step(
        'Choose the leave type',
        `${base}/hr/leave`,
        { type: 'select', optionText: 'Annual leave', optionValue: 'Annual leave' },
        fp.leaveType,
      ),
      step(
        'Choose “Full day(s)”',
        `${base}/hr/leave`,
        { type: 'check', checked: true, inputType: 'radio' },
        fp.fullDay,
      ),
      step(
        'Enter the first day',
        `${base}/hr/leave`,
        { type: 'input', inputType: 'date', keepValue: false, sensitive: false },
        fp.from,
      ),
      step(
        'Enter the last day',
        `${base}/hr/leave`,
        { type: 'input', inputType: 'date', keepValue: false, sensitive: false },
        fp.to,
      ),
      step(
        'Confirm that you informed your team',
        `${base}/hr/leave`,
        { type: 'check', checked: true, inputType: 'checkbox' },
        fp.informed,
      ),
      step('Send the request', `${base}/hr/leave`, { type: 'submit' }, fp.submit),
      step('The confirmation appears', `${base}/hr/leave`, {
        type: 'navigate',
        url: `${base}/hr/confirm`,
        via: 'load',
      }),
      step('Open your requests', `${base}/hr/confirm`, { type: 'click' }, fp.myRequests),
    ],
  });
  return walkthroughId;
}

/** The mentee does the leave request himself; every step is checked before he acts. */
export async function playLeave(page: Page, prefix = '/intranet'): Promise<void> {
  const ov = overlay(page);
  const n = 12;
  const at = async (k: number, w: Where) => {
    await ov.expectStep(k, n, 'en', prefix.includes('drift'));
    // never a wrong element: the marked one is the recorded one
    await expectHighlightOn(page, locate(page, w));
  };
  await at(1, W.user);
  await locate(page, W.user).click();
  await page.keyboard.type('k.becker');
  await page.keyboard.press('Tab');
  await at(2, W.password);
  await expect(ov.card).toContainText('Lotse does not store what you type here.');
  await page.keyboard.type('secret');
  await page.keyboard.press('Tab');
  await at(3, W.signIn);
  await locate(page, W.signIn).click();
  await page.waitForURL(new RegExp(`${prefix}/$`));
  await at(4, W.leaveLink);
  await locate(page, W.leaveLink).click();
  await page.waitForURL(new RegExp(`${prefix}/hr/leave$`));
  await at(5, W.leaveType);
  // a real selection with the keyboard (Playwright's selectOption dispatches untrusted events)
  await locate(page, W.leaveType).focus();
  await page.keyboard.press('ArrowDown');
  await at(6, W.fullDay);
  await locate(page, W.fullDay).check();
  await at(7, W.from);
  // typed digit by digit (the field is "0002-08-04" on the way): the step waits until the date is whole
  await locate(page, W.from).focus();
  await page.keyboard.type('08042025', { delay: 60 });
  await at(8, W.to);
  await locate(page, W.to).focus();
  await page.keyboard.type('08082025', { delay: 60 });
  await page.keyboard.press('Tab');
  await at(9, W.informed);
  await locate(page, W.informed).check();
  await at(10, W.submit);
  await locate(page, W.submit).click();
  await page.waitForURL(new RegExp(`${prefix}/hr/confirm\\?id=\\d+$`));
  // 11 (arrived at the confirmation page) completes by itself after the load
  await at(12, W.myRequests);
  await locate(page, W.myRequests).click();
  await page.waitForURL(new RegExp(`${prefix}/hr/requests$`));
  await expect(ov.card).toHaveAttribute('data-kind', 'finished');
}
