import { defineMessages } from '../define';

/** player messages to the background. Names are prefixed 'player.'. */
export const toBackground = defineMessages({});

/** player messages to the content script. */
export const toContent = defineMessages({});
