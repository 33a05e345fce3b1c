import { useState } from 'react';
import { useT } from '../i18n';
import { Button, Notice } from '../ui';
import { ProblemNotice, RecordDot, RecordingStatusLine } from './parts';
import { isRecordable, siteName, useRecorderActions, useRecorderStatus, useSiteAccess, useTabUrl } from './useRecorder';
import './recorder.css';

/**
 * Start/stop recording on the target tab (side panel, Walkthroughs section header). Owned by the
 * recorder feature. `onRecorded` is called with the walkthrough after a recording with steps stopped.
 */
export function RecordButton({ tabId, onRecorded }: { tabId: number | undefined; onRecorded?: (walkthroughId: string) => void }) {
  const t = useT();
  const status = useRecorderStatus();
  const url = useTabUrl(tabId);
  const access = useSiteAccess(url);
  const { start, stop, pause, grantBlocked, problem, busy } = useRecorderActions(tabId, url);
  const [saved, setSaved] = useState<number>();

  if (status.recording) {
    const here = status.tabId === tabId;
    return (
      <div className="rec rec--on" data-testid="recorder-panel">
        <RecordingStatusLine status={status} otherTab={!here} />
        <div className="rec__actions">
          <Button onClick={() => void pause(!status.paused)} aria-pressed={status.paused}>
            {status.paused ? t('recorder.resume') : t('recorder.pause')}
          </Button>
          <Button
            variant="primary"
            className="rec__stop"
            disabled={busy}
            onClick={() =>
              void stop().then((r) => {
                if (!r) return;
                setSaved(r.stepCount);
                if (r.walkthroughId) onRecorded?.(r.walkthroughId);
              })
            }
          >
            <span className="rec__square" aria-hidden="true" />
            {t('recorder.stop')}
          </Button>
        </div>
        {status.blockedOrigin ? (
          <Notice kind="warning">
            <p>{t('recorder.access.blocked', { site: siteName(status.blockedOrigin.replace(/\/\*$/, '/')) })}</p>
            <Button onClick={() => void grantBlocked(status.blockedOrigin!)}>
              {t('recorder.access.grant', { site: siteName(status.blockedOrigin.replace(/\/\*$/, '/')) })}
            </Button>
          </Notice>
        ) : null}
        <ProblemNotice problem={problem} />
      </div>
    );
  }

  const recordable = isRecordable(url);
  const needsAccess = recordable && access === false;
  return (
    <div className="rec" data-testid="recorder-panel">
      <Button
        variant="primary"
        className="rec__start"
        disabled={busy || tabId === undefined}
        onClick={() => {
          setSaved(undefined);
          void start();
        }}
      >
        <RecordDot />
        {needsAccess ? t('recorder.access.allow') : t('recorder.start')}
      </Button>
      {needsAccess && !problem ? (
        <p className="rec__why">{t('recorder.access.why', { site: siteName(url) })}</p>
      ) : null}
      {!recordable && url !== undefined && !problem ? <p className="rec__why">{t('recorder.unsupported')}</p> : null}
      {saved !== undefined && saved > 0 ? <Notice kind="success">{t('recorder.stopped', { count: saved })}</Notice> : null}
      <ProblemNotice problem={problem} />
    </div>
  );
}
