import { defineMessages } from '../define';

// Strings of the player feature. Keys are prefixed 'player.'.
export default defineMessages({
  en: {},
  de: {},
});
