/**
 * Lotse locator: record a fingerprint of an element (`describe`) and find it again on a page that changed
 * (`resolve`), or say honestly that it is not sure (`ambiguous`) or cannot find it (`not-found`).
 * Framework-free: no React, no extension APIs. See README.md.
 */
export { describe, interactiveTarget, type DescribeOptions } from './describe';
export {
  rank,
  score,
  scoreDetail,
  decide,
  DEFAULT_THRESHOLDS,
  WEIGHTS,
  type RankResult,
  type RankOptions,
  type Thresholds,
  type Weights,
  type Status,
} from './rank';
export { resolve, resolveSync, type ResolveOptions, type ResolveResult } from './resolve';
export { ElementFingerprintSchema, FINGERPRINT_VERSION, type ElementFingerprint } from './fingerprint';
export { LOCATOR_VERSION as version } from './version';
