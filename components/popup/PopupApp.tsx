import { browser } from 'wxt/browser';
import { useT } from '../i18n';
import { Button, LotseMark } from '../ui';
import { PopupPlayer } from '../player/PopupPlayer';
import { PopupRecord } from '../recorder/PopupRecord';
import { PopupQuestion } from '../questions/PopupQuestion';
import './popup.css';

/** Open the side panel of this window (the popup click is the user gesture Chrome requires). */
async function openSidePanel() {
  const win = await browser.windows.getCurrent();
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  if (sidePanel && win.id !== undefined) await sidePanel.open({ windowId: win.id });
  else await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  window.close();
}

/**
 * The popup: what is going on, continue or start a walkthrough, note a question, record.
 * Each feature contributes its own card.
 */
export function PopupApp() {
  const t = useT();
  return (
    <div className="popup">
      <header className="popup__header">
        <LotseMark />
        <div className="popup__brand">{t('app.name')}</div>
      </header>
      <div className="popup__actions">
        <PopupPlayer />
        <PopupQuestion />
        <PopupRecord />
        <Button variant="ghost" onClick={() => void openSidePanel()}>
          {t('common.openSidePanel')}
        </Button>
      </div>
      <footer className="popup__footer">{t('privacy.local')}</footer>
    </div>
  );
}
