/** Small pieces shared by the questions, goals and meetings views. */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '~/lib/db';
import { formatDate, type Translate, type UiLocale } from '~/lib/i18n';
import { errorMessageKey, toErrorCode } from '~/lib/messages/errors';
import { getTandem } from '~/lib/questions/repo';
import type { Goal, Question, Role, Tandem } from '~/lib/schema';
import { useT } from '../i18n';
import './questions.css';

export function useTandem(): Tandem | undefined | null {
  // null while loading, undefined when there is none
  return useLiveQuery(async () => (await getTandem()) ?? undefined, [], null);
}

export function useGoals(): Goal[] | undefined {
  return useLiveQuery(() => getDb().goals.orderBy('order').toArray(), []);
}

/** "Mentor (Lea)" / "Mentee" — the owner of an action item, with the first name when known. */
export function roleLabel(t: Translate, role: Role, tandem: Tandem | undefined | null): string {
  const name = tandem ? (tandem.role === role ? tandem.myName : tandem.partnerName) : undefined;
  const base = t(role === 'mentor' ? 'tandem.role.mentor' : 'tandem.role.mentee');
  return name ? t('tandem.role.withName', { role: base, name }) : base;
}

export const meetingDay = (iso: string, locale: UiLocale) =>
  formatDate(iso, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
export const meetingTime = (iso: string, locale: UiLocale) =>
  formatDate(iso, locale, { hour: '2-digit', minute: '2-digit' });
export const shortDay = (iso: string, locale: UiLocale) =>
  formatDate(iso, locale, { weekday: 'short', day: 'numeric', month: 'short' });

/** Run a database action and keep its translated error (if any) for display next to the control. */
export function useAction(): [
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>,
  error: string | undefined,
  clear: () => void,
] {
  const t = useT();
  const [error, setError] = useState<string>();
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      setError(undefined);
      try {
        return await fn();
      } catch (err) {
        console.warn('Lotse:', err);
        setError(t(errorMessageKey(toErrorCode(err))));
        return undefined;
      }
    },
    [t],
  );
  return [run, error, useCallback(() => setError(undefined), [])];
}

export function ErrorText({ error }: { error: string | undefined }) {
  return error ? (
    <p className="q-error" role="alert">
      {error}
    </p>
  ) : null;
}

const STATUS_KEYS = {
  open: 'questions.status.open',
  agenda: 'questions.status.agenda',
  discussed: 'questions.status.discussed',
  resolved: 'questions.status.resolved',
} as const;

export function statusLabel(t: Translate, status: Question['status']): string {
  return t(STATUS_KEYS[status]);
}

export function StatusBadge({ status }: { status: Question['status'] }) {
  const t = useT();
  return <span className={`q-badge q-badge--${status}`}>{statusLabel(t, status)}</span>;
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="q-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <div className="q-progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** A yes/no confirmation shown in place (no browser dialogs: they are modal for the whole window). */
export function Confirm({
  text,
  yes,
  onYes,
  onNo,
}: {
  text: ReactNode;
  yes: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const t = useT();
  return (
    <div className="q-confirm" role="alertdialog" aria-label={typeof text === 'string' ? text : undefined}>
      <p>{text}</p>
      <div className="q-row">
        <button type="button" className="lotse-btn lotse-btn--danger" onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="lotse-btn" onClick={onNo} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Save a text as a file (calendar export): a download link, no permission needed. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A checkbox for a stored flag: it shows the new state at once while the database write is on its way
 * (the live query brings the stored value back a moment later).
 */
export function LiveCheckbox({
  checked,
  onCheckedChange,
  ...rest
}: { checked: boolean; onCheckedChange: (checked: boolean) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'checked' | 'onChange' | 'type' | 'defaultChecked'
>) {
  const [local, setLocal] = useState(checked);
  useEffect(() => setLocal(checked), [checked]);
  return (
    <input
      type="checkbox"
      {...rest}
      checked={local}
      onChange={(e) => {
        setLocal(e.target.checked);
        onCheckedChange(e.target.checked);
      }}
    />
  );
}

/**
 * Move focus to a view's heading once it is on screen (after loading), so keyboard and screen-reader users
 * start at the top of the view they just opened.
 */
export function useFocusOnShow(ref: RefObject<HTMLElement | null>, key?: unknown): void {
  const done = useRef<unknown>(Symbol());
  useEffect(() => {
    if (done.current !== key && ref.current) {
      ref.current.focus();
      done.current = key;
    }
  });
}

/** Open the print page of a meeting's agenda or minutes in a new tab. */
export function openPrintView(meetingId: string, view: 'agenda' | 'minutes'): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/meeting-print.html?meeting=${meetingId}&view=${view}`) });
}

const GLYPHS = {
  up: 'M12 5l-7 7h4.5v7h5v-7H19z',
  down: 'M12 19l7-7h-4.5V5h-5v7H5z',
  close: 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z',
  image:
    'M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v9l4-4 3 3 3-4 4 5V7zm3 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  box: 'M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v12h12V6z',
  checked:
    'M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v12h12V6zm4.5 9.4-3-3 1.4-1.4 1.6 1.6 5-5 1.4 1.4z',
} as const;

/** Small inline SVG glyphs (no symbol fonts needed); decorative, the button or text carries the meaning. */
export function Glyph({ name, size = 18 }: { name: keyof typeof GLYPHS; size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" className="q-glyph">
      <path d={GLYPHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
