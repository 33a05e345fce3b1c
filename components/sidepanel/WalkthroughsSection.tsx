import { useT } from '../i18n';
import { EmptyState } from '../ui';

/**
 * Walkthroughs: the library (player), the record button and editor (recorder), import/export (bundle).
 * Owned by the player feature; the others plug in their components.
 */
export function WalkthroughsSection() {
  const t = useT();
  return (
    <section aria-labelledby="sp-walkthroughs-title">
      <div className="sp-section__head">
        <h1 id="sp-walkthroughs-title">{t('walkthroughs.title')}</h1>
      </div>
      <EmptyState icon="🧭" title={t('walkthroughs.empty.title')} text={t('walkthroughs.empty.text')} />
    </section>
  );
}
