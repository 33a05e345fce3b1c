import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LotseDB } from '~/lib/db';
import { BundleError, applyImport, dumpDatabase, exportBundle, readBundle, type BundleErrorReason } from '~/lib/bundle';
import {
  HEADER_BYTES,
  HEADER_FIELDS,
  KDF_DEFAULT_ITERATIONS,
  KDF_POLICY,
  TAG_BYTES,
  inspectEnvelope,
  open,
  seal,
} from '~/lib/bundle/crypto';
import { newId } from '~/lib/schema';
import { seed, selectionOf } from './bundle-fixtures';

const POLICY = { floor: 1_000, ceiling: 5_000 };
const FAST = { testOnlyKdfPolicy: POLICY, iterations: 1_000 } as const;
const PASS = 'Tanne Fahrrad Kompass Regen';

let a: LotseDB;
let b: LotseDB;
let file: Uint8Array;
let baseline: Awaited<ReturnType<typeof dumpDatabase>>;

beforeEach(async () => {
  a = new LotseDB(`test-${newId()}`);
  b = new LotseDB(`test-${newId()}`);
  await Promise.all([a.open(), b.open()]);
  const seeded = await seed(a, { walkthroughs: 2, stepsPer: 2, questions: 2 });
  file = (await exportBundle(a, selectionOf(seeded), { passphrase: PASS, ...FAST })).bytes;
  // b holds data of its own: a refused import must leave it exactly as it is
  await seed(b, { walkthroughs: 1, stepsPer: 1, questions: 1 });
  baseline = await dumpDatabase(b);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([a.delete(), b.delete()]);
});

/** Try the whole import path on bytes; return the refusal reason (or 'accepted'). */
async function attempt(bytes: Uint8Array, passphrase = PASS): Promise<BundleErrorReason | 'accepted'> {
  try {
    const parsed = await readBundle(bytes, { passphrase, testOnlyKdfPolicy: POLICY });
    await applyImport(b, parsed);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return (e as BundleError).reason;
  }
}

function flip(bytes: Uint8Array, byte: number, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[byte]! ^= 1 << bit;
  return copy;
}

async function withChecksum(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = bytes.slice();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy.slice(0, HEADER_FIELDS.checksum[0])));
  copy.set(digest.subarray(0, 4), HEADER_FIELDS.checksum[0]);
  return copy;
}

