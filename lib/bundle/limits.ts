/**
 * Limits checked while a bundle is unpacked. They are counted from the bytes actually produced, never
 * taken from sizes the file declares. Generous for real use (a year of a tandem fits many times over),
 * small enough that a hostile file cannot exhaust the memory of a browser tab.
 */
export interface BundleLimits {
  /** size of the .lotse file itself */
  maxFileBytes: number;
  /** number of entries in the zip container (directories included) */
  maxEntries: number;
  /** sum of all unpacked entries */
  maxTotalBytes: number;
  /** manifest.json */
  maxManifestBytes: number;
  /** records.json */
  maxRecordsBytes: number;
  /** one screenshot file */
  maxImageBytes: number;
  /** width and height of a screenshot, read from its header (same bound as the Screenshot schema) */
  maxImageSide: number;
}

const MiB = 1024 * 1024;

export const BUNDLE_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxFileBytes: 512 * MiB,
  maxEntries: 5_000,
  maxTotalBytes: 512 * MiB,
  maxManifestBytes: 1 * MiB,
  maxRecordsBytes: 64 * MiB,
  maxImageBytes: 10 * MiB,
  maxImageSide: 8192,
});

export function resolveLimits(overrides?: Partial<BundleLimits>): BundleLimits {
  return { ...BUNDLE_LIMITS, ...overrides };
}
