/**
 * The translator of the in-page script (entrypoints/lotse.content and the lib/recorder, lib/player parts it
 * runs). It carries only the strings shown in pages — overlay, recording bar, picker, composer, errors —
 * because every byte here is injected into each page Lotse works on. The keys are the same as in the full
 * dictionaries (./index.ts merges these parts), and `InPageKey` makes the compiler reject a key that the
 * in-page parts do not have.
 */
import core from './messages/core.inpage';
import recorder from './messages/recorder.inpage';
import player from './messages/player.inpage';
import questions from './messages/questions.inpage';
import { translatorFor, type Params, type UiLocale } from './format';

export { format, formatDate, resolveLocale, browserLanguage, LOCALES, type UiLocale, type Params } from './format';

export const inPageParts = { core, recorder, player, questions } as const;

const en = { ...core.en, ...recorder.en, ...player.en, ...questions.en };
export type InPageKey = keyof typeof en;
const de: Record<InPageKey, string> = { ...core.de, ...recorder.de, ...player.de, ...questions.de };

export const inPageDictionaries: Record<UiLocale, Record<InPageKey, string>> = { en, de };

export type Translate = (key: InPageKey, params?: Params) => string;

export function createTranslator(locale: UiLocale): Translate {
  return translatorFor(inPageDictionaries, locale);
}