describe('passphrase encryption', () => {
  it('the same bundle exported twice differs in salt, IV and ciphertext', async () => {
    const seeded = await seed(a, { walkthroughs: 1, questions: 0, goals: 0, meetings: 0 });
    const sel = { walkthroughIds: [seeded.walkthroughs[0]!.id] };
    const now = '2026-03-04T10:00:00.000Z';
    const x = (await exportBundle(a, sel, { passphrase: PASS, ...FAST, now })).bytes;
    const y = (await exportBundle(a, sel, { passphrase: PASS, ...FAST, now })).bytes;
    const part = (f: Uint8Array, [s, e]: readonly [number, number]) => Buffer.from(f.subarray(s, e)).toString('hex');
    expect(part(x, HEADER_FIELDS.salt)).not.toBe(part(y, HEADER_FIELDS.salt));
    expect(part(x, HEADER_FIELDS.iv)).not.toBe(part(y, HEADER_FIELDS.iv));
    expect(part(x, [HEADER_BYTES, x.length])).not.toBe(part(y, [HEADER_BYTES, y.length]));
    // … while the plaintext is the same: both open to the same records
    const px = await readBundle(x, { passphrase: PASS, testOnlyKdfPolicy: POLICY });
    const py = await readBundle(y, { passphrase: PASS, testOnlyKdfPolicy: POLICY });
    expect(px.records.steps).toEqual(py.records.steps);
  });

  it('a wrong passphrase has its own reason and changes nothing', async () => {
    expect(await attempt(file, 'Tanne Fahrrad Kompass Regen!')).toBe('wrong-passphrase');
    expect(await attempt(file, 'tanne fahrrad kompass regen')).toBe('wrong-passphrase');
    await expect(readBundle(file, { testOnlyKdfPolicy: POLICY })).rejects.toMatchObject({
      reason: 'passphrase-required',
    });
    expect(await dumpDatabase(b)).toEqual(baseline);
    expect(await attempt(file)).toBe('accepted');
  });

  it('treats composed and decomposed umlauts as the same passphrase (NFC)', async () => {
    const sealed = await seal(new Uint8Array([1, 2, 3]), 'Grüße aus Köln', FAST);
    const decomposed = 'Gru\u0308ße aus Ko\u0308ln';
    expect(decomposed).not.toBe('Grüße aus Köln');
    expect(await open(sealed, { passphrase: decomposed, testOnlyKdfPolicy: POLICY })).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });

  it.each(Object.keys(HEADER_FIELDS) as (keyof typeof HEADER_FIELDS)[])(
    'flipping any bit of the header field “%s” is refused, 0 rows changed',
    async (field) => {
      const [start, end] = HEADER_FIELDS[field];
      for (let byte = start; byte < end; byte++) {
        for (let bit = 0; bit < 8; bit++) {
          const reason = await attempt(flip(file, byte, bit));
          expect(reason, `byte ${byte} bit ${bit}`).not.toBe('accepted');
          expect(['not-a-bundle', 'damaged', 'unsupported-version', 'unsafe-encryption']).toContain(reason);
        }
      }
      expect(await dumpDatabase(b)).toEqual(baseline);
    },
  );

  it.each(['version', 'kdf', 'iterations', 'cipher', 'salt', 'iv', 'check'] as const)(
    'the header is bound to the ciphertext: a changed “%s” with a repaired checksum is still refused',
    async (field) => {
      const [start] = HEADER_FIELDS[field];
      // the lowest bit keeps the iteration count inside the test policy, so derivation really runs
      const tampered = await withChecksum(flip(file, field === 'iterations' ? start + 3 : start, 0));
      const reason = await attempt(tampered);
      expect(reason).not.toBe('accepted');
      expect(await dumpDatabase(b)).toEqual(baseline);
    },
  );

  it('the header is the additional authenticated data of AES-GCM', async () => {
    // With the right key and IV, decryption succeeds only with exactly the header as AAD.
    const header = file.slice(0, HEADER_BYTES);
    const salt = header.slice(...HEADER_FIELDS.salt);
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASS), 'PBKDF2', false, ['deriveBits']);
    const secret = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1_000 },
      base,
      256,
    );
    const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(0),
        info: new TextEncoder().encode('lotse-bundle/1/aes-256-gcm'),
      },
      hkdf,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    const iv = header.slice(...HEADER_FIELDS.iv);
    const body = file.slice(HEADER_BYTES);
    await expect(
      crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: header }, key, body),
    ).resolves.toBeInstanceOf(ArrayBuffer);
    const otherHeader = flip(header, HEADER_FIELDS.checksum[0], 0) as Uint8Array<ArrayBuffer>;
    await expect(
      crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: otherHeader }, key, body),
    ).rejects.toThrow();
  });

  it('flipping bits in the ciphertext or the tag is refused as damaged, 0 rows changed', async () => {
    const ctEnd = file.length - TAG_BYTES;
    const positions = [
      HEADER_BYTES,
      HEADER_BYTES + 1,
      Math.floor((HEADER_BYTES + ctEnd) / 2),
      ctEnd - 1,
      ctEnd,
      ctEnd + 7,
      file.length - 1,
    ];
    for (let i = 0; i < 12; i++)
      positions.push(HEADER_BYTES + Math.floor(Math.random() * (file.length - HEADER_BYTES)));
    for (const byte of positions) {
      expect(await attempt(flip(file, byte, Math.floor(Math.random() * 8))), `byte ${byte}`).toBe('damaged');
    }
    expect(await dumpDatabase(b)).toEqual(baseline);
  });

  it('truncating at random offsets is refused, 0 rows changed', async () => {
    const cuts = [0, 1, 7, 8, 15, 63, 64, 65, HEADER_BYTES + TAG_BYTES - 1, file.length - 1, file.length - TAG_BYTES];
    for (let i = 0; i < 20; i++) cuts.push(Math.floor(Math.random() * file.length));
    for (const cut of cuts) {
      const reason = await attempt(file.subarray(0, cut));
      expect(reason, `cut at ${cut}`).not.toBe('accepted');
    }
    expect(await dumpDatabase(b)).toEqual(baseline);
  });
});

