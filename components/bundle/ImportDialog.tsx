import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { Modal, Working } from './Modal';
import { contentsLines, errorText, resultLines } from './text';
import { getDb } from '~/lib/db';
import { formatDate, type Translate, type UiLocale } from '~/lib/i18n';
import {
  BUNDLE_LIMITS,
  BundleError,
  applyImport,
  countDatabase,
  defaultDecisions,
  isBundleError,
  previewImport,
  readBundle,
  restoreBackup,
  sniffBundle,
  type BundleContents,
  type ImportChoice,
  type ImportDecisions,
  type ImportPreview,
  type ImportResult,
  type ItemKind,
  type Manifest,
  type ParsedBundle,
  type PreviewItem,
} from '~/lib/bundle';

type State =
  | { step: 'reading' }
  | { step: 'passphrase'; wrong: boolean; checking: boolean }
  | { step: 'preview'; parsed: ParsedBundle; preview: ImportPreview }
  | { step: 'restore'; parsed: ParsedBundle; current: BundleContents }
  | { step: 'applying'; parsed: ParsedBundle }
  | { step: 'done'; lines: string[] }
  | { step: 'error'; message: string };

/**
 * Open a .lotse file: check it completely (decrypt, unpack with limits, validate) before anything is
 * written, show what would change, then write all of it in one transaction — or nothing.
 * `mode: 'restore'` replaces everything with a full backup instead.
 */
