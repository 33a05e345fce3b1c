import type { ContentMap, Handlers } from '~/lib/messages';

/** player: answers to the background inside the page. */
export const playerHandlers: Handlers<ContentMap> = {};

/** player: start-up inside the page (e.g. resume after a navigation). */
export function initPlayer(): void {}
