/**
 * One meeting. Planned: prepare the agenda (reorder by dragging or with the arrow buttons, add, remove),
 * set topic and date; during the meeting mark items discussed with notes and add action items; finish →
 * minutes. Held: the minutes. Cancelled: what was planned.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { moveItem, reorder } from '~/lib/questions/agenda';
import { itemTitle } from '~/lib/questions/minutes';
import {
  addActionItem,
  addCustomItem,
  deleteMeeting,
  finishMeeting,
  removeActionItem,
  removeAgendaItem,
  setAgenda,
  updateActionItem,
  updateAgendaItem,
  updateMeeting,
} from '~/lib/questions/repo';
import { toLocalDate, toLocalTime } from '~/lib/questions/rhythm';
import type { ActionItem, AgendaItem, Role } from '~/lib/schema';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { AgendaDoc, MinutesDoc, itemFacts, kindLabel } from './MeetingDocs';
import { useMeetingData, type MeetingData } from './meetingData';
import {
  Confirm,
  ErrorText,
  Glyph,
  LiveCheckbox,
  meetingDay,
  meetingTime,
  openPrintView,
  roleLabel,
  useAction,
  useFocusOnShow,
  useGoals,
} from './shared';

export function MeetingView({
  id,
  onBack,
  startRunning = false,
}: {
  id: string;
  onBack: () => void;
  startRunning?: boolean;
}) {
  const { t, locale } = useI18n();
  const data = useMeetingData(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnShow(headingRef, id);

  if (data === undefined) return <p>{t('common.loading')}</p>;
  if (data === null) {
    return (
      <div>
        <Notice>{t('error.not-found')}</Notice>
        <Button onClick={onBack}>{t('meetings.back')}</Button>
      </div>
    );
  }
  const { meeting } = data;
  const title =
    meeting.status === 'held'
      ? t('meetings.minutes.title', { date: meetingDay(meeting.scheduledAt, locale) })
      : meeting.status === 'cancelled'
        ? t('meetings.cancelled.title', { date: meetingDay(meeting.scheduledAt, locale) })
        : t('meetings.meetingOf', { date: meetingDay(meeting.scheduledAt, locale) });
  return (
    <article className="q-meeting" aria-labelledby="q-meeting-title">
      <button type="button" className="q-back" onClick={onBack}>
        ‹ {t('meetings.back')}
      </button>
      <h2 id="q-meeting-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {meeting.status === 'planned' ? (
        <PlannedMeeting data={data} onBack={onBack} startRunning={startRunning} />
      ) : (
        <ClosedMeeting data={data} />
      )}
      <p className="q-confidential muted">{t('meetings.confidential')}</p>
    </article>
  );
}

function ClosedMeeting({ data }: { data: MeetingData }) {
  const { t } = useI18n();
  const { meeting } = data;
  const [run, error] = useAction();
  return (
    <div>
      {meeting.status === 'held' ? (
        <MinutesDoc
          data={data}
          onActionDone={(id, done) => void run(() => updateActionItem(meeting.id, id, { done }))}
        />
      ) : (
        <>
          <Notice>{t('meetings.cancelled.text')}</Notice>
          <AgendaDoc data={data} />
        </>
      )}
      <ErrorText error={error} />
      <div className="q-row">
        <Button
          variant="primary"
          onClick={() => openPrintView(meeting.id, meeting.status === 'held' ? 'minutes' : 'agenda')}
        >
          {meeting.status === 'held' ? t('meetings.printMinutes') : t('meetings.printAgenda')}
        </Button>
      </div>
    </div>
  );
}

function PlannedMeeting({
  data,
  onBack,
  startRunning,
}: {
  data: MeetingData;
  onBack: () => void;
  startRunning: boolean;
}) {
  const { t } = useI18n();
  const { meeting } = data;
  const [running, setRunning] = useState(
    startRunning ||
      meeting.agenda.some((i) => i.discussed || i.notes) ||
      meeting.actionItems.length > 0 ||
      meeting.notes !== '',
  );
  const [confirm, setConfirm] = useState<'finish' | 'cancel' | 'delete'>();
  const [run, error] = useAction();
  const notDiscussed = meeting.agenda.filter((i) => !i.discussed).length;

  return (
    <div>
      <MeetingHeader data={data} />
      <div className="q-row q-meeting__mode">
        {running ? (
          <p className="q-running" role="status">
            <span className="q-running__dot" aria-hidden="true" /> {t('meetings.running')}
          </p>
        ) : (
          <Button variant="primary" onClick={() => setRunning(true)}>
            {t('meetings.start')}
          </Button>
        )}
        <Button onClick={() => openPrintView(meeting.id, 'agenda')}>{t('meetings.printAgenda')}</Button>
      </div>

      <AgendaEditor data={data} running={running} />

      {data.openActions.length > 0 ? <OpenActions data={data} /> : null}

      {running ? (
        <>
          <ActionItems data={data} />
          <section className="lotse-card">
            <h3>
              <label htmlFor="q-meeting-notes">{t('meetings.notes')}</label>
            </h3>
            <AutoSaveText
              id="q-meeting-notes"
              value={meeting.notes}
              rows={4}
              maxLength={20000}
              placeholder={t('meetings.notes.placeholder')}
              onSave={(notes) => run(() => updateMeeting(meeting.id, { notes }))}
            />
          </section>
        </>
      ) : null}

      <ErrorText error={error} />
      <div className="q-row q-meeting__end">
        {running ? (
          <Button variant="primary" onClick={() => setConfirm('finish')}>
            {t('meetings.finish')}
          </Button>
        ) : null}
        <Button onClick={() => setConfirm('cancel')}>{t('meetings.callOff')}</Button>
        {!running && meeting.agenda.every((i) => i.kind !== 'custom') ? (
          <Button variant="ghost" onClick={() => setConfirm('delete')}>
            {t('meetings.delete')}
          </Button>
        ) : null}
      </div>
      {confirm === 'finish' ? (
        <Confirm
          text={
            notDiscussed > 0
              ? data.following
                ? t('meetings.finish.confirmCarry', { n: notDiscussed })
                : t('meetings.finish.confirmOpen', { n: notDiscussed })
              : t('meetings.finish.confirm')
          }
          yes={t('meetings.finish.yes')}
          onNo={() => setConfirm(undefined)}
          onYes={() => void run(() => finishMeeting(meeting.id, 'held')).then(() => setConfirm(undefined))}
        />
      ) : null}
      {confirm === 'cancel' ? (
        <Confirm
          text={t('meetings.callOff.confirm')}
          yes={t('meetings.callOff.yes')}
          onNo={() => setConfirm(undefined)}
          onYes={() => void run(() => finishMeeting(meeting.id, 'cancelled')).then(() => setConfirm(undefined))}
        />
      ) : null}
      {confirm === 'delete' ? (
        <Confirm
          text={t('meetings.delete.confirm')}
          yes={t('meetings.delete')}
          onNo={() => setConfirm(undefined)}
          onYes={() => void run(() => deleteMeeting(meeting.id)).then(onBack)}
        />
      ) : null}
    </div>
  );
}

/** Date, duration, topic and topic goal of a planned meeting. */
function MeetingHeader({ data }: { data: MeetingData }) {
  const { t, locale } = useI18n();
  const { meeting } = data;
  const goals = useGoals();
  const [editDate, setEditDate] = useState(false);
  const d = new Date(meeting.scheduledAt);
  const [when, setWhen] = useState(`${toLocalDate(d)}T${toLocalTime(d)}`);
  const [duration, setDuration] = useState(meeting.durationMinutes);
  const [run, error] = useAction();
  const ids = { topic: useId(), goal: useId(), when: useId(), duration: useId() };

  return (
    <div className="lotse-card q-meeting__head">
      {editDate ? (
        <form
          className="q-grid2"
          onSubmit={(e) => {
            e.preventDefault();
            const at = new Date(when);
            if (Number.isNaN(at.getTime())) return;
            void run(() =>
              updateMeeting(meeting.id, { scheduledAt: at.toISOString(), durationMinutes: duration }),
            ).then(() => setEditDate(false));
          }}
        >
          <div className="lotse-field">
            <label htmlFor={ids.when}>{t('meetings.field.when')}</label>
            <input
              id={ids.when}
              type="datetime-local"
              value={when}
              required
              onChange={(e) => setWhen(e.target.value)}
            />
          </div>
          <div className="lotse-field">
            <label htmlFor={ids.duration}>{t('tandem.duration')}</label>
            <select id={ids.duration} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              {[30, 45, 60, 90, 120].map((m) => (
                <option key={m} value={m}>
                  {t('tandem.duration.minutes', { n: m })}
                </option>
              ))}
            </select>
          </div>
          <div className="q-row">
            <Button type="submit" variant="primary">
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditDate(false)}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : (
        <p className="q-meeting__when">
          <span>
            {t('meetings.next.time', { time: meetingTime(meeting.scheduledAt, locale), n: meeting.durationMinutes })}
          </span>
          <button type="button" className="q-link" onClick={() => setEditDate(true)}>
            {t('meetings.changeDate')}
          </button>
        </p>
      )}
      <div>
        <div className="lotse-field">
          <label htmlFor={ids.topic}>{t('meetings.topic')}</label>
          <AutoSaveInput
            id={ids.topic}
            value={meeting.topic}
            maxLength={200}
            placeholder={t('meetings.topic.placeholder')}
            onSave={(topic) => run(() => updateMeeting(meeting.id, { topic }))}
          />
        </div>
        {goals && goals.length > 0 ? (
          <div className="lotse-field">
            <label htmlFor={ids.goal}>{t('meetings.topicGoal')}</label>
            <select
              id={ids.goal}
              value={meeting.goalId ?? ''}
              onChange={(e) => void run(() => updateMeeting(meeting.id, { goalId: e.target.value || undefined }))}
            >
              <option value="">{t('composer.goal.none')}</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <ErrorText error={error} />
    </div>
  );
}

function AgendaEditor({ data, running }: { data: MeetingData; running: boolean }) {
  const { t } = useI18n();
  const { meeting } = data;
  const [newItem, setNewItem] = useState('');
  const [run, error] = useAction();
  const addId = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: unknown) => {
    const item = meeting.agenda.find((i) => i.id === id);
    return item ? itemTitle(item, data.questions, data.goals) : '';
  };
  const pos = (id: unknown) => meeting.agenda.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('meetings.dnd.start', { title: titleOf(active.id), n: pos(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('meetings.dnd.over', { title: titleOf(active.id), n: pos(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('meetings.dnd.end', { title: titleOf(active.id), n: pos(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('meetings.dnd.cancel', { title: titleOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = meeting.agenda.findIndex((i) => i.id === active.id);
    const to = meeting.agenda.findIndex((i) => i.id === over.id);
    void run(() => setAgenda(meeting.id, reorder(meeting.agenda, from, to)));
  };

  return (
    <section className="q-agenda" aria-labelledby="q-agenda-title">
      <h3 id="q-agenda-title">{t('meetings.agenda')}</h3>
      {meeting.agenda.length === 0 ? <p className="muted">{t('meetings.agenda.empty')}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('meetings.dnd.instructions') } }}
      >
        <SortableContext items={meeting.agenda.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="q-agenda__list">
            {meeting.agenda.map((item, index) => (
              <AgendaRow key={item.id} item={item} index={index} data={data} running={running} onError={run} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <form
        className="q-agenda__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newItem.trim()) return;
          void run(() => addCustomItem(meeting.id, newItem)).then(() => setNewItem(''));
        }}
      >
        <label htmlFor={addId}>{t('meetings.addItem')}</label>
        <div className="q-row q-row--nowrap">
          <input
            id={addId}
            type="text"
            maxLength={500}
            value={newItem}
            placeholder={t('meetings.addItem.placeholder')}
            onChange={(e) => setNewItem(e.target.value)}
          />
          <Button type="submit" disabled={!newItem.trim()}>
            {t('meetings.addItem.button')}
          </Button>
        </div>
      </form>
      <ErrorText error={error} />
    </section>
  );
}

function AgendaRow({
  item,
  index,
  data,
  running,
  onError,
}: {
  item: AgendaItem;
  index: number;
  data: MeetingData;
  running: boolean;
  onError: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
}) {
  const { t } = useI18n();
  const { meeting } = data;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
  });
  const title = itemTitle(item, data.questions, data.goals);
  const facts = itemFacts(t, item, data);
  const notesId = useId();
  const count = meeting.agenda.length;
  return (
    <li
      ref={setNodeRef}
      className={`q-agenda__item q-agenda__item--${item.kind}${item.discussed ? ' q-agenda__item--done' : ''}${isDragging ? ' q-agenda__item--dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <div className="q-agenda__row">
        <button
          type="button"
          className="q-handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('meetings.item.drag', { title })}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M7 4h2v2H7zm4 0h2v2h-2zM7 9h2v2H7zm4 0h2v2h-2zm-4 5h2v2H7zm4 0h2v2h-2z" fill="currentColor" />
          </svg>
        </button>
        <span className="q-agenda__num" aria-hidden="true">
          {index + 1}.
        </span>
        <div className="q-agenda__body">
          <span className={`q-kind q-kind--${item.kind}`}>{kindLabel(t, item, meeting)}</span>
          <p className="q-agenda__title">{title}</p>
          {facts.length ? <p className="q-agenda__facts">{facts.join(' · ')}</p> : null}
        </div>
        <div className="q-agenda__tools">
          <button
            type="button"
            className="q-icon"
            disabled={index === 0}
            onClick={() => void onError(() => setAgenda(meeting.id, moveItem(meeting.agenda, item.id, -1)))}
            aria-label={t('meetings.item.up', { title })}
          >
            <Glyph name="up" />
          </button>
          <button
            type="button"
            className="q-icon"
            disabled={index === count - 1}
            onClick={() => void onError(() => setAgenda(meeting.id, moveItem(meeting.agenda, item.id, 1)))}
            aria-label={t('meetings.item.down', { title })}
          >
            <Glyph name="down" />
          </button>
          <button
            type="button"
            className="q-icon q-icon--remove"
            onClick={() => void onError(() => removeAgendaItem(meeting.id, item.id))}
            aria-label={t('meetings.item.remove', { title })}
          >
            <Glyph name="close" />
          </button>
        </div>
      </div>
      {running ? (
        <div className="q-agenda__run">
          <label className="lotse-check">
            <LiveCheckbox
              checked={item.discussed}
              onCheckedChange={(discussed) => void onError(() => updateAgendaItem(meeting.id, item.id, { discussed }))}
            />
            <span>{t('meetings.item.discussed')}</span>
          </label>
          <label htmlFor={notesId} className="visually-hidden">
            {t('meetings.item.notes', { title })}
          </label>
          <AutoSaveText
            id={notesId}
            value={item.notes}
            rows={2}
            maxLength={8000}
            placeholder={t('meetings.item.notes.placeholder')}
            onSave={(notes) => onError(() => updateAgendaItem(meeting.id, item.id, { notes }))}
          />
        </div>
      ) : null}
    </li>
  );
}

function OpenActions({ data }: { data: MeetingData }) {
  const { t, locale } = useI18n();
  const [run, error] = useAction();
  return (
    <section className="lotse-card q-openactions" aria-labelledby="q-openactions-title">
      <h3 id="q-openactions-title">{t('meetings.openActions')}</h3>
      <ul className="q-plainlist">
        {data.openActions.map(({ meeting, item }) => (
          <li key={item.id}>
            <label className="lotse-check">
              <LiveCheckbox
                checked={item.done}
                onCheckedChange={(done) => void run(() => updateActionItem(meeting.id, item.id, { done }))}
              />
              <span>
                <strong>{roleLabel(t, item.owner, data.tandem)}:</strong> {item.text}{' '}
                <span className="muted">({meetingDay(meeting.scheduledAt, locale)})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </section>
  );
}

function ActionItems({ data }: { data: MeetingData }) {
  const { t } = useI18n();
  const { meeting, tandem } = data;
  const [owner, setOwner] = useState<Role>(tandem?.role === 'mentee' ? 'mentor' : 'mentee');
  const [text, setText] = useState('');
  const [run, error] = useAction();
  const ids = { owner: useId(), text: useId() };
  const ownerOptions = (['mentor', 'mentee'] as const).map((r) => (
    <option key={r} value={r}>
      {roleLabel(t, r, tandem)}
    </option>
  ));
  return (
    <section className="lotse-card q-actions" aria-labelledby="q-actions-title">
      <h3 id="q-actions-title">{t('meetings.actions')}</h3>
      <p className="muted">{t('meetings.actions.hint')}</p>
      {meeting.actionItems.length > 0 ? (
        <ul className="q-plainlist">
          {meeting.actionItems.map((a) => (
            <ActionRow key={a.id} meetingId={meeting.id} item={a} tandem={tandem} onError={run} />
          ))}
        </ul>
      ) : null}
      <form
        className="q-actions__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          void run(() => addActionItem(meeting.id, { owner, text })).then((m) => m && setText(''));
        }}
      >
        <div className="lotse-field">
          <label htmlFor={ids.owner}>{t('meetings.action.owner')}</label>
          <select id={ids.owner} value={owner} onChange={(e) => setOwner(e.target.value as Role)}>
            {ownerOptions}
          </select>
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.text}>{t('meetings.action.text')}</label>
          <input
            id={ids.text}
            type="text"
            maxLength={1000}
            value={text}
            placeholder={t('meetings.action.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <Button type="submit" disabled={!text.trim()}>
          {t('meetings.action.add')}
        </Button>
      </form>
      <ErrorText error={error} />
    </section>
  );
}

function ActionRow({
  meetingId,
  item,
  tandem,
  onError,
}: {
  meetingId: string;
  item: ActionItem;
  tandem: MeetingData['tandem'];
  onError: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
}) {
  const { t } = useI18n();
  return (
    <li className="q-actionrow">
      <label className="lotse-check">
        <LiveCheckbox
          checked={item.done}
          onCheckedChange={(done) => void onError(() => updateActionItem(meetingId, item.id, { done }))}
        />
        <span>
          <strong>{roleLabel(t, item.owner, tandem)}:</strong> {item.text}
        </span>
      </label>
      <button
        type="button"
        className="q-icon q-icon--remove"
        onClick={() => void onError(() => removeActionItem(meetingId, item.id))}
        aria-label={t('meetings.action.remove', { text: item.text })}
      >
        <Glyph name="close" />
      </button>
    </li>
  );
}

/** A text field that saves shortly after typing stops and when it loses focus; outside changes flow in. */
function useAutoSave(value: string, onSave: (v: string) => Promise<unknown>) {
  const [local, setLocal] = useState(value);
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    // take over a change made elsewhere unless the user is typing something different
    if (value !== saved.current) {
      saved.current = value;
      setLocal(value);
    }
  }, [value]);
  const flush = (v: string) => {
    clearTimeout(timer.current);
    if (v === saved.current) return;
    saved.current = v;
    void onSave(v);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    value: local,
    onChange: (v: string) => {
      setLocal(v);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(v), 700);
    },
    onBlur: () => flush(local),
  };
}

function AutoSaveText({
  id,
  value,
  onSave,
  ...rest
}: {
  id: string;
  value: string;
  onSave: (v: string) => Promise<unknown>;
  rows: number;
  maxLength: number;
  placeholder?: string;
}) {
  const s = useAutoSave(value, onSave);
  return <textarea id={id} {...rest} value={s.value} onChange={(e) => s.onChange(e.target.value)} onBlur={s.onBlur} />;
}

function AutoSaveInput({
  id,
  value,
  onSave,
  ...rest
}: {
  id: string;
  value: string;
  onSave: (v: string) => Promise<unknown>;
  maxLength: number;
  placeholder?: string;
}) {
  const s = useAutoSave(value, onSave);
  return (
    <input
      id={id}
      type="text"
      {...rest}
      value={s.value}
      onChange={(e) => s.onChange(e.target.value)}
      onBlur={s.onBlur}
    />
  );
}
