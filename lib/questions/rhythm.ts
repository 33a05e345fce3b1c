/**
 * Meeting dates from the tandem's rhythm. All arithmetic is in local time (a meeting "every first
 * Tuesday at 16:00" stays at 16:00 across daylight-saving changes); results are Date objects.
 */
import type { MeetingRhythm } from '../schema';

export const DEFAULT_MEETING_TIME = '16:00';
/** Programs run for a bounded period; without an end date we plan one year ahead. */
export const DEFAULT_PROGRAM_MONTHS = 12;
/** A safety cap: weekly meetings over several years would otherwise flood the list. */
export const MAX_PLANNED_MEETINGS = 60;

/** YYYY-MM-DD → local midnight */
export function parseLocalDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** Date → YYYY-MM-DD in local time */
export function toLocalDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Date → HH:MM in local time */
export function toLocalTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function addMonths(date: string, months: number): string {
  const d = parseLocalDate(date);
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() + months);
  // clamp 31 Jan + 1 month to 28/29 Feb instead of rolling over into March
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(day, last));
  return toLocalDate(d);
}

/** A program without an end date runs twelve months: the day before the start's anniversary. */
export function defaultProgramEnd(start: string): Date {
  const d = parseLocalDate(addMonths(start, DEFAULT_PROGRAM_MONTHS));
  d.setDate(d.getDate() - 1);
  return d;
}

function withTime(day: Date, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m, 0, 0);
}

/** The n-th (1-based) given weekday of a month, or the last one for n = 5. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n >= 5) {
    const last = new Date(year, month + 1, 0);
    const back = (last.getDay() - weekday + 7) % 7;
    return new Date(year, month, last.getDate() - back);
  }
  const first = new Date(year, month, 1);
  const offset = (weekday - first.getDay() + 7) % 7;
  return new Date(year, month, 1 + offset + (n - 1) * 7);
}

export interface PlanInput {
  rhythm: MeetingRhythm;
  /** program start, YYYY-MM-DD */
  start: string;
  /** program end, YYYY-MM-DD (inclusive); default: start + 12 months */
  end?: string;
  /** only dates at or after this moment (re-planning keeps the past as it was) */
  notBefore?: Date;
  max?: number;
}

/**
 * The meeting dates of a program. The first meeting is on the first rhythm weekday on or after the start
 * (the start's own weekday when none is set). Monthly meetings keep the first meeting's place in the month
 * ("second Tuesday"; a fifth weekday becomes "last").
 */
export function planMeetingDates(input: PlanInput): Date[] {
  const { rhythm } = input;
  const time = rhythm.time ?? DEFAULT_MEETING_TIME;
  const start = parseLocalDate(input.start);
  const endDay = input.end ? parseLocalDate(input.end) : defaultProgramEnd(input.start);
  const endLimit = new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate(), 23, 59, 59, 999);
  const max = input.max ?? MAX_PLANNED_MEETINGS;
  const weekday = rhythm.weekday ?? start.getDay();
  const firstDay = new Date(start);
  firstDay.setDate(start.getDate() + ((weekday - start.getDay() + 7) % 7));

  const out: Date[] = [];
  const push = (d: Date): boolean => {
    if (d > endLimit || out.length >= max) return false;
    if (!input.notBefore || d >= input.notBefore) out.push(d);
    return true;
  };

  if (rhythm.every === 'monthly') {
    const n = Math.ceil(firstDay.getDate() / 7);
    for (let i = 0; i < 1000; i++) {
      const day = i === 0 ? firstDay : nthWeekday(firstDay.getFullYear(), firstDay.getMonth() + i, weekday, n);
      if (!push(withTime(day, time))) break;
    }
  } else {
    const step = rhythm.every === 'weekly' ? 7 : 14;
    for (let i = 0; i < 1000; i++) {
      const day = new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() + i * step);
      if (!push(withTime(day, time))) break;
    }
  }
  return out;
}
