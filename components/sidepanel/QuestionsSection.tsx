import { Suspense, lazy, useId, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { QuestionsView } from '../questions/QuestionsView';

const GoalsView = lazy(() => import('../questions/GoalsView').then((m) => ({ default: m.GoalsView })));

type Tab = 'questions' | 'goals';
const TABS: readonly Tab[] = ['questions', 'goals'];

/** Questions and the goals they belong to, as two tabs. */
export function QuestionsSection() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('questions');
  const [goalFilter, setGoalFilter] = useState('');
  const base = useId();
  const tabId = (x: Tab) => `${base}-tab-${x}`;
  const panelId = `${base}-panel`;
  const onKey = (e: KeyboardEvent) => {
    // arrow keys move between tabs (WAI-ARIA tabs pattern)
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <section aria-labelledby="sp-questions-title">
      <div className="sp-section__head">
        <h1 id="sp-questions-title">{t('questions.title')}</h1>
      </div>
      <div className="q-tabs" role="tablist" aria-label={t('questions.title')} onKeyDown={onKey}>
        {TABS.map((x) => (
          <button
            key={x}
            id={tabId(x)}
            type="button"
            role="tab"
            className="q-tabs__tab"
            aria-selected={tab === x}
            aria-controls={panelId}
            tabIndex={tab === x ? 0 : -1}
            onClick={() => setTab(x)}
          >
            {t(x === 'questions' ? 'questions.tab.questions' : 'questions.tab.goals')}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(tab)}>
        {tab === 'questions' ? (
          <QuestionsView goalFilter={goalFilter} onGoalFilter={setGoalFilter} />
        ) : (
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <GoalsView
              onShowQuestions={(goalId) => {
                setGoalFilter(goalId);
                setTab('questions');
              }}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
