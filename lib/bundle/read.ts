/**
 * Reading a bundle: decrypt, unzip with limits, check every file and record. Everything here happens
 * before any database transaction opens; the result is either a fully validated ParsedBundle or a
 * BundleError with a reason the UI translates.
 */
import { z } from 'zod';
import type { Screenshot } from '../schema';
import { isEncryptedBundle, open, type TestOnlyKdf } from './crypto';
import { BundleError, toBundleError } from './errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  MANIFEST_PATH,
  ManifestSchema,
  RECORDS_PATH,
  RECORD_TABLES,
  RecordsSchema,
  SHARE_TABLES,
  parseScreenshotPath,
  screenshotPath,
  type Manifest,
} from './format';
import { sniffImage } from './image';
import { resolveLimits, type BundleLimits } from './limits';
import { countRecords, type BundleRecords } from './records';
import { safeJsonParse } from './safe-json';
import { readZip } from './zip';

export interface ReadOptions extends TestOnlyKdf {
  passphrase?: string;
  limits?: Partial<BundleLimits>;
}

export interface ParsedBundle {
  manifest: Manifest;
  encrypted: boolean;
  records: BundleRecords;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Cheap look at the first bytes: is this a Lotse file, and does it need a passphrase? */
export function sniffBundle(bytes: Uint8Array): 'encrypted' | 'plain' | 'unknown' {
  if (isEncryptedBundle(bytes)) return 'encrypted';
  if (ZIP_MAGIC.every((v, i) => bytes[i] === v)) return 'plain';
  return 'unknown';
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}`.slice(0, 300) : 'invalid';
}

/**
 * Addresses in a file from someone else are opened by the player and shown as links: only web pages
 * (http, https) are accepted — never javascript:, data:, file: or extension pages.
 */
function checkUrls(json: z.infer<typeof RecordsSchema>): void {
  const web = (url: string | undefined, where: string, allowEmpty = true) => {
    if (url === undefined || (allowEmpty && url === '')) return;
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      /* not an absolute URL */
    }
    if (protocol !== 'http:' && protocol !== 'https:')
      throw new BundleError('invalid-records', `${where}: not a web address`);
  };
  for (const w of json.walkthroughs) web(w.startUrl, `walkthrough ${w.id} startUrl`, false);
  for (const s of json.steps) {
    web(s.url, `step ${s.id} url`);
    if (s.action.type === 'navigate' || s.action.type === 'new-tab') web(s.action.url, `step ${s.id} action.url`);
  }
  for (const q of json.questions) web(q.context.url, `question ${q.id} context.url`);
}

/** Read, decrypt and validate a .lotse file. Never writes anything. */
export async function readBundle(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ParsedBundle> {
  try {
    return await readBundleUnsafe(bytes, opts);
  } catch (e) {
    // Anything unexpected (a decoder throwing on garbage, a browser API refusing) is a damaged file.
    throw toBundleError(e, 'damaged');
  }
}

async function readBundleUnsafe(bytes: Uint8Array, opts: ReadOptions): Promise<ParsedBundle> {
  const limits = resolveLimits(opts.limits);
  if (bytes.length > limits.maxFileBytes) throw new BundleError('file-too-large', `${bytes.length} bytes`);
  const kind = sniffBundle(bytes);
  if (kind === 'unknown') throw new BundleError('not-a-bundle', 'neither envelope nor zip');
  const encrypted = kind === 'encrypted';
  const zip = encrypted ? await open(bytes, opts) : bytes;
  if (encrypted && sniffBundle(zip) !== 'plain') throw new BundleError('damaged', 'decrypted payload is not a zip');

  const files = readZip(zip, limits);

  // Every screenshot must be a raster image of sane size, whatever the manifest says.
  const images = new Map<string, { mime: Screenshot['mime']; bytes: Uint8Array }>();
  for (const [path, data] of files) {
    const shot = parseScreenshotPath(path);
    if (!shot) continue;
    const info = sniffImage(data);
    if (!info) throw new BundleError('image-type', path);
    if (info.width < 1 || info.height < 1 || info.width > limits.maxImageSide || info.height > limits.maxImageSide) {
      throw new BundleError('image-dimensions', `${path}: ${info.width}×${info.height}`);
    }
    if (screenshotPath(shot.id, info.mime) !== path) throw new BundleError('image-type', `${path} is ${info.mime}`);
    images.set(shot.id, { mime: info.mime, bytes: data });
  }

  const manifestBytes = files.get(MANIFEST_PATH);
  if (!manifestBytes) throw new BundleError('not-a-bundle', 'no manifest.json');
  const rawManifest = safeJsonParse(manifestBytes, MANIFEST_PATH);
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(rawManifest);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleError('not-a-bundle', 'manifest format');
  if (head.data.version > BUNDLE_VERSION)
    throw new BundleError('unsupported-version', `bundle version ${head.data.version}`);
  const manifestParsed = ManifestSchema.safeParse(rawManifest);
  if (!manifestParsed.success) throw new BundleError('invalid-records', `manifest: ${issuePath(manifestParsed.error)}`);
  const manifest = manifestParsed.data;

  // The manifest lists every other entry with size and SHA-256: a plain zip has no other integrity check
  // we rely on (fflate's streaming reader does not verify CRCs).
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) throw new BundleError('inconsistent', 'file listed twice');
  for (const path of files.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new BundleError('damaged', `not in manifest: ${path}`);
  }
  for (const f of manifest.files) {
    const data = files.get(f.path);
    if (!data || f.path === MANIFEST_PATH) throw new BundleError('damaged', `missing: ${f.path}`);
    if (data.length !== f.bytes || (await sha256Hex(data)) !== f.sha256)
      throw new BundleError('damaged', `changed: ${f.path}`);
  }

  const recordsBytes = files.get(RECORDS_PATH);
  if (!recordsBytes) throw new BundleError('damaged', 'no records.json');
  const parsed = RecordsSchema.safeParse(safeJsonParse(recordsBytes, RECORDS_PATH));
  if (!parsed.success) throw new BundleError('invalid-records', issuePath(parsed.error));
  const json = parsed.data;

  if (manifest.kind === 'share') {
    for (const table of RECORD_TABLES) {
      if (!SHARE_TABLES.includes(table) && json[table].length)
        throw new BundleError('inconsistent', `a share carries ${table}`);
    }
  }
  for (const table of RECORD_TABLES) {
    const rows = json[table] as object[];
    const keyOf = (r: object) =>
      String(
        (r as Record<string, unknown>)[table === 'progress' ? 'walkthroughId' : table === 'settings' ? 'key' : 'id'],
      );
    if (new Set(rows.map(keyOf)).size !== rows.length) throw new BundleError('inconsistent', `duplicate ${table} id`);
  }

  checkUrls(json);

  // References inside the bundle must hold together.
  const walkthroughIds = new Set(json.walkthroughs.map((w) => w.id));
  const stepIds = new Set(json.steps.map((s) => s.id));
  const questionIds = new Set(json.questions.map((q) => q.id));
  for (const s of json.steps) {
    if (!walkthroughIds.has(s.walkthroughId))
      throw new BundleError('inconsistent', `step ${s.id} without its walkthrough`);
  }
  const screenshots: Screenshot[] = [];
  for (const meta of json.screenshots) {
    const owners = meta.ownerKind === 'step' ? stepIds : questionIds;
    if (!owners.has(meta.ownerId)) throw new BundleError('inconsistent', `screenshot ${meta.id} without its owner`);
    const image = images.get(meta.id);
    if (!image || image.mime !== meta.mime) throw new BundleError('inconsistent', `screenshot ${meta.id} file`);
    images.delete(meta.id);
    screenshots.push({ ...meta, blob: new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: meta.mime }) });
  }
  if (images.size) throw new BundleError('inconsistent', 'screenshot file without metadata');

  const records: BundleRecords = { ...json, screenshots };
  const counted = countRecords(records);
  for (const table of RECORD_TABLES) {
    if (counted[table] !== manifest.contents[table])
      throw new BundleError('inconsistent', `manifest count of ${table}`);
  }
  return { manifest, encrypted, records };
}
