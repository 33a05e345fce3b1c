/**
 * The .lotse bundle format, version 1 (documented in FORMAT.md). A zip container with
 * `manifest.json`, `records.json` and one file per screenshot under `screenshots/`; optionally wrapped in
 * the passphrase envelope of crypto.ts.
 */
import { z } from 'zod';
import {
  GoalSchema,
  IsoDateTime,
  MeetingSchema,
  ProgressSchema,
  QuestionSchema,
  Role,
  ScreenshotSchema,
  SettingsSchema,
  StepHealthSchema,
  StepSchema,
  TandemSchema,
  WalkthroughSchema,
} from '../schema';
import { EXTENSION_OF, type RasterMime } from './image';

export const BUNDLE_FORMAT = 'lotse-bundle' as const;
export const BUNDLE_VERSION = 1 as const;
export const FILE_EXTENSION = '.lotse';

export const MANIFEST_PATH = 'manifest.json';
export const RECORDS_PATH = 'records.json';
export const SCREENSHOT_DIR = 'screenshots/';
const SCREENSHOT_PATH = /^screenshots\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(png|jpg|webp)$/;

export function screenshotPath(id: string, mime: RasterMime): string {
  return `${SCREENSHOT_DIR}${id}.${EXTENSION_OF[mime]}`;
}

/** `{ id, ext }` when the path names a screenshot file of this format, else null. */
export function parseScreenshotPath(path: string): { id: string; ext: string } | null {
  const m = SCREENSHOT_PATH.exec(path);
  return m ? { id: m[1]!, ext: m[2]! } : null;
}

/** A share carries what the user picked; a backup carries every table, settings included. */
export const BundleKind = z.enum(['share', 'backup']);
export type BundleKind = z.infer<typeof BundleKind>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Count = z.number().int().min(0).max(1_000_000);

export const BundleContentsSchema = z
  .object({
    walkthroughs: Count,
    steps: Count,
    screenshots: Count,
    questions: Count,
    goals: Count,
    meetings: Count,
    tandems: Count,
    progress: Count,
    stepHealth: Count,
    settings: Count,
  })
  .strict();
export type BundleContents = z.infer<typeof BundleContentsSchema>;

export const ManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    kind: BundleKind,
    createdAt: IsoDateTime,
    /** who made the file, so the receiver sees "from Lena (mentor)"; the name only if one was set */
    creator: z
      .object({
        role: Role.optional(),
        firstName: z.string().min(1).max(80).optional(),
      })
      .strict(),
    app: z.object({ name: z.literal('Lotse'), version: z.string().max(40) }).strict(),
    /** number of records per table, checked against records.json */
    contents: BundleContentsSchema,
    /** titles for a quick look (e.g. in a file viewer); the importer shows the validated records */
    walkthroughTitles: z.array(z.string().max(200)).max(100_000),
    /** every other entry of the zip with its size and SHA-256, checked on import */
    files: z
      .array(z.object({ path: z.string().max(200), bytes: z.number().int().min(0), sha256: Sha256Hex }).strict())
      .max(100_000),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

/** A screenshot's metadata in records.json; its bytes are the file `screenshots/<id>.<ext>`. */
export const ScreenshotMetaSchema = ScreenshotSchema.omit({ blob: true });
export type ScreenshotMeta = z.infer<typeof ScreenshotMetaSchema>;

const MAX_ROWS = 100_000;
export const RecordsSchema = z
  .object({
    walkthroughs: z.array(WalkthroughSchema).max(MAX_ROWS),
    steps: z.array(StepSchema).max(MAX_ROWS),
    screenshots: z.array(ScreenshotMetaSchema).max(MAX_ROWS),
    questions: z.array(QuestionSchema).max(MAX_ROWS),
    goals: z.array(GoalSchema).max(MAX_ROWS),
    meetings: z.array(MeetingSchema).max(MAX_ROWS),
    tandems: z.array(TandemSchema).max(100),
    progress: z.array(ProgressSchema).max(MAX_ROWS),
    stepHealth: z.array(StepHealthSchema).max(MAX_ROWS),
    settings: z.array(SettingsSchema).max(1),
  })
  .strict();
export type BundleRecordsJson = z.infer<typeof RecordsSchema>;
export type RecordTable = keyof BundleRecordsJson;
export const RECORD_TABLES = Object.keys(RecordsSchema.shape) as RecordTable[];

/** Tables a share may carry; the others are personal (this browser's tandem, progress, settings). */
export const SHARE_TABLES: readonly RecordTable[] = [
  'walkthroughs',
  'steps',
  'screenshots',
  'questions',
  'goals',
  'meetings',
];
