import { defineMessages } from '../define';

// Strings of the questions feature. Keys are prefixed 'questions.'.
export default defineMessages({
  en: {},
  de: {},
});
