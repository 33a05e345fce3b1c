/** Small accessible primitives shared by popup, side panel and options (native elements first). */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './icons';

const ICON_NAMES: readonly string[] = ['walkthroughs', 'questions', 'meetings', 'settings', 'goals', 'compass'];

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({
  variant = 'secondary',
  className,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button type="button" className={`lotse-btn lotse-btn--${variant}${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </button>
  );
}

export function Card({ children, className, ...rest }: { children: ReactNode; className?: string } & Record<string, unknown>) {
  return (
    <section className={`lotse-card${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </section>
  );
}

/** An empty state says what the section is for and what to do first. */
export function EmptyState({
  icon,
  title,
  text,
  action,
}: {
  icon?: IconName | ReactNode;
  title: string;
  text: string;
  action?: ReactNode;
}) {
  return (
    <div className="lotse-empty" role="status">
      {icon ? (
        <div className="lotse-empty__icon" aria-hidden="true">
          {typeof icon === 'string' && ICON_NAMES.includes(icon) ? <Icon name={icon as IconName} size={44} /> : icon}
        </div>
      ) : null}
      <h3 className="lotse-empty__title">{title}</h3>
      <p className="lotse-empty__text">{text}</p>
      {action ? <div className="lotse-empty__action">{action}</div> : null}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return (
    <div className={`lotse-notice lotse-notice--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The Lotse mark: a pilot's compass rose, drawn inline so nothing is fetched. */
export function LotseMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="var(--lotse-color-primary)" />
      <path d="M16 5 L19 16 L16 27 L13 16 Z" fill="#fff" />
      <path d="M16 5 L19 16 L13 16 Z" fill="var(--lotse-color-accent)" />
      <circle cx="16" cy="16" r="2" fill="var(--lotse-color-primary)" />
    </svg>
  );
}
