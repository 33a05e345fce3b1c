/**
 * The recording state. It lives in `browser.storage.session` (memory of the browser, not of the service
 * worker): a stopped and woken worker reads it back and continues; a browser restart or extension
 * reload clears it, and the walkthrough left in status 'recording' becomes a resumable draft.
 */
import { z } from 'zod';
import { Locale } from '../schema';
import { fold, maskDigits } from '../locator/text';

export const RECORDING_KEY = 'lotse.recorder';
/** values typed during this recording, only to mask them wherever they appear; memory only */
export const SECRETS_KEY = 'lotse.recorder.secrets';
/** the editor's "choose the element again" request and its outcome */
export const PICK_KEY = 'lotse.recorder.pick';

export const RecordingStateSchema = z.object({
  tabId: z.number().int(),
  walkthroughId: z.string().uuid(),
  /** the walkthrough's language: generated titles use it */
  language: Locale,
  paused: z.boolean(),
  startedAt: z.number(),
  /** Date.now() of the last recorded step (navigations right after a step are its effect) */
  lastStepAt: z.number(),
  lastTitle: z.string().max(300).optional(),
  /** origin + path the recorded tab shows */
  lastUrl: z.string().max(4000).optional(),
  /** ids of screenshots requested; those without a step are removed when recording stops */
  snaps: z.array(z.string().uuid()).max(2000),
  blockedOrigin: z.string().max(300).optional(),
});
export type RecordingState = z.infer<typeof RecordingStateSchema>;

export const PickStateSchema = z.object({
  stepId: z.string().uuid(),
  tabId: z.number().int(),
  status: z.enum(['picking', 'done', 'cancelled', 'error']),
  /** the new fingerprint and screenshot, applied to the editor's draft (saved with it) */
  target: z.unknown().optional(),
  role: z.string().optional(),
  label: z.string().optional(),
  screenshotId: z.string().uuid().optional(),
  at: z.number(),
});
export type PickState = z.infer<typeof PickStateSchema>;

/** shorter typed values are too common to mask or scrub ("ja", "12") */
export const MIN_SECRET = 3;
export const MAX_SECRETS = 50;

/** Add typed values to the list (normalised, deduplicated, newest kept). */
export function addSecrets(list: readonly string[], values: readonly string[]): string[] {
  const out = [...list];
  for (const v of values) {
    const t = v.replace(/\s+/g, ' ').trim().slice(0, 2000);
    if (t.length < MIN_SECRET || out.includes(t)) continue;
    out.push(t);
  }
  return out.slice(-MAX_SECRETS);
}

/** Does `text` contain any typed value (case, punctuation and spacing ignored)? */
export function containsSecret(text: string | undefined, secrets: readonly string[]): boolean {
  if (!text || !secrets.length) return false;
  // digits are masked on both sides: fingerprints store "Senior #" for "Senior 2024"
  const hay = fold(maskDigits(text));
  if (!hay) return false;
  return secrets.some((s) => {
    const needle = fold(maskDigits(s));
    return needle.length >= MIN_SECRET && hay.includes(needle);
  });
}

/**
 * Remove every string of a JSON value that contains a typed value (fingerprints keep what the page shows;
 * after "Save" the page may show the headline the mentor just typed). Arrays drop such entries.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return containsSecret(v, secrets) ? undefined : v;
    if (Array.isArray(v)) return v.map(walk).filter((x) => x !== undefined);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const w = walk(x);
        if (w !== undefined) o[k] = w;
      }
      return o;
    }
    return v;
  };
  return walk(value) as T;
}
