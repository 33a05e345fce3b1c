/**
 * The passphrase envelope around a bundle (see FORMAT.md, "Encrypted bundles").
 *
 *   offset size
 *   0      8   magic "LOTSEENC"
 *   8      2   envelope version, uint16 big-endian (1)
 *   10     1   KDF id (1 = PBKDF2-HMAC-SHA256)
 *   11     4   KDF iterations, uint32 big-endian
 *   15     1   cipher id (1 = AES-256-GCM, 128-bit tag)
 *   16     16  salt (random per file)
 *   32     12  IV (random per file)
 *   44     16  passphrase check (HKDF from the derived secret)
 *   60     4   header checksum: first 4 bytes of SHA-256(bytes 0–59)
 *   64     …   ciphertext of the zip, followed by the 16-byte GCM tag
 *
 * The whole 64-byte header is the GCM additional authenticated data, so no header bit can change
 * without the decryption failing. The checksum only exists to tell "the file is damaged" apart from
 * "the passphrase is wrong" (which the passphrase check answers); neither is a security boundary.
 * The KDF parameters are checked against a floor and a ceiling BEFORE any derivation: a file cannot make
 * us derive with a weak setting, nor keep the computer busy for minutes.
 */
import { BundleError } from './errors';

export const ENVELOPE_MAGIC = new Uint8Array([0x4c, 0x4f, 0x54, 0x53, 0x45, 0x45, 0x4e, 0x43]); // LOTSEENC
export const ENVELOPE_VERSION = 1;
export const KDF_PBKDF2_SHA256 = 1;
export const CIPHER_AES_256_GCM = 1;
export const HEADER_BYTES = 64;
export const TAG_BYTES = 16;

/** Byte ranges of the header fields (tests flip bits in each). */
export const HEADER_FIELDS = {
  magic: [0, 8],
  version: [8, 10],
  kdf: [10, 11],
  iterations: [11, 15],
  cipher: [15, 16],
  salt: [16, 32],
  iv: [32, 44],
  check: [44, 60],
  checksum: [60, 64],
} as const satisfies Record<string, readonly [number, number]>;

export interface KdfPolicy {
  /** fewest iterations accepted (OWASP 2023: 600,000 for PBKDF2-HMAC-SHA256) */
  floor: number;
  /** most iterations accepted: bounds how long a hostile file can keep the computer busy */
  ceiling: number;
}

/** Production policy. Measured here: 600,000 iterations take about 0.4–0.8 s (bench `bundle.kdfMs`). */
export const KDF_POLICY: Readonly<KdfPolicy> = Object.freeze({ floor: 600_000, ceiling: 4_000_000 });
export const KDF_DEFAULT_ITERATIONS = 600_000;

/**
 * Unit tests only: a cheaper policy so hundreds of seal/open rounds stay fast. Production callers never
 * pass one; without it the production floor applies to sealing and opening alike.
 */
export interface TestOnlyKdf {
  testOnlyKdfPolicy?: KdfPolicy;
}

/**
 * The policy in force. The shipped extension (a production build) ignores any test-only policy, so
 * not even a programming mistake could lower the floor there.
 */
function policyOf(opts: TestOnlyKdf): KdfPolicy {
  const production = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'production';
  return production ? KDF_POLICY : (opts.testOnlyKdfPolicy ?? KDF_POLICY);
}

export function isEncryptedBundle(bytes: Uint8Array): boolean {
  return bytes.length >= ENVELOPE_MAGIC.length && ENVELOPE_MAGIC.every((v, i) => bytes[i] === v);
}

const subtle = () => globalThis.crypto.subtle;
const enc = new TextEncoder();

/** NFC so that "ä" typed on a Mac (a + ¨) and on Windows (ä) is the same passphrase. */
export function normalizePassphrase(passphrase: string): Uint8Array<ArrayBuffer> {
  return enc.encode(passphrase.normalize('NFC'));
}

async function headerChecksum(header: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', header.subarray(0, HEADER_FIELDS.checksum[0])), 0, 4);
}

interface Keys {
  aesKey: CryptoKey;
  check: Uint8Array;
}

async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Keys> {
  const base = await subtle().importKey('raw', normalizePassphrase(passphrase), 'PBKDF2', false, ['deriveBits']);
  // One PBKDF2 output block (256 bits): asking for more would double the work. HKDF splits it cheaply.
  const secret = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256);
  const hkdf = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const info = (s: string) => enc.encode(`lotse-bundle/1/${s}`);
  const empty = new Uint8Array(0);
  const aesKey = await subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: empty, info: info('aes-256-gcm') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const check = new Uint8Array(
    await subtle().deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: empty, info: info('passphrase-check') },
      hkdf,
      128,
    ),
  );
  return { aesKey, check };
}

