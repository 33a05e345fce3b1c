/**
 * Bundles: sharing walkthroughs, questions, goals and meetings as .lotse files, and full backups.
 * Framework-free; every function that touches data takes the database as a parameter.
 * Format: FORMAT.md. Flow: exportBundle → file → readBundle → previewImport → applyImport / restoreBackup.
 */
export { BundleSelectionSchema, type BundleSelection } from './selection';
export { BUNDLE_ERROR_REASONS, BundleError, isBundleError, toBundleError, type BundleErrorReason } from './errors';
export { BUNDLE_LIMITS, type BundleLimits } from './limits';
export {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  FILE_EXTENSION,
  type BundleContents,
  type BundleKind,
  type Manifest,
} from './format';
export { KDF_DEFAULT_ITERATIONS, KDF_POLICY, type KdfPolicy } from './crypto';
export { MIN_PASSPHRASE_LENGTH, passphraseStrength, type PassphraseStrength } from './passphrase';
export { bundleFileName, collectSelection, exportBundle, type ExportOptions, type ExportResult } from './export';
export { readBundle, sniffBundle, type ParsedBundle, type ReadOptions } from './read';
export {
  applyImport,
  countDatabase,
  defaultDecisions,
  previewImport,
  restoreBackup,
  type ApplyOptions,
  type ImportChoice,
  type ImportDecisions,
  type ImportPreview,
  type ImportResult,
  type ItemKind,
  type ItemState,
  type KindCounts,
  type PreviewItem,
} from './import';
export { countRecords, type BundleRecords } from './records';
export { dumpDatabase, type DatabaseDump } from './dump';
