/**
 * Which walkthrough plays in which tab. Kept in `storage.session` by the background (survives the
 * service worker being stopped, cleared when the browser closes — the progress table keeps the rest);
 * extension pages read it to show "open in a tab right now".
 */
import { z } from 'zod';

export const SessionSchema = z.object({
  tabId: z.number().int(),
  walkthroughId: z.string().uuid(),
  stepIndex: z.number().int().min(0),
  status: z.enum(['playing', 'paused', 'finished']),
  /** when the last step was done (ms): a page loaded right after still shows "Well done!" */
  finishedAt: z.number().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const SESSION_KEY_PREFIX = 'player.tab.';
export const sessionKey = (tabId: number): string => `${SESSION_KEY_PREFIX}${tabId}`;

/** The valid sessions among the entries of a storage area. */
export function sessionsIn(items: Record<string, unknown>): Session[] {
  const out: Session[] = [];
  for (const [k, v] of Object.entries(items)) {
    if (!k.startsWith(SESSION_KEY_PREFIX)) continue;
    const parsed = SessionSchema.safeParse(v);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