function checkIterations(iterations: number, policy: KdfPolicy): void {
  if (!Number.isInteger(iterations) || iterations < policy.floor || iterations > policy.ceiling) {
    throw new BundleError('unsafe-encryption', `iterations ${iterations} outside [${policy.floor}, ${policy.ceiling}]`);
  }
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export interface SealOptions extends TestOnlyKdf {
  iterations?: number;
}

/** Encrypt `plain` (the zip) with a passphrase: header ‖ ciphertext ‖ tag. */
export async function seal(
  plain: Uint8Array<ArrayBuffer>,
  passphrase: string,
  opts: SealOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const policy = policyOf(opts);
  const iterations = opts.iterations ?? KDF_DEFAULT_ITERATIONS;
  checkIterations(iterations, policy);
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(ENVELOPE_MAGIC, 0);
  view.setUint16(HEADER_FIELDS.version[0], ENVELOPE_VERSION);
  header[HEADER_FIELDS.kdf[0]] = KDF_PBKDF2_SHA256;
  view.setUint32(HEADER_FIELDS.iterations[0], iterations);
  header[HEADER_FIELDS.cipher[0]] = CIPHER_AES_256_GCM;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  header.set(salt, HEADER_FIELDS.salt[0]);
  header.set(iv, HEADER_FIELDS.iv[0]);
  const { aesKey, check } = await deriveKeys(passphrase, salt, iterations);
  header.set(check, HEADER_FIELDS.check[0]);
  header.set(await headerChecksum(header), HEADER_FIELDS.checksum[0]);
  const ct = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: header, tagLength: 128 }, aesKey, plain),
  );
  const out = new Uint8Array(HEADER_BYTES + ct.length);
  out.set(header, 0);
  out.set(ct, HEADER_BYTES);
  return out;
}

export interface EnvelopeInfo {
  version: number;
  kdf: number;
  iterations: number;
  cipher: number;
}

/**
 * Read and check the header without deriving anything: damaged, unsupported or unsafe files are refused
 * here, before the (deliberately slow) key derivation could start.
 */
export async function inspectEnvelope(bytes: Uint8Array, policy: KdfPolicy = KDF_POLICY): Promise<EnvelopeInfo> {
  if (!isEncryptedBundle(bytes)) throw new BundleError('not-a-bundle', 'no envelope magic');
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new BundleError('damaged', 'shorter than header and tag');
  const header = bytes.slice(0, HEADER_BYTES);
  const view = new DataView(header.buffer);
  const version = view.getUint16(HEADER_FIELDS.version[0]);
  if (version !== ENVELOPE_VERSION) {
    throw new BundleError(
      version > ENVELOPE_VERSION ? 'unsupported-version' : 'damaged',
      `envelope version ${version}`,
    );
  }
  if (!constantTimeEqual(await headerChecksum(header), header.subarray(...HEADER_FIELDS.checksum))) {
    throw new BundleError('damaged', 'header checksum');
  }
  const info: EnvelopeInfo = {
    version,
    kdf: header[HEADER_FIELDS.kdf[0]]!,
    iterations: view.getUint32(HEADER_FIELDS.iterations[0]),
    cipher: header[HEADER_FIELDS.cipher[0]]!,
  };
  if (info.kdf !== KDF_PBKDF2_SHA256) throw new BundleError('unsafe-encryption', `unknown KDF ${info.kdf}`);
  if (info.cipher !== CIPHER_AES_256_GCM) throw new BundleError('unsafe-encryption', `unknown cipher ${info.cipher}`);
  checkIterations(info.iterations, policy);
  return info;
}

export interface OpenOptions extends TestOnlyKdf {
  passphrase?: string;
}

/** Check the header, derive, verify the passphrase, decrypt and authenticate. Returns the zip bytes. */
export async function open(bytes: Uint8Array, opts: OpenOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const info = await inspectEnvelope(bytes, policyOf(opts));
  if (opts.passphrase === undefined || opts.passphrase === '') throw new BundleError('passphrase-required');
  const header = bytes.slice(0, HEADER_BYTES);
  const salt = header.slice(...HEADER_FIELDS.salt);
  const iv = header.slice(...HEADER_FIELDS.iv);
  const { aesKey, check } = await deriveKeys(opts.passphrase, salt, info.iterations);
  if (!constantTimeEqual(check, header.subarray(...HEADER_FIELDS.check))) throw new BundleError('wrong-passphrase');
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv, additionalData: header, tagLength: 128 },
      aesKey,
      bytes.slice(HEADER_BYTES) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plain);
  } catch (e) {
    // Right passphrase, but the ciphertext, the tag or the header was changed (or the file was cut).
    throw new BundleError('damaged', `authentication failed: ${e instanceof Error ? e.name : String(e)}`);
  }
}
