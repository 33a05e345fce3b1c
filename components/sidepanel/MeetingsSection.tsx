import { Suspense, lazy, useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '~/lib/db';
import { byDate, pickNextMeeting, unfinishedMeetings } from '~/lib/questions/meeting';
import { addMeeting, finishMeeting, openActionItems, refreshNextAgenda } from '~/lib/questions/repo';
import { toLocalDate } from '~/lib/questions/rhythm';
import type { Meeting } from '~/lib/schema';
import { useI18n } from '../i18n';
import { Button, EmptyState } from '../ui';
import { FirstRun } from '../questions/FirstRun';
import {
  ErrorText,
  downloadText,
  meetingDay,
  meetingTime,
  openPrintView,
  roleLabel,
  shortDay,
  useAction,
  useTandem,
} from '../questions/shared';

// loaded when a meeting is opened: the list shows first, drag and drop comes with the agenda
const MeetingView = lazy(() => import('../questions/MeetingView').then((m) => ({ default: m.MeetingView })));

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keep the next meeting's agenda up to date while the section is open: new questions, broken steps and
 * goals due are added as they appear (refreshing is idempotent and cheap).
 */
function useAgendaAutoBuild(): void {
  const signal = useLiveQuery(async () => {
    const db = getDb();
    const [open, health, goals, planned] = await Promise.all([
      db.questions.where('status').equals('open').count(),
      db.stepHealth.count(),
      db.goals.toArray(),
      db.meetings.where('status').equals('planned').toArray(),
    ]);
    const next = pickNextMeeting(planned, new Date());
    return [
      open,
      health,
      goals.map((g) => `${g.id}:${g.status}:${g.dueDate ?? ''}`).join(','),
      next?.id,
      next?.goalId,
      next?.scheduledAt,
    ].join('|');
  }, []);
  useEffect(() => {
    if (signal !== undefined) void refreshNextAgenda().catch((err: unknown) => console.warn('Lotse: agenda', err));
  }, [signal]);
}

export function MeetingsSection() {
  const { t, locale } = useI18n();
  const tandem = useTandem();
  const meetings = useLiveQuery(() => getDb().meetings.orderBy('scheduledAt').toArray(), []);
  const openActions = useLiveQuery(() => openActionItems(), []);
  const [open, setOpen] = useState<{ id: string; running?: boolean }>();
  const [setup, setSetup] = useState(false);
  const [showAllPlanned, setShowAllPlanned] = useState(false);
  const [run, error] = useAction();
  useAgendaAutoBuild();

  const head = (
    <div className="sp-section__head">
      <h1 id="sp-meetings-title">{t('meetings.title')}</h1>
    </div>
  );
  if (meetings === undefined || tandem === null) return <section aria-labelledby="sp-meetings-title">{head}</section>;

  if (open) {
    return (
      <section aria-labelledby="sp-meetings-title">
        {head}
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <MeetingView id={open.id} startRunning={open.running} onBack={() => setOpen(undefined)} />
        </Suspense>
      </section>
    );
  }

  if (meetings.length === 0) {
    return (
      <section aria-labelledby="sp-meetings-title">
        {head}
        {setup ? (
          <div className="lotse-card">
            <FirstRun onDone={() => setSetup(false)} />
          </div>
        ) : (
          <EmptyState
            icon="meetings"
            title={t('meetings.empty.title')}
            text={t('meetings.empty.text')}
            action={
              tandem ? (
                <AddMeeting defaultDuration={tandem.rhythm.durationMinutes} />
              ) : (
                <Button variant="primary" onClick={() => setSetup(true)}>
                  {t('tandem.setup')}
                </Button>
              )
            }
          />
        )}
      </section>
    );
  }

  const now = new Date();
  const next = pickNextMeeting(meetings, now);
  const unfinished = unfinishedMeetings(meetings, now);
  const planned = meetings.filter((m) => m.status === 'planned' && m !== next && !unfinished.includes(m));
  const past = meetings
    .filter((m) => m.status !== 'planned')
    .sort(byDate)
    .reverse();
  const plannedShown = showAllPlanned ? planned : planned.slice(0, 3);

  const downloadIcs = () =>
    void run(async () => {
      // the calendar library is only needed here
      const { meetingsToIcs } = await import('~/lib/questions/ics');
      const text = meetingsToIcs(
        meetings.filter((m) => m.status !== 'held'),
        {
          calName: t('meetings.ics.calName'),
          title: (m) => (m.topic ? t('meetings.ics.titleTopic', { topic: m.topic }) : t('meetings.ics.title')),
          description: () => t('meetings.ics.description'),
        },
      );
      downloadText(text, 'lotse-meetings.ics', 'text/calendar');
    });

  return (
    <section aria-labelledby="sp-meetings-title">
      {head}
      {unfinished.map((m) => (
        <div key={m.id} className="lotse-notice lotse-notice--warning q-unfinished" role="status">
          <p>{t('meetings.unfinished', { date: meetingDay(m.scheduledAt, locale) })}</p>
          <div className="q-row">
            <Button variant="primary" onClick={() => setOpen({ id: m.id, running: true })}>
              {t('meetings.unfinished.minutes')}
            </Button>
            <Button onClick={() => void run(() => finishMeeting(m.id, 'cancelled'))}>
              {t('meetings.unfinished.didNotHappen')}
            </Button>
          </div>
        </div>
      ))}

      {next ? (
        <NextMeetingCard meeting={next} onOpen={(running) => setOpen({ id: next.id, running })} />
      ) : (
        <p className="q-note">{t('meetings.noNext')}</p>
      )}

      {openActions && openActions.length > 0 ? (
        <section className="lotse-card" aria-labelledby="q-agreed-title">
          <h2 id="q-agreed-title">{t('meetings.openActions')}</h2>
          <ul className="q-plainlist">
            {openActions.map(({ item }) => (
              <li key={item.id}>
                <strong>{roleLabel(t, item.owner, tandem)}:</strong> {item.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {planned.length > 0 ? (
        <section className="q-mlist" aria-labelledby="q-planned-title">
          <h2 id="q-planned-title">{t('meetings.planned')}</h2>
          <ul>
            {plannedShown.map((m) => (
              <MeetingRow key={m.id} meeting={m} onOpen={() => setOpen({ id: m.id })} />
            ))}
          </ul>
          {planned.length > plannedShown.length || showAllPlanned ? (
            <button
              type="button"
              className="q-link"
              onClick={() => setShowAllPlanned((s) => !s)}
              aria-expanded={showAllPlanned}
            >
              {showAllPlanned ? t('meetings.planned.less') : t('meetings.planned.all', { n: planned.length })}
            </button>
          ) : null}
        </section>
      ) : null}

      {past.length > 0 ? (
        <section className="q-mlist" aria-labelledby="q-past-title">
          <h2 id="q-past-title">{t('meetings.past')}</h2>
          <ul>
            {past.map((m) => (
              <MeetingRow key={m.id} meeting={m} onOpen={() => setOpen({ id: m.id })} />
            ))}
          </ul>
        </section>
      ) : null}

      <section className="lotse-card q-meeting-tools" aria-labelledby="q-tools-title">
        <h2 id="q-tools-title">{t('meetings.tools')}</h2>
        <AddMeeting defaultDuration={tandem?.rhythm.durationMinutes ?? 60} />
        <div className="q-ics">
          <Button onClick={downloadIcs}>{t('meetings.ics.download')}</Button>
          <p className="hint muted">{t('meetings.ics.hint')}</p>
        </div>
        <ErrorText error={error} />
      </section>
    </section>
  );
}

function NextMeetingCard({ meeting, onOpen }: { meeting: Meeting; onOpen: (running: boolean) => void }) {
  const { t, locale } = useI18n();
  const days = Math.round(
    (new Date(toLocalDate(new Date(meeting.scheduledAt)) + 'T00:00').getTime() -
      new Date(toLocalDate(new Date()) + 'T00:00').getTime()) /
      DAY_MS,
  );
  const goalTitle = useLiveQuery(
    async () => (meeting.goalId ? (await getDb().goals.get(meeting.goalId))?.title : undefined),
    [meeting.goalId],
  );
  const questions = meeting.agenda.filter((i) => i.kind === 'question').length;
  return (
    <section className="lotse-card q-next" aria-labelledby="q-next-title">
      <p className="q-next__label">
        {days === 0
          ? t('meetings.next.today')
          : days === 1
            ? t('meetings.next.tomorrow')
            : t('meetings.next.inDays', { n: days })}
      </p>
      <h2 id="q-next-title" className="q-next__date">
        {meetingDay(meeting.scheduledAt, locale)}
      </h2>
      <p className="q-next__time">
        {t('meetings.next.time', { time: meetingTime(meeting.scheduledAt, locale), n: meeting.durationMinutes })}
      </p>
      {meeting.topic || goalTitle ? (
        <p className="q-next__topic">{t('meetings.next.topic', { topic: meeting.topic || goalTitle || '' })}</p>
      ) : null}
      <p className="muted">
        {meeting.agenda.length === 0
          ? t('meetings.agenda.empty')
          : t('meetings.next.agenda', { n: meeting.agenda.length, q: questions })}
      </p>
      <div className="q-row">
        <Button variant="primary" onClick={() => onOpen(false)}>
          {t('meetings.next.open')}
        </Button>
        {days === 0 ? <Button onClick={() => onOpen(true)}>{t('meetings.start')}</Button> : null}
        <Button onClick={() => openPrintView(meeting.id, 'agenda')}>{t('meetings.printAgenda')}</Button>
      </div>
    </section>
  );
}

function MeetingRow({ meeting, onOpen }: { meeting: Meeting; onOpen: () => void }) {
  const { t, locale } = useI18n();
  const state =
    meeting.status === 'held'
      ? t('meetings.state.held')
      : meeting.status === 'cancelled'
        ? t('meetings.state.cancelled')
        : t('meetings.state.planned');
  return (
    <li>
      <button type="button" className={`q-mrow q-mrow--${meeting.status}`} onClick={onOpen}>
        <span className="q-mrow__date">
          {shortDay(meeting.scheduledAt, locale)} · {meetingTime(meeting.scheduledAt, locale)}
        </span>
        <span className="q-mrow__topic">{meeting.topic}</span>
        <span className={`q-badge q-badge--m-${meeting.status}`}>{state}</span>
      </button>
    </li>
  );
}

function AddMeeting({ defaultDuration }: { defaultDuration: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState('');
  const [run, error] = useAction();
  const id = useId();
  if (!open) {
    return <Button onClick={() => setOpen(true)}>{t('meetings.add')}</Button>;
  }
  return (
    <form
      className="q-addmeeting"
      onSubmit={(e) => {
        e.preventDefault();
        const at = new Date(when);
        if (!when || Number.isNaN(at.getTime())) return;
        void run(() => addMeeting(at.toISOString(), defaultDuration)).then((m) => {
          if (m) {
            setOpen(false);
            setWhen('');
          }
        });
      }}
    >
      <div className="lotse-field">
        <label htmlFor={id}>{t('meetings.field.when')}</label>
        <input id={id} type="datetime-local" value={when} required onChange={(e) => setWhen(e.target.value)} />
      </div>
      <div className="q-row">
        <Button type="submit" variant="primary" disabled={!when}>
          {t('meetings.add.button')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
