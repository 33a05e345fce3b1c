import { defineMessages } from '../define';

/** recorder messages to the background. Names are prefixed 'recorder.'. */
export const toBackground = defineMessages({});

/** recorder messages to the content script. */
export const toContent = defineMessages({});
