import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LotseDB, setDbForTests } from '~/lib/db';
import { updateSettings } from '~/lib/db/settings';
import {
  BundleError,
  applyImport,
  bundleFileName,
  defaultDecisions,
  dumpDatabase,
  exportBundle,
  passphraseStrength,
  previewImport,
  readBundle,
  restoreBackup,
  type BundleErrorReason,
} from '~/lib/bundle';
import { sniffImage } from '~/lib/bundle/image';
import { crc32, writeZip } from '~/lib/bundle/zip';
import { unzipSync } from 'fflate';
import { newId, nowIso, type Step } from '~/lib/schema';
import { fakeJpeg, fakePng, fakeWebp, seed, selectionOf } from './bundle-fixtures';

/** Unit tests may derive with few iterations; production code never passes this (bundle-crypto.test.ts). */
const FAST = { testOnlyKdfPolicy: { floor: 1_000, ceiling: 5_000 }, iterations: 1_000 } as const;
const PASS = 'Tanne Fahrrad Kompass Regen';

let a: LotseDB;
let b: LotseDB;
beforeEach(async () => {
  a = new LotseDB(`test-${newId()}`);
  b = new LotseDB(`test-${newId()}`);
  setDbForTests(a);
  await Promise.all([a.open(), b.open()]);
});
afterEach(async () => {
  setDbForTests(undefined);
  await Promise.all([a.delete(), b.delete()]);
});

