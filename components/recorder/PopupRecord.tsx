import { useEffect, useState } from 'react';
import { getTargetTabId } from '../useTargetTab';
import { useT } from '../i18n';
import { Button } from '../ui';
import { ProblemNotice, RecordDot, RecordingStatusLine } from './parts';
import { isRecordable, siteName, useRecorderActions, useRecorderStatus, useSiteAccess, useTabUrl } from './useRecorder';
import './recorder.css';

/**
 * Popup card: start/stop recording on the active tab. Opening the popup grants activeTab for that tab,
 * so the first screenshots work even before the site permission is granted. Owned by the recorder feature.
 */
export function PopupRecord() {
  const t = useT();
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    void getTargetTabId().then(setTabId);
  }, []);
  const status = useRecorderStatus();
  const url = useTabUrl(tabId);
  const access = useSiteAccess(url);
  const { start, stop, pause, problem, busy } = useRecorderActions(tabId, url);

  if (status.recording) {
    return (
      <section className="rec-card rec--on" aria-labelledby="popup-rec-title" data-testid="popup-record">
        <h2 id="popup-rec-title" className="rec-card__title">
          {t('recorder.popup.title')}
        </h2>
        <RecordingStatusLine status={status} otherTab={status.tabId !== tabId} />
        <div className="rec__actions">
          <Button onClick={() => void pause(!status.paused)} aria-pressed={status.paused}>
            {status.paused ? t('recorder.resume') : t('recorder.pause')}
          </Button>
          <Button variant="primary" className="rec__stop" disabled={busy} onClick={() => void stop()}>
            <span className="rec__square" aria-hidden="true" />
            {t('recorder.stop')}
          </Button>
        </div>
        <ProblemNotice problem={problem} />
      </section>
    );
  }
  const recordable = isRecordable(url);
  const needsAccess = recordable && access === false;
  return (
    <section className="rec-card" aria-labelledby="popup-rec-title" data-testid="popup-record">
      <h2 id="popup-rec-title" className="rec-card__title">
        {t('recorder.popup.title')}
      </h2>
      <p className="rec__why">
        {!recordable && url !== undefined
          ? t('recorder.unsupported')
          : needsAccess
            ? t('recorder.access.why', { site: siteName(url) })
            : t('recorder.popup.hint')}
      </p>
      <Button
        variant="primary"
        className="rec__start"
        disabled={busy || tabId === undefined || !recordable}
        onClick={() => void start().then((id) => id && window.close())}
      >
        <RecordDot />
        {needsAccess ? t('recorder.access.allow') : t('recorder.start')}
      </Button>
      <p className="rec__shortcut">{t('recorder.popup.shortcut')}</p>
      <ProblemNotice problem={problem} />
    </section>
  );
}
