/**
 * The zip container, written with fflate and read with fflate's streaming `Unzip`. Reading counts every
 * byte that comes out of the decompressor itself: sizes declared in the zip headers are never trusted,
 * so a "zip bomb" is stopped after at most one chunk beyond the limit. Names are checked before any data
 * of an entry is accepted.
 */
import { Unzip, UnzipInflate, deflateSync, type UnzipFile } from 'fflate';
import { BundleError } from './errors';
import { looksLikeArchive, looksLikeMarkup } from './image';
import type { BundleLimits } from './limits';
import { MANIFEST_PATH, RECORDS_PATH, SCREENSHOT_DIR, parseScreenshotPath } from './format';

export interface ZipInput {
  path: string;
  bytes: Uint8Array;
  /** already compressed data (images) is stored, JSON is deflated */
  compress: boolean;
}

/** CRC-32 (zip polynomial), slicing-by-8: about four times faster than a byte-wise table on screenshots. */
const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  const t = CRC_TABLE;
  let c = -1;
  let i = 0;
  for (const n = b.length - 8; i <= n; i += 8) {
    c ^= b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    c =
      t[1792 + (c & 0xff)]! ^
      t[1536 + ((c >>> 8) & 0xff)]! ^
      t[1280 + ((c >>> 16) & 0xff)]! ^
      t[1024 + (c >>> 24)]! ^
      t[768 + b[i + 4]!]! ^
      t[512 + b[i + 5]!]! ^
      t[256 + b[i + 6]!]! ^
      t[b[i + 7]!]!;
  }
  for (; i < b.length; i++) c = t[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// 2000-01-01 00:00 in MS-DOS format: the container carries no local time; createdAt is in the manifest.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * A plain zip (no zip64, no data descriptors, UTF-8 names): images stored as they are, JSON deflated.
 * Written by hand rather than with fflate's zipSync because that spends most of its time on CRCs.
 */
export function writeZip(files: readonly ZipInput[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const prepared = files.map((f) => {
    const name = enc.encode(f.path);
    const data = f.compress ? deflateSync(f.bytes, { level: 6 }) : f.bytes;
    return { name, data, method: f.compress ? 8 : 0, crc: crc32(f.bytes), size: f.bytes.length };
  });
  const localSize = prepared.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = prepared.reduce((n, p) => n + 46 + p.name.length, 0);
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff || prepared.length > 0xffff) throw new BundleError('too-large', 'zip64 would be needed');
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    v.setUint32(at, 0x04034b50, true);
    v.setUint16(at + 4, 20, true); // version needed: 2.0
    v.setUint16(at + 6, 0x0800, true); // UTF-8 names
    v.setUint16(at + 8, p.method, true);
    v.setUint16(at + 10, DOS_TIME, true);
    v.setUint16(at + 12, DOS_DATE, true);
    v.setUint32(at + 14, p.crc, true);
    v.setUint32(at + 18, p.data.length, true);
    v.setUint32(at + 22, p.size, true);
    v.setUint16(at + 26, p.name.length, true);
    v.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS attributes
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, 0x0800, true);
    v.setUint16(at + 10, p.method, true);
    v.setUint16(at + 12, DOS_TIME, true);
    v.setUint16(at + 14, DOS_DATE, true);
    v.setUint32(at + 16, p.crc, true);
    v.setUint32(at + 20, p.data.length, true);
    v.setUint32(at + 24, p.size, true);
    v.setUint16(at + 28, p.name.length, true);
    // extra, comment, disk, internal and external attributes stay 0
    v.setUint32(at + 42, offsets[i]!, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, prepared.length, true);
  v.setUint16(at + 10, prepared.length, true);
  v.setUint32(at + 12, at - centralStart, true);
  v.setUint32(at + 16, centralStart, true);
  return out;
}

const ARCHIVE_EXTENSIONS = /\.(zip|lotse|gz|tgz|tar|bz2|xz|zst|7z|rar|jar|apk|docx|xlsx|pptx|odt|cab|iso)$/i;
const MARKUP_EXTENSIONS = /\.(svg|svgz|xml|html?|xhtml)$/i;