export function ImportDialog({
  file,
  mode = 'share',
  onClose,
  onPickAnother,
}: {
  file: File;
  mode?: 'share' | 'restore';
  onClose: () => void;
  onPickAnother?: () => void;
}) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ step: 'reading' });
  const [decisions, setDecisions] = useState<ImportDecisions>({});
  const bytesRef = useRef<Uint8Array | null>(null);

  async function parse(passphrase?: string) {
    const bytes = bytesRef.current!;
    const parsed = await readBundle(bytes, passphrase !== undefined ? { passphrase } : {});
    const db = getDb();
    if (mode === 'restore') {
      if (parsed.manifest.kind !== 'backup') throw new BundleError('not-a-backup');
      setState({ step: 'restore', parsed, current: await countDatabase(db) });
      return;
    }
    const preview = await previewImport(db, parsed);
    setDecisions(defaultDecisions(preview));
    setState({ step: 'preview', parsed, preview });
  }

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        if (file.size > BUNDLE_LIMITS.maxFileBytes) throw new BundleError('file-too-large');
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (!live) return;
        bytesRef.current = bytes;
        const kind = sniffBundle(bytes);
        if (kind === 'unknown') throw new BundleError('not-a-bundle');
        if (kind === 'encrypted') setState({ step: 'passphrase', wrong: false, checking: false });
        else await parse();
      } catch (e) {
        if (live) setState({ step: 'error', message: errorText(t, e) });
      }
    })();
    return () => {
      live = false;
    };
    // The file is read once per dialog; t only formats the message.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  async function unlock(passphrase: string) {
    setState({ step: 'passphrase', wrong: false, checking: true });
    try {
      await parse(passphrase);
    } catch (e) {
      if (isBundleError(e) && (e.reason === 'wrong-passphrase' || e.reason === 'passphrase-required')) {
        setState({ step: 'passphrase', wrong: true, checking: false });
      } else {
        setState({ step: 'error', message: errorText(t, e) });
      }
    }
  }

  async function apply(parsed: ParsedBundle) {
    setState({ step: 'applying', parsed });
    try {
      if (mode === 'restore') {
        await restoreBackup(getDb(), parsed);
        setState({ step: 'done', lines: [t('bundle.backup.restored')] });
      } else {
        const result: ImportResult = await applyImport(getDb(), parsed, decisions, {
          copyTitle: (title) => t('bundle.copyTitle', { title }),
        });
        setState({ step: 'done', lines: [t('bundle.import.done'), ...resultLines(t, result)] });
      }
    } catch (e) {
      setState({ step: 'error', message: errorText(t, e) });
    }
  }

  const title = mode === 'restore' ? t('bundle.backup.restoreTitle') : t('bundle.import.title');
  const cancel = <Button onClick={onClose}>{t('common.cancel')}</Button>;

  switch (state.step) {
    case 'reading':
      return (
        <Modal title={title} onClose={onClose} busy>
          <Working text={t('bundle.import.reading')} />
        </Modal>
      );
    case 'passphrase':
      return (
        <PassphraseStep
          title={title}
          fileName={file.name}
          state={state}
          onUnlock={(p) => void unlock(p)}
          onClose={onClose}
        />
      );
    case 'error':
      return (
        <Modal
          title={title}
          onClose={onClose}
          footer={
            <>
              {onPickAnother ? <Button onClick={onPickAnother}>{t('bundle.import.another')}</Button> : null}
              <Button variant="primary" onClick={onClose} autoFocus>
                {t('common.close')}
              </Button>
            </>
          }
        >
          <Notice kind="danger">{state.message}</Notice>
          <p className="muted bn-small">{file.name}</p>
        </Modal>
      );
    case 'applying':
      return (
        <Modal title={title} onClose={onClose} busy>
          <Working text={mode === 'restore' ? t('bundle.backup.restoring') : t('bundle.import.applying')} />
        </Modal>
      );
    case 'done':
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
            <strong>{state.lines[0]}</strong>
          </Notice>
          {state.lines.length > 1 ? (
            <ul className="bn-result">
              {state.lines.slice(1).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Modal>
      );
    case 'restore': {
      const backup = contentsLines(t, state.parsed.manifest.contents);
      const now = contentsLines(t, state.current);
      return (
        <Modal
          title={title}
          onClose={onClose}
          footer={
            <>
              {cancel}
              <Button variant={now.length ? 'danger' : 'primary'} onClick={() => void apply(state.parsed)}>
                {t('bundle.backup.restoreConfirm')}
              </Button>
            </>
          }
        >
          <Origin manifest={state.parsed.manifest} encrypted={state.parsed.encrypted} t={t} locale={locale} />
          <div className="bn-contents">
            <p className="bn-contents__label">{t('bundle.backup.restoreContains')}</p>
            <ul>
              {backup.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
          {now.length ? (
            <Notice kind="warning">
              <p className="bn-contents__label">{t('bundle.backup.restoreReplaces')}</p>
              <ul className="bn-plain-list">
                {now.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <p className="muted">{t('bundle.backup.restoreEmpty')}</p>
          )}
        </Modal>
      );
    }
    case 'preview': {
      const { preview, parsed } = state;
      const changes = preview.items.some((i) => (decisions[i.key] ?? i.defaultChoice) !== 'skip');
      return (
        <Modal
          title={title}
          onClose={onClose}
          wide
          footer={
            <>
              {cancel}
              <Button variant="primary" disabled={!changes} onClick={() => void apply(parsed)}>
                {t('bundle.import.apply')}
              </Button>
            </>
          }
        >
          <Origin manifest={preview.manifest} encrypted={preview.encrypted} t={t} locale={locale} />
          {preview.manifest.kind === 'backup' ? <Notice kind="info">{t('bundle.import.backupHint')}</Notice> : null}
          {preview.items.length === 0 ? (
            <Notice kind="info">{t('bundle.import.nothing')}</Notice>
          ) : (
            <PreviewList preview={preview} decisions={decisions} onChange={setDecisions} />
          )}
          {preview.items.length > 0 && !changes ? <p className="muted">{t('bundle.import.allSkipped')}</p> : null}
        </Modal>
      );
    }
  }
}

function PassphraseStep({
  title,
  fileName,
  state,
  onUnlock,
  onClose,
}: {
  title: string;
  fileName: string;
  state: { wrong: boolean; checking: boolean };
  onUnlock: (passphrase: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [pass, setPass] = useState('');
  const [show, setShow] = useState(false);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // after a wrong passphrase: back into the field, text selected for retyping
    if (state.wrong && !state.checking) input.current?.select();
  }, [state.wrong, state.checking]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pass) onUnlock(pass);
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      busy={state.checking}
      footer={
        <>
          <Button onClick={onClose} disabled={state.checking}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form={`${id}-f`} disabled={!pass || state.checking}>
            {t('bundle.import.unlock')}
          </Button>
        </>
      }
    >
      <form id={`${id}-f`} onSubmit={submit} noValidate>
        <p className="bn-lock">
          <LockIcon />
          <span>{t('bundle.import.protected', { name: fileName })}</span>
        </p>
        <div className="lotse-field">
          <label htmlFor={`${id}-p`}>{t('bundle.passphrase.label')}</label>
          <input
            ref={input}
            id={`${id}-p`}
            type={show ? 'text' : 'password'}
            value={pass}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            disabled={state.checking}
            aria-invalid={state.wrong || undefined}
            aria-describedby={state.wrong ? `${id}-e` : undefined}
            onChange={(e) => setPass(e.target.value)}
          />
        </div>
        {state.wrong ? (
          <p className="bn-field-error" id={`${id}-e`} role="alert">
            {t('bundle.error.wrong-passphrase')}
          </p>
        ) : null}
        <label className="lotse-check">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <span>{t('bundle.passphrase.show')}</span>
        </label>
        {state.checking ? <Working text={t('bundle.import.reading')} /> : null}
      </form>
    </Modal>
  );
}

function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="bn-lock__icon">
      <path
        d={
          open
            ? 'M12 17a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm6-9h-1V6a5 5 0 0 0-9.6-2l1.8.8A3 3 0 0 1 15 6v2H6a2 2 0 0 0-2 2v10c0 1.1.9 2 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zm0 12H6V10h12z'
            : 'M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10c0 1.1.9 2 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zM9 6a3 3 0 0 1 6 0v2H9zm9 14H6V10h12zm-6-3a2 2 0 1 0 0-4 2 2 0 0 0 0 4z'
        }
        fill="currentColor"
      />
    </svg>
  );
}

