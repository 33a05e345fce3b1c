import { defineMessages } from '../define';

// Strings of the bundle feature. Keys are prefixed 'bundle.'.
export default defineMessages({
  en: {},
  de: {},
});
