// Code that Playwright evaluates inside the extension's service worker uses the `chrome` global.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