describe('KDF parameters', () => {
  it('the production policy: floor ≥ 600,000 (OWASP), default inside', () => {
    expect(KDF_POLICY.floor).toBeGreaterThanOrEqual(600_000);
    expect(KDF_DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(KDF_POLICY.floor);
    expect(KDF_DEFAULT_ITERATIONS).toBeLessThanOrEqual(KDF_POLICY.ceiling);
  });

  async function withIterations(iterations: number): Promise<Uint8Array> {
    const copy = file.slice();
    new DataView(copy.buffer).setUint32(HEADER_FIELDS.iterations[0], iterations);
    return withChecksum(copy);
  }

  it.each([
    ['below the floor', 999],
    ['zero', 0],
    ['above the ceiling', 5_001],
    ['the maximum', 0xffffffff],
  ])('%s is refused before any key derivation', async (_name, iterations) => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    const deriveKey = vi.spyOn(crypto.subtle, 'deriveKey');
    expect(await attempt(await withIterations(iterations))).toBe('unsafe-encryption');
    expect(importKey).not.toHaveBeenCalled();
    expect(deriveBits).not.toHaveBeenCalled();
    expect(deriveKey).not.toHaveBeenCalled();
    expect(await dumpDatabase(b)).toEqual(baseline);
    // control: the spies do see a derivation when the parameters are fine
    expect(await attempt(file)).toBe('accepted');
    expect(importKey).toHaveBeenCalled();
    expect(deriveBits).toHaveBeenCalled();
  });

  it('production code paths refuse a file declaring fewer than 600,000 iterations, before deriving', async () => {
    // `file` was sealed with 1,000 iterations under the test-only policy
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    await expect(readBundle(file, { passphrase: PASS })).rejects.toMatchObject({ reason: 'unsafe-encryption' });
    await expect(inspectEnvelope(file)).rejects.toMatchObject({ reason: 'unsafe-encryption' });
    await expect(inspectEnvelope(await withIterations(599_999))).rejects.toMatchObject({ reason: 'unsafe-encryption' });
    await expect(inspectEnvelope(await withIterations(600_000))).resolves.toMatchObject({ iterations: 600_000 });
    await expect(inspectEnvelope(await withIterations(KDF_POLICY.ceiling + 1))).rejects.toMatchObject({
      reason: 'unsafe-encryption',
    });
    expect(deriveBits).not.toHaveBeenCalled();
    expect(importKey).not.toHaveBeenCalled();
  });

  it('production sealing refuses fewer than 600,000 iterations', async () => {
    await expect(seal(new Uint8Array([1]), PASS, { iterations: 1_000 })).rejects.toMatchObject({
      reason: 'unsafe-encryption',
    });
    await expect(
      exportBundle(a, { everything: true }, { passphrase: PASS, iterations: 100_000 }),
    ).rejects.toMatchObject({
      reason: 'unsafe-encryption',
    });
  });

  it('seals and opens with the production default', async () => {
    const sealed = await seal(new Uint8Array([9, 8, 7]), PASS);
    expect(new DataView(sealed.buffer).getUint32(HEADER_FIELDS.iterations[0])).toBe(KDF_DEFAULT_ITERATIONS);
    expect(await open(sealed, { passphrase: PASS })).toEqual(new Uint8Array([9, 8, 7]));
  });
});
