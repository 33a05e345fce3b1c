/**
 * Test data for bundle tests and the bundle benchmark: realistic records and screenshot files whose
 * headers are real PNG/JPEG/WebP headers (the payload is noise, like compressed image data).
 */
import { deflateSync } from 'fflate';
import type { LotseDB } from '~/lib/db';
import {
  GoalSchema,
  MeetingSchema,
  QuestionSchema,
  StepSchema,
  WalkthroughSchema,
  newId,
  type Goal,
  type Meeting,
  type Question,
  type Screenshot,
  type Step,
  type Walkthrough,
} from '~/lib/schema';

/** Fast deterministic noise (xorshift32): incompressible like real image data. */
export function noise(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  const words = new Uint32Array(out.buffer, 0, length >>> 2);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) & 0xff;
  return out;
}

/** A WebP file (VP8X header) of the given pixel size and total byte length. */
export function fakeWebp(width: number, height: number, length = 45_000, seed = 1): Uint8Array<ArrayBuffer> {
  const b = noise(Math.max(length, 40), seed);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  new DataView(b.buffer).setUint32(4, b.length - 8, true);
  ascii(8, 'WEBP');
  ascii(12, 'VP8X');
  new DataView(b.buffer).setUint32(16, 10, true);
  b[20] = 0;
  b[21] = b[22] = b[23] = 0;
  const w = width - 1;
  const h = height - 1;
  b[24] = w & 0xff;
  b[25] = (w >> 8) & 0xff;
  b[26] = (w >> 16) & 0xff;
  b[27] = h & 0xff;
  b[28] = (h >> 8) & 0xff;
  b[29] = (h >> 16) & 0xff;
  return b;
}

/** A PNG file whose IHDR declares the given size (no real pixel data needed: nothing decodes it). */
export function fakePng(width: number, height: number, length = 2_000, seed = 2): Uint8Array<ArrayBuffer> {
  const b = noise(Math.max(length, 33), seed);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], 0);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  return b;
}

/** A JPEG with an APP0 segment, then a SOF0 frame header of the given size. */
export function fakeJpeg(width: number, height: number, length = 3_000, seed = 3): Uint8Array<ArrayBuffer> {
  const b = noise(Math.max(length, 40), seed);
  b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0], 0);
  b.set([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 3], 20);
  return b;
}

const iso = (n: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, n)).toISOString();

export interface SeedOptions {
  walkthroughs?: number;
  stepsPer?: number;
  /** bytes of each step screenshot */
  shotBytes?: number;
  questions?: number;
  goals?: number;
  meetings?: number;
  seed?: number;
}

export interface Seeded {
  walkthroughs: Walkthrough[];
  steps: Step[];
  screenshots: Screenshot[];
  questions: Question[];
  goals: Goal[];
  meetings: Meeting[];
}

