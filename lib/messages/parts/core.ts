import { z } from 'zod';
import { defineMessages } from '../define';

/** Messages to the background. */
export const toBackground = defineMessages({
  /** round trip check; answers who the background thinks the sender is */
  'core.ping': {
    request: z.object({ nonce: z.string().max(100) }),
    response: z.object({
      nonce: z.string(),
      tabId: z.number().int().optional(),
      sender: z.enum(['content', 'extension']),
      version: z.string(),
    }),
    from: ['content', 'extension'],
  },
  /** UI preferences for in-page UI (content scripts cannot open the database) */
  'core.uiPrefs': {
    request: z.object({}),
    response: z.object({
      locale: z.enum(['de', 'en']),
      largeText: z.boolean(),
      dimPage: z.boolean(),
    }),
    from: ['content', 'extension'],
  },
});

/** Messages to a content script. */
export const toContent = defineMessages({
  'content.ping': {
    request: z.object({}),
    response: z.object({ url: z.string(), title: z.string() }),
    from: ['extension'],
  },
  /** the language or text size changed: re-render in-page UI */
  'content.prefsChanged': {
    request: z.object({ locale: z.enum(['de', 'en']), largeText: z.boolean(), dimPage: z.boolean() }),
    response: z.object({}),
    from: ['extension'],
  },
});
