/**
 * First-run setup of the tandem, one calm step at a time: role, first names, meetings (program period and
 * rhythm), the confidentiality agreement. Finishing creates the tandem and plans the meetings.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { updateSettings } from '~/lib/db/settings';
import { createTranslator } from '~/lib/i18n';
import { saveTandem } from '~/lib/questions/repo';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import {
  AgreementField,
  NameFields,
  PeriodFields,
  RoleField,
  draftFromTandem,
  draftToInput,
  isDefaultAgreement,
  periodErrors,
  type TandemDraft,
} from './TandemFields';
import { ErrorText, useAction } from './shared';

const STEPS = ['role', 'names', 'meetings', 'agreement'] as const;
type Step = (typeof STEPS)[number];

export function FirstRun({ onDone }: { onDone: () => void }) {
  const { t, locale, settings } = useI18n();
  const [draft, setDraft] = useState<TandemDraft>(() => draftFromTandem(undefined, t));
  const [step, setStep] = useState<Step>('role');
  const [tried, setTried] = useState(false);
  const [run, error] = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const index = STEPS.indexOf(step);

  // An untouched default agreement follows the language chosen here.
  useEffect(() => {
    setDraft((d) =>
      isDefaultAgreement(d.agreement, [createTranslator('de'), createTranslator('en')])
        ? { ...d, agreement: t('tandem.agreement.default') }
        : d,
    );
  }, [t]);

  // Moving between steps puts the reader at the new step's heading.
  useEffect(() => {
    if (index > 0) headingRef.current?.focus();
  }, [index]);

  const change = (patch: Partial<TandemDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem =
    step === 'role' && draft.role === ''
      ? t('firstRun.error.role')
      : step === 'meetings' && Object.keys(periodErrors(draft, t)).length > 0
        ? t('firstRun.error.meetings')
        : step === 'agreement' && !draft.acknowledged
          ? t('firstRun.error.ack')
          : undefined;

  const next = async () => {
    setTried(true);
    if (problem) return;
    setTried(false);
    if (step !== 'agreement') {
      setStep(STEPS[index + 1]!);
      return;
    }
    const done = await run(async () => {
      await saveTandem(draftToInput(draft));
      await updateSettings({ onboarded: true });
      return true;
    });
    if (done) onDone();
  };

  return (
    <section className="q-firstrun" aria-labelledby={titleId}>
      <div className="q-firstrun__top">
        <p className="q-firstrun__step">{t('firstRun.progress', { n: index + 1, total: STEPS.length })}</p>
        <div className="q-lang" role="group" aria-label={t('settings.language')}>
          {(['de', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="q-lang__btn"
              aria-pressed={locale === l}
              lang={l}
              onClick={() => void updateSettings({ locale: l })}
            >
              {t(l === 'de' ? 'settings.language.de' : 'settings.language.en')}
            </button>
          ))}
        </div>
      </div>
      <ol className="q-steps" aria-hidden="true">
        {STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'done' : i === index ? 'current' : ''} />
        ))}
      </ol>
      <h1 id={titleId} ref={headingRef} tabIndex={-1}>
        {t(`firstRun.${step}.title`)}
      </h1>
      <p className="q-lead">{t(`firstRun.${step}.text`)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
        noValidate
      >
        {step === 'role' ? <RoleField draft={draft} onChange={change} /> : null}
        {step === 'names' ? <NameFields draft={draft} onChange={change} /> : null}
        {step === 'meetings' ? <PeriodFields draft={draft} onChange={change} /> : null}
        {step === 'agreement' ? <AgreementField draft={draft} onChange={change} editable={false} /> : null}
        {tried && problem ? (
          <p className="q-error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorText error={error} />
        <div className="q-firstrun__actions">
          {index > 0 ? <Button onClick={() => setStep(STEPS[index - 1]!)}>{t('common.back')}</Button> : null}
          <Button type="submit" variant="primary">
            {step === 'agreement' ? t('firstRun.finish') : t('firstRun.next')}
          </Button>
        </div>
      </form>
      {!settings.onboarded ? (
        <p className="q-firstrun__later">
          <button type="button" className="q-link" onClick={onDone}>
            {t('firstRun.later')}
          </button>
        </p>
      ) : null}
      <p className="q-firstrun__privacy muted">{t('privacy.local')}</p>
    </section>
  );
}
