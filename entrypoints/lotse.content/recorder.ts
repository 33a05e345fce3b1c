import type { ContentMap, Handlers } from '~/lib/messages';

/** recorder: answers to the background inside the page. */
export const recorderHandlers: Handlers<ContentMap> = {};

/** recorder: start-up inside the page (e.g. resume after a navigation). */
export function initRecorder(): void {}
