/**
 * The meeting series as an iCalendar file (RFC 5545) via the `ics` library. Events are marked PRIVATE and
 * carry only the topic: agendas and questions are confidential and stay in Lotse, while calendars are often
 * visible to assistants and colleagues.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Meeting } from '../schema';

export interface IcsOptions {
  /** event title, e.g. "Tandem meeting: LinkedIn profile" */
  title: (m: Meeting) => string;
  description?: (m: Meeting) => string;
  calName: string;
}

const utcArray = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** A stable UID per meeting, so importing the file again updates events instead of duplicating them. */
export const meetingUid = (m: Pick<Meeting, 'id'>) => `${m.id}@lotse.invalid`;

export function meetingsToIcs(meetings: readonly Meeting[], opts: IcsOptions): string {
  const events: EventAttributes[] = meetings.map((m) => {
    const description = opts.description?.(m);
    return {
      uid: meetingUid(m),
      start: utcArray(new Date(m.scheduledAt)),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: m.durationMinutes },
      title: opts.title(m),
      ...(description ? { description } : {}),
      status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      classification: 'PRIVATE',
      busyStatus: 'BUSY',
      // increases with every change so calendars take the newer copy
      sequence: Math.max(0, Math.floor(Date.parse(m.updatedAt) / 60_000) - 28_000_000),
      lastModified: utcArray(new Date(m.updatedAt)),
      productId: 'lotse/meetings',
    };
  });
  const { error, value } = createEvents(events, { productId: 'lotse/meetings', calName: opts.calName });
  if (error || value === undefined) throw error ?? new Error('ics: no output');
  return value;
}
