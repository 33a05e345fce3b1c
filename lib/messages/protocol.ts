/**
 * The one message protocol of Lotse: name → request schema, response schema, allowed senders.
 * Parts are kept per capability (parts/*.ts) and merged here; names are unique across parts.
 * Page scripts cannot reach runtime messaging, and we never listen to window.postMessage.
 */
import { z } from 'zod';
import type { z as Z } from 'zod';
import { ErrorPayload } from './errors';
import * as core from './parts/core';
import * as recorder from './parts/recorder';
import * as player from './parts/player';
import * as questions from './parts/questions';

export const toBackground = {
  ...core.toBackground,
  ...recorder.toBackground,
  ...player.toBackground,
  ...questions.toBackground,
};
export const toContent = {
  ...core.toContent,
  ...recorder.toContent,
  ...player.toContent,
  ...questions.toContent,
};

export type BackgroundMap = typeof toBackground;
export type ContentMap = typeof toContent;
export type BackgroundName = keyof BackgroundMap;
export type ContentName = keyof ContentMap;

/** What a sender passes (defaults may be omitted) and what a handler receives. */
export type RequestIn<M, N extends keyof M> = M[N] extends { request: infer R extends Z.ZodType } ? Z.input<R> : never;
export type RequestOut<M, N extends keyof M> = M[N] extends { request: infer R extends Z.ZodType } ? Z.output<R> : never;
export type ResponseIn<M, N extends keyof M> = M[N] extends { response: infer R extends Z.ZodType } ? Z.input<R> : never;
export type ResponseOut<M, N extends keyof M> = M[N] extends { response: infer R extends Z.ZodType } ? Z.output<R> : never;

/** Wire format of a request. */
export const Envelope = z.object({
  lotse: z.literal(1),
  name: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

/** Wire format of an answer. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
export type Reply = z.infer<typeof Reply>;
