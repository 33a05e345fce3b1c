/** The tandem's settings (role, names, program period, rhythm, confidentiality), editable after the first run. */
import { useEffect, useId, useState } from 'react';
import { formatDate } from '~/lib/i18n';
import { saveTandem } from '~/lib/questions/repo';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { FirstRun } from './FirstRun';
import {
  AgreementField,
  NameFields,
  PeriodFields,
  RoleField,
  draftFromTandem,
  draftToInput,
  periodErrors,
  type TandemDraft,
} from './TandemFields';
import { ErrorText, useAction, useTandem } from './shared';

export function TandemSettings() {
  const { t, locale } = useI18n();
  const tandem = useTandem();
  const [draft, setDraft] = useState<TandemDraft>();
  const [saved, setSaved] = useState(false);
  const [setup, setSetup] = useState(false);
  const [run, error] = useAction();
  const titleId = useId();

  // Start editing from the stored tandem; keep the user's edits when the record changes elsewhere.
  useEffect(() => {
    if (tandem && !draft) setDraft(draftFromTandem(tandem, t));
  }, [tandem, draft, t]);

  if (tandem === null) return null;
  if (!tandem) {
    return (
      <section className="lotse-card" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('tandem.title')}</h2>
        {setup ? (
          <FirstRun onDone={() => setSetup(false)} />
        ) : (
          <>
            <p>{t('tandem.none')}</p>
            <Button variant="primary" onClick={() => setSetup(true)}>
              {t('tandem.setup')}
            </Button>
          </>
        )}
      </section>
    );
  }
  if (!draft) return null;

  const change = (patch: Partial<TandemDraft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const invalid = Object.keys(periodErrors(draft, t)).length > 0;
  const agreementChanged = draft.agreement.trim() !== tandem.confidentiality.text;

  return (
    <section className="lotse-card q-tandem" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('tandem.title')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          void run(async () => {
            await saveTandem(draftToInput(draft));
            setSaved(true);
          });
        }}
      >
        <RoleField draft={draft} onChange={change} />
        <h3 className="q-subhead">{t('tandem.names.title')}</h3>
        <NameFields draft={draft} onChange={change} />
        <h3 className="q-subhead">{t('tandem.meetings.title')}</h3>
        <PeriodFields draft={draft} onChange={change} />
        <p className="hint muted">{t('tandem.replanHint')}</p>
        <h3 className="q-subhead">{t('tandem.agreement.title')}</h3>
        <AgreementField draft={draft} onChange={change} editable />
        {tandem.confidentiality.acknowledgedAt && !agreementChanged ? (
          <p className="muted">
            {t('tandem.agreement.since', { date: formatDate(tandem.confidentiality.acknowledgedAt, locale) })}
          </p>
        ) : agreementChanged ? (
          <p className="muted">{t('tandem.agreement.changed')}</p>
        ) : null}
        <ErrorText error={error} />
        {saved ? <Notice kind="success">{t('common.saved')}</Notice> : null}
        <Button type="submit" variant="primary" disabled={invalid}>
          {t('tandem.save')}
        </Button>
      </form>
    </section>
  );
}
