/** One question: read its context (page, walkthrough step, selection, screenshot), edit it, delete it. */
import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Dexie from 'dexie';
import { getDb } from '~/lib/db';
import { formatDate } from '~/lib/i18n';
import { deleteQuestion, updateQuestion } from '~/lib/questions/repo';
import { displayUrl, isWebUrl } from '~/lib/questions/url';
import type { Question } from '~/lib/schema';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { Confirm, ErrorText, StatusBadge, meetingDay, useAction, useFocusOnShow, useGoals } from './shared';

/** Statuses the user sets by hand; 'agenda' is set by the agenda itself. */
const EDITABLE = ['open', 'discussed', 'resolved'] as const;

export function QuestionEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const question = useLiveQuery(async () => (await getDb().questions.get(id)) ?? null, [id]);
  const goals = useGoals();
  const [draft, setDraft] = useState<Pick<Question, 'text' | 'goalId' | 'status' | 'answer'>>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState(false);
  const [run, error] = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { title: useId(), text: useId(), goal: useId(), answer: useId(), status: useId() };

  useEffect(() => {
    if (question && !draft)
      setDraft({ text: question.text, goalId: question.goalId, status: question.status, answer: question.answer });
  }, [question, draft]);
  useFocusOnShow(headingRef, id);

  const context = useLiveQuery(async () => {
    if (!question) return undefined;
    const db = getDb();
    const { walkthroughId, stepId } = question.context;
    const walkthrough = walkthroughId ? await db.walkthroughs.get(walkthroughId) : undefined;
    let step: { n: number; title: string } | undefined;
    if (walkthrough && stepId) {
      const steps = await db.steps
        .where('[walkthroughId+order]')
        .between([walkthrough.id, Dexie.minKey], [walkthrough.id, Dexie.maxKey])
        .toArray();
      const i = steps.findIndex((s) => s.id === stepId);
      if (i >= 0) step = { n: i + 1, title: steps[i]!.title };
    }
    const meeting = question.meetingId ? await db.meetings.get(question.meetingId) : undefined;
    return { walkthrough, step, meeting };
  }, [question]);

  if (question === null) {
    return (
      <div className="q-view">
        <Notice>{t('error.not-found')}</Notice>
        <Button onClick={onClose}>{t('questions.backToList')}</Button>
      </div>
    );
  }
  if (!question || !draft) return <p>{t('common.loading')}</p>;

  const change = (patch: Partial<typeof draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const { url, pageTitle, selectedText } = question.context;
  return (
    <article className="q-editor" aria-labelledby={ids.title}>
      <button type="button" className="q-back" onClick={onClose}>
        ‹ {t('questions.backToList')}
      </button>
      <h2 id={ids.title} ref={headingRef} tabIndex={-1}>
        {t('questions.edit.title')}
      </h2>
      <p className="muted">
        {t('questions.noted', {
          date: formatDate(question.createdAt, locale, { dateStyle: 'long', timeStyle: 'short' }),
        })}{' '}
        <StatusBadge status={question.status} />
        {question.status === 'agenda' && context?.meeting ? (
          <> {t('questions.onAgendaOf', { date: meetingDay(context.meeting.scheduledAt, locale) })}</>
        ) : null}
      </p>

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await updateQuestion(id, { ...draft, goalId: draft.goalId || undefined });
            setSaved(true);
          });
        }}
      >
        <div className="lotse-field">
          <label htmlFor={ids.text}>{t('composer.text.label')}</label>
          <textarea
            id={ids.text}
            rows={4}
            maxLength={4000}
            value={draft.text}
            required
            onChange={(e) => change({ text: e.target.value })}
          />
        </div>
        <fieldset className="q-fieldset">
          <legend>{t('questions.status')}</legend>
          <div className="q-radios">
            {EDITABLE.map((s) => (
              <label key={s} className="lotse-check">
                <input
                  type="radio"
                  name={ids.status}
                  checked={draft.status === s || (s === 'open' && draft.status === 'agenda')}
                  onChange={() => change({ status: s === 'open' && question.status === 'agenda' ? 'agenda' : s })}
                />
                <span>{t(`questions.status.set.${s}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {goals && goals.length > 0 ? (
          <div className="lotse-field">
            <label htmlFor={ids.goal}>{t('composer.goal.label')}</label>
            <select
              id={ids.goal}
              value={draft.goalId ?? ''}
              onChange={(e) => change({ goalId: e.target.value || undefined })}
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
        <div className="lotse-field">
          <label htmlFor={ids.answer}>{t('questions.answer')}</label>
          <textarea
            id={ids.answer}
            rows={3}
            maxLength={8000}
            value={draft.answer}
            placeholder={t('questions.answer.placeholder')}
            onChange={(e) => change({ answer: e.target.value })}
          />
        </div>
        <ErrorText error={error} />
        {saved ? <Notice kind="success">{t('common.saved')}</Notice> : null}
        <div className="q-row">
          <Button type="submit" variant="primary" disabled={!draft.text.trim()}>
            {t('common.save')}
          </Button>
          <Button variant="danger" onClick={() => setConfirmDelete(true)}>
            {t('common.delete')}
          </Button>
        </div>
        {confirmDelete ? (
          <Confirm
            text={t('questions.delete.confirm')}
            yes={t('common.delete')}
            onNo={() => setConfirmDelete(false)}
            onYes={() =>
              void run(async () => {
                await deleteQuestion(id);
                onClose();
              })
            }
          />
        ) : null}
      </form>

      <section className="q-context" aria-label={t('composer.context.title')}>
        <h3>{t('composer.context.title')}</h3>
        {!url && !pageTitle && !context?.walkthrough && !selectedText && !question.screenshotId ? (
          <p className="muted">{t('questions.context.none')}</p>
        ) : null}
        <dl>
          {url || pageTitle ? (
            <>
              <dt>{t('composer.context.page')}</dt>
              <dd>
                {pageTitle ? <span className="q-context__title">{pageTitle}</span> : null}
                {url && isWebUrl(url) ? (
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {displayUrl(url)}
                  </a>
                ) : url ? (
                  <span>{url}</span>
                ) : null}
              </dd>
            </>
          ) : null}
          {context?.walkthrough ? (
            <>
              <dt>{t('composer.context.walkthrough')}</dt>
              <dd>
                {context.step
                  ? t('composer.context.step', {
                      walkthrough: context.walkthrough.title,
                      n: context.step.n,
                      step: context.step.title,
                    })
                  : context.walkthrough.title}
              </dd>
            </>
          ) : null}
          {selectedText ? (
            <>
              <dt>{t('composer.context.selection')}</dt>
              <dd>{t('composer.quote', { text: selectedText })}</dd>
            </>
          ) : null}
        </dl>
        {question.screenshotId ? <ScreenshotImage id={question.screenshotId} /> : null}
      </section>
    </article>
  );
}

export function ScreenshotImage({ id }: { id: string }) {
  const t = useI18n().t;
  const shot = useLiveQuery(() => getDb().screenshots.get(id), [id]);
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!shot) return;
    const u = URL.createObjectURL(shot.blob);
    setSrc(u);
    return () => URL.revokeObjectURL(u);
  }, [shot]);
  if (!shot || !src) return null;
  return (
    <figure className="q-shot">
      <img src={src} width={shot.width} height={shot.height} alt={t('questions.screenshot.alt')} />
    </figure>
  );
}
