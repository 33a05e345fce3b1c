import { useEffect, useReducer, useState, type ComponentType } from 'react';
import { Icon } from '../icons';
import { useI18n } from '../i18n';
import { FirstRun } from '../questions/FirstRun';
import { LotseMark } from '../ui';
import './sidepanel.css';

export type SectionId = 'walkthroughs' | 'questions' | 'meetings' | 'settings';
const SECTIONS: readonly SectionId[] = ['walkthroughs', 'questions', 'meetings', 'settings'];

/*
 * Each section is its own chunk: opening the panel parses only the shell and the section shown, not the
 * library, editor, bundle code and meetings of the other three. No React.lazy/Suspense on purpose: React
 * holds back revealing suspended content for up to 300 ms, longer than the chunk takes to load.
 */
const loaders: Record<SectionId, () => Promise<ComponentType>> = {
  walkthroughs: () => import('./WalkthroughsSection').then((m) => m.WalkthroughsSection),
  questions: () => import('./QuestionsSection').then((m) => m.QuestionsSection),
  meetings: () => import('./MeetingsSection').then((m) => m.MeetingsSection),
  settings: () => import('./SettingsSection').then((m) => m.SettingsSection),
};
const loaded = new Map<SectionId, ComponentType>();
const pending = new Map<SectionId, Promise<ComponentType>>();
function load(id: SectionId): Promise<ComponentType> {
  let p = pending.get(id);
  if (!p) {
    p = loaders[id]().then((c) => {
      loaded.set(id, c);
      return c;
    });
    pending.set(id, p);
  }
  return p;
}

function initialSection(): SectionId {
  const s = new URLSearchParams(location.search).get('section');
  return (SECTIONS as readonly string[]).includes(s ?? '') ? (s as SectionId) : 'walkthroughs';
}

/** Start fetching the section the panel opens on while React and the settings start up. */
export function preloadInitialSection(): void {
  void load(initialSection());
}

/** The side panel: four sections, switched by a row of large labelled buttons. */
export function SidePanelApp() {
  const { t, settings } = useI18n();
  const [section, setSection] = useState<SectionId>(initialSection);
  const [skipped, setSkipped] = useState(false);
  const [, sectionLoaded] = useReducer((n: number) => n + 1, 0);
  const Current = loaded.get(section);
  useEffect(() => {
    if (!Current) void load(section).then(sectionLoaded);
  }, [section, Current]);
  // the current section stays on screen until the next one's code is there (at once when hovered before)
  const open = (id: SectionId) => void load(id).then(() => setSection(id));

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
  // until the first section's code is there (a few ms): nothing, so the panel appears whole as before
  if (!Current) return null;
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
            onPointerEnter={() => void load(id)}
            onFocus={() => void load(id)}
            onClick={() => open(id)}
          >
            <Icon name={id} />
            <span>{t(`nav.${id}`)}</span>
          </button>
        ))}
      </nav>
      <main className="sp__main" id="lotse-main">
        <Current />
      </main>
    </div>
  );
}
