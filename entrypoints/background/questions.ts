import type { BackgroundMap, Handlers } from '~/lib/messages';

/** questions: message handlers of the background. */
export const questionsHandlers: Handlers<BackgroundMap> = {};

/** questions: browser event listeners (registered synchronously at service-worker start). */
export function setupQuestions(): void {}
