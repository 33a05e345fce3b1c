import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { updateSettings } from '~/lib/db/settings';
import { browserLanguage, resolveLocale } from '~/lib/i18n';

/**
 * A yes/no setting that shows the click at once: the box must not wait for the database write and the
 * settings' round trip (a box that does not tick when clicked feels broken).
 */
function useToggle(stored: boolean, save: (v: boolean) => Promise<unknown>): [boolean, (v: boolean) => void] {
  const [pending, setPending] = useState<boolean | undefined>(undefined);
  // the stored value caught up: show it again (also when another page changed it)
  useEffect(() => setPending(undefined), [stored]);
  return [
    pending ?? stored,
    (v) => {
      setPending(v);
      save(v).catch(() => setPending(undefined));
    },
  ];
}

/** Language, text size and display options; used by the options page and the side panel. */
export function SettingsForm() {
  const { t, settings } = useI18n();
  const [largeText, setLargeText] = useToggle(settings.largeText, (v) => updateSettings({ largeText: v }));
  const [dimPage, setDimPage] = useToggle(settings.dimPage, (v) => updateSettings({ dimPage: v }));
  const langId = useId();
  const browserLocale = resolveLocale('auto', browserLanguage());
  return (
    <form className="lotse-settings" onSubmit={(e) => e.preventDefault()} aria-label={t('settings.title')}>
      <div className="lotse-field">
        <label htmlFor={langId}>{t('settings.language')}</label>
        <select
          id={langId}
          value={settings.locale}
          onChange={(e) => void updateSettings({ locale: e.target.value as 'auto' | 'de' | 'en' })}
        >
          <option value="auto">
            {t('settings.language.auto', { language: t(`settings.language.${browserLocale}`) })}
          </option>
          <option value="de">{t('settings.language.de')}</option>
          <option value="en">{t('settings.language.en')}</option>
        </select>
        <span className="hint">{t('settings.language.hint')}</span>
      </div>
      <label className="lotse-check">
        <input
          type="checkbox"
          checked={largeText}
          onChange={(e) => setLargeText(e.target.checked)}
        />
        <span>
          {t('settings.largeText')}
          <br />
          <span className="muted">{t('settings.largeText.hint')}</span>
        </span>
      </label>
      <label className="lotse-check">
        <input
          type="checkbox"
          checked={dimPage}
          onChange={(e) => setDimPage(e.target.checked)}
        />
        <span>{t('settings.dimPage')}</span>
      </label>
    </form>
  );
}

export function DataLocationNote() {
  const { t } = useI18n();
  return (
    <section className="lotse-card" aria-labelledby="lotse-data-location">
      <h2 id="lotse-data-location">{t('settings.dataLocation')}</h2>
      <p>{t('settings.dataLocation.text')}</p>
    </section>
  );
}