/** Refuse traversal, absolute, drive-letter, backslash, control-character and over-long names. */
export function checkEntryName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.length > 200 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((seg, i, all) => seg === '..' || seg === '.' || (seg === '' && i < all.length - 1));
  if (unsafe) throw new BundleError('unsafe-path', JSON.stringify(name.slice(0, 200)));
  if (ARCHIVE_EXTENSIONS.test(name)) throw new BundleError('nested-archive', name);
  if (MARKUP_EXTENSIONS.test(name)) throw new BundleError('image-type', name);
  if (name !== MANIFEST_PATH && name !== RECORDS_PATH && name !== SCREENSHOT_DIR && !parseScreenshotPath(name)) {
    throw new BundleError('unexpected-file', name);
  }
}

function limitFor(name: string, limits: BundleLimits): { max: number; reason: 'entry-too-large' | 'image-too-large' } {
  if (name === MANIFEST_PATH) return { max: limits.maxManifestBytes, reason: 'entry-too-large' };
  if (name === RECORDS_PATH) return { max: limits.maxRecordsBytes, reason: 'entry-too-large' };
  if (name === SCREENSHOT_DIR) return { max: 0, reason: 'entry-too-large' };
  return { max: limits.maxImageBytes, reason: 'image-too-large' };
}

/** Bytes fed to the decompressor per step: bounds how much one step can expand (deflate ≤ ~1032×). */
const CHUNK = 16 * 1024;
const SNIFF_BYTES = 262;

/** Unpack with limits. Returns every file entry (directories dropped) by name. */
export function readZip(bytes: Uint8Array, limits: BundleLimits): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  const incomplete = new Set<string>();
  let failure: BundleError | undefined;
  const fail = (e: BundleError): never => {
    failure ??= e;
    throw failure;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    entries++;
    if (entries > limits.maxEntries) fail(new BundleError('too-many-files', `more than ${limits.maxEntries}`));
    const name = file.name;
    checkEntryName(name);
    if (files.has(name)) fail(new BundleError('damaged', `duplicate entry ${name}`));
    const { max, reason } = limitFor(name, limits);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let sniffed = false;
    const sniff = (head: Uint8Array) => {
      sniffed = true;
      if (looksLikeArchive(head)) fail(new BundleError('nested-archive', name));
      const isJson = name === MANIFEST_PATH || name === RECORDS_PATH;
      if (!isJson && looksLikeMarkup(head)) fail(new BundleError('image-type', name));
    };
    files.set(name, new Uint8Array(0)); // reserves the name against duplicates
    incomplete.add(name);
    file.ondata = (err, data, final) => {
      if (failure) throw failure;
      if (err) fail(new BundleError('damaged', `${name}: ${err.message}`));
      size += data.length;
      total += data.length;
      if (size > max) fail(new BundleError(reason, `${name}: more than ${max} bytes`));
      if (total > limits.maxTotalBytes) fail(new BundleError('too-large', `more than ${limits.maxTotalBytes} bytes`));
      if (data.length) chunks.push(data);
      // Look at the first bytes as soon as there are enough (tar's magic sits at 257).
      if (!sniffed && size >= SNIFF_BYTES) sniff(concat(chunks, SNIFF_BYTES));
      if (final) {
        const all = concat(chunks, size);
        if (!sniffed && all.length) sniff(all);
        incomplete.delete(name);
        if (name === SCREENSHOT_DIR) files.delete(name);
        else files.set(name, all);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), at + CHUNK >= bytes.length);
    }
    if (bytes.length === 0) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof BundleError) throw e;
    throw new BundleError('damaged', `zip: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (failure) throw failure;
  // An entry whose data never ended: the file was cut.
  if (incomplete.size) throw new BundleError('damaged', `incomplete entry ${[...incomplete][0]}`);
  return files;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === length) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    if (at >= length) break;
    const part = c.subarray(0, Math.min(c.length, length - at));
    out.set(part, at);
    at += part.length;
  }
  return out;
}
