/**
 * The tandem's settings as form fields, in groups: role, names, program period and rhythm, confidentiality.
 * The first run shows one group per step; Settings shows them all in one form.
 */
import { useId } from 'react';
import type { Translate, UiLocale } from '~/lib/i18n';
import { defaultProgramEnd, planMeetingDates, toLocalDate } from '~/lib/questions/rhythm';
import type { TandemInput } from '~/lib/questions/repo';
import type { MeetingRhythm, Role, Tandem } from '~/lib/schema';
import { useI18n } from '../i18n';
import { meetingDay, meetingTime } from './shared';

export interface TandemDraft {
  role: Role | '';
  myName: string;
  partnerName: string;
  programStart: string;
  programEnd: string;
  every: MeetingRhythm['every'];
  weekday: number;
  time: string;
  duration: number;
  agreement: string;
  acknowledged: boolean;
}

export function draftFromTandem(tandem: Tandem | undefined, t: Translate, today = new Date()): TandemDraft {
  if (tandem) {
    const start = tandem.programStart ?? toLocalDate(today);
    return {
      role: tandem.role,
      myName: tandem.myName ?? '',
      partnerName: tandem.partnerName ?? '',
      programStart: start,
      programEnd: tandem.programEnd ?? '',
      every: tandem.rhythm.every,
      weekday: tandem.rhythm.weekday ?? new Date(`${start}T12:00:00`).getDay(),
      time: tandem.rhythm.time ?? '16:00',
      duration: tandem.rhythm.durationMinutes,
      agreement: tandem.confidentiality.text,
      acknowledged: tandem.confidentiality.acknowledgedAt !== undefined,
    };
  }
  const start = toLocalDate(today);
  return {
    role: '',
    myName: '',
    partnerName: '',
    programStart: start,
    programEnd: toLocalDate(defaultProgramEnd(start)),
    every: 'monthly',
    weekday: today.getDay() === 0 || today.getDay() === 6 ? 2 : today.getDay(),
    time: '16:00',
    duration: 60,
    agreement: t('tandem.agreement.default'),
    acknowledged: false,
  };
}

export function draftToInput(d: TandemDraft): TandemInput {
  return {
    role: d.role === '' ? 'mentee' : d.role,
    myName: d.myName,
    partnerName: d.partnerName,
    programStart: d.programStart,
    ...(d.programEnd ? { programEnd: d.programEnd } : {}),
    rhythm: { every: d.every, durationMinutes: d.duration, weekday: d.weekday, time: d.time },
    confidentialityText: d.agreement,
    acknowledged: d.acknowledged,
  };
}

/** Translated problems of the period/rhythm group, by field. */
export function periodErrors(d: TandemDraft, t: Translate): { start?: string; end?: string; time?: string } {
  const out: { start?: string; end?: string; time?: string } = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.programStart)) out.start = t('tandem.error.start');
  if (d.programEnd && d.programStart && d.programEnd < d.programStart) out.end = t('tandem.error.end');
  if (d.programEnd && !/^\d{4}-\d{2}-\d{2}$/.test(d.programEnd)) out.end = t('tandem.error.end');
  if (!/^\d{2}:\d{2}$/.test(d.time)) out.time = t('tandem.error.time');
  return out;
}

type Change = (patch: Partial<TandemDraft>) => void;

