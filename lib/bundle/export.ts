/**
 * Export: read the selection in one read-only transaction, then (outside it) turn screenshot blobs into
 * bytes, hash, zip and optionally encrypt. Framework-free; the db is a parameter.
 */
import type { LotseDB } from '../db';
import type { Screenshot } from '../schema';
import { BundleError } from './errors';
import { MIN_PASSPHRASE_LENGTH } from './passphrase';
import { seal, type SealOptions } from './crypto';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  FILE_EXTENSION,
  MANIFEST_PATH,
  RECORDS_PATH,
  screenshotPath,
  type BundleKind,
  type BundleRecordsJson,
  type Manifest,
  type ScreenshotMeta,
} from './format';
import { sniffImage } from './image';
import { resolveLimits, type BundleLimits } from './limits';
import { countRecords, emptyRecords, type BundleRecords } from './records';
import { BundleSelectionSchema, type BundleSelection } from './selection';
import { writeZip, type ZipInput } from './zip';

const enc = new TextEncoder();

/** The records a selection means: walkthroughs with their steps and screenshots, questions with theirs. */
export async function collectSelection(db: LotseDB, selection: BundleSelection): Promise<BundleRecords> {
  const sel = BundleSelectionSchema.parse(selection);
  const tables = [
    db.walkthroughs,
    db.steps,
    db.screenshots,
    db.questions,
    db.goals,
    db.meetings,
    db.tandems,
    db.progress,
    db.stepHealth,
    db.settings,
  ];
  // One read transaction: a consistent snapshot even while the recorder or another page writes.
  return db.transaction('r', tables, async () => {
    const out = emptyRecords();
    if (sel.everything) {
      out.walkthroughs = await db.walkthroughs.toArray();
      out.steps = await db.steps.toArray();
      out.screenshots = await db.screenshots.toArray();
      out.questions = await db.questions.toArray();
      out.goals = await db.goals.toArray();
      out.meetings = await db.meetings.toArray();
      out.tandems = await db.tandems.toArray();
      out.progress = await db.progress.toArray();
      out.stepHealth = await db.stepHealth.toArray();
      out.settings = await db.settings.toArray();
      return out;
    }
    const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
    out.walkthroughs = present(await db.walkthroughs.bulkGet(unique(sel.walkthroughIds)));
    // One indexed equality query per walkthrough: cheaper than anyOf() on large selections.
    const stepLists = await Promise.all(
      out.walkthroughs.map((w) => db.steps.where('walkthroughId').equals(w.id).toArray()),
    );
    out.steps = stepLists.flat();
    out.questions = present(await db.questions.bulkGet(unique(sel.questionIds)));
    out.goals = present(await db.goals.bulkGet(unique(sel.goalIds)));
    out.meetings = present(await db.meetings.bulkGet(unique(sel.meetingIds)));
    // The screenshots the steps and questions show, fetched by primary key; one that belongs to another
    // owner (should never happen) is left out rather than carried into someone else's data.
    const owned = new Map<string, string>();
    for (const s of out.steps) if (s.screenshotId) owned.set(s.screenshotId, s.id);
    for (const q of out.questions) if (q.screenshotId) owned.set(q.screenshotId, q.id);
    out.screenshots = present(await db.screenshots.bulkGet([...owned.keys()])).filter(
      (shot) => owned.get(shot.id) === shot.ownerId,
    );
    out.tandems = await db.tandems.toArray(); // only for the creator line, not exported in a share
    return out;
  });
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export interface ExportOptions extends SealOptions {
  /** encrypt with this passphrase; a full backup is always encrypted */
  passphrase?: string;
  now?: string;
  appVersion?: string;
  /** the import limits the file must respect (defaults to BUNDLE_LIMITS) */
  limits?: Partial<BundleLimits>;
}

export interface ExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: Manifest;
  encrypted: boolean;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

function appVersionFallback(): string {
  const rt = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime;
  try {
    return rt?.getManifest?.().version ?? 'dev';
  } catch {
    return 'dev';
  }
}

/** Build the .lotse file for a selection. Throws BundleError ('empty-selection', 'passphrase-too-short', …). */
export async function exportBundle(
  db: LotseDB,
  selection: BundleSelection,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  const sel = BundleSelectionSchema.parse(selection);
  const kind: BundleKind = sel.everything ? 'backup' : 'share';
  if (opts.passphrase !== undefined && [...opts.passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new BundleError('passphrase-too-short');
  }
  if (kind === 'backup' && opts.passphrase === undefined)
    throw new BundleError('passphrase-required', 'a backup is always encrypted');

  const collected = await collectSelection(db, sel);
  const tandem = collected.tandems[0];
  const records: BundleRecords = kind === 'backup' ? collected : { ...collected, tandems: [] };
  if (
    kind === 'share' &&
    !records.walkthroughs.length &&
    !records.questions.length &&
    !records.goals.length &&
    !records.meetings.length
  ) {
    throw new BundleError('empty-selection');
  }

  const limits = resolveLimits(opts.limits);
  // Blob bytes are read after the transaction (no non-Dexie async work inside one).
  const files: ZipInput[] = [];
  const screenshots: Screenshot[] = [];
  const metas: ScreenshotMeta[] = [];
  for (const shot of records.screenshots) {
    const bytes = new Uint8Array(await shot.blob.arrayBuffer());
    const info = sniffImage(bytes);
    // A screenshot the importer would refuse (not PNG/JPEG/WebP, too large) is left out rather than
    // making the whole file unopenable; the step then simply shows no picture.
    if (!info || bytes.length > limits.maxImageBytes || Math.max(info.width, info.height) > limits.maxImageSide)
      continue;
    const { blob: _blob, ...meta } = shot;
    screenshots.push(shot);
    // The bytes decide the type: the file name, the metadata and the importer's check then agree.
    metas.push({ ...meta, mime: info.mime });
    files.push({ path: screenshotPath(shot.id, info.mime), bytes, compress: false });
  }
  records.screenshots = screenshots;

  const json: BundleRecordsJson = { ...records, screenshots: metas };
  const recordsBytes = enc.encode(JSON.stringify(json));
  files.unshift({ path: RECORDS_PATH, bytes: recordsBytes, compress: true });
  // Never write a file that Lotse itself would refuse to open.
  const unpacked = files.reduce((n, f) => n + f.bytes.length, 0);
  if (
    files.length + 1 > limits.maxEntries ||
    unpacked > limits.maxTotalBytes * 0.95 ||
    recordsBytes.length > limits.maxRecordsBytes
  ) {
    throw new BundleError('too-much-for-one-file', `${files.length} files, ${unpacked} bytes`);
  }

  const firstName = tandem?.myName?.trim().split(/\s+/)[0];
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    kind,
    createdAt: opts.now ?? new Date().toISOString(),
    creator: { ...(tandem ? { role: tandem.role } : {}), ...(firstName ? { firstName: firstName.slice(0, 80) } : {}) },
    app: { name: 'Lotse', version: (opts.appVersion ?? appVersionFallback()).slice(0, 40) },
    contents: countRecords({ ...records, screenshots }),
    walkthroughTitles: records.walkthroughs.map((w) => w.title),
    files: await Promise.all(
      files.map(async (f) => ({
        path: f.path,
        bytes: f.bytes.length,
        sha256: await sha256Hex(f.bytes as Uint8Array<ArrayBuffer>),
      })),
    ),
  };
  const zip = writeZip([
    { path: MANIFEST_PATH, bytes: enc.encode(JSON.stringify(manifest, null, 2)), compress: true },
    ...files,
  ]);
  if (opts.passphrase === undefined) return { bytes: zip, manifest, encrypted: false };
  const sealed = await seal(zip, opts.passphrase, opts);
  return { bytes: sealed, manifest, encrypted: true };
}

/** A safe, readable file name: "lotse-linkedin-profil-anlegen-2026-03-04.lotse". */
export function bundleFileName(label: string, date: Date = new Date()): string {
  const slug = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `lotse-${slug ? `${slug}-` : ''}${day}${FILE_EXTENSION}`;
}
