/**
 * Typed send/receive over runtime messaging. `send` validates what it sends and what comes back;
 * `listen` validates every incoming message (see receiver.ts) and answers typed errors.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './define';
import { LotseError } from './errors';
import { classifySender, dispatch, type Handlers, type RawSender } from './receiver';
import {
  Reply,
  toBackground,
  toContent,
  type BackgroundMap,
  type BackgroundName,
  type ContentMap,
  type ContentName,
  type RequestIn,
  type ResponseOut,
} from './protocol';

export * from './protocol';
export * from './errors';
export { targetTab, type SenderContext, type Handlers, type Handler } from './receiver';

async function exchange(map: ProtocolMap, name: string, payload: unknown, deliver: (msg: unknown) => Promise<unknown>) {
  const def = map[name];
  if (!def) throw new LotseError('unknown-message', name);
  const req = def.request.safeParse(payload);
  if (!req.success) throw new LotseError('invalid-request', `${name}: ${req.error.message}`);
  let raw: unknown;
  try {
    raw = await deliver({ lotse: 1, name, payload: req.data });
  } catch (err) {
    throw new LotseError('unreachable', err instanceof Error ? err.message : String(err));
  }
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new LotseError('invalid-response', `${name}: no valid reply`);
  if (!reply.data.ok) throw new LotseError(reply.data.error.code, reply.data.error.detail);
  const res = def.response.safeParse(reply.data.data);
  if (!res.success) throw new LotseError('invalid-response', `${name}: ${res.error.message}`);
  return res.data;
}

/** Ask the background (from a content script or an extension page). */
export function send<N extends BackgroundName>(
  name: N,
  payload: RequestIn<BackgroundMap, N>,
): Promise<ResponseOut<BackgroundMap, N>> {
  return exchange(toBackground, name, payload, (msg) => browser.runtime.sendMessage(msg)) as Promise<
    ResponseOut<BackgroundMap, N>
  >;
}

/** Ask the content script of a tab (top frame unless frameId is given). */
export function sendToTab<N extends ContentName>(
  tabId: number,
  name: N,
  payload: RequestIn<ContentMap, N>,
  frameId = 0,
): Promise<ResponseOut<ContentMap, N>> {
  return exchange(toContent, name, payload, (msg) => browser.tabs.sendMessage(tabId, msg, { frameId })) as Promise<
    ResponseOut<ContentMap, N>
  >;
}

function listen<M extends ProtocolMap>(map: M, handlers: Handlers<M>): () => void {
  const ownId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  const listener = (msg: unknown, sender: RawSender, sendResponse: (r: unknown) => void): true => {
    void dispatch(map, handlers, msg, classifySender(sender, ownId, origin)).then(sendResponse);
    return true; // answer asynchronously
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Background side: answer messages from content scripts and extension pages. */
export function listenInBackground(handlers: Handlers<BackgroundMap>): () => void {
  return listen(toBackground, handlers);
}

/** Content script side: answer the background. */
export function listenInContent(handlers: Handlers<ContentMap>): () => void {
  return listen(toContent, handlers);
}
