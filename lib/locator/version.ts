/** Schema version of ElementFingerprint (field `v`). Kept apart from the zod schema so bundles without zod can use it. */
export const FINGERPRINT_VERSION = 1 as const;

/** Version of the locator algorithm (weights, thresholds, extraction). */
export const LOCATOR_VERSION = '1.1.0';
