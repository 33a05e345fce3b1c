/**
 * The questions list of the side panel: search, filter by status and goal, a virtualised list (thousands of
 * questions stay fast), a question's details to edit. New questions here or on the current page.
 */
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { browser } from 'wxt/browser';
import { getDb } from '~/lib/db';
import { LotseError, send } from '~/lib/messages';
import { listQuestions, matchesSearch, searchText, type QuestionFilter } from '~/lib/questions/query';
import { displayUrl, isWebUrl } from '~/lib/questions/url';
import { formatDate } from '~/lib/i18n';
import { QuestionStatus, type Goal, type Question } from '~/lib/schema';
import { useI18n } from '../i18n';
import { ensureSiteAccess } from '../permissions';
import { useTargetTabId } from '../useTargetTab';
import { Button, EmptyState } from '../ui';
import { NewQuestion } from './NewQuestion';
import { QuestionEditor } from './QuestionEditor';
import { ErrorText, Glyph, StatusBadge, statusLabel, useAction, useGoals } from './shared';

/** Set once, when the first list rows (or the empty state) are on screen: read by bench/sidepanel.bench.ts. */
export const FIRST_CONTENT_MARK = 'lotse:questions:first-content';
function markFirstContent() {
  if (performance.getEntriesByName(FIRST_CONTENT_MARK).length === 0) performance.mark(FIRST_CONTENT_MARK);
}

const ROWS_FIRST_PAINT = 40;

