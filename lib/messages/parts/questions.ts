import { defineMessages } from '../define';

/** questions messages to the background. Names are prefixed 'questions.'. */
export const toBackground = defineMessages({});

/** questions messages to the content script. */
export const toContent = defineMessages({});