/** Build (without writing) a tandem's worth of records. */
export function buildRecords(opts: SeedOptions = {}): Seeded {
  const {
    walkthroughs: nW = 2,
    stepsPer = 3,
    shotBytes = 4_000,
    questions: nQ = 3,
    goals: nG = 1,
    meetings: nM = 1,
    seed = 7,
  } = opts;
  const out: Seeded = { walkthroughs: [], steps: [], screenshots: [], questions: [], goals: [], meetings: [] };
  let s = seed;
  for (let g = 0; g < nG; g++) {
    out.goals.push(
      GoalSchema.parse({
        id: newId(),
        title: `Goal ${g + 1}: a LinkedIn profile`,
        status: 'open',
        order: g,
        createdAt: iso(g),
        updatedAt: iso(g),
      }),
    );
  }
  for (let w = 0; w < nW; w++) {
    const walk = WalkthroughSchema.parse({
      id: newId(),
      title: `Walkthrough ${w + 1}: update your headline`,
      description: 'Step by step on Kontakto.',
      startUrl: 'http://127.0.0.1:4300/kontakto/feed',
      language: 'de',
      version: 2,
      status: 'ready',
      origin: 'local',
      goalId: out.goals[0]?.id,
      createdAt: iso(w),
      updatedAt: iso(w + 1),
    });
    out.walkthroughs.push(walk);
    for (let k = 0; k < stepsPer; k++) {
      const stepId = newId();
      const shotId = newId();
      out.steps.push(
        StepSchema.parse({
          id: stepId,
          walkthroughId: walk.id,
          order: k,
          title: `Click „Bearbeiten“ (${k + 1})`,
          explanation: 'Here you change the headline.',
          url: 'http://127.0.0.1:4300/kontakto/profile',
          action:
            k % 2
              ? { type: 'input', inputType: 'text', keepValue: true, exampleValue: 'Head of Sales', sensitive: false }
              : { type: 'click' },
          target: {
            v: 1,
            tag: 'button',
            role: 'button',
            name: 'Bearbeiten',
            text: 'Bearbeiten',
            attrs: { ariaLabel: 'Bearbeiten' },
            ancestors: [{ tag: 'section', classes: ['profile-card'] }],
            neighbours: ['Profil', 'Kontaktinfo'],
            selectors: { css: 'section.profile-card > button', role: { role: 'button', name: 'Bearbeiten' } },
          },
          screenshotId: shotId,
          blurRects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.05 }],
          createdAt: iso(k),
          updatedAt: iso(k),
        }),
      );
      const bytes = fakeWebp(1280, 800, shotBytes, ++s);
      out.screenshots.push({
        id: shotId,
        ownerKind: 'step',
        ownerId: stepId,
        blob: new Blob([bytes], { type: 'image/webp' }),
        mime: 'image/webp',
        width: 1280,
        height: 800,
        createdAt: iso(k),
      });
    }
  }
  for (let m = 0; m < nM; m++) {
    out.meetings.push(
      MeetingSchema.parse({
        id: newId(),
        scheduledAt: iso(100 + m),
        durationMinutes: 60,
        topic: `Meeting ${m + 1}: hashtags`,
        status: 'planned',
        agenda: [],
        actionItems: [{ id: newId(), owner: 'mentee', text: 'Post once', done: false }],
        createdAt: iso(m),
        updatedAt: iso(m),
      }),
    );
  }
  for (let q = 0; q < nQ; q++) {
    const id = newId();
    const withShot = q % 2 === 0;
    const shotId = withShot ? newId() : undefined;
    out.questions.push(
      QuestionSchema.parse({
        id,
        text: `What does „#${q}“ mean?`,
        status: 'open',
        context: {
          pageTitle: 'Kontakto – Feed',
          url: 'http://127.0.0.1:4300/kontakto/feed',
          walkthroughId: out.walkthroughs[0]?.id,
        },
        screenshotId: shotId,
        meetingId: out.meetings[0]?.id,
        createdAt: iso(q),
        updatedAt: iso(q),
      }),
    );
    if (shotId) {
      const bytes = q % 4 === 0 ? fakePng(640, 400, 3000, ++s) : fakeJpeg(800, 600, 3000, ++s);
      const mime = q % 4 === 0 ? 'image/png' : 'image/jpeg';
      out.screenshots.push({
        id: shotId,
        ownerKind: 'question',
        ownerId: id,
        blob: new Blob([bytes], { type: mime }),
        mime,
        width: q % 4 === 0 ? 640 : 800,
        height: q % 4 === 0 ? 400 : 600,
        createdAt: iso(q),
      });
    }
  }
  return out;
}

export async function seed(db: LotseDB, opts: SeedOptions = {}): Promise<Seeded> {
  const r = buildRecords(opts);
  await db.transaction(
    'rw',
    [db.walkthroughs, db.steps, db.screenshots, db.questions, db.goals, db.meetings],
    async () => {
      await db.goals.bulkPut(r.goals);
      await db.walkthroughs.bulkPut(r.walkthroughs);
      await db.steps.bulkPut(r.steps);
      await db.screenshots.bulkPut(r.screenshots);
      await db.questions.bulkPut(r.questions);
      await db.meetings.bulkPut(r.meetings);
    },
  );
  return r;
}

/** A full selection of what `seed` wrote. */
export function selectionOf(r: Seeded) {
  return {
    walkthroughIds: r.walkthroughs.map((w) => w.id),
    questionIds: r.questions.map((q) => q.id),
    goalIds: r.goals.map((g) => g.id),
    meetingIds: r.meetings.map((m) => m.id),
  };
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 0 = stored, 8 = deflate (data is compressed here unless `compressed` is given) */
  method?: 0 | 8;
  /** already deflated data for method 8 (lets a test build a bomb without holding it uncompressed) */
  compressed?: Uint8Array;
  /** what the headers claim; defaults to the truth */
  declaredSize?: number;
  declaredCompressedSize?: number;
}

/**
 * A hand-made zip (local headers, central directory, end record), so tests can write what no honest
 * zip writer would: lying sizes, traversal names, thousands of entries.
 */
export function rawZip(entries: readonly RawEntry[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const data = method === 8 ? (e.compressed ?? deflateSync(e.data, { level: 1 })) : e.data;
    const csize = e.declaredCompressedSize ?? data.length;
    const usize = e.declaredSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint32(14, 0, true); // CRC (not checked by the reader; the manifest's SHA-256 is)
    lv.setUint32(18, csize, true);
    lv.setUint32(22, usize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(20, csize, true);
    cv.setUint32(24, usize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xffff), true);
  ev.setUint16(10, Math.min(entries.length, 0xffff), true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
