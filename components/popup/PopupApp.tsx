import { browser } from 'wxt/browser';
import { useT } from '../i18n';
import { Button, LotseMark } from '../ui';
import './popup.css';

/** Open the side panel of this window (the popup click is the user gesture Chrome requires). */
async function openSidePanel() {
  const win = await browser.windows.getCurrent();
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  if (sidePanel && win.id !== undefined) await sidePanel.open({ windowId: win.id });
  else await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  window.close();
}

export function PopupApp() {
  const t = useT();
  return (
    <div className="popup">
      <header className="popup__header">
        <LotseMark />
        <div>
          <div className="popup__brand">{t('app.name')}</div>
          <div className="popup__status" role="status">
            {t('popup.status.idle')}
          </div>
        </div>
      </header>
      <div className="popup__actions">
        <Button variant="primary" onClick={() => void openSidePanel()}>
          {t('common.openSidePanel')}
        </Button>
      </div>
      <footer className="popup__footer">{t('privacy.local')}</footer>
    </div>
  );
}
