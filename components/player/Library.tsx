import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useI18n } from '../i18n';
import { Button, EmptyState, Notice } from '../ui';
import { ExportButton } from '../bundle/ShareButtons';
import { formatDate, type Translate, type UiLocale } from '~/lib/i18n';
import { summarize, type StartMode } from '~/lib/player/progress';
import { useLibrary, useStepCount, type LibraryItem } from './useLibrary';
import { useStartWalkthrough } from './start';
import './player.css';

/** Above this many walkthroughs the list is virtualised and a search field appears. */
const VIRTUAL_FROM = 40;
const SEARCH_FROM = 6;
const FIRST_CONTENT = 'lotse:walkthroughs:first-content';

const fold = (s: string) =>
  s
    .toLocaleLowerCase('de')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');

function matches(item: LibraryItem, q: string): boolean {
  if (!q) return true;
  const w = item.walkthrough;
  return fold([w.title, w.topic, w.description, item.goal?.title ?? ''].join(' ')).includes(q);
}

/**
 * The mentee's library: every walkthrough with its goal, steps, progress, when it was last practised
 * and whether it changed since; start, continue at step k or start over.
 */
export function Library({ tabId, onEdit }: { tabId: number | undefined; onEdit: (walkthroughId: string) => void }) {
  const { t, locale } = useI18n();
  const items = useLibrary();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const { start, stop, focus, busy, notice } = useStartWalkthrough(t, tabId);
  const searchId = useId();
  const q = fold(deferred.trim());
  const shown = useMemo(() => (items ?? []).filter((i) => matches(i, q)), [items, q]);
  const loaded = items !== undefined;
  useEffect(() => {
    // the benchmark's "first content" (player.libraryFirstContentMs)
    if (loaded && !performance.getEntriesByName(FIRST_CONTENT).length) performance.mark(FIRST_CONTENT);
  }, [loaded]);

  if (!items) return <p className="muted">{t('common.loading')}</p>;
  if (items.length === 0) {
    return <EmptyState icon="walkthroughs" title={t('walkthroughs.empty.title')} text={t('walkthroughs.empty.text')} />;
  }
  const onStart = (item: LibraryItem, mode: StartMode) => void start(item.walkthrough, mode);
  return (
    <div className="pl-library">
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {items.length >= SEARCH_FROM ? (
        <div className="pl-search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('player.library.search')}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('player.library.search')}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="pl-search__count muted" aria-live="polite">
            {shown.length === 1 ? t('player.library.count1') : t('player.library.count', { n: shown.length })}
          </span>
        </div>
      ) : null}
      {shown.length === 0 ? <p className="muted">{t('player.library.noMatch', { q: query.trim() })}</p> : null}
      {shown.length >= VIRTUAL_FROM ? (
        <VirtualList
          items={shown}
          render={(item) => (
            <Row
              item={item}
              t={t}
              locale={locale}
              busy={busy === item.walkthrough.id}
              onStart={onStart}
              onStop={stop}
              onFocus={focus}
              onEdit={onEdit}
            />
          )}
        />
      ) : (
        <ul className="pl-list" aria-label={t('player.library.list')}>
          {shown.map((item) => (
            <li key={item.walkthrough.id}>
              <Row
                item={item}
                t={t}
                locale={locale}
                busy={busy === item.walkthrough.id}
                onStart={onStart}
                onStop={stop}
                onFocus={focus}
                onEdit={onEdit}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VirtualList({ items, render }: { items: LibraryItem[]; render: (item: LibraryItem) => React.ReactNode }) {
  const { t } = useI18n();
  const v = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => 190,
    overscan: 6,
    getItemKey: (i) => items[i]!.walkthrough.id,
  });
  return (
    <ul
      className="pl-list pl-list--virtual"
      aria-label={t('player.library.list')}
      style={{ height: v.getTotalSize(), position: 'relative' }}
    >
      {v.getVirtualItems().map((row) => {
        const item = items[row.index]!;
        return (
          <li
            key={row.key}
            data-index={row.index}
            ref={v.measureElement}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${row.start - v.options.scrollMargin}px)`,
            }}
          >
            {render(item)}
          </li>
        );
      })}
    </ul>
  );
}

interface RowProps {
  item: LibraryItem;
  t: Translate;
  locale: UiLocale;
  busy: boolean;
  onStart: (item: LibraryItem, mode: StartMode) => void;
  onStop: (walkthroughId: string) => Promise<void>;
  onFocus: (walkthroughId: string) => Promise<void>;
  onEdit: (walkthroughId: string) => void;
}

const Row = memo(function Row({ item, t, locale, busy, onStart, onStop, onFocus, onEdit }: RowProps) {
  const { walkthrough: w, goal, session } = item;
  const counted = useStepCount(w.id);
  const stepCount = counted ?? 0;
  const summary = counted === undefined ? item.summary : summarize(w, item.progress, stepCount);
  const titleId = `pl-title-${w.id}`;
  const playable = stepCount > 0 && w.status !== 'recording';
  const facts = [
    goal ? t('player.library.goal', { goal: goal.title }) : w.topic || null,
    counted === undefined
      ? null
      : stepCount === 1
        ? t('player.library.steps1')
        : t('player.library.steps', { n: stepCount }),
    w.estimatedMinutes ? t('player.library.minutes', { n: w.estimatedMinutes }) : null,
  ].filter(Boolean);
  const inProgress = summary.status === 'in-progress';
  const pct =
    inProgress && stepCount > 0
      ? Math.round((summary.resumeIndex / stepCount) * 100)
      : summary.status === 'finished'
        ? 100
        : 0;
  return (
    <article className="pl-item lotse-card" aria-labelledby={titleId} data-walkthrough-id={w.id}>
      <div className="pl-item__head">
        <h2 id={titleId} className="pl-item__title">
          {w.title}
        </h2>
        <div className="pl-item__badges">
          {w.status === 'draft' ? <span className="pl-badge">{t('player.library.draft')}</span> : null}
          {w.status === 'recording' ? (
            <span className="pl-badge pl-badge--rec">{t('player.library.recording')}</span>
          ) : null}
          {summary.changed ? <span className="pl-badge pl-badge--changed">{t('player.library.changed')}</span> : null}
          {session ? <span className="pl-badge pl-badge--live">{t('player.library.playingNow')}</span> : null}
        </div>
      </div>
      <p className="pl-item__facts">{facts.join(' · ')}</p>
      {w.description ? <p className="pl-item__desc">{w.description}</p> : null}
      <div className="pl-item__progress">
        {summary.status === 'new' ? null : (
          <div
            className="pl-meter"
            role="progressbar"
            aria-label={t('player.library.progressLabel', { title: w.title })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span style={{ width: `${pct}%` }} data-done={summary.status === 'finished' ? '' : undefined} />
          </div>
        )}
        <p className="pl-item__status">
          {inProgress ? (
            <strong>{t('player.library.progress', { k: summary.resumeIndex + 1, n: stepCount })}</strong>
          ) : null}
          {summary.status === 'finished' ? (
            <strong className="pl-done">
              {summary.timesFinished > 1
                ? t('player.library.finishedTimes', { n: summary.timesFinished })
                : t('player.library.finished')}
            </strong>
          ) : null}
          {inProgress || summary.status === 'finished' ? ' · ' : null}
          <span className="muted">
            {summary.lastPlayedAt
              ? t('player.library.lastPlayed', { date: formatDate(summary.lastPlayedAt, locale) })
              : t('player.library.neverPlayed')}
          </span>
        </p>
      </div>
      {counted === 0 ? <p className="muted pl-item__hint">{t('player.library.noSteps')}</p> : null}
      <div className="pl-item__actions">
        {session ? (
          // open in a tab right now: go there rather than starting a second time
          <Button variant="primary" onClick={() => void onFocus(w.id)}>
            {t('player.library.showTab')}
          </Button>
        ) : inProgress ? (
          <>
            <Button variant="primary" disabled={!playable || busy} onClick={() => onStart(item, 'continue')}>
              {t('player.library.continue', { k: summary.resumeIndex + 1 })}
            </Button>
            <Button disabled={!playable || busy} onClick={() => onStart(item, 'restart')}>
              {t('player.library.restart')}
            </Button>
          </>
        ) : (
          <Button variant="primary" disabled={!playable || busy} onClick={() => onStart(item, 'start')}>
            {summary.status === 'finished' ? t('player.library.again') : t('player.library.start')}
          </Button>
        )}
        {session ? (
          <Button variant="ghost" onClick={() => void onStop(w.id)}>
            {t('player.popup.stop')}
          </Button>
        ) : null}
        <span className="pl-item__spacer" />
        <Button variant="ghost" onClick={() => onEdit(w.id)} aria-describedby={titleId}>
          {t('common.edit')}
        </Button>
        <ExportButton selection={{ walkthroughIds: [w.id] }} compact />
      </div>
    </article>
  );
});
