import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browserLanguage, createTranslator, resolveLocale, type Translate, type UiLocale } from '~/lib/i18n';
import { getSettings } from '~/lib/db/settings';
import { DEFAULT_SETTINGS, type Settings } from '~/lib/schema';

interface I18nValue {
  locale: UiLocale;
  t: Translate;
  settings: Settings;
  /** false until the settings were read once (avoids a flash of the wrong language) */
  ready: boolean;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Follows the settings live: switching language in the options page re-renders every open page. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const loaded = useLiveQuery(() => getSettings(), []);
  const settings = loaded ?? DEFAULT_SETTINGS;
  const locale = resolveLocale(settings.locale, browserLanguage());
  const value = useMemo<I18nValue>(
    () => ({ locale, t: createTranslator(locale), settings, ready: loaded !== undefined }),
    [locale, settings, loaded],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.classList.toggle('lotse-large-text', settings.largeText);
    document.title = createTranslator(locale)('app.name');
  }, [locale, settings.largeText]);
  return <I18nContext.Provider value={value}>{value.ready ? children : null}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): Translate {
  return useI18n().t;
}
