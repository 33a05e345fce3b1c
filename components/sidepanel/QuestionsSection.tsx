import { useT } from '../i18n';
import { EmptyState } from '../ui';

export function QuestionsSection() {
  const t = useT();
  return (
    <section aria-labelledby="sp-questions-title">
      <div className="sp-section__head">
        <h1 id="sp-questions-title">{t('questions.title')}</h1>
      </div>
      <EmptyState icon="?" title={t('questions.empty.title')} text={t('questions.empty.text')} />
    </section>
  );
}
