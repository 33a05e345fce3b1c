import type { z } from 'zod';

/** Who may send a message: a content script in a web page, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension';

export interface MessageDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** senders the receiver accepts; anything else is answered with `forbidden` */
  from: readonly SenderKind[];
}

export type ProtocolMap = Record<string, MessageDef>;

export function defineMessages<const M extends ProtocolMap>(map: M): M {
  return map;
}
