/**
 * Pure logic of the in-page question composer: what context is shown and what is saved. The DOM part lives
 * in entrypoints/lotse.content/composer.ts; the background fills page address and title from the tab.
 */
import { sanitizeUrl } from './url';

export const QUESTION_TEXT_MAX = 4000;
export const SELECTED_TEXT_MAX = 2000;
export const PAGE_TITLE_MAX = 500;

/** Collapse whitespace of a page selection and keep it short enough to store. */
export function normaliseSelection(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > SELECTED_TEXT_MAX ? `${t.slice(0, SELECTED_TEXT_MAX - 1)}…` : t;
}

export function normaliseTitle(title: string | undefined | null): string | undefined {
  const t = (title ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > PAGE_TITLE_MAX ? `${t.slice(0, PAGE_TITLE_MAX - 1)}…` : t;
}

/** Question text as stored: trimmed; empty means "nothing to save". */
export function normaliseQuestionText(text: string): string {
  return text.trim().slice(0, QUESTION_TEXT_MAX);
}

export interface ComposerChoices {
  text: string;
  keepFullUrl: boolean;
  includeSelection: boolean;
  includeScreenshot: boolean;
  goalId?: string;
}

export interface DraftFacts {
  /** the tab's address and title as the browser reports them */
  url?: string;
  title?: string;
  selectedText?: string;
  walkthroughId?: string;
  stepId?: string;
  hasScreenshot: boolean;
}

/** The question's context as it will be stored, from what the browser knows and what the user chose. */
export function questionContext(facts: DraftFacts, choices: Pick<ComposerChoices, 'keepFullUrl' | 'includeSelection'>) {
  const url = sanitizeUrl(facts.url, { keepQuery: choices.keepFullUrl });
  const pageTitle = normaliseTitle(facts.title);
  const selectedText = choices.includeSelection ? normaliseSelection(facts.selectedText) : undefined;
  return {
    ...(pageTitle ? { pageTitle } : {}),
    ...(url ? { url } : {}),
    ...(facts.walkthroughId ? { walkthroughId: facts.walkthroughId } : {}),
    ...(facts.walkthroughId && facts.stepId ? { stepId: facts.stepId } : {}),
    ...(selectedText ? { selectedText } : {}),
  };
}
