/**
 * Locale helpers without any dictionary, shared by the full translator (./index.ts) and the in-page one
 * (./inpage.ts), so that importing them never pulls every feature's strings into the content script.
 */
export type UiLocale = 'de' | 'en';
export const LOCALES: readonly UiLocale[] = ['de', 'en'];

export type Params = Record<string, string | number>;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A translator over one pair of dictionaries: the UI language, then English, then the key itself. */
export function translatorFor<K extends string>(
  dictionaries: Record<UiLocale, Record<K, string>>,
  locale: UiLocale,
): (key: K, params?: Params) => string {
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
