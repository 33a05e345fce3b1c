import { send, type ContentMap, type Handlers } from '~/lib/messages';
import { PlayerController, type PlayerPort } from '~/lib/player/controller';
import { openComposer, setComposerContextSource } from './composer';
import { whenReachable } from './reach';

/** The page talks to the background only through the typed message protocol; never to the page. */
const port: PlayerPort = {
  async position(walkthroughId, stepIndex, status) {
    await send('player.position', { walkthroughId, stepIndex, status });
  },
  async finish(walkthroughId) {
    return (await send('player.finish', { walkthroughId })).timesFinished;
  },
  async stop(walkthroughId) {
    await send('player.stop', { walkthroughId });
  },
  async health(walkthroughId, stepId, outcome, score) {
    await send('player.health', { walkthroughId, stepId, outcome, ...(score !== undefined ? { score } : {}) });
  },
  async heal(walkthroughId, stepId, target) {
    await send('player.heal', { walkthroughId, stepId, target });
  },
  async screenshot(walkthroughId, stepId) {
    const shot = await send('player.screenshot', { walkthroughId, stepId });
    if (!shot) return null;
    const bin = atob(shot.base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type: shot.mime });
  },
  prefs() {
    return send('core.uiPrefs', {});
  },
  ask(walkthroughId, stepId) {
    openComposer({ walkthroughId, stepId });
  },
};

let controller: PlayerController | undefined;
const player = () => (controller ??= new PlayerController(port));
// a question noted with the keyboard command during a walkthrough is linked to the step on screen
setComposerContextSource(() => controller?.questionContext);

/** player: answers to the background inside the page. */
export const playerHandlers: Handlers<ContentMap> = {
  'player.play': (pb) => {
    player().start(pb);
    return {};
  },
  'player.close': ({ walkthroughId }) => {
    if (controller && (!walkthroughId || controller.walkthroughId === walkthroughId)) controller.close();
    return {};
  },
};

/**
 * player: start-up inside the page — after a full page load, continue where the mentee was. Asked
 * again while the service worker is unreachable (stopped or starting): an unanswered question is not
 * a "no".
 */
export function initPlayer(): void {
  void whenReachable(() => send('player.session', { url: location.href }))
    .then((pb) => {
      if (pb) player().start(pb);
    })
    .catch(() => undefined);
}
