import { useT } from '../i18n';
import { EmptyState } from '../ui';

export function MeetingsSection() {
  const t = useT();
  return (
    <section aria-labelledby="sp-meetings-title">
      <div className="sp-section__head">
        <h1 id="sp-meetings-title">{t('meetings.title')}</h1>
      </div>
      <EmptyState icon="📅" title={t('meetings.empty.title')} text={t('meetings.empty.text')} />
    </section>
  );
}
