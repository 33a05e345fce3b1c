/** Popup card: note a question about the page in the current tab, and how many wait for the next meeting. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '~/lib/db';
import { LotseError, send } from '~/lib/messages';
import { getNextMeeting } from '~/lib/questions/repo';
import { useI18n } from '../i18n';
import { getTargetTabId } from '../useTargetTab';
import { Button } from '../ui';
import { ErrorText, shortDay, useAction } from './shared';

export function PopupQuestion() {
  const { t, locale } = useI18n();
  const [run, error] = useAction();
  const [busy, setBusy] = useState(false);
  const summary = useLiveQuery(async () => {
    const db = getDb();
    const [open, agenda, next] = await Promise.all([
      db.questions.where('status').equals('open').count(),
      db.questions.where('status').equals('agenda').count(),
      getNextMeeting(db),
    ]);
    return { waiting: open + agenda, next };
  }, []);

  const note = async () => {
    setBusy(true);
    const ok = await run(async () => {
      const tabId = await getTargetTabId();
      if (tabId === undefined) throw new LotseError('no-tab');
      // the click on the toolbar button granted activeTab: the background can inject and capture now
      return (await send('questions.open', { tabId })).opened;
    });
    setBusy(false);
    if (ok) window.close();
  };

  return (
    <section className="q-popup" aria-labelledby="q-popup-title">
      <h2 id="q-popup-title" className="visually-hidden">
        {t('nav.questions')}
      </h2>
      <Button
        variant="primary"
        className="q-popup__btn"
        onClick={() => void note()}
        disabled={busy}
        aria-describedby="q-popup-hint"
      >
        {t('questions.popup.note')}
      </Button>
      <p id="q-popup-hint" className="q-popup__hint muted">
        {summary && summary.waiting > 0
          ? summary.next
            ? t('questions.popup.waitingFor', { n: summary.waiting, date: shortDay(summary.next.scheduledAt, locale) })
            : t('questions.popup.waiting', { n: summary.waiting })
          : t('questions.popup.shortcut')}
      </p>
      <ErrorText error={error} />
    </section>
  );
}
