import { defineMessages } from '../define';

// Strings of the recorder feature. Keys are prefixed 'recorder.'.
export default defineMessages({
  en: {},
  de: {},
});
