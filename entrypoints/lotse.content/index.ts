// first: recover the extension API before anything reads it, on pages that clobber `chrome`/`browser`
import '~/lib/inpage/extension-api';
import { listenInContent } from '~/lib/messages';
import { recorderHandlers, initRecorder } from './recorder';
import { playerHandlers, initPlayer } from './player';
import { composerHandlers, initComposer } from './composer';

declare global {
  var __lotseContentLoaded: boolean | undefined;
}

/**
 * The one in-page script, injected at runtime into a tab where the user records, plays or notes a
 * question. Runs in the isolated world: the page's prototypes and globals cannot reach it.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    // executeScript may run us twice in one document; keep one listener.
    if (globalThis.__lotseContentLoaded) return;
    globalThis.__lotseContentLoaded = true;
    listenInContent({
      'content.ping': () => ({ url: location.href, title: document.title }),
      'content.prefsChanged': () => ({}),
      ...recorderHandlers,
      ...playerHandlers,
      ...composerHandlers,
    });
    initRecorder();
    initPlayer();
    initComposer();
  },
});
