import { useState } from 'react';
import { Icon } from '../icons';
import { useI18n } from '../i18n';
import { FirstRun } from '../questions/FirstRun';
import { LotseMark } from '../ui';
import { WalkthroughsSection } from './WalkthroughsSection';
import { QuestionsSection } from './QuestionsSection';
import { MeetingsSection } from './MeetingsSection';
import { SettingsSection } from './SettingsSection';
import './sidepanel.css';

export type SectionId = 'walkthroughs' | 'questions' | 'meetings' | 'settings';
const SECTIONS: readonly SectionId[] = ['walkthroughs', 'questions', 'meetings', 'settings'];


function initialSection(): SectionId {
  const s = new URLSearchParams(location.search).get('section');
  return (SECTIONS as readonly string[]).includes(s ?? '') ? (s as SectionId) : 'walkthroughs';
}

/** The side panel: four sections, switched by a row of large labelled buttons. */
export function SidePanelApp() {
  const { t, settings } = useI18n();
  const [section, setSection] = useState<SectionId>(initialSection);
  const [skipped, setSkipped] = useState(false);
  if (!settings.onboarded && !skipped) {
    return (
      <div className="sp">
        <header className="sp__header">
          <LotseMark />
          <span className="sp__brand">{t('app.name')}</span>
        </header>
        <main className="sp__main" id="lotse-main">
          <FirstRun onDone={() => setSkipped(true)} />
        </main>
      </div>
    );
  }
  return (
    <div className="sp">
      <header className="sp__header">
        <LotseMark />
        <span className="sp__brand">{t('app.name')}</span>
      </header>
      <nav className="sp__nav" aria-label={t('nav.main')}>
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            className="sp__navitem"
            aria-current={section === id ? 'page' : undefined}
            onClick={() => setSection(id)}
          >
            <Icon name={id} />
            <span>{t(`nav.${id}`)}</span>
          </button>
        ))}
      </nav>
      <main className="sp__main" id="lotse-main">
        {section === 'walkthroughs' ? <WalkthroughsSection /> : null}
        {section === 'questions' ? <QuestionsSection /> : null}
        {section === 'meetings' ? <MeetingsSection /> : null}
        {section === 'settings' ? <SettingsSection /> : null}
      </main>
    </div>
  );
}
