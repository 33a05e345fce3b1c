/**
 * German and English for every visible string. Framework-free: the background and React pages use
 * `createTranslator` (React pages through components/i18n.tsx). The in-page script uses ./inpage.ts, which
 * carries only the in-page parts of these dictionaries.
 */
import core from './messages/core';
import recorder from './messages/recorder';
import player from './messages/player';
import questions from './messages/questions';
import bundle from './messages/bundle';
import { inPageDictionaries, inPageParts } from './inpage';
import { translatorFor, type Params, type UiLocale } from './format';

export { format, formatDate, resolveLocale, browserLanguage, LOCALES, type UiLocale, type Params } from './format';

/**
 * Every message part; the i18n test checks that both languages have the same keys in each and that no key
 * is defined by two parts.
 */
export const messageParts = {
  core,
  'core.inpage': inPageParts.core,
  recorder,
  'recorder.inpage': inPageParts.recorder,
  player,
  'player.inpage': inPageParts.player,
  questions,
  'questions.inpage': inPageParts.questions,
  bundle,
} as const;

const en = {
  ...inPageDictionaries.en,
  ...core.en,
  ...recorder.en,
  ...player.en,
  ...questions.en,
  ...bundle.en,
};
export type MessageKey = keyof typeof en;
const de: Record<MessageKey, string> = {
  ...inPageDictionaries.de,
  ...core.de,
  ...recorder.de,
  ...player.de,
  ...questions.de,
  ...bundle.de,
};

export const dictionaries: Record<UiLocale, Record<MessageKey, string>> = { en, de };

export type Translate = (key: MessageKey, params?: Params) => string;

export function createTranslator(locale: UiLocale): Translate {
  return translatorFor(dictionaries, locale);
}
