/** Note a question in the side panel (no page context): text and an optional goal. */
import { useId, useState } from 'react';
import { addQuestion } from '~/lib/questions/repo';
import type { Goal } from '~/lib/schema';
import { useT } from '../i18n';
import { Button } from '../ui';
import { ErrorText, useAction } from './shared';

export function NewQuestion({
  goals,
  onDone,
  defaultGoalId,
}: {
  goals: Goal[];
  onDone: () => void;
  defaultGoalId?: string;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [goalId, setGoalId] = useState(defaultGoalId ?? '');
  const [empty, setEmpty] = useState(false);
  const [run, error] = useAction();
  const ids = { text: useId(), goal: useId(), err: useId() };
  return (
    <form
      className="lotse-card q-new"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          setEmpty(true);
          return;
        }
        void run(async () => {
          await addQuestion({ text, ...(goalId ? { goalId } : {}) });
          onDone();
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <div className="lotse-field">
        <label htmlFor={ids.text}>{t('composer.text.label')}</label>
        <textarea
          id={ids.text}
          autoFocus
          rows={3}
          maxLength={4000}
          value={text}
          placeholder={t('composer.text.placeholder')}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? ids.err : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim()) setEmpty(false);
          }}
        />
        {empty ? (
          <span className="q-error" id={ids.err} role="alert">
            {t('composer.text.empty')}
          </span>
        ) : null}
      </div>
      {goals.length > 0 ? (
        <div className="lotse-field">
          <label htmlFor={ids.goal}>{t('composer.goal.label')}</label>
          <select id={ids.goal} value={goalId} onChange={(e) => setGoalId(e.target.value)}>
            <option value="">{t('composer.goal.none')}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ErrorText error={error} />
      <div className="q-row">
        <Button type="submit" variant="primary">
          {t('composer.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
