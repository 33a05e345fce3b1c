import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * An accessible modal on the native <dialog> (showModal): focus is trapped and the page behind is inert
 * by the browser itself; Escape closes unless work is in progress; focus returns to where it came from.
 */
export function Modal({
  title,
  onClose,
  busy = false,
  children,
  footer,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  /** while true, Escape and the close button do nothing (an import must not be interrupted halfway) */
  busy?: boolean;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element — the close button. Unless a field asked for focus,
    // start at the title instead, so the dialog is read from the top and Tab leads into its content.
    if (document.activeElement === dialog.querySelector('.bn-dialog__close'))
      dialog.querySelector<HTMLElement>('.bn-dialog__title')?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault(); // we close through React state, never behind its back
      if (!busyRef.current) closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`bn-dialog${wide ? ' bn-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
    >
      <div className="bn-dialog__head">
        <h2 id={titleId} className="bn-dialog__title" tabIndex={-1}>
          {title}
        </h2>
        <button
          type="button"
          className="bn-dialog__close"
          onClick={() => !busy && onClose()}
          disabled={busy}
          aria-label={t('common.close')}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path
              d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"
              fill="currentColor"
            />
          </svg>
        </button>
      </div>
      <div className="bn-dialog__body">{children}</div>
      {footer ? <div className="bn-dialog__foot">{footer}</div> : null}
    </dialog>
  );
}

/** A calm progress line for work that takes a moment (key derivation, unpacking). */
export function Working({ text }: { text: string }) {
  return (
    <p className="bn-working" role="status">
      <span className="bn-spinner" aria-hidden="true" />
      {text}
    </p>
  );
}
