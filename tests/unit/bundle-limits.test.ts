import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { LotseDB } from '~/lib/db';
import {
  BUNDLE_LIMITS,
  BundleError,
  applyImport,
  dumpDatabase,
  exportBundle,
  readBundle,
  type BundleErrorReason,
  type BundleLimits,
} from '~/lib/bundle';
import { safeJsonParse } from '~/lib/bundle/safe-json';
import { newId } from '~/lib/schema';
import { fakeJpeg, fakePng, fakeWebp, rawZip, seed, selectionOf, type RawEntry } from './bundle-fixtures';

let a: LotseDB;
let b: LotseDB;
let valid: Map<string, Uint8Array>;
let baseline: Awaited<ReturnType<typeof dumpDatabase>>;
const enc = new TextEncoder();

beforeEach(async () => {
  a = new LotseDB(`test-${newId()}`);
  b = new LotseDB(`test-${newId()}`);
  await Promise.all([a.open(), b.open()]);
  const seeded = await seed(a, { walkthroughs: 1, stepsPer: 2, questions: 1, goals: 0, meetings: 0 });
  const out = await exportBundle(a, selectionOf(seeded));
  valid = new Map(Object.entries(unzipSync(out.bytes)));
  await seed(b, { walkthroughs: 1, stepsPer: 1, questions: 1 });
  baseline = await dumpDatabase(b);
});
afterEach(async () => {
  await Promise.all([a.delete(), b.delete()]);
});

async function attempt(bytes: Uint8Array, limits?: Partial<BundleLimits>): Promise<BundleErrorReason | 'accepted'> {
  try {
    await applyImport(b, await readBundle(bytes, { limits }));
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return (e as BundleError).reason;
  }
}

async function expectRefused(bytes: Uint8Array, reason: BundleErrorReason, limits?: Partial<BundleLimits>) {
  expect(await attempt(bytes, limits)).toBe(reason);
  expect(await dumpDatabase(b)).toEqual(baseline);
}

async function sha256(bytes: Uint8Array) {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString('hex');
}

/** The valid bundle's entries with changes, and a manifest whose file list is recomputed to match. */
async function rebuild(change: (files: Map<string, Uint8Array>) => void, extra: RawEntry[] = []): Promise<Uint8Array> {
  const files = new Map(valid);
  change(files);
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as {
    files: { path: string; bytes: number; sha256: string }[];
  };
  manifest.files = [];
  for (const [path, data] of files)
    if (path !== 'manifest.json') manifest.files.push({ path, bytes: data.length, sha256: await sha256(data) });
  files.set('manifest.json', enc.encode(JSON.stringify(manifest)));
  return rawZip([...[...files].map(([name, data]) => ({ name, data, method: 8 as const })), ...extra]);
}

const shotName = (files: Map<string, Uint8Array>, ext: string) => [...files.keys()].find((k) => k.endsWith(ext))!;

/** `head` followed by zeros up to `total` bytes, raw-deflated (native zlib: fast, and calloc keeps it cheap). */
function deflatedZeros(head: Uint8Array, total: number): Uint8Array {
  const plain = Buffer.alloc(total);
  plain.set(head, 0);
  return new Uint8Array(deflateRawSync(plain, { level: 1 }));
}

