import { z } from 'zod';
import { defineMessages } from '../define';
import { ElementFingerprintSchema, Id, Locale, StepHealthSchema, StepSchema, WalkthroughSchema } from '../../schema';

/** A step as the page needs it: no timestamps, no screenshot data (asked for separately, only if shown). */
export const PlayStepSchema = StepSchema.pick({
  id: true,
  title: true,
  explanation: true,
  url: true,
  action: true,
  target: true,
  healedTarget: true,
}).extend({ hasScreenshot: z.boolean() });

export const UiPrefsSchema = z.object({ locale: Locale, largeText: z.boolean(), dimPage: z.boolean() });

/** Everything the page needs to play (or resume) a walkthrough. */
export const PlaybackSchema = z.object({
  walkthrough: WalkthroughSchema.pick({ id: true, title: true, version: true, language: true }),
  steps: z.array(PlayStepSchema).min(1).max(1000),
  stepIndex: z.number().int().min(0),
  /** 'finished': the last step led to a new page; show "Well done!" there */
  status: z.enum(['playing', 'paused', 'finished']),
  timesFinished: z.number().int().min(0).optional(),
  prefs: UiPrefsSchema,
});
export type Playback = z.infer<typeof PlaybackSchema>;

const Ok = z.object({});

/** player messages to the background. Names are prefixed 'player.'. */
export const toBackground = defineMessages({
  /**
   * Start, continue or restart a walkthrough from the library (side panel / popup). The page asked for
   * the site's permission first (a user gesture). Opens or reuses a tab; answers the tab used.
   */
  'player.start': {
    request: z.object({
      walkthroughId: Id,
      mode: z.enum(['start', 'continue', 'restart']),
      /** the tab the side panel or popup works on; reused when it is on the same site */
      tabId: z.number().int().optional(),
    }),
    response: z.object({ tabId: z.number().int() }),
    from: ['extension'],
  },
  /** content script, after it was injected: is a walkthrough playing in my tab? */
  'player.session': {
    request: z.object({ url: z.string().max(4000) }),
    response: PlaybackSchema.nullable(),
    from: ['content'],
  },
  /** the mentee moved to another step or paused */
  'player.position': {
    request: z.object({
      walkthroughId: Id,
      stepIndex: z.number().int().min(0),
      status: z.enum(['playing', 'paused']),
    }),
    response: Ok,
    from: ['content'],
  },
  /** the last step was done */
  'player.finish': {
    request: z.object({ walkthroughId: Id }),
    response: z.object({ timesFinished: z.number().int().min(0) }),
    from: ['content'],
  },
  /** close the player (exit, stop, tab closed from the popup); the position is kept for "continue" */
  'player.stop': {
    request: z.object({ walkthroughId: Id.optional(), tabId: z.number().int().optional() }),
    response: Ok,
    from: ['content', 'extension'],
  },
  /** a locator outcome for the mentor's step-health view */
  'player.health': {
    request: z.object({
      walkthroughId: Id,
      stepId: Id,
      outcome: StepHealthSchema.shape.outcome,
      score: z.number().min(0).max(1).optional(),
    }),
    response: Ok,
    from: ['content'],
  },
  /** the mentee showed where the element is: keep it as the step's local correction */
  'player.heal': {
    request: z.object({ walkthroughId: Id, stepId: Id, target: ElementFingerprintSchema }),
    response: Ok,
    from: ['content'],
  },
  /**
   * The recorded screenshot of a step of the walkthrough playing in the sender's tab, for "this step
   * looks different". Bytes as base64 (Chrome's messaging is JSON); only the one image that is shown.
   */
  'player.screenshot': {
    request: z.object({ walkthroughId: Id, stepId: Id }),
    response: z
      .object({
        mime: z.enum(['image/webp', 'image/jpeg', 'image/png']),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        base64: z.string().max(8_000_000),
      })
      .nullable(),
    from: ['content'],
  },
  /** side panel: bring the tab where the walkthrough is open to the front */
  'player.focus': {
    request: z.object({ walkthroughId: Id }),
    response: z.object({ tabId: z.number().int() }),
    from: ['extension'],
  },
  /** popup / side panel: what is playing in this tab? */
  'player.status': {
    request: z.object({ tabId: z.number().int() }),
    response: z
      .object({
        walkthroughId: Id,
        title: z.string(),
        stepIndex: z.number().int().min(0),
        stepCount: z.number().int().min(0),
        status: z.enum(['playing', 'paused', 'finished']),
      })
      .nullable(),
    from: ['extension'],
  },
});

/** player messages to the content script. */
export const toContent = defineMessages({
  /** play (or show again) a walkthrough in this page */
  'player.play': {
    request: PlaybackSchema,
    response: Ok,
    from: ['extension'],
  },
  /** the walkthrough was closed elsewhere (side panel, another tab took it over) */
  'player.close': {
    request: z.object({ walkthroughId: Id.optional() }),
    response: Ok,
    from: ['extension'],
  },
});
