/**
 * bundle.roundtrip100x20S: export + import of 100 walkthroughs × 20 steps, each step with a 30–60 KB
 * WebP screenshot, encrypted with the production KDF (600,000 iterations, derived twice: once to seal,
 * once to open). bundle.kdfMs: one key derivation with the production parameters.
 * Runs in Node 20 (WebCrypto built in) with fake-indexeddb standing in for the browser's IndexedDB, so
 * the database part is slower than in Chromium and the figure is on the safe side.
 */
import 'fake-indexeddb/auto';
import { LotseDB } from '../lib/db';
import { applyImport, defaultDecisions, exportBundle, previewImport, readBundle } from '../lib/bundle';
import { KDF_DEFAULT_ITERATIONS, open, seal } from '../lib/bundle/crypto';
import { newId } from '../lib/schema';
import { buildRecords, fakeWebp } from '../tests/unit/bundle-fixtures';
import type { BenchModule, BenchResults } from './types';

const PASS = 'Tanne Fahrrad Kompass Regen';
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const run: BenchModule = async ({ log }) => {
  const out: BenchResults = {};

  // KDF: median of 3 derivations (open = header checks + PBKDF2 + HKDF + a 1-byte decryption)
  const tiny = await seal(new Uint8Array([1]), PASS);
  const kdf: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await open(tiny, { passphrase: PASS });
    kdf.push(performance.now() - t);
  }
  const kdfMs = Math.round(median(kdf));
  log(
    `KDF (PBKDF2-HMAC-SHA256, ${KDF_DEFAULT_ITERATIONS} iterations): ${kdf.map((x) => Math.round(x)).join(' / ')} ms`,
  );
  out['bundle.kdfMs'] = { value: kdfMs, unit: 'ms', target: '≤ 1500', ok: kdfMs <= 1500 };

  // 100 walkthroughs × 20 steps with realistic screenshot sizes
  const source = new LotseDB(`bench-a-${newId()}`);
  const target = new LotseDB(`bench-b-${newId()}`);
  const records = buildRecords({
    walkthroughs: 100,
    stepsPer: 20,
    questions: 0,
    goals: 0,
    meetings: 0,
    shotBytes: 100,
  });
  let totalShotBytes = 0;
  records.screenshots = records.screenshots.map((s, i) => {
    const size = 30_000 + ((i * 7919) % 30_001); // 30–60 KB
    totalShotBytes += size;
    return { ...s, blob: new Blob([fakeWebp(1280, 800, size, i + 1)], { type: 'image/webp' }) };
  });
  await source.transaction('rw', source.walkthroughs, source.steps, source.screenshots, async () => {
    await source.walkthroughs.bulkPut(records.walkthroughs);
    await source.steps.bulkPut(records.steps);
    await source.screenshots.bulkPut(records.screenshots);
  });
  log(
    `seeded ${records.walkthroughs.length} walkthroughs, ${records.steps.length} steps, ${(totalShotBytes / 1024 / 1024).toFixed(1)} MB of screenshots`,
  );

  const t0 = performance.now();
  const exported = await exportBundle(
    source,
    { walkthroughIds: records.walkthroughs.map((w) => w.id) },
    { passphrase: PASS },
  );
  const t1 = performance.now();
  const parsed = await readBundle(exported.bytes, { passphrase: PASS });
  const preview = await previewImport(target, parsed);
  const result = await applyImport(target, parsed, defaultDecisions(preview));
  const t2 = performance.now();
  const imported = await target.screenshots.count();
  if (result.added.walkthrough !== 100 || imported !== 2000)
    throw new Error(`round trip incomplete: ${imported} screenshots`);
  const seconds = round((t2 - t0) / 1000);
  log(
    `export ${round((t1 - t0) / 1000)} s, import ${round((t2 - t1) / 1000)} s, file ${(exported.bytes.length / 1024 / 1024).toFixed(1)} MB`,
  );
  out['bundle.roundtrip100x20S'] = {
    value: seconds,
    unit: 's (Node + fake-indexeddb)',
    target: '≤ 10',
    ok: seconds <= 10,
  };
  out['bundle.roundtrip100x20S.exportS'] = { value: round((t1 - t0) / 1000), unit: 's', target: 'report' };
  out['bundle.roundtrip100x20S.importS'] = { value: round((t2 - t1) / 1000), unit: 's', target: 'report' };
  out['bundle.roundtrip100x20S.fileMB'] = {
    value: round(exported.bytes.length / 1024 / 1024, 1),
    unit: 'MB',
    target: 'report',
  };
  await Promise.all([source.delete(), target.delete()]);
  return out;
};
export default run;
