/**
 * Property-based fuzzing: whatever bytes or JSON arrive, the importer answers with a BundleError (or a
 * valid import) — never an uncaught exception of another kind, never a half-written database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { LotseDB } from '~/lib/db';
import { BundleError, applyImport, dumpDatabase, exportBundle, readBundle, type DatabaseDump } from '~/lib/bundle';
import { newId } from '~/lib/schema';
import { seed, selectionOf } from './bundle-fixtures';

const POLICY = { floor: 1_000, ceiling: 5_000 };
const PASS = 'Tanne Fahrrad Kompass Regen';
const enc = new TextEncoder();

let a: LotseDB;
let b: LotseDB;
let plain: Uint8Array;
let sealed: Uint8Array;
let entries: Record<string, Uint8Array>;
let baseline: DatabaseDump;
/** b's rows as seeded, to go back to after a run that imported something */
let baselineRows: Record<string, unknown[]> = {};

beforeAll(async () => {
  a = new LotseDB(`test-${newId()}`);
  b = new LotseDB(`test-${newId()}`);
  await Promise.all([a.open(), b.open()]);
  const seeded = await seed(a, { walkthroughs: 2, stepsPer: 2, questions: 2 });
  plain = (await exportBundle(a, selectionOf(seeded))).bytes;
  sealed = (
    await exportBundle(a, selectionOf(seeded), { passphrase: PASS, testOnlyKdfPolicy: POLICY, iterations: 1_000 })
  ).bytes;
  entries = unzipSync(plain);
  await seed(b, { walkthroughs: 1, stepsPer: 1, questions: 1 });
  baseline = await dumpDatabase(b);
  baselineRows = Object.fromEntries(await Promise.all(b.tables.map(async (t) => [t.name, await t.toArray()] as const)));
});
afterAll(async () => {
  await Promise.all([a.delete(), b.delete()]);
});

/** The database is whole: every step has its walkthrough, every screenshot its owner. */
async function expectConsistent(db: LotseDB) {
  const walkthroughs = new Set((await db.walkthroughs.toArray()).map((w) => w.id));
  const steps = await db.steps.toArray();
  for (const s of steps) expect(walkthroughs.has(s.walkthroughId)).toBe(true);
  const owners = new Set([...steps.map((s) => s.id), ...(await db.questions.toArray()).map((q) => q.id)]);
  for (const shot of await db.screenshots.toArray()) expect(owners.has(shot.ownerId)).toBe(true);
}

/**
 * Run the whole import path. A refusal must be a BundleError and leave the database as it was;
 * an acceptance (a harmless mutation) must leave it consistent, and is then undone for the next run.
 */
async function importOrRefuse(bytes: Uint8Array, passphrase?: string): Promise<'accepted' | 'refused'> {
  let parsed;
  try {
    parsed = await readBundle(bytes, { passphrase, testOnlyKdfPolicy: POLICY });
  } catch (e) {
    if (!(e instanceof BundleError)) throw new Error(`uncaught ${String(e)}`);
    expect(await dumpDatabase(b)).toEqual(baseline);
    return 'refused';
  }
  await applyImport(b, parsed);
  await expectConsistent(b);
  await backToBaseline();
  return 'accepted';
}

async function backToBaseline() {
  await b.transaction('rw', b.tables, async () => {
    for (const t of b.tables) {
      await t.clear();
      await t.bulkPut(baselineRows[t.name] ?? []);
    }
  });
  expect(await dumpDatabase(b)).toEqual(baseline);
}

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 0 }]])));
}

async function sha256(bytes: Uint8Array) {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString('hex');
}

/** Replace records.json and repair the manifest's checksums, so the fuzzed JSON reaches the validator. */
async function withRecordsText(text: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = { ...entries, 'records.json': enc.encode(text) };
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
    files: { path: string; bytes: number; sha256: string }[];
  };
  manifest.files = await Promise.all(
    Object.entries(files)
      .filter(([k]) => k !== 'manifest.json')
      .map(async ([path, data]) => ({ path, bytes: data.length, sha256: await sha256(data) })),
  );
  files['manifest.json'] = enc.encode(JSON.stringify(manifest));
  return rezip(files);
}

