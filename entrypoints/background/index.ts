import { browser } from 'wxt/browser';
import { listenInBackground } from '~/lib/messages';
import { coreHandlers } from './core';

export default defineBackground(() => {
  // Handlers of every capability, merged; names are unique across the protocol parts.
  listenInBackground({
    ...coreHandlers,
  });

  // Chrome: the toolbar button opens the popup; the side panel opens from there or the context menu.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
