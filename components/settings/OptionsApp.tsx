import { useT } from '../i18n';
import { LotseMark } from '../ui';
import { DataLocationNote, SettingsForm } from './SettingsForm';
import './options.css';

export function OptionsApp() {
  const t = useT();
  return (
    <div className="options">
      <header className="options__header">
        <LotseMark size={36} />
        <div>
          <h1>
            {t('app.name')} – {t('settings.title')}
          </h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
      </header>
      <main>
        <div className="lotse-card">
          <SettingsForm />
        </div>
        <DataLocationNote />
      </main>
    </div>
  );
}