/** Who made the file and when, and whether it was protected. */
function Origin({
  manifest,
  encrypted,
  t,
  locale,
}: {
  manifest: Manifest;
  encrypted: boolean;
  t: Translate;
  locale: UiLocale;
}) {
  const date = formatDate(manifest.createdAt, locale, { dateStyle: 'long' });
  const role = manifest.creator.role ? t(`bundle.role.${manifest.creator.role}`) : undefined;
  const line =
    manifest.creator.firstName && role
      ? t('bundle.import.createdBy', { date, name: manifest.creator.firstName, role })
      : role
        ? t('bundle.import.createdByRole', { date, role })
        : t('bundle.import.created', { date });
  return (
    <div className="bn-origin">
      <p className="bn-origin__line">{line}</p>
      <p className={`bn-lock${encrypted ? '' : ' bn-lock--open'}`}>
        <LockIcon open={!encrypted} />
        <span>{encrypted ? t('bundle.import.encrypted') : t('bundle.import.plain')}</span>
      </p>
    </div>
  );
}

const KINDS: ItemKind[] = ['walkthrough', 'question', 'goal', 'meeting'];

function PreviewList({
  preview,
  decisions,
  onChange,
}: {
  preview: ImportPreview;
  decisions: ImportDecisions;
  onChange: (d: ImportDecisions) => void;
}) {
  const { t } = useI18n();
  const choiceOf = (i: PreviewItem) => decisions[i.key] ?? i.defaultChoice;
  const setMany = (items: PreviewItem[], c: ImportChoice) =>
    onChange({ ...decisions, ...Object.fromEntries(items.map((i) => [i.key, c])) });
  return (
    <div className="bn-preview">
      <h3 className="bn-preview__title">{t('bundle.import.whatChanges')}</h3>
      {KINDS.map((kind) => {
        const items = preview.items.filter((i) => i.kind === kind);
        if (!items.length) return null;
        const headingId = `bn-kind-${kind}`;
        if (kind === 'walkthrough') {
          return (
            <section key={kind} className="bn-kind" aria-labelledby={headingId}>
              <h4 id={headingId}>
                {t('bundle.kind.walkthrough')} ({items.length})
              </h4>
              <ul className="bn-items">
                {items.map((i) => (
                  <li key={i.key} className="bn-item">
                    <div className="bn-item__main">
                      <span className="bn-item__title">{i.title}</span>
                      <span className="bn-item__meta">
                        <StateBadge item={i} />
                        <span>
                          {t(`bundle.count.steps.${i.steps === 1 ? 'one' : 'other'}`, { count: i.steps ?? 0 })}
                        </span>
                      </span>
                    </div>
                    <ChoiceSelect item={i} value={choiceOf(i)} onChange={(c) => setMany([i], c)} />
                  </li>
                ))}
              </ul>
            </section>
          );
        }
        const fresh = items.filter((i) => i.state === 'new');
        const existing = items.filter((i) => i.state !== 'new');
        return (
          <section key={kind} className="bn-kind" aria-labelledby={headingId}>
            <h4 id={headingId}>
              {t(`bundle.kind.${kind}`)} ({items.length})
            </h4>
            {fresh.length ? (
              <GroupRow
                label={t('bundle.import.newOnes', { count: fresh.length })}
                items={fresh}
                value={choiceOf(fresh[0]!)}
                onChange={(c) => setMany(fresh, c)}
              />
            ) : null}
            {existing.length ? (
              <GroupRow
                label={t('bundle.import.existingOnes', { count: existing.length })}
                items={existing}
                value={choiceOf(existing[0]!)}
                onChange={(c) => setMany(existing, c)}
              />
            ) : null}
            <details className="bn-details">
              <summary>{t('bundle.import.showList')}</summary>
              <ul className="bn-plain-list">
                {items.map((i) => (
                  <li key={i.key}>
                    <StateBadge item={i} /> <ItemTitle item={i} />
                  </li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}

function ItemTitle({ item }: { item: PreviewItem }) {
  const { t, locale } = useI18n();
  if (item.kind === 'meeting' && !item.title && item.at)
    return <>{t('bundle.meeting.on', { date: formatDate(item.at, locale, { dateStyle: 'long' }) })}</>;
  if (item.kind === 'meeting' && item.at)
    return <>{`${formatDate(item.at, locale, { dateStyle: 'medium' })} – ${item.title}`}</>;
  return <>{item.title}</>;
}

function GroupRow({
  label,
  items,
  value,
  onChange,
}: {
  label: string;
  items: PreviewItem[];
  value: ImportChoice;
  onChange: (c: ImportChoice) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="bn-group">
      <label htmlFor={id} className="bn-group__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ImportChoice)}>
        {items[0]!.choices.map((c) => (
          <option key={c} value={c}>
            {t(`bundle.choice.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChoiceSelect({
  item,
  value,
  onChange,
}: {
  item: PreviewItem;
  value: ImportChoice;
  onChange: (c: ImportChoice) => void;
}) {
  const { t } = useI18n();
  return (
    <select
      className="bn-item__choice"
      aria-label={t('bundle.import.choiceFor', { title: item.title })}
      value={value}
      onChange={(e) => onChange(e.target.value as ImportChoice)}
    >
      {item.choices.map((c) => (
        <option key={c} value={c}>
          {t(`bundle.choice.${c}`)}
        </option>
      ))}
    </select>
  );
}

function StateBadge({ item }: { item: PreviewItem }) {
  const { t } = useI18n();
  const version =
    item.kind === 'walkthrough' &&
    item.state !== 'new' &&
    item.localVersion !== undefined &&
    item.incomingVersion !== item.localVersion
      ? ` (${t('bundle.import.versionChange', { from: item.localVersion, to: item.incomingVersion ?? '' })})`
      : '';
  return (
    <span className={`bn-badge bn-badge--${item.state}`}>
      {t(`bundle.state.${item.state}`)}
      {version}
    </span>
  );
}
