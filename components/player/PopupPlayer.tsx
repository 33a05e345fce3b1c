import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { useTargetTabId } from '../useTargetTab';
import { send } from '~/lib/messages';
import { useLibrary, useSessions, useStepCount, type LibraryItem } from './useLibrary';
import { useStartWalkthrough } from './start';
import './player.css';

type Status = Awaited<ReturnType<typeof send<'player.status'>>>;

/**
 * Popup card: what is being guided in this tab (with a way to stop), otherwise the walkthrough the
 * mentee is in the middle of, or the most recent ones to start. The full list is in the side panel.
 */
export function PopupPlayer() {
  const { t } = useI18n();
  const tabId = useTargetTabId();
  const sessions = useSessions();
  const items = useLibrary();
  const { start, notice } = useStartWalkthrough(t, tabId);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    if (tabId === undefined) return;
    let alive = true;
    void send('player.status', { tabId })
      .then((s) => alive && setStatus(s))
      .catch(() => alive && setStatus(null));
    return () => {
      alive = false;
    };
  }, [tabId, sessions]);

  if (status && status.status !== 'finished') {
    return (
      <div className="pl-popup" aria-live="polite">
        <p className="pl-popup__status">
          <strong>{t('player.popup.playing', { title: status.title })}</strong>
        </p>
        <p className="pl-popup__sub">
          {status.status === 'paused'
            ? t('player.popup.paused', { k: status.stepIndex + 1, n: status.stepCount })
            : t('player.popup.step', { k: status.stepIndex + 1, n: status.stepCount })}
        </p>
        <Button onClick={() => void send('player.stop', { tabId }).then(() => setStatus(null))}>
          {t('player.popup.stop')}
        </Button>
      </div>
    );
  }
  if (!items?.length) return null;
  const playable = items.filter((i) => i.walkthrough.status !== 'recording');
  const current = playable.find((i) => i.summary.status === 'in-progress');
  const recent = current ? [current] : playable.slice(0, 2);
  if (recent.length === 0) return null;
  return (
    <div className="pl-popup">
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {recent.map((i, n) => (
        <PopupItem
          key={i.walkthrough.id}
          item={i}
          primary={n === 0}
          onStart={(mode) => void start(i.walkthrough, mode).then((ok) => ok && window.close())}
        />
      ))}
    </div>
  );
}

/** One walkthrough to continue or start (hidden while it has no steps). */
function PopupItem({
  item,
  primary,
  onStart,
}: {
  item: LibraryItem;
  primary: boolean;
  onStart: (mode: 'start' | 'continue') => void;
}) {
  const { t } = useI18n();
  const count = useStepCount(item.walkthrough.id);
  if (!count) return null;
  const title = item.walkthrough.title;
  if (item.summary.status === 'in-progress') {
    const k = Math.min(item.summary.resumeIndex, count - 1) + 1;
    return (
      <>
        <Button variant="primary" onClick={() => onStart('continue')}>
          {t('player.popup.continue', { title })}
        </Button>
        <p className="pl-popup__sub">{t('player.library.progress', { k, n: count })}</p>
      </>
    );
  }
  return (
    <Button variant={primary ? 'primary' : 'secondary'} onClick={() => onStart('start')}>
      {t('player.popup.start', { title })}
    </Button>
  );
}
