import type { BackgroundMap, Handlers } from '~/lib/messages';

/** player: message handlers of the background. */
export const playerHandlers: Handlers<BackgroundMap> = {};

/** player: browser event listeners (registered synchronously at service-worker start). */
export function setupPlayer(): void {}
