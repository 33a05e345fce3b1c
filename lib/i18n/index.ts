/**
 * German and English for every visible string. Framework-free: content scripts, the background and
 * React pages all use `createTranslator`. React pages get it through components/i18n.tsx.
 */
import core from './messages/core';
import recorder from './messages/recorder';
import player from './messages/player';
import questions from './messages/questions';
import bundle from './messages/bundle';

export type UiLocale = 'de' | 'en';
export const LOCALES: readonly UiLocale[] = ['de', 'en'];

/** Every feature's message part; the i18n test checks that both languages have the same keys. */
export const messageParts = { core, recorder, player, questions, bundle } as const;

const en = {
  ...core.en,
  ...recorder.en,
  ...player.en,
  ...questions.en,
  ...bundle.en,
};
export type MessageKey = keyof typeof en;
const de: Record<MessageKey, string> = {
  ...core.de,
  ...recorder.de,
  ...player.de,
  ...questions.de,
  ...bundle.de,
};

export const dictionaries: Record<UiLocale, Record<MessageKey, string>> = { en, de };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator(locale: UiLocale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => format(dict[key] ?? dictionaries.en[key] ?? key, params);
}

/** The browser language decides unless the user chose one: German for any de-* tag, else English. */
export function resolveLocale(setting: 'auto' | UiLocale, browserLanguage: string | undefined): UiLocale {
  if (setting !== 'auto') return setting;
  return (browserLanguage ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function browserLanguage(): string | undefined {
  // The browser's UI language where the extension API is there, otherwise the page language.
  const ext = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
  try {
    const ui = ext?.i18n?.getUILanguage?.();
    if (ui) return ui;
  } catch {
    /* not in an extension context */
  }
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

/** Number/date formatting in the UI language. */
export function formatDate(iso: string, locale: UiLocale, opts?: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', opts ?? { dateStyle: 'medium' }).format(
    new Date(iso),
  );
}
