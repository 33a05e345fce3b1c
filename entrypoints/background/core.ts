import { browser } from 'wxt/browser';
import { browserLanguage, resolveLocale } from '~/lib/i18n';
import { getSettings } from '~/lib/db/settings';
import type { BackgroundMap, Handlers } from '~/lib/messages';

export const coreHandlers: Handlers<BackgroundMap> = {
  'core.ping': ({ nonce }, ctx) => ({
    nonce,
    ...(ctx.kind === 'content' && ctx.tabId !== undefined ? { tabId: ctx.tabId } : {}),
    sender: ctx.kind,
    version: browser.runtime.getManifest().version,
  }),
  'core.uiPrefs': async () => {
    const s = await getSettings();
    return { locale: resolveLocale(s.locale, browserLanguage()), largeText: s.largeText, dimPage: s.dimPage };
  },
};
