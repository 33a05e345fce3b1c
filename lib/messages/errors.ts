import { z } from 'zod';
import type { InPageKey } from '../i18n/inpage';

/** Every error the protocol can answer; each has a translated text under `error.<code>`. */
export const ErrorCode = z.enum([
  'unknown-message',
  'invalid-request',
  'invalid-response',
  'forbidden',
  'not-found',
  'no-permission',
  'unsupported-page',
  'no-tab',
  'unreachable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  /** developer detail (English, not shown to users); the UI shows the translated `error.<code>` */
  detail: z.string().max(2000).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export class LotseError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, detail?: string) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'LotseError';
    this.code = code;
    this.detail = detail;
  }
}

/** In-page key: the content script shows these errors too (the compiler checks every code has one). */
export function errorMessageKey(code: ErrorCode): InPageKey {
  return `error.${code}`;
}

/** Any thrown value → the error code the UI should show. */
export function toErrorCode(err: unknown): ErrorCode {
  return err instanceof LotseError ? err.code : 'internal';
}