export function RoleField({ draft, onChange }: { draft: TandemDraft; onChange: Change }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="q-fieldset">
      <legend>{t('tandem.role.question')}</legend>
      <div className="q-choices">
        {(['mentee', 'mentor'] as const).map((role) => (
          <label key={role} className={`q-choice${draft.role === role ? ' q-choice--on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={role}
              checked={draft.role === role}
              onChange={() => onChange({ role })}
            />
            <span>
              <strong>{t(role === 'mentee' ? 'tandem.role.mentee.title' : 'tandem.role.mentor.title')}</strong>
              <span className="muted">
                {t(role === 'mentee' ? 'tandem.role.mentee.text' : 'tandem.role.mentor.text')}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function NameFields({ draft, onChange }: { draft: TandemDraft; onChange: Change }) {
  const { t } = useI18n();
  const me = useId();
  const partner = useId();
  const hint = useId();
  return (
    <div>
      <div className="lotse-field">
        <label htmlFor={me}>{t('tandem.myName')}</label>
        <input
          id={me}
          type="text"
          maxLength={80}
          autoComplete="given-name"
          value={draft.myName}
          aria-describedby={hint}
          onChange={(e) => onChange({ myName: e.target.value })}
        />
      </div>
      <div className="lotse-field">
        <label htmlFor={partner}>
          {t(draft.role === 'mentor' ? 'tandem.partnerName.mentee' : 'tandem.partnerName.mentor')}
        </label>
        <input
          id={partner}
          type="text"
          maxLength={80}
          autoComplete="off"
          value={draft.partnerName}
          aria-describedby={hint}
          onChange={(e) => onChange({ partnerName: e.target.value })}
        />
      </div>
      <p className="hint muted" id={hint}>
        {t('tandem.names.hint')}
      </p>
    </div>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

function weekdayName(day: number, locale: UiLocale): string {
  // 2024-01-07 was a Sunday
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long' }).format(
    new Date(2024, 0, 7 + day),
  );
}

export function PeriodFields({ draft, onChange }: { draft: TandemDraft; onChange: Change }) {
  const { t, locale } = useI18n();
  const ids = {
    start: useId(),
    end: useId(),
    every: useId(),
    weekday: useId(),
    time: useId(),
    duration: useId(),
    preview: useId(),
  };
  const errors = periodErrors(draft, t);
  const preview =
    Object.keys(errors).length > 0
      ? undefined
      : planMeetingDates({
          rhythm: { every: draft.every, durationMinutes: draft.duration, weekday: draft.weekday, time: draft.time },
          start: draft.programStart,
          ...(draft.programEnd ? { end: draft.programEnd } : {}),
          notBefore: new Date(),
        });
  const first = preview?.[0];
  return (
    <div>
      <div className="q-grid2">
        <div className="lotse-field">
          <label htmlFor={ids.start}>{t('tandem.programStart')}</label>
          <input
            id={ids.start}
            type="date"
            value={draft.programStart}
            aria-invalid={errors.start ? true : undefined}
            onChange={(e) => {
              const programStart = e.target.value;
              // a one-year program stays one year when only the start moves
              const endWasDefault = draft.programEnd === toLocalDate(defaultProgramEnd(draft.programStart));
              const valid = /^\d{4}-\d{2}-\d{2}$/.test(programStart);
              onChange({
                programStart,
                ...(endWasDefault && valid ? { programEnd: toLocalDate(defaultProgramEnd(programStart)) } : {}),
              });
            }}
          />
          {errors.start ? <span className="q-error">{errors.start}</span> : null}
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.end}>{t('tandem.programEnd')}</label>
          <input
            id={ids.end}
            type="date"
            value={draft.programEnd}
            min={draft.programStart}
            aria-invalid={errors.end ? true : undefined}
            onChange={(e) => onChange({ programEnd: e.target.value })}
          />
          {errors.end ? (
            <span className="q-error" role="alert">
              {errors.end}
            </span>
          ) : null}
        </div>
      </div>
      <div className="q-grid2">
        <div className="lotse-field">
          <label htmlFor={ids.every}>{t('tandem.every')}</label>
          <select
            id={ids.every}
            value={draft.every}
            onChange={(e) => onChange({ every: e.target.value as TandemDraft['every'] })}
          >
            <option value="monthly">{t('tandem.every.monthly')}</option>
            <option value="biweekly">{t('tandem.every.biweekly')}</option>
            <option value="weekly">{t('tandem.every.weekly')}</option>
          </select>
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.weekday}>{t('tandem.weekday')}</label>
          <select
            id={ids.weekday}
            value={draft.weekday}
            onChange={(e) => onChange({ weekday: Number(e.target.value) })}
          >
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {weekdayName(d, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.time}>{t('tandem.time')}</label>
          <input
            id={ids.time}
            type="time"
            value={draft.time}
            aria-invalid={errors.time ? true : undefined}
            onChange={(e) => onChange({ time: e.target.value })}
          />
          {errors.time ? <span className="q-error">{errors.time}</span> : null}
        </div>
        <div className="lotse-field">
          <label htmlFor={ids.duration}>{t('tandem.duration')}</label>
          <select
            id={ids.duration}
            value={draft.duration}
            onChange={(e) => onChange({ duration: Number(e.target.value) })}
          >
            {[30, 45, 60, 90, 120].map((m) => (
              <option key={m} value={m}>
                {t('tandem.duration.minutes', { n: m })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="q-preview" id={ids.preview} aria-live="polite">
        {preview === undefined
          ? null
          : first
            ? t('tandem.preview', {
                date: meetingDay(first.toISOString(), locale),
                time: meetingTime(first.toISOString(), locale),
                n: preview.length,
              })
            : t('tandem.preview.none')}
      </p>
    </div>
  );
}

export function AgreementField({
  draft,
  onChange,
  editable,
}: {
  draft: TandemDraft;
  onChange: Change;
  /** show the text as an editable field (Settings) rather than as a document (first run) */
  editable: boolean;
}) {
  const { t } = useI18n();
  const textId = useId();
  return (
    <div>
      {editable ? (
        <div className="lotse-field">
          <label htmlFor={textId}>{t('tandem.agreement.label')}</label>
          <textarea
            id={textId}
            rows={8}
            maxLength={4000}
            value={draft.agreement}
            onChange={(e) => onChange({ agreement: e.target.value })}
          />
          <span className="hint">{t('tandem.agreement.editHint')}</span>
        </div>
      ) : (
        <div className="q-agreement" tabIndex={0} aria-label={t('tandem.agreement.label')}>
          {draft.agreement.split(/\n+/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      <label className="lotse-check q-ack">
        <input
          type="checkbox"
          checked={draft.acknowledged}
          onChange={(e) => onChange({ acknowledged: e.target.checked })}
        />
        <span>{t('tandem.agreement.ack')}</span>
      </label>
    </div>
  );
}

/** The default agreement depends on the language; switching language during setup swaps an untouched text. */
export function isDefaultAgreement(text: string, translators: Translate[]): boolean {
  return translators.some((tr) => tr('tandem.agreement.default') === text);
}
