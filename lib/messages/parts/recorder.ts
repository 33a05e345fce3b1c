import { z } from 'zod';
import { defineMessages } from '../define';
import { ElementFingerprintSchema, Locale, StepActionSchema } from '../../schema';

/** A rectangle in CSS pixels of the top viewport. */
export const CssRectSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().min(0),
  h: z.number().finite().min(0),
});

/** What the recording looks like to the pages (popup, side panel) and the recording bar. */
export const RecorderStatusSchema = z.object({
  recording: z.boolean(),
  tabId: z.number().int().optional(),
  walkthroughId: z.string().uuid().optional(),
  paused: z.boolean(),
  stepCount: z.number().int().min(0),
  lastTitle: z.string().max(300).optional(),
  /** a navigation of the recorded tab went to a site Lotse may not access (origin pattern) */
  blockedOrigin: z.string().max(300).optional(),
});
export type RecorderStatus = z.infer<typeof RecorderStatusSchema>;

/** A step as the content script reports it. Titles, order and privacy are decided by the background. */
export const StepReportSchema = z.object({
  id: z.string().uuid(),
  /** the page (top document) the step happened on; reduced to origin + path by the background */
  url: z.string().max(4000),
  /** a step with this id was reported before (the same field committed again): replace it */
  update: z.boolean(),
  action: StepActionSchema,
  target: ElementFingerprintSchema.optional(),
  /** role and visible name of the target, for the generated title (not digit-masked) */
  role: z.string().max(64).optional(),
  label: z.string().max(300).optional(),
  /**
   * what was typed into a text field, sent only to be masked and scrubbed wherever it shows up later
   * (kept in storage.session, memory only, cleared when recording stops; never written to the database)
   */
  secrets: z.array(z.string().max(2000)).max(5).optional(),
});
export type StepReport = z.infer<typeof StepReportSchema>;

const PageFacts = z.object({
  url: z.string().max(4000),
  title: z.string().max(500),
});

/** recorder messages to the background. Names are prefixed 'recorder.'. */
export const toBackground = defineMessages({
  /** start (or resume a draft) on a tab; the page asked for site access before */
  'recorder.start': {
    request: z.object({ tabId: z.number().int(), walkthroughId: z.string().uuid().optional(), language: Locale.optional() }),
    response: z.object({ walkthroughId: z.string().uuid() }),
    from: ['extension'],
  },
  'recorder.stop': {
    request: z.object({}),
    response: z.object({ walkthroughId: z.string().uuid().optional(), stepCount: z.number().int().min(0) }),
    from: ['extension', 'content'],
  },
  'recorder.pause': {
    request: z.object({ paused: z.boolean() }),
    response: RecorderStatusSchema,
    from: ['extension', 'content'],
  },
  'recorder.status': {
    request: z.object({}),
    response: RecorderStatusSchema,
    from: ['extension'],
  },
  /** the page asked for the blocked site's access again: inject into the recorded tab now */
  'recorder.reinject': {
    request: z.object({}),
    response: RecorderStatusSchema,
    from: ['extension'],
  },
  /** a (new) document of a tab is ready; answers whether it is being recorded */
  'recorder.attach': {
    request: PageFacts.extend({
      loadType: z.enum(['navigate', 'reload', 'back_forward', 'prerender']).optional(),
    }),
    response: RecorderStatusSchema.extend({ locale: Locale, secrets: z.array(z.string().max(2000)).max(50) }),
    from: ['content'],
  },
  /** an SPA route change (pushState, replaceState, back/forward, hash) in the recorded tab */
  'recorder.navigated': {
    request: PageFacts.extend({ via: z.enum(['push', 'replace', 'pop', 'hash']), from: z.string().max(4000) }),
    response: RecorderStatusSchema,
    from: ['content'],
  },
  /** take a screenshot for step `id` now (queued: Chrome allows 2 captures per second) */
  'recorder.snap': {
    request: z.object({ id: z.string().uuid() }),
    response: z.object({}),
    from: ['content'],
  },
  'recorder.step': {
    request: StepReportSchema,
    response: RecorderStatusSchema,
    from: ['content'],
  },
  /** re-pick: the mentor clicked the new element for a step */
  'recorder.picked': {
    request: z.object({
      stepId: z.string().uuid(),
      target: ElementFingerprintSchema,
      role: z.string().max(64).optional(),
      label: z.string().max(300).optional(),
    }),
    response: z.object({}),
    from: ['content'],
  },
  'recorder.pickCancelled': {
    request: z.object({ stepId: z.string().uuid() }),
    response: z.object({}),
    from: ['content'],
  },
  /** editor: let the mentor click the element for a step on the page */
  'recorder.repick': {
    request: z.object({ tabId: z.number().int(), stepId: z.string().uuid() }),
    response: z.object({}),
    from: ['extension'],
  },
  /** editor: highlight one step's element on the page */
  'recorder.preview': {
    request: z.object({
      tabId: z.number().int(),
      target: ElementFingerprintSchema,
      title: z.string().max(300),
      n: z.number().int().min(1),
    }),
    response: z.object({ found: z.boolean() }),
    from: ['extension'],
  },
});

/** recorder messages to the content script. */
export const toContent = defineMessages({
  /** recording starts (or continues) in this tab: listen and show the recording bar */
  'recorder.begin': {
    request: RecorderStatusSchema.extend({ locale: Locale }),
    response: z.object({}),
    from: ['extension'],
  },
  'recorder.end': {
    request: z.object({}),
    response: z.object({}),
    from: ['extension'],
  },
  /** step count / pause changed: update the bar */
  'recorder.state': {
    request: RecorderStatusSchema,
    response: z.object({}),
    from: ['extension'],
  },
  /** right before a capture: hide Lotse's UI, measure the target and the fields to mask */
  'recorder.prepareCapture': {
    /** `clicked`: the page itself asked for this screenshot (pointerdown): only that document may answer */
    request: z.object({ id: z.string().uuid(), clicked: z.boolean().optional() }),
    response: z.object({
      url: z.string().max(4000),
      viewport: z.object({ w: z.number().positive(), h: z.number().positive() }),
      target: CssRectSchema.optional(),
      masks: z.array(CssRectSchema).max(500),
    }),
    from: ['extension'],
  },
  'recorder.captureDone': {
    request: z.object({}),
    response: z.object({}),
    from: ['extension'],
  },
  /** start picking an element for a step (re-pick from the editor) */
  'recorder.pick': {
    request: z.object({ stepId: z.string().uuid(), locale: Locale }),
    response: z.object({}),
    from: ['extension'],
  },
  /** outline a step's element on the page (editor preview) */
  'recorder.highlight': {
    request: z.object({
      target: ElementFingerprintSchema,
      title: z.string().max(300),
      n: z.number().int().min(1),
      locale: Locale,
    }),
    response: z.object({ found: z.boolean() }),
    from: ['extension'],
  },
});
