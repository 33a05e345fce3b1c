import { z } from 'zod';
import { defineMessages } from '../define';
import { Id, IsoDateTime } from '../../schema';
import { QUESTION_TEXT_MAX, SELECTED_TEXT_MAX } from '../../questions/composer';

/** Where a question is noted from the player: the walkthrough and step on screen. */
const WalkthroughContext = {
  walkthroughId: Id.optional(),
  stepId: Id.optional(),
};

/** questions messages to the background. Names are prefixed 'questions.'. */
export const toBackground = defineMessages({
  /** popup / side panel: open the composer on a tab (injects the content script first) */
  'questions.open': {
    request: z.object({ tabId: z.number().int().nonnegative(), ...WalkthroughContext }),
    response: z.object({ opened: z.boolean() }),
    from: ['extension'],
  },
  /**
   * The composer is about to open in the sender's tab: the background captures the visible tab now (before
   * the composer is drawn) and keeps a draft. The page's address and title come from the browser's tab.
   */
  'questions.beginDraft': {
    request: z.object({
      ...WalkthroughContext,
      /** document.title as the content script sees it; only used when the browser reports none */
      title: z.string().max(2000).optional(),
      viewport: z.object({ w: z.number().int().min(1).max(16384), h: z.number().int().min(1).max(16384) }),
    }),
    response: z.object({
      draftId: Id,
      page: z.object({ url: z.string().max(4000).optional(), title: z.string().max(500).optional() }),
      screenshot: z.boolean(),
      goals: z.array(z.object({ id: Id, title: z.string() })).max(1000),
      walkthrough: z.object({ title: z.string() }).optional(),
      step: z.object({ number: z.number().int().min(1), title: z.string() }).optional(),
    }),
    from: ['content'],
  },
  /** save the draft of the sender's own tab as a question */
  'questions.saveDraft': {
    request: z.object({
      draftId: Id,
      text: z.string().trim().min(1).max(QUESTION_TEXT_MAX),
      keepFullUrl: z.boolean(),
      includeScreenshot: z.boolean(),
      selectedText: z.string().max(SELECTED_TEXT_MAX).optional(),
      goalId: Id.optional(),
    }),
    response: z.object({ questionId: Id, meetingAt: IsoDateTime.optional() }),
    from: ['content'],
  },
  /** Escape / Cancel: forget the draft and its screenshot */
  'questions.cancelDraft': {
    request: z.object({ draftId: Id }),
    response: z.object({}),
    from: ['content'],
  },
});

/** questions messages to the content script. */
export const toContent = defineMessages({
  'questions.openComposer': {
    request: z.object(WalkthroughContext),
    response: z.object({ opened: z.boolean() }),
    from: ['extension'],
  },
});
