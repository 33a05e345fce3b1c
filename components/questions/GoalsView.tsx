/**
 * The tandem's goals: topics with a description, status, due date and progress (finished walkthroughs linked
 * to the goal, discussed or resolved questions). Walkthroughs are linked here.
 */
import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '~/lib/db';
import { formatDate } from '~/lib/i18n';
import { goalProgress } from '~/lib/questions/progress';
import { addGoal, deleteGoal, linkWalkthrough, moveGoal, updateGoal, type GoalInput } from '~/lib/questions/repo';
import { GoalStatus, type Goal, type Progress, type Question, type Walkthrough } from '~/lib/schema';
import { useI18n } from '../i18n';
import { Button, EmptyState } from '../ui';
import { Confirm, ErrorText, Glyph, ProgressBar, useAction, useGoals } from './shared';

function GoalForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: Goal;
  onSave: (g: GoalInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [status, setStatus] = useState<Goal['status']>(initial?.status ?? 'open');
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? '');
  const [empty, setEmpty] = useState(false);
  const [run, error] = useAction();
  const ids = { title: useId(), desc: useId(), status: useId(), due: useId(), err: useId() };
  return (
    <form
      className="lotse-card q-goalform"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) {
          setEmpty(true);
          return;
        }
        void run(() => onSave({ title, description, status, ...(dueDate ? { dueDate } : {}) }));
      }}
    >
      <div className="lotse-field">
        <label htmlFor={ids.title}>{t('goals.field.title')}</label>
        <input
          id={ids.title}
          type="text"
          autoFocus
          maxLength={200}
          value={title}
          placeholder={t('goals.field.title.placeholder')}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? ids.err : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setEmpty(false);
          }}
        />
        {empty ? (
          <span className="q-error" id={ids.err} role="alert">
            {t('goals.field.title.empty')}
          </span>
        ) : null}
      </div>
      <div className="lotse-field">
        <label htmlFor={ids.desc}>{t('goals.field.description')}</label>
        <textarea
          id={ids.desc}
          rows={3}
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="q-grid2">
        <div className="lotse-field">
          <label htmlFor={ids.status}>{t('goals.field.status')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as Goal['status'])}>
            {GoalStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`goals.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.due}>{t('goals.field.due')}</label>
          <input id={ids.due} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </div>
      </div>
      <ErrorText error={error} />
      <div className="q-row">
        <Button type="submit" variant="primary">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

export function GoalsView({ onShowQuestions }: { onShowQuestions: (goalId: string) => void }) {
  const { t } = useI18n();
  const goals = useGoals();
  const [adding, setAdding] = useState(false);
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [walkthroughs, progress, questions] = await Promise.all([
      db.walkthroughs.orderBy('title').toArray(),
      db.progress.toArray(),
      // only what progress needs; goalId-indexed, so questions without a goal are not read
      db.questions.where('goalId').above('').toArray(),
    ]);
    return { walkthroughs, progress, questions };
  }, []);

  if (!goals) return <p>{t('common.loading')}</p>;
  return (
    <div className="q-view">
      <div className="q-toolbar">
        <Button variant="primary" onClick={() => setAdding(true)} aria-expanded={adding}>
          {t('goals.new')}
        </Button>
      </div>
      {adding ? (
        <GoalForm
          onCancel={() => setAdding(false)}
          onSave={async (g) => {
            await addGoal(g);
            setAdding(false);
          }}
        />
      ) : null}
      {goals.length === 0 && !adding ? (
        <EmptyState icon="goals" title={t('goals.empty.title')} text={t('goals.empty.text')} />
      ) : null}
      <ul className="q-goals">
        {goals.map((g, i) => (
          <GoalCard
            key={g.id}
            goal={g}
            first={i === 0}
            last={i === goals.length - 1}
            data={data}
            onShowQuestions={onShowQuestions}
          />
        ))}
      </ul>
    </div>
  );
}

type GoalData = { walkthroughs: Walkthrough[]; progress: Progress[]; questions: Question[] } | undefined;

function GoalCard({
  goal,
  first,
  last,
  data,
  onShowQuestions,
}: {
  goal: Goal;
  first: boolean;
  last: boolean;
  data: GoalData;
  onShowQuestions: (goalId: string) => void;
}) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [run, error] = useAction();
  const linkId = useId();
  const progress = useMemo(() => (data ? goalProgress(goal, data) : undefined), [goal, data]);
  const linked = data?.walkthroughs.filter((w) => w.goalId === goal.id) ?? [];
  const unlinked = data?.walkthroughs.filter((w) => w.goalId === undefined) ?? [];
  const overdue = goal.dueDate && goal.status !== 'done' && goal.dueDate < new Date().toISOString().slice(0, 10);

  if (editing) {
    return (
      <li>
        <GoalForm
          initial={goal}
          onCancel={() => setEditing(false)}
          onSave={async (g) => {
            await updateGoal(goal.id, g);
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="lotse-card q-goal">
      <div className="q-goal__head">
        <h3>{goal.title}</h3>
        <span className={`q-badge q-badge--goal-${goal.status}`}>{t(`goals.status.${goal.status}`)}</span>
      </div>
      {goal.description ? <p className="q-goal__desc">{goal.description}</p> : null}
      {goal.dueDate ? (
        <p className={overdue ? 'q-goal__due q-goal__due--over' : 'q-goal__due muted'}>
          {t('goals.due', { date: formatDate(`${goal.dueDate}T12:00:00`, locale, { dateStyle: 'long' }) })}
        </p>
      ) : null}
      {progress ? (
        <div className="q-goal__progress">
          <ProgressBar percent={progress.percent} label={t('goals.progress.label', { title: goal.title })} />
          <p className="muted">
            {t('goals.progress', {
              percent: progress.percent,
              w: progress.walkthroughsDone,
              wt: progress.walkthroughsTotal,
              q: progress.questionsDone,
              qt: progress.questionsTotal,
            })}
          </p>
        </div>
      ) : null}
      {linked.length > 0 ? (
        <div>
          <h4 className="q-goal__sub">{t('goals.walkthroughs')}</h4>
          <ul className="q-goal__links">
            {linked.map((w) => (
              <li key={w.id}>
                <span>{w.title}</span>
                <button
                  type="button"
                  className="q-link"
                  onClick={() => void run(() => linkWalkthrough(w.id, undefined))}
                  aria-label={t('goals.unlink.label', { title: w.title })}
                >
                  {t('goals.unlink')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unlinked.length > 0 ? (
        <div className="lotse-field q-goal__link">
          <label htmlFor={linkId}>{t('goals.link')}</label>
          <select
            id={linkId}
            value=""
            onChange={(e) => {
              const wid = e.target.value;
              if (wid) void run(() => linkWalkthrough(wid, goal.id));
            }}
          >
            <option value="">{t('goals.link.choose')}</option>
            {unlinked.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ErrorText error={error} />
      <div className="q-row q-goal__actions">
        <Button onClick={() => onShowQuestions(goal.id)}>{t('goals.showQuestions')}</Button>
        <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
        <Button
          variant="ghost"
          disabled={first}
          onClick={() => void run(() => moveGoal(goal.id, -1))}
          aria-label={t('goals.moveUp', { title: goal.title })}
        >
          <Glyph name="up" />
        </Button>
        <Button
          variant="ghost"
          disabled={last}
          onClick={() => void run(() => moveGoal(goal.id, 1))}
          aria-label={t('goals.moveDown', { title: goal.title })}
        >
          <Glyph name="down" />
        </Button>
        <Button variant="danger" onClick={() => setConfirm(true)}>
          {t('common.delete')}
        </Button>
      </div>
      {confirm ? (
        <Confirm
          text={t('goals.delete.confirm', { title: goal.title })}
          yes={t('common.delete')}
          onNo={() => setConfirm(false)}
          onYes={() => void run(() => deleteGoal(goal.id))}
        />
      ) : null}
    </li>
  );
}