describe('limits while unpacking', () => {
  it('the untouched bundle is accepted (control)', async () => {
    expect(await attempt(await rebuild(() => undefined))).toBe('accepted');
  });

  it('zip bomb: an image whose header claims 45 KB inflates to 256 MB — stopped at the per-image limit', async () => {
    const name = `screenshots/${newId()}.webp`;
    const compressed = deflatedZeros(fakeWebp(1280, 800, 64), 256 * 1024 * 1024);
    expect(compressed.length).toBeLessThan(2 * 1024 * 1024);
    const bomb = rawZip([
      { name: 'manifest.json', data: valid.get('manifest.json')! },
      { name, data: new Uint8Array(0), method: 8, compressed, declaredSize: 45_000 },
    ]);
    await expectRefused(bomb, 'image-too-large');
  });

  it('zip bomb: records.json declaring 2 KB but inflating past the records limit', async () => {
    const compressed = deflatedZeros(enc.encode('{"walkthroughs":['), 80 * 1024 * 1024);
    const bomb = rawZip([
      {
        name: 'records.json',
        data: new Uint8Array(0),
        method: 8,
        compressed,
        declaredSize: 2_000,
        declaredCompressedSize: compressed.length,
      },
    ]);
    await expectRefused(bomb, 'entry-too-large');
  });

  it('zip bomb: many entries, each under its own limit, together over the total', async () => {
    const entries: RawEntry[] = [];
    const compressed = deflatedZeros(fakePng(640, 400, 64), 9 * 1024 * 1024);
    for (let i = 0; i < 12; i++)
      entries.push({
        name: `screenshots/${newId()}.png`,
        data: new Uint8Array(0),
        method: 8,
        compressed,
        declaredSize: 100,
      });
    await expectRefused(rawZip(entries), 'too-large', { maxTotalBytes: 64 * 1024 * 1024 });
  });

  it('a compressed size that lies is refused as damaged', async () => {
    const data = enc.encode(JSON.stringify({ hello: 'world' }));
    const zip = rawZip([{ name: 'records.json', data, declaredCompressedSize: data.length + 5000 }]);
    await expectRefused(zip, 'damaged');
  });

  it('10,000 entries are refused', async () => {
    const png = fakePng(10, 10, 40);
    const entries: RawEntry[] = [];
    for (let i = 0; i < 10_000; i++) entries.push({ name: `screenshots/${newId()}.png`, data: png });
    expect(BUNDLE_LIMITS.maxEntries).toBeLessThan(10_000);
    await expectRefused(rawZip(entries), 'too-many-files');
  });

  it.each([
    ['an inner zip named as an archive', 'inner.zip', () => rawZip([{ name: 'x.json', data: enc.encode('{}') }])],
    ['an inner .lotse', 'screenshots/other.lotse', () => new Uint8Array(80)],
    [
      'a zip disguised as a screenshot',
      `screenshots/${newId()}.png`,
      () => rawZip([{ name: 'x.json', data: enc.encode('{}') }]),
    ],
    [
      'a gzip disguised as a screenshot',
      `screenshots/${newId()}.webp`,
      () => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    ],
    ['an encrypted bundle disguised as records', 'records.json', () => enc.encode('LOTSEENC\u0000\u0001')],
    [
      'a tar disguised as a screenshot',
      `screenshots/${newId()}.jpg`,
      () => {
        const tar = new Uint8Array(600);
        tar.set(enc.encode('ustar'), 257);
        return tar;
      },
    ],
  ])('nested archives are refused: %s', async (_what, name, data) => {
    await expectRefused(
      rawZip([
        { name: 'manifest.json', data: valid.get('manifest.json')! },
        { name, data: data() },
      ]),
      'nested-archive',
    );
  });

  it.each([
    '../records.json',
    'screenshots/../../evil.png',
    '/etc/passwd',
    'C:/Windows/evil.png',
    'screenshots\\..\\evil.png',
    './records.json',
    'screenshots//x.png',
    'rec\u0000ords.json',
  ])('unsafe path %j is refused', async (name) => {
    await expectRefused(await rebuild(() => undefined, [{ name, data: enc.encode('{}') }]), 'unsafe-path');
  });

  it('an SVG is refused, by name and when disguised as a PNG', async () => {
    const svg = enc.encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await expectRefused(rawZip([{ name: `screenshots/${newId()}.svg`, data: svg }]), 'image-type');
    await expectRefused(await rebuild((files) => files.set(shotName(files, '.webp'), svg)), 'image-type');
    // a GIF or BMP is not accepted either
    await expectRefused(
      await rebuild((files) =>
        files.set(shotName(files, '.webp'), enc.encode('GIF89a\u0001\u0000\u0001\u0000'.padEnd(400, 'x'))),
      ),
      'image-type',
    );
  });

  it('a 100,000 × 100,000 PNG header is refused (never decoded)', async () => {
    await expectRefused(
      await rebuild((files) => files.set(shotName(files, '.png'), fakePng(100_000, 100_000))),
      'image-dimensions',
    );
  });

  it('JPEG and WebP headers beyond 8192 pixels are refused', async () => {
    await expectRefused(
      await rebuild((files) => files.set(shotName(files, '.webp'), fakeWebp(16_383, 9_000, 500))),
      'image-dimensions',
    );
    const jpegName = `screenshots/${newId()}.jpg`;
    await expectRefused(rawZip([{ name: jpegName, data: fakeJpeg(65_535, 65_535) }]), 'image-dimensions');
  });

  it('a screenshot whose bytes are another type than its name says is refused', async () => {
    await expectRefused(await rebuild((files) => files.set(shotName(files, '.webp'), fakePng(100, 100))), 'image-type');
  });

  it('a 100 MB image is refused, stored or compressed', async () => {
    const name = `screenshots/${newId()}.webp`;
    const big = fakeWebp(1280, 800, 100 * 1024 * 1024);
    await expectRefused(rawZip([{ name, data: big }]), 'image-too-large');
    await expectRefused(
      rawZip([
        {
          name,
          data: new Uint8Array(0),
          method: 8,
          compressed: deflatedZeros(fakeWebp(1280, 800, 64), 100 * 1024 * 1024),
        },
      ]),
      'image-too-large',
    );
  });

  it('a file larger than the file limit is refused before unpacking', async () => {
    await expectRefused(await rebuild(() => undefined), 'file-too-large', { maxFileBytes: 1000 });
  });

  it('unexpected entries and duplicates are refused', async () => {
    await expectRefused(
      await rebuild(() => undefined, [{ name: 'readme.txt', data: enc.encode('hi') }]),
      'unexpected-file',
    );
    await expectRefused(
      await rebuild(() => undefined, [{ name: 'records.json', data: valid.get('records.json')! }]),
      'damaged',
    );
  });

  it('a changed byte inside a plain bundle is found by the manifest’s SHA-256', async () => {
    const files = new Map(valid);
    const name = shotName(files, '.webp');
    const shot = files.get(name)!.slice();
    shot[shot.length - 1]! ^= 1;
    files.set(name, shot);
    await expectRefused(rawZip([...files].map(([n, data]) => ({ name: n, data }))), 'damaged');
  });

  it('what is not a Lotse file is refused as such', async () => {
    await expectRefused(new Uint8Array(0), 'not-a-bundle');
    await expectRefused(enc.encode('%PDF-1.7 hello'), 'not-a-bundle');
    await expectRefused(rawZip([{ name: 'records.json', data: enc.encode('{}') }]), 'not-a-bundle');
  });

  it('a bundle from a newer format version asks for an update', async () => {
    await expectRefused(
      await rebuild((files) => {
        const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
        files.set('manifest.json', enc.encode(JSON.stringify({ ...m, version: 2 })));
      }),
      'unsupported-version',
    );
  });

  it('records that break the schema, or references that do not hold, are refused', async () => {
    const records = () =>
      JSON.parse(new TextDecoder().decode(valid.get('records.json'))) as Record<string, Record<string, unknown>[]>;
    const withRecords = (r: unknown) => rebuild((files) => files.set('records.json', enc.encode(JSON.stringify(r))));
    const r1 = records();
    r1.walkthroughs![0]!.startUrl = 'javascript:alert(1)';
    await expectRefused(await withRecords(r1), 'invalid-records');
    const r2 = records();
    r2.steps![0]!.walkthroughId = newId();
    await expectRefused(await withRecords(r2), 'inconsistent');
    const r3 = records();
    r3.steps!.push(r3.steps![0]!);
    await expectRefused(await withRecords(r3), 'inconsistent');
    const r4 = records();
    r4.tandems = [{ id: newId() }];
    await expectRefused(await withRecords(r4), 'invalid-records');
  });
});

