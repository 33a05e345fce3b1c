import { useId, useState } from 'react';
import { useT } from '../i18n';
import { passphraseStrength, type PassphraseStrength } from '~/lib/bundle';

const LEVEL: Record<PassphraseStrength, number> = { 'too-short': 0, weak: 1, fair: 2, strong: 3 };

/** Passphrase twice, a show toggle and an honest strength hint. */
export function PassphraseFields({
  value,
  repeat,
  onChange,
  onRepeatChange,
  error,
  autoFocus = false,
}: {
  value: string;
  repeat: string;
  onChange: (v: string) => void;
  onRepeatChange: (v: string) => void;
  /** the message shown under the fields (too short, not the same) */
  error?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [show, setShow] = useState(false);
  const strength = passphraseStrength(value);
  const type = show ? 'text' : 'password';
  return (
    <div className="bn-pass">
      <div className="lotse-field">
        <label htmlFor={`${id}-p`}>{t('bundle.passphrase.label')}</label>
        <input
          id={`${id}-p`}
          type={type}
          value={value}
          autoComplete="new-password"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-describedby={`${id}-s ${id}-tip`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <div className={`bn-strength bn-strength--${strength}`} id={`${id}-s`} aria-live="polite">
          <span className="bn-strength__bar" aria-hidden="true">
            {[1, 2, 3].map((n) => (
              <span key={n} className={LEVEL[strength] >= n ? 'on' : ''} />
            ))}
          </span>
          <span>{value ? t('bundle.strength.label', { strength: t(`bundle.strength.${strength}`) }) : ''}</span>
        </div>
      </div>
      <div className="lotse-field">
        <label htmlFor={`${id}-r`}>{t('bundle.passphrase.repeat')}</label>
        <input
          id={`${id}-r`}
          type={type}
          value={repeat}
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby={error ? `${id}-e` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onRepeatChange(e.target.value)}
        />
      </div>
      {error ? (
        <p className="bn-field-error" id={`${id}-e`} role="alert">
          {error}
        </p>
      ) : null}
      <label className="lotse-check">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        <span>{t('bundle.passphrase.show')}</span>
      </label>
      <p className="hint bn-hint" id={`${id}-tip`}>
        {t('bundle.passphrase.tip')}
      </p>
    </div>
  );
}