async function bytesOf(blob: Blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

async function expectReason(p: Promise<unknown>, reason: BundleErrorReason) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${reason}`).toBeInstanceOf(BundleError);
  expect((e as BundleError).reason).toBe(reason);
}

describe('bundle round trip', () => {
  it.each([
    ['plain', undefined],
    ['encrypted', PASS],
  ])('%s: export → import is deep-equal, screenshot bytes included', async (_name, passphrase) => {
    const seeded = await seed(a, { walkthroughs: 3, stepsPer: 4, questions: 5, goals: 2, meetings: 2 });
    const out = await exportBundle(a, selectionOf(seeded), { passphrase, ...FAST });
    expect(out.encrypted).toBe(passphrase !== undefined);
    const parsed = await readBundle(out.bytes, { passphrase, ...FAST });
    expect(parsed.manifest.kind).toBe('share');
    expect(parsed.manifest.contents).toMatchObject({
      walkthroughs: 3,
      steps: 12,
      screenshots: 15,
      questions: 5,
      goals: 2,
      meetings: 2,
    });
    const result = await applyImport(b, parsed, {}, { now: '2026-03-04T10:00:00.000Z' });
    expect(result.added).toEqual({ walkthrough: 3, question: 5, goal: 2, meeting: 2 });

    for (const w of seeded.walkthroughs) {
      expect(await b.walkthroughs.get(w.id)).toEqual({
        ...w,
        origin: 'imported',
        importedAt: '2026-03-04T10:00:00.000Z',
      });
    }
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(await b.steps.toArray())).toEqual(byId(seeded.steps));
    expect(byId(await b.questions.toArray())).toEqual(byId(seeded.questions));
    expect(byId(await b.goals.toArray())).toEqual(byId(seeded.goals));
    expect(byId(await b.meetings.toArray())).toEqual(byId(seeded.meetings));
    const shots = byId(await b.screenshots.toArray());
    const want = byId(seeded.screenshots);
    expect(shots.map(({ blob: _b, ...m }) => m)).toEqual(want.map(({ blob: _b, ...m }) => m));
    for (let i = 0; i < shots.length; i++) {
      expect(await bytesOf(shots[i]!.blob)).toEqual(await bytesOf(want[i]!.blob));
      expect(shots[i]!.blob.type).toBe(want[i]!.mime);
    }
  });

  it('a full backup restores every table exactly, settings included', async () => {
    const seeded = await seed(a, { walkthroughs: 2, stepsPer: 3, questions: 3 });
    await a.tandems.put({
      id: newId(),
      role: 'mentee',
      myName: 'Klaus Berger',
      rhythm: { every: 'monthly', durationMinutes: 60 },
      confidentiality: { text: 'Alles bleibt unter uns.' },
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await a.progress.put({
      walkthroughId: seeded.walkthroughs[0]!.id,
      stepIndex: 1,
      status: 'paused',
      playedVersion: 2,
      timesFinished: 0,
      startedAt: nowIso(),
      updatedAt: nowIso(),
    });
    await a.stepHealth.put({
      id: newId(),
      walkthroughId: seeded.walkthroughs[0]!.id,
      stepId: seeded.steps[0]!.id,
      walkthroughVersion: 2,
      at: nowIso(),
      outcome: 'healed',
      score: 0.8,
    });
    await updateSettings({ locale: 'de', largeText: true, onboarded: true }, a);
    const before = await dumpDatabase(a);

    const out = await exportBundle(
      a,
      { everything: true },
      { passphrase: PASS, ...FAST, now: '2026-03-04T10:00:00.000Z' },
    );
    expect(out.manifest.kind).toBe('backup');
    expect(out.manifest.creator).toEqual({ role: 'mentee', firstName: 'Klaus' });
    // b has other data that the restore must replace
    await seed(b, { walkthroughs: 1, stepsPer: 1, questions: 1 });
    const parsed = await readBundle(out.bytes, { passphrase: PASS, ...FAST });
    await restoreBackup(b, parsed);
    const after = await dumpDatabase(b);
    const { settings: sBefore, ...restBefore } = before;
    const { settings: sAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    expect(sAfter).toEqual([{ ...(sBefore![0] as object), lastBackupAt: '2026-03-04T10:00:00.000Z' }]);
  });

  it('a backup is always encrypted, and a share cannot be restored as a backup', async () => {
    const seeded = await seed(a);
    await expectReason(exportBundle(a, { everything: true }), 'passphrase-required');
    const share = await readBundle((await exportBundle(a, selectionOf(seeded))).bytes);
    await expectReason(restoreBackup(b, share), 'not-a-backup');
  });

  it('refuses an empty selection and a too short passphrase', async () => {
    await seed(a);
    await expectReason(exportBundle(a, { walkthroughIds: [newId()] }), 'empty-selection');
    await expectReason(exportBundle(a, { everything: true }, { passphrase: 'kurz', ...FAST }), 'passphrase-too-short');
  });

  it('never writes a file Lotse would refuse to open', async () => {
    const seeded = await seed(a, { walkthroughs: 2, stepsPer: 3, questions: 0 });
    await expectReason(exportBundle(a, selectionOf(seeded), { limits: { maxEntries: 5 } }), 'too-much-for-one-file');
    // a screenshot over the per-image limit is left out, the rest is exported and opens
    const out = await exportBundle(a, selectionOf(seeded), { limits: { maxImageBytes: 3_999 } });
    expect(out.manifest.contents.screenshots).toBe(0);
    expect((await readBundle(out.bytes)).records.steps).toHaveLength(6);
  });

  it('a share carries only the selection: the walkthrough with its steps and screenshots', async () => {
    const seeded = await seed(a, { walkthroughs: 3, stepsPer: 2, questions: 2 });
    const w = seeded.walkthroughs[1]!;
    const out = await exportBundle(a, { walkthroughIds: [w.id] });
    const parsed = await readBundle(out.bytes);
    expect(parsed.records.walkthroughs.map((x) => x.id)).toEqual([w.id]);
    expect(parsed.records.steps.every((s) => s.walkthroughId === w.id)).toBe(true);
    expect(parsed.records.steps).toHaveLength(2);
    expect(parsed.records.screenshots).toHaveLength(2);
    expect(parsed.records.questions).toHaveLength(0);
    expect(parsed.records.tandems).toHaveLength(0);
    expect(parsed.manifest.walkthroughTitles).toEqual([w.title]);
  });
});

describe('import preview and choices', () => {
  async function shareOf(db: LotseDB, sel: Parameters<typeof exportBundle>[1]) {
    return readBundle((await exportBundle(db, sel)).bytes);
  }

  it('classifies new, newer, same and older items with sensible defaults', async () => {
    const seeded = await seed(a, { walkthroughs: 4, stepsPer: 1, questions: 1, goals: 0, meetings: 0 });
    const [w0, w1, w2, w3] = seeded.walkthroughs as [
      (typeof seeded.walkthroughs)[0],
      (typeof seeded.walkthroughs)[0],
      (typeof seeded.walkthroughs)[0],
      (typeof seeded.walkthroughs)[0],
    ];
    // b already has w1 in an older version, w2 identical, w3 newer than the file
    await b.walkthroughs.bulkPut([{ ...w1, version: 1 }, { ...w2 }, { ...w3, version: 5 }]);
    const parsed = await shareOf(a, selectionOf(seeded));
    const preview = await previewImport(b, parsed);
    const state = (id: string) => preview.items.find((i) => i.id === id)!;
    expect(state(w0.id)).toMatchObject({
      state: 'new',
      defaultChoice: 'import',
      choices: ['import', 'skip'],
      steps: 1,
      screenshots: 1,
    });
    expect(state(w1.id)).toMatchObject({
      state: 'newer',
      defaultChoice: 'update',
      incomingVersion: 2,
      localVersion: 1,
    });
    expect(state(w2.id)).toMatchObject({
      state: 'same',
      defaultChoice: 'skip',
      choices: ['update', 'keep-both', 'skip'],
    });
    expect(state(w3.id)).toMatchObject({ state: 'older', defaultChoice: 'skip' });
    expect(defaultDecisions(preview)[`walkthrough:${w1.id}`]).toBe('update');
  });

  it('update replaces the steps and screenshots, keeps progress and still-valid healed targets', async () => {
    const seeded = await seed(a, { walkthroughs: 1, stepsPer: 3, questions: 0, goals: 0, meetings: 0 });
    const w = seeded.walkthroughs[0]!;
    const v1 = await shareOf(a, { walkthroughIds: [w.id] });
    await applyImport(b, v1);
    // the mentee healed step 0 and step 1 locally, and played
    const healed = { v: 1 as const, tag: 'button', name: 'Profil bearbeiten' };
    const [s0, s1, s2] = seeded.steps as [Step, Step, Step];
    await b.steps.update(s0.id, { healedTarget: healed });
    await b.steps.update(s1.id, { healedTarget: healed });
    await b.progress.put({
      walkthroughId: w.id,
      stepIndex: 2,
      status: 'finished',
      playedVersion: 2,
      timesFinished: 1,
      startedAt: nowIso(),
      updatedAt: nowIso(),
    });
    // the mentor changes step 1's target, removes step 2, and saves version 3
    await a.transaction('rw', a.walkthroughs, a.steps, a.screenshots, async () => {
      await a.walkthroughs.update(w.id, { version: 3, updatedAt: nowIso() });
      await a.steps.update(s1.id, { target: { v: 1, tag: 'a', name: 'Neu' } });
      await a.steps.delete(s2.id);
      await a.screenshots.delete(s2.screenshotId!);
    });
    const v3 = await shareOf(a, { walkthroughIds: [w.id] });
    const preview = await previewImport(b, v3);
    expect(preview.items[0]).toMatchObject({ state: 'newer', incomingVersion: 3, localVersion: 2 });
    const res = await applyImport(b, v3, defaultDecisions(preview));
    expect(res.updated.walkthrough).toBe(1);
    expect((await b.walkthroughs.get(w.id))!.version).toBe(3);
    const steps = await b.steps.where('walkthroughId').equals(w.id).sortBy('order');
    expect(steps.map((s) => s.id)).toEqual([s0.id, s1.id]);
    expect(steps[0]!.healedTarget).toEqual(healed); // target unchanged: the correction still applies
    expect(steps[1]!.healedTarget).toBeUndefined(); // target changed by the mentor: the old correction is dropped
    expect(await b.screenshots.get(s2.screenshotId!)).toBeUndefined();
    expect(await b.screenshots.count()).toBe(2);
    expect((await b.progress.get(w.id))!.playedVersion).toBe(2); // "changed since you last played"
  });

  it('keep both imports a second copy with new ids and remapped references; skip changes nothing', async () => {
    const seeded = await seed(a, { walkthroughs: 1, stepsPer: 2, questions: 2, goals: 1, meetings: 1 });
    const parsed = await shareOf(a, selectionOf(seeded));
    await applyImport(b, parsed);
    const before = await dumpDatabase(b);
    const preview = await previewImport(b, parsed);
    expect(preview.items.every((i) => i.state === 'same')).toBe(true);
    const skipAll = await applyImport(b, parsed, defaultDecisions(preview));
    expect(skipAll.skipped).toEqual({ walkthrough: 1, question: 2, goal: 1, meeting: 1 });
    expect(await dumpDatabase(b)).toEqual(before);

    const w = seeded.walkthroughs[0]!;
    const q = seeded.questions[0]!;
    const decisions = { [`walkthrough:${w.id}`]: 'keep-both', [`question:${q.id}`]: 'keep-both' } as const;
    const res = await applyImport(b, parsed, decisions, { copyTitle: (t) => `${t} (Kopie)` });
    expect(res.copied).toMatchObject({ walkthrough: 1, question: 1 });
    const all = await b.walkthroughs.toArray();
    expect(all).toHaveLength(2);
    const copy = all.find((x) => x.id !== w.id)!;
    expect(copy.title).toBe(`${w.title} (Kopie)`);
    const copySteps = await b.steps.where('walkthroughId').equals(copy.id).toArray();
    expect(copySteps).toHaveLength(2);
    expect(copySteps.some((s) => seeded.steps.some((o) => o.id === s.id))).toBe(false);
    for (const s of copySteps) {
      const shot = await b.screenshots.get(s.screenshotId!);
      expect(shot).toMatchObject({ ownerKind: 'step', ownerId: s.id });
    }
    const questionCopy = (await b.questions.toArray()).find((x) => x.text === q.text && x.id !== q.id)!;
    expect(questionCopy.context.walkthroughId).toBe(copy.id);
    expect(questionCopy.screenshotId).not.toBe(q.screenshotId);
    expect(await b.screenshots.get(questionCopy.screenshotId!)).toMatchObject({
      ownerKind: 'question',
      ownerId: questionCopy.id,
    });
  });

  it('imported goals and meetings belong to this browser’s tandem', async () => {
    const seeded = await seed(a, { walkthroughs: 0, questions: 0, goals: 1, meetings: 1 });
    await a.goals.update(seeded.goals[0]!.id, { tandemId: newId() });
    const parsed = await shareOf(a, selectionOf(seeded));
    const tandemId = newId();
    await b.tandems.put({
      id: tandemId,
      role: 'mentee',
      rhythm: { every: 'monthly', durationMinutes: 60 },
      confidentiality: { text: '' },
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await applyImport(b, parsed);
    expect((await b.goals.get(seeded.goals[0]!.id))!.tandemId).toBe(tandemId);
    expect((await b.meetings.get(seeded.meetings[0]!.id))!.tandemId).toBe(tandemId);
  });

  it('writes all or nothing: a failure in the last write rolls everything back', async () => {
    const seeded = await seed(a, { walkthroughs: 2, stepsPer: 2, questions: 2 });
    const parsed = await shareOf(a, selectionOf(seeded));
    await seed(b, { walkthroughs: 1, questions: 1 });
    const before = await dumpDatabase(b);
    const original = b.meetings.bulkPut.bind(b.meetings);
    b.meetings.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof b.meetings.bulkPut;
    await expectReason(applyImport(b, parsed), 'write-failed');
    b.meetings.bulkPut = original;
    expect(await dumpDatabase(b)).toEqual(before);
  });
});

describe('helpers', () => {
  it('names files readably and safely', () => {
    const d = new Date(2026, 2, 4);
    expect(bundleFileName('LinkedIn-Profil: Überschrift ändern!', d)).toBe(
      'lotse-linkedin-profil-ueberschrift-aendern-2026-03-04.lotse',
    );
    expect(bundleFileName('../../etc/passwd', d)).toBe('lotse-etc-passwd-2026-03-04.lotse');
    expect(bundleFileName('', d)).toBe('lotse-2026-03-04.lotse');
  });

  it('writes a standard zip with correct CRC-32s', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const png = fakePng(10, 10, 3000);
    const zip = writeZip([
      { path: 'records.json', bytes: new TextEncoder().encode('{"a":"äöü"}'), compress: true },
      { path: 'screenshots/x.png', bytes: png, compress: false },
    ]);
    // fflate's non-streaming reader checks the central directory; the CRCs are checked by zip tools
    const files = unzipSync(zip);
    expect(new TextDecoder().decode(files['records.json'])).toBe('{"a":"äöü"}');
    expect(files['screenshots/x.png']).toEqual(png);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(14, true)).toBe(crc32(new TextEncoder().encode('{"a":"äöü"}')));
  });

  it('rates passphrases', () => {
    expect(passphraseStrength('kurz')).toBe('too-short');
    expect(passphraseStrength('passwort')).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('Sommerwind7')).toBe('weak');
    expect(passphraseStrength('Sommerwind77x')).toBe('fair');
    expect(passphraseStrength('Tanne Fahrrad Kompass Regen')).toBe('strong');
  });

  it('reads pixel sizes from PNG, JPEG and WebP headers', () => {
    expect(sniffImage(fakePng(640, 400))).toEqual({ mime: 'image/png', width: 640, height: 400 });
    expect(sniffImage(fakeJpeg(800, 600))).toEqual({ mime: 'image/jpeg', width: 800, height: 600 });
    expect(sniffImage(fakeWebp(1280, 800))).toEqual({ mime: 'image/webp', width: 1280, height: 800 });
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
