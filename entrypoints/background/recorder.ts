import type { BackgroundMap, Handlers } from '~/lib/messages';

/** recorder: message handlers of the background. */
export const recorderHandlers: Handlers<BackgroundMap> = {};

/** recorder: browser event listeners (registered synchronously at service-worker start). */
export function setupRecorder(): void {}
