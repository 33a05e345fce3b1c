import { browser } from 'wxt/browser';
import { listenInBackground } from '~/lib/messages';
import { installTestHooks } from '~/lib/testing/hooks';
import { coreHandlers } from './core';
import { recorderHandlers, setupRecorder } from './recorder';
import { playerHandlers, setupPlayer } from './player';
import { questionsHandlers, setupQuestions } from './questions';

export default defineBackground(() => {
  installTestHooks(); // e2e build only
  // Handlers of every capability, merged; names are unique across the protocol parts.
  listenInBackground({
    ...coreHandlers,
    ...recorderHandlers,
    ...playerHandlers,
    ...questionsHandlers,
  });
  // Listeners must be registered synchronously so a woken service worker receives the event.
  setupRecorder();
  setupPlayer();
  setupQuestions();

  // Chrome: the toolbar button opens the popup; the side panel opens from there.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
