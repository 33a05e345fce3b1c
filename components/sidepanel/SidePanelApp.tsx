import { useState, type ReactNode } from 'react';
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

const ICONS: Record<SectionId, ReactNode> = {
  walkthroughs: (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M4 5h16v2H4zm0 6h10v2H4zm0 6h16v2H4z" fill="currentColor" />
    </svg>
  ),
  questions: (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 17h-2v-2h2zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3a2 2 0 1 0-3.4-1.4H8a4 4 0 1 1 7.1 2.3z"
        fill="currentColor"
      />
    </svg>
  ),
  meetings: (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d="M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2zm-2 8h14v10H5z" fill="currentColor" />
    </svg>
  ),
  settings: (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M19.4 13a7.5 7.5 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-1.7-1L15 3.5h-4l-.4 2.5a7 7 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.5 7.5 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7 7 0 0 0 1.7-1l2.4 1 2-3.4zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
        fill="currentColor"
      />
    </svg>
  ),
};

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
            {ICONS[id]}
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
