import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { Modal, Working } from './Modal';
import { PassphraseFields } from './PassphraseFields';
import { saveFile } from './download';
import { contentsLines, errorText } from './text';
import { getDb } from '~/lib/db';
import { updateSettings } from '~/lib/db/settings';
import { formatDate } from '~/lib/i18n';
import {
  MIN_PASSPHRASE_LENGTH,
  BundleSelectionSchema,
  bundleFileName,
  collectSelection,
  type BundleContents,
  type BundleSelection,
} from '~/lib/bundle';
import { countRecords } from '~/lib/bundle/records';
import { exportBundle } from '~/lib/bundle/export';

type Step = 'choose' | 'form' | 'working' | 'done';
type Sel = { walkthroughIds: string[]; questionIds: string[]; goalIds: string[]; meetingIds: string[] };

function normalize(selection: BundleSelection): Sel & { everything: boolean } {
  const s = BundleSelectionSchema.parse(selection);
  return {
    walkthroughIds: s.walkthroughIds,
    questionIds: s.questionIds,
    goalIds: s.goalIds,
    meetingIds: s.meetingIds,
    everything: s.everything,
  };
}

/**
 * Save a selection (or, for a backup, everything) as a .lotse file. Optional first step: choose the
 * items. Questions and meeting notes are confidential, so a passphrase is on by default when they are in;
 * a backup is always encrypted.
 */
