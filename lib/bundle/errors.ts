/**
 * Every way a bundle can be refused. Each reason has a translated text under `bundle.error.<reason>`
 * (lib/i18n/messages/bundle.ts); `detail` is English developer detail and never shown to users.
 */
export const BUNDLE_ERROR_REASONS = [
  'not-a-bundle',
  'file-too-large',
  'damaged',
  'unsupported-version',
  'unsafe-encryption',
  'passphrase-required',
  'wrong-passphrase',
  'too-many-files',
  'too-large',
  'entry-too-large',
  'image-too-large',
  'image-dimensions',
  'image-type',
  'nested-archive',
  'unsafe-path',
  'unexpected-file',
  'invalid-json',
  'invalid-records',
  'inconsistent',
  'not-a-backup',
  'write-failed',
  'passphrase-too-short',
  'empty-selection',
  'too-much-for-one-file',
] as const;
export type BundleErrorReason = (typeof BUNDLE_ERROR_REASONS)[number];

export class BundleError extends Error {
  readonly reason: BundleErrorReason;
  readonly detail: string | undefined;
  constructor(reason: BundleErrorReason, detail?: string) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'BundleError';
    this.reason = reason;
    this.detail = detail;
  }
}

export function isBundleError(e: unknown): e is BundleError {
  return e instanceof BundleError;
}

/** Any failure as a BundleError: unexpected ones (a bug, a browser refusing) become `fallback`. */
export function toBundleError(e: unknown, fallback: BundleErrorReason = 'damaged'): BundleError {
  if (e instanceof BundleError) return e;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new BundleError(fallback, detail.slice(0, 500));
}