describe('prototype pollution', () => {
  it('the JSON reader drops __proto__, constructor and prototype keys at every depth', () => {
    const v = safeJsonParse(
      enc.encode(
        '{"a":1,"__proto__":{"polluted":true},"b":{"constructor":{"prototype":{"polluted":true}},"c":[{"__proto__":{"x":1}}]}}',
      ),
      'test',
    ) as Record<string, unknown>;
    expect(v).toEqual({ a: 1, b: { c: [{}] } });
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a bundle carrying __proto__ and constructor keys imports cleanly and pollutes nothing', async () => {
    const text = new TextDecoder().decode(valid.get('records.json'));
    const poisoned = text
      .replace(
        '{"walkthroughs":[{',
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"walkthroughs":[{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},',
      )
      .replace('"action":{', '"action":{"__proto__":{"type":"evil"},');
    expect(poisoned).not.toBe(text);
    const bytes = await rebuild((files) => files.set('records.json', enc.encode(poisoned)));
    expect(await attempt(bytes)).toBe('accepted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    for (const w of await b.walkthroughs.toArray()) {
      expect(Object.getPrototypeOf(w)).toBe(Object.prototype);
      expect((w as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.keys(w)).not.toContain('constructor');
    }
  });
});

describe('addresses', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome-extension://abc/sidepanel.html',
  ])('a walkthrough or step pointing to %s is refused', async (url) => {
    const records = () =>
      JSON.parse(new TextDecoder().decode(valid.get('records.json'))) as Record<string, Record<string, unknown>[]>;
    const withRecords = (r: unknown) => rebuild((files) => files.set('records.json', enc.encode(JSON.stringify(r))));
    const r1 = records();
    r1.walkthroughs![0]!.startUrl = url;
    await expectRefused(await withRecords(r1), 'invalid-records');
    const r2 = records();
    r2.steps![0]!.action = { type: 'navigate', url, via: 'load' };
    await expectRefused(await withRecords(r2), 'invalid-records');
    const r3 = records();
    r3.questions![0]!.context = { url };
    await expectRefused(await withRecords(r3), 'invalid-records');
  });
});