export function QuestionsView({
  goalFilter,
  onGoalFilter,
}: {
  goalFilter: string;
  onGoalFilter: (goal: string) => void;
}) {
  const { t } = useI18n();
  const goals = useGoals();
  const [status, setStatus] = useState<'' | Question['status']>('');
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const deferredSearch = useDeferredValue(search);
  const ids = { search: useId(), status: useId(), goal: useId(), count: useId() };

  const filter: QuestionFilter = useMemo(
    () => ({ ...(status ? { status } : {}), ...(goalFilter ? { goal: goalFilter } : {}) }),
    [status, goalFilter],
  );
  // A first small page paints at once; the full list (for search and scrolling) follows.
  const firstPage = useLiveQuery(() => listQuestions(filter, getDb(), ROWS_FIRST_PAINT), [filter]);
  // the full list waits for the first page, so the first rows do not queue behind 5,000 records
  const firstReady = firstPage !== undefined;
  const all = useLiveQuery(() => (firstReady ? listQuestions(filter) : undefined), [filter, firstReady]);
  const total = useLiveQuery(() => getDb().questions.count(), []);
  const counts = useLiveQuery(
    () => Promise.all(QuestionStatus.options.map((s) => getDb().questions.where('status').equals(s).count())),
    [],
  );

  const haystacks = useMemo(() => (all ? new Map(all.map((q) => [q.id, searchText(q)])) : undefined), [all]);
  const rows = useMemo(() => {
    const list = all ?? firstPage;
    if (!list) return undefined;
    if (!deferredSearch.trim() || !haystacks) return list;
    return list.filter((q) => matchesSearch(haystacks.get(q.id) ?? '', deferredSearch));
  }, [all, firstPage, deferredSearch, haystacks]);

  const goalsById = useMemo(() => new Map((goals ?? []).map((g) => [g.id, g])), [goals]);

  if (openId) {
    return <QuestionEditor id={openId} onClose={() => setOpenId(undefined)} />;
  }

  const filtering = status !== '' || goalFilter !== '' || search.trim() !== '';
  return (
    <div className="q-view">
      <div className="q-toolbar">
        <Button variant="primary" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          {t('questions.new')}
        </Button>
        <NoteOnPageButton />
      </div>
      {adding ? <NewQuestion goals={goals ?? []} onDone={() => setAdding(false)} /> : null}

      {total === 0 ? (
        <FirstContent>
          <EmptyState icon="questions" title={t('questions.empty.title')} text={t('questions.empty.text')} />
        </FirstContent>
      ) : (
        <>
          <div className="q-filters" role="search">
            <div className="lotse-field q-filters__search">
              <label htmlFor={ids.search}>{t('questions.search')}</label>
              <input
                id={ids.search}
                type="search"
                value={search}
                placeholder={t('questions.search.placeholder')}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <div className="q-grid2">
              <div className="lotse-field">
                <label htmlFor={ids.status}>{t('questions.filter.status')}</label>
                <select
                  id={ids.status}
                  value={status}
                  onChange={(e) => setStatus(e.target.value as '' | Question['status'])}
                >
                  <option value="">{t('questions.filter.allStatuses', { n: total ?? 0 })}</option>
                  {QuestionStatus.options.map((s, i) => (
                    <option key={s} value={s}>
                      {t('questions.filter.count', { label: statusLabel(t, s), n: counts?.[i] ?? 0 })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="lotse-field">
                <label htmlFor={ids.goal}>{t('questions.filter.goal')}</label>
                <select id={ids.goal} value={goalFilter} onChange={(e) => onGoalFilter(e.target.value)}>
                  <option value="">{t('questions.filter.allGoals')}</option>
                  <option value="none">{t('questions.filter.noGoal')}</option>
                  {(goals ?? []).map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.title}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>
          <div className="q-listhead">
            <p id={ids.count} className="q-count" aria-live="polite">
              {rows && all
                ? rows.length === 1
                  ? t('questions.count.one')
                  : t('questions.count', { n: rows.length })
                : t('common.loading')}
            </p>
            {filtering ? (
              <button
                type="button"
                className="q-link"
                onClick={() => {
                  setStatus('');
                  setSearch('');
                  onGoalFilter('');
                }}
              >
                {t('questions.filter.clear')}
              </button>
            ) : null}
          </div>
          {rows && rows.length === 0 ? (
            <FirstContent>
              <p className="q-nomatch">{t('questions.noMatch')}</p>
            </FirstContent>
          ) : rows ? (
            <QuestionRows rows={rows} goals={goalsById} onOpen={setOpenId} labelledBy={ids.count} />
          ) : null}
        </>
      )}
    </div>
  );
}

function FirstContent({ children }: { children: ReactNode }) {
  useEffect(markFirstContent, []);
  return <>{children}</>;
}

function QuestionRows({
  rows,
  goals,
  onOpen,
  labelledBy,
}: {
  rows: Question[];
  goals: Map<string, Goal>;
  onOpen: (id: string) => void;
  labelledBy: string;
}) {
  const { t, locale } = useI18n();
  const listRef = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    setMargin(listRef.current?.offsetTop ?? 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 104,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (i) => rows[i]!.id,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (items.length > 0) markFirstContent();
  }, [items.length]);

  return (
    <ul
      ref={listRef}
      className="q-list"
      aria-labelledby={labelledBy}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((v) => {
        const q = rows[v.index]!;
        const goal = q.goalId ? goals.get(q.goalId) : undefined;
        return (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className="q-list__item"
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)`,
            }}
            aria-setsize={rows.length}
            aria-posinset={v.index + 1}
          >
            <button type="button" className="q-row-btn" onClick={() => onOpen(q.id)}>
              <span className="q-row-btn__text">{q.text}</span>
              <span className="q-row-btn__meta">
                <StatusBadge status={q.status} />
                {goal ? <span className="q-chip">{goal.title}</span> : null}
                {q.context.url ? (
                  <span className="q-row-btn__page">{q.context.pageTitle || displayUrl(q.context.url)}</span>
                ) : null}
                {q.screenshotId ? (
                  <span className="q-row-btn__icon" title={t('questions.hasScreenshot')}>
                    <Glyph name="image" />
                    <span className="visually-hidden">{t('questions.hasScreenshot')}</span>
                  </span>
                ) : null}
                <span className="q-row-btn__date">{formatDate(q.createdAt, locale)}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Open the in-page composer on the tab the side panel works on. */
function NoteOnPageButton() {
  const { t } = useI18n();
  const tabId = useTargetTabId();
  const [url, setUrl] = useState<string>();
  const [run, error] = useAction();
  useEffect(() => {
    if (tabId === undefined) return;
    void browser.tabs.get(tabId).then(
      (tab) => setUrl(tab.url),
      () => setUrl(undefined),
    );
  }, [tabId]);
  return (
    <>
      <Button
        disabled={tabId === undefined}
        onClick={() =>
          void run(async () => {
            if (tabId === undefined) throw new LotseError('no-tab');
            // asks for this one site if needed; must happen in the click (a user gesture)
            if (url && !isWebUrl(url)) throw new LotseError('unsupported-page');
            if (url && !(await ensureSiteAccess(url))) throw new LotseError('no-permission');
            await send('questions.open', { tabId });
          })
        }
      >
        {t('questions.noteOnPage')}
      </Button>
      <ErrorText error={error} />
    </>
  );
}
