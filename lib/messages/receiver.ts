import type { z } from 'zod';
import type { MessageDef, ProtocolMap, SenderKind } from './define';
import { Envelope, type Reply } from './protocol';
import { LotseError, type ErrorCode } from './errors';

/** What the receiver knows for sure about a sender (from the browser, never from the message). */
export interface SenderContext {
  kind: SenderKind;
  /** the sender's tab (content scripts only) */
  tabId?: number;
  frameId?: number;
  url?: string;
}

export type Handler<D extends MessageDef> = (
  payload: z.output<D['request']>,
  ctx: SenderContext,
) => Promise<z.input<D['response']>> | z.input<D['response']>;

export type Handlers<M extends ProtocolMap> = { [N in keyof M]?: Handler<M[N]> };

/** The minimal shape of runtime.MessageSender we rely on. */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decide who sent a message. `extensionOrigin` is `browser.runtime.getURL('')`.
 * Anything from a tab whose URL is not our own origin is a content script in a web page.
 */
export function classifySender(sender: RawSender, ownId: string, extensionOrigin: string): SenderContext | undefined {
  if (sender.id !== ownId) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) {
    // An extension page opened in a tab still has sender.tab; it is trusted as an extension page.
    return { kind: 'extension', url, ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}) };
  }
  if (sender.tab?.id === undefined) {
    // background → content script: the only non-tab sender in a content script is our extension
    return { kind: 'extension', url };
  }
  return { kind: 'content', tabId: sender.tab.id, frameId: sender.frameId ?? 0, url };
}

const fail = (code: ErrorCode, detail?: string): Reply => ({ ok: false, error: { code, ...(detail ? { detail } : {}) } });

/**
 * Validate and dispatch one message. Pure (no extension APIs) so it is unit-tested directly.
 * Never throws: unknown, malformed and forbidden messages get a typed error answer.
 */
export async function dispatch<M extends ProtocolMap>(
  map: M,
  handlers: Handlers<M>,
  raw: unknown,
  ctx: SenderContext | undefined,
): Promise<Reply> {
  const env = Envelope.safeParse(raw);
  if (!env.success) return fail('invalid-request', 'not a Lotse message');
  if (!ctx) return fail('forbidden', 'unknown sender');
  const { name, payload } = env.data;
  if (!Object.prototype.hasOwnProperty.call(map, name)) return fail('unknown-message', name);
  const def = map[name] as MessageDef;
  if (!def.from.includes(ctx.kind)) return fail('forbidden', `${name} from ${ctx.kind}`);
  const handler = handlers[name as keyof M] as Handler<MessageDef> | undefined;
  if (!handler) return fail('unknown-message', `${name} has no handler here`);
  const req = def.request.safeParse(payload);
  if (!req.success) return fail('invalid-request', `${name}: ${req.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`.slice(0, 2000));
  try {
    const result = await handler(req.data, ctx);
    const res = def.response.safeParse(result);
    if (!res.success) return fail('invalid-response', `${name}: ${res.error.message}`.slice(0, 2000));
    return { ok: true, data: res.data };
  } catch (err) {
    if (err instanceof LotseError) return fail(err.code, err.detail);
    return fail('internal', err instanceof Error ? err.message.slice(0, 2000) : undefined);
  }
}

/**
 * The tab a request may act on: a content script only ever its own tab; an extension page names one.
 */
export function targetTab(ctx: SenderContext, requested: number | undefined): number {
  if (ctx.kind === 'content') {
    if (ctx.tabId === undefined) throw new LotseError('forbidden', 'content script without tab');
    if (requested !== undefined && requested !== ctx.tabId) throw new LotseError('forbidden', 'other tab');
    return ctx.tabId;
  }
  if (requested === undefined) throw new LotseError('no-tab', 'extension page must name the tab');
  return requested;
}
