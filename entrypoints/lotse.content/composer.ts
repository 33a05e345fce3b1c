import type { ContentMap, Handlers } from '~/lib/messages';

/** composer: answers to the background inside the page. */
export const composerHandlers: Handlers<ContentMap> = {};

/** composer: start-up inside the page (e.g. resume after a navigation). */
export function initComposer(): void {}
