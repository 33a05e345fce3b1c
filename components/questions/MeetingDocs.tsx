/**
 * Agenda and minutes as documents: shown in the side panel and on the print page (prints well to PDF).
 * Titles come live from questions and goals; the stored title is the fallback.
 */
import type { ReactNode } from 'react';
import type { Translate } from '~/lib/i18n';
import { buildMinutes, itemTitle } from '~/lib/questions/minutes';
import type { AgendaItem, Meeting } from '~/lib/schema';
import { useI18n } from '../i18n';
import type { MeetingData } from './meetingData';
import { Glyph, LiveCheckbox, meetingDay, meetingTime, roleLabel } from './shared';

export function kindLabel(t: Translate, item: AgendaItem, meeting: Pick<Meeting, 'goalId'>): string {
  switch (item.kind) {
    case 'question':
      return t('meetings.kind.question');
    case 'step-health':
      return t('meetings.kind.step');
    case 'goal':
      return item.refId !== undefined && item.refId === meeting.goalId
        ? t('meetings.kind.topic')
        : t('meetings.kind.goalDue');
    case 'custom':
      return t('meetings.kind.custom');
  }
}

/** Short facts under an item: goal of a question, what went wrong with a step, "from last time". */
export function itemFacts(t: Translate, item: AgendaItem, data: MeetingData): string[] {
  const facts: string[] = [];
  if (item.kind === 'question' && item.refId) {
    const q = data.questions.get(item.refId);
    const goal = q?.goalId ? data.goals.get(q.goalId) : undefined;
    if (goal) facts.push(t('meetings.fact.goal', { title: goal.title }));
    if (q?.status === 'resolved') facts.push(t('questions.status.resolved'));
  }
  if (item.kind === 'step-health' && item.refId) {
    const r = data.stepHealth.get(item.refId);
    if (r && (r.outcome === 'not-found' || r.outcome === 'skipped' || r.outcome === 'ambiguous'))
      facts.push(t(`meetings.outcome.${r.outcome}`));
  }
  if (item.refId && data.carriedRefs.has(item.refId)) facts.push(t('meetings.fact.carried'));
  return facts;
}

export function MeetingFacts({ data }: { data: MeetingData }) {
  const { t, locale } = useI18n();
  const { meeting, tandem } = data;
  const topicGoal = meeting.goalId ? data.goals.get(meeting.goalId) : undefined;
  const topic = meeting.topic || topicGoal?.title;
  return (
    <dl className="q-facts">
      <dt>{t('meetings.when')}</dt>
      <dd>
        {t('meetings.whenValue', {
          day: meetingDay(meeting.scheduledAt, locale),
          time: meetingTime(meeting.scheduledAt, locale),
          n: meeting.durationMinutes,
        })}
      </dd>
      {tandem ? (
        <>
          <dt>{t('meetings.who')}</dt>
          <dd>
            {roleLabel(t, 'mentor', tandem)} · {roleLabel(t, 'mentee', tandem)}
          </dd>
        </>
      ) : null}
      {topic ? (
        <>
          <dt>{t('meetings.topic')}</dt>
          <dd>{topic}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="q-doc__section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function AgendaDoc({ data, withNoteLines = false }: { data: MeetingData; withNoteLines?: boolean }) {
  const { t } = useI18n();
  const { meeting } = data;
  return (
    <div className="q-doc">
      <MeetingFacts data={data} />
      <Section title={t('meetings.agenda')}>
        {meeting.agenda.length === 0 ? (
          <p className="muted">{t('meetings.agenda.empty')}</p>
        ) : (
          <ol className="q-doc__items">
            {meeting.agenda.map((item) => {
              const facts = itemFacts(t, item, data);
              return (
                <li key={item.id}>
                  <span className="q-doc__kind">{kindLabel(t, item, meeting)}</span>
                  <span className="q-doc__title">{itemTitle(item, data.questions, data.goals)}</span>
                  {facts.length ? <span className="q-doc__facts">{facts.join(' · ')}</span> : null}
                  {withNoteLines ? <span className="q-doc__lines" aria-hidden="true" /> : null}
                </li>
              );
            })}
          </ol>
        )}
      </Section>
      {data.openActions.length > 0 ? (
        <Section title={t('meetings.openActions')}>
          <ul className="q-doc__actions">
            {data.openActions.map(({ item }) => (
              <li key={item.id}>
                <span className="q-doc__owner">{roleLabel(t, item.owner, data.tandem)}:</span> {item.text}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

/** `onActionDone`: in the side panel, agreements can be ticked off right in the minutes. */
export function MinutesDoc({
  data,
  onActionDone,
}: {
  data: MeetingData;
  onActionDone?: (id: string, done: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const { meeting } = data;
  const minutes = buildMinutes(meeting, data.questions, data.goals);
  const actions = [...minutes.actions.mentor, ...minutes.actions.mentee];
  return (
    <div className="q-doc">
      <MeetingFacts data={data} />
      <Section title={t('meetings.minutes.discussed')}>
        {minutes.discussed.length === 0 ? (
          <p className="muted">{t('meetings.minutes.nothing')}</p>
        ) : (
          <ol className="q-doc__items">
            {minutes.discussed.map((e) => (
              <li key={e.id}>
                <span className="q-doc__title">{e.title}</span>
                {e.goalTitle ? (
                  <span className="q-doc__facts">{t('meetings.fact.goal', { title: e.goalTitle })}</span>
                ) : null}
                {e.notes ? <p className="q-doc__notes">{e.notes}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={t('meetings.minutes.agreed')}>
        {actions.length === 0 ? (
          <p className="muted">{t('meetings.minutes.noActions')}</p>
        ) : (
          <ul className="q-doc__actions">
            {actions.map((a) =>
              onActionDone ? (
                <li key={a.id}>
                  <label className="lotse-check">
                    <LiveCheckbox checked={a.done} onCheckedChange={(done) => onActionDone(a.id, done)} />
                    <span>
                      <span className="q-doc__owner">{roleLabel(t, a.owner, data.tandem)}:</span> {a.text}
                    </span>
                  </label>
                </li>
              ) : (
                <li key={a.id}>
                  <Glyph name={a.done ? 'checked' : 'box'} size={16} />{' '}
                  <span className="q-doc__owner">{roleLabel(t, a.owner, data.tandem)}:</span> {a.text}
                  {a.done ? <span className="visually-hidden"> ({t('meetings.action.done')})</span> : null}
                </li>
              ),
            )}
          </ul>
        )}
      </Section>
      {minutes.notDiscussed.length > 0 ? (
        <Section
          title={
            meeting.status === 'cancelled'
              ? t('meetings.minutes.cancelled')
              : data.following
                ? t('meetings.minutes.carried', { date: meetingDay(data.following.scheduledAt, locale) })
                : t('meetings.minutes.notDiscussed')
          }
        >
          <ul className="q-doc__plain">
            {minutes.notDiscussed.map((e) => (
              <li key={e.id}>{e.title}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {minutes.notes ? (
        <Section title={t('meetings.notes')}>
          <p className="q-doc__notes">{minutes.notes}</p>
        </Section>
      ) : null}
    </div>
  );
}