export function ExportDialog({
  selection,
  mode,
  choose = false,
  onClose,
}: {
  selection: BundleSelection;
  mode: 'share' | 'backup';
  choose?: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const initial = useMemo(() => normalize(mode === 'backup' ? { everything: true } : selection), [mode, selection]);
  const [sel, setSel] = useState<Sel>(initial);
  const [step, setStep] = useState<Step>(choose ? 'choose' : 'form');
  const [contents, setContents] = useState<BundleContents | null>(null);
  const [encryptTouched, setEncryptTouched] = useState(false);
  const [encrypt, setEncrypt] = useState(true);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [savedAs, setSavedAs] = useState('');
  const formId = useId();

  // What the file will contain, counted from the database (steps and screenshots come along).
  useEffect(() => {
    if (step !== 'form') return;
    let live = true;
    void collectSelection(getDb(), mode === 'backup' ? { everything: true } : sel).then((r) => {
      if (!live) return;
      const c = countRecords(mode === 'backup' ? r : { ...r, tandems: [] });
      setContents(c);
      if (!encryptTouched) setEncrypt(mode === 'backup' || c.questions > 0 || c.meetings > 0);
    });
    return () => {
      live = false;
    };
  }, [step, sel, mode, encryptTouched]);

  const lines = contents ? contentsLines(t, contents) : [];
  const sensitive = !!contents && (contents.questions > 0 || contents.meetings > 0);
  const empty = !!contents && lines.length === 0;
  const mustEncrypt = mode === 'backup';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const useEncryption = mustEncrypt || encrypt;
    if (useEncryption) {
      if ([...pass.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH)
        return setFieldError(t('bundle.error.passphrase-too-short'));
      if (pass !== repeat) return setFieldError(t('bundle.passphrase.mismatch'));
    }
    setFieldError(undefined);
    setStep('working');
    try {
      const db = getDb();
      const result = await exportBundle(
        db,
        mode === 'backup' ? { everything: true } : sel,
        useEncryption ? { passphrase: pass } : {},
      );
      const records = result.manifest;
      const label =
        mode === 'backup'
          ? t('bundle.file.backup')
          : records.contents.walkthroughs === 1 &&
              !records.contents.questions &&
              !records.contents.goals &&
              !records.contents.meetings
            ? (records.walkthroughTitles[0] ?? t('bundle.file.share'))
            : t('bundle.file.share');
      const name = bundleFileName(label, new Date(records.createdAt));
      saveFile(result.bytes, name);
      if (mode === 'backup') await updateSettings({ lastBackupAt: records.createdAt }, db);
      setSavedAs(name);
      setStep('done');
    } catch (err) {
      setError(errorText(t, err));
      setStep('form');
    }
  }

  const title = mode === 'backup' ? t('bundle.backup.createTitle') : t('bundle.export.title');

  if (step === 'choose') {
    const total = sel.walkthroughIds.length + sel.questionIds.length + sel.goalIds.length + sel.meetingIds.length;
    return (
      <Modal
        title={t('bundle.export.choose')}
        onClose={onClose}
        wide
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="primary" disabled={total === 0} onClick={() => setStep('form')}>
              {t('bundle.next')}
            </Button>
          </>
        }
      >
        <ChooseItems sel={sel} onChange={setSel} />
        {total === 0 ? <p className="muted">{t('bundle.error.empty-selection')}</p> : null}
      </Modal>
    );
  }

  if (step === 'done') {
    return (
      <Modal
        title={title}
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </Button>
        }
      >
        <Notice kind="success">
          <strong>{t(mode === 'backup' ? 'bundle.backup.done' : 'bundle.export.done', { name: savedAs })}</strong>
        </Notice>
        {mode === 'share' ? <p>{t('bundle.export.done.next')}</p> : null}
        {mode === 'share' && encrypt ? <p>{t('bundle.export.done.passphrase')}</p> : null}
      </Modal>
    );
  }

  const working = step === 'working';
  return (
    <Modal
      title={title}
      onClose={onClose}
      busy={working}
      footer={
        <>
          {choose && !working ? (
            <Button variant="ghost" onClick={() => setStep('choose')}>
              {t('common.back')}
            </Button>
          ) : null}
          <Button onClick={onClose} disabled={working}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={working || !contents || empty}>
            {mode === 'backup' ? t('bundle.backup.save') : t('bundle.export.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <p>{mode === 'backup' ? t('bundle.backup.createIntro') : t('bundle.export.intro')}</p>
        {contents ? (
          empty ? (
            <Notice kind="info">
              {mode === 'backup' ? t('bundle.backup.nothingYet') : t('bundle.error.empty-selection')}
            </Notice>
          ) : (
            <div className="bn-contents">
              <p className="bn-contents__label">{t('bundle.export.contains')}</p>
              <ul>
                {lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          )
        ) : (
          <Working text={t('common.loading')} />
        )}
        {!mustEncrypt ? (
          <label className="lotse-check bn-encrypt">
            <input
              type="checkbox"
              checked={encrypt}
              disabled={working}
              onChange={(e) => {
                setEncryptTouched(true);
                setEncrypt(e.target.checked);
              }}
            />
            <span>
              <strong>{t('bundle.export.encrypt')}</strong>
              <br />
              <span className="muted">
                {encrypt
                  ? sensitive
                    ? t('bundle.export.encrypt.recommended')
                    : t('bundle.passphrase.tell')
                  : t('bundle.export.encrypt.off')}
              </span>
            </span>
          </label>
        ) : null}
        {mustEncrypt || encrypt ? (
          <fieldset className="bn-fieldset" disabled={working}>
            <legend className="visually-hidden">{t('bundle.passphrase.label')}</legend>
            <PassphraseFields
              value={pass}
              repeat={repeat}
              onChange={(v) => {
                setPass(v);
                setFieldError(undefined);
              }}
              onRepeatChange={(v) => {
                setRepeat(v);
                setFieldError(undefined);
              }}
              error={fieldError}
              autoFocus
            />
            {sensitive && mode === 'share' ? <p className="hint bn-hint">{t('bundle.passphrase.tell')}</p> : null}
          </fieldset>
        ) : null}
        {working ? <Working text={t('bundle.export.working')} /> : null}
        {error ? <Notice kind="danger">{error}</Notice> : null}
      </form>
      {mode === 'backup' ? <LastBackupLine locale={locale} /> : null}
    </Modal>
  );
}

function LastBackupLine({ locale }: { locale: 'de' | 'en' }) {
  const { t, settings } = useI18n();
  if (!settings.lastBackupAt) return null;
  return (
    <p className="muted bn-small">
      {t('bundle.backup.last', {
        date: formatDate(settings.lastBackupAt, locale, { dateStyle: 'long', timeStyle: 'short' }),
      })}
    </p>
  );
}

/** Check lists of everything that can be shared; what was pre-selected stays ticked. */
function ChooseItems({ sel, onChange }: { sel: Sel; onChange: (s: Sel) => void }) {
  const { t, locale } = useI18n();
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [walkthroughs, questions, goals, meetings] = await Promise.all([
      db.walkthroughs.orderBy('updatedAt').reverse().toArray(),
      db.questions.orderBy('createdAt').reverse().toArray(),
      db.goals.orderBy('order').toArray(),
      db.meetings.orderBy('scheduledAt').reverse().toArray(),
    ]);
    return { walkthroughs: walkthroughs.filter((w) => w.status !== 'recording'), questions, goals, meetings };
  }, []);
  if (!data) return <Working text={t('common.loading')} />;
  const groups = [
    {
      key: 'walkthroughIds',
      label: t('bundle.kind.walkthrough'),
      items: data.walkthroughs.map((w) => ({ id: w.id, text: w.title })),
    },
    {
      key: 'questionIds',
      label: t('bundle.kind.question'),
      items: data.questions.map((q) => ({ id: q.id, text: q.text })),
    },
    { key: 'goalIds', label: t('bundle.kind.goal'), items: data.goals.map((g) => ({ id: g.id, text: g.title })) },
    {
      key: 'meetingIds',
      label: t('bundle.kind.meeting'),
      items: data.meetings.map((m) => ({
        id: m.id,
        text: `${formatDate(m.scheduledAt, locale, { dateStyle: 'medium' })}${m.topic ? ` – ${m.topic}` : ''}`,
      })),
    },
  ] as const;
  if (groups.every((g) => g.items.length === 0)) return <p>{t('bundle.export.chooseEmpty')}</p>;
  return (
    <div className="bn-choose">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => {
          const chosen = new Set(sel[g.key]);
          const all = g.items.every((i) => chosen.has(i.id));
          const set = (ids: string[]) => onChange({ ...sel, [g.key]: ids });
          return (
            <fieldset key={g.key} className="bn-choose__group">
              <legend>
                {g.label} ({g.items.length})
              </legend>
              <label className="lotse-check bn-choose__all">
                <input
                  type="checkbox"
                  checked={all}
                  onChange={(e) => set(e.target.checked ? g.items.map((i) => i.id) : [])}
                />
                <span>{t('bundle.export.selectAll')}</span>
              </label>
              <ul className="bn-choose__list">
                {g.items.map((i) => (
                  <li key={i.id}>
                    <label className="lotse-check">
                      <input
                        type="checkbox"
                        checked={chosen.has(i.id)}
                        onChange={(e) =>
                          set(e.target.checked ? [...chosen, i.id] : [...chosen].filter((x) => x !== i.id))
                        }
                      />
                      <span className="bn-choose__text">{i.text}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
    </div>
  );
}
