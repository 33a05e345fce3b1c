import { useT } from '../i18n';
import { DataLocationNote, SettingsForm } from '../settings/SettingsForm';
import { TandemSettings } from '../questions/TandemSettings';
import { BackupRestore } from '../bundle/BackupRestore';

export function SettingsSection() {
  const t = useT();
  return (
    <section aria-labelledby="sp-settings-title">
      <div className="sp-section__head">
        <h1 id="sp-settings-title">{t('settings.title')}</h1>
      </div>
      <div className="lotse-card">
        <SettingsForm />
      </div>
      <TandemSettings />
      <BackupRestore />
      <DataLocationNote />
    </section>
  );
}
