import type { ContentMap, Handlers } from '~/lib/messages';

/** composer: answers to the background inside the page. */
export const composerHandlers: Handlers<ContentMap> = {};

/** composer: start-up inside the page (e.g. resume after a navigation). */
export function initComposer(): void {}

/** Context a question is noted in, when the player opens the composer. */
export interface ComposerContext {
  walkthroughId?: string;
  stepId?: string;
}

/** Open the in-page question composer. Owned by the questions feature; the player calls it. */
export function openComposer(_ctx: ComposerContext = {}): void {}
