/**
 * The print page of a meeting: `meeting-print.html?meeting=<id>&view=agenda|minutes`. A plain document
 * that prints well to paper or PDF (the browser's "Save as PDF"); the buttons are not printed.
 */
import { useEffect, useState } from 'react';
import { refreshNextAgenda } from '~/lib/questions/repo';
import { useI18n } from '../i18n';
import { AgendaDoc, MinutesDoc } from './MeetingDocs';
import { useMeetingData } from './meetingData';
import { meetingDay } from './shared';
import './print.css';

/** Set when the document is complete: tests and the bench wait for it. */
export const PRINT_READY_ATTR = 'data-print-ready';

export function MeetingPrint() {
  const { t, locale } = useI18n();
  const params = new URLSearchParams(location.search);
  const id = params.get('meeting') ?? '';
  const view = params.get('view') === 'minutes' ? 'minutes' : 'agenda';
  const [refreshed, setRefreshed] = useState(false);
  // the next meeting's agenda is brought up to date before it is printed
  useEffect(() => {
    void refreshNextAgenda()
      .catch(() => undefined)
      .finally(() => setRefreshed(true));
  }, []);
  const data = useMeetingData(id);

  useEffect(() => {
    if (data)
      document.title = `${view === 'minutes' ? t('print.minutes') : t('print.agenda')} – ${meetingDay(data.meeting.scheduledAt, locale)}`;
  }, [data, view, t, locale]);

  if (!refreshed || data === undefined) return <p className="p-page">{t('common.loading')}</p>;
  if (data === null) {
    return (
      <main className="p-page">
        <p role="alert">{t('error.not-found')}</p>
      </main>
    );
  }
  return (
    <main className="p-page" {...{ [PRINT_READY_ATTR]: view }}>
      <div className="p-tools">
        <button type="button" className="lotse-btn lotse-btn--primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <p className="muted">{t('print.hint')}</p>
      </div>
      <header className="p-head">
        <p className="p-brand">{t('app.name')}</p>
        <h1>{view === 'minutes' ? t('print.minutes') : t('print.agenda')}</h1>
        <p className="p-conf">{t('print.confidential')}</p>
      </header>
      {view === 'minutes' ? <MinutesDoc data={data} /> : <AgendaDoc data={data} withNoteLines />}
      <footer className="p-foot">{t('print.footer')}</footer>
    </main>
  );
}