describe('fuzzing the importer', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.uint8Array({ maxLength: 4096 }).map((x) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...x])),
          fc
            .uint8Array({ minLength: 80, maxLength: 4096 })
            .map((x) => new Uint8Array([...enc.encode('LOTSEENC'), ...x])),
        ),
        async (bytes) => {
          expect(await importOrRefuse(bytes, PASS)).toBe('refused');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('mutated plain bundles: changed, inserted and removed bytes, truncation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('set', 'insert', 'delete', 'truncate'),
            at: fc.nat(),
            value: fc.integer({ min: 0, max: 255 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          let bytes = Array.from(plain);
          for (const m of mutations) {
            const at = m.at % Math.max(1, bytes.length);
            if (m.kind === 'set') bytes[at] = m.value === bytes[at] ? (m.value + 1) & 0xff : m.value;
            else if (m.kind === 'insert') bytes.splice(at, 0, m.value);
            else if (m.kind === 'delete') bytes.splice(at, 1);
            else bytes = bytes.slice(0, at);
          }
          await importOrRefuse(new Uint8Array(bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('mutated encrypted bundles are always refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, mask) => {
        const bytes = sealed.slice();
        bytes[pos % bytes.length]! ^= mask;
        expect(await importOrRefuse(bytes, PASS)).toBe('refused');
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary JSON as records.json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await importOrRefuse(await withRecordsText(JSON.stringify(value)));
      }),
      { numRuns: 120 },
    );
  });

  it('valid records with one value replaced by arbitrary JSON', async () => {
    const original = JSON.parse(new TextDecoder().decode(entries['records.json'])) as unknown;
    // every path to a value in the records
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(original, []);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.constantFrom('__proto__', 'constructor', -1, 1e308, '', 'javascript:alert(1)'),
        ),
        async (path, value) => {
          const copy = JSON.parse(JSON.stringify(original)) as Record<string | number, unknown>;
          let at: Record<string | number, unknown> = copy;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
          at[path[path.length - 1]!] = value;
          await importOrRefuse(await withRecordsText(JSON.stringify(copy)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a write failing anywhere inside the transaction leaves nothing behind', async () => {
    const parsed = await readBundle(plain);
    // c already has everything in the file, so "update" deletes old steps and screenshots, then writes
    const c = new LotseDB(`test-${newId()}`);
    await applyImport(c, parsed);
    const before = await dumpDatabase(c);
    const updateAll = Object.fromEntries(
      [
        ...parsed.records.walkthroughs.map((w) => `walkthrough:${w.id}`),
        ...parsed.records.questions.map((q) => `question:${q.id}`),
        ...parsed.records.goals.map((g) => `goal:${g.id}`),
        ...parsed.records.meetings.map((m) => `meeting:${m.id}`),
      ].map((k) => [k, 'update' as const]),
    );
    const failing = [
      ...(['walkthroughs', 'steps', 'screenshots', 'questions', 'goals', 'meetings'] as const).map(
        (t) => [t, 'bulkPut'] as const,
      ),
      ['steps', 'bulkDelete'] as const,
    ];
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...failing), async ([table, method]) => {
          const t = c[table] as unknown as Record<string, unknown>;
          const original = t[method];
          let called = false;
          t[method] = () => {
            called = true;
            return Promise.reject(new Error('QuotaExceededError'));
          };
          try {
            await expect(applyImport(c, parsed, updateAll)).rejects.toMatchObject({ reason: 'write-failed' });
          } finally {
            t[method] = original;
          }
          expect(called).toBe(true);
          expect(await dumpDatabase(c)).toEqual(before);
        }),
        { numRuns: 21 },
      );
    } finally {
      await c.delete();
    }
  });

  it('arbitrary JSON as manifest.json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
        expect(await importOrRefuse(rezip({ ...entries, 'manifest.json': enc.encode(JSON.stringify(value)) }))).toBe(
          'refused',
        );
      }),
      { numRuns: 80 },
    );
  });
});
