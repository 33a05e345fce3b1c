/** Helpers of the recorder e2e tests: drive the recording, read the database from an extension page. */
import type { Page, Worker } from '@playwright/test';
import type { Step, Walkthrough } from '../../lib/schema';
import { waitForTestHooks } from './fixtures';

export interface RecordedData {
  walkthrough: Walkthrough | undefined;
  steps: Step[];
  screenshots: { id: string; ownerId: string; width: number; height: number; size: number; mime: string }[];
}

/** Press the 'toggle-recording' command (Alt+Shift+R) through its test hook: the same function runs. */
export async function toggleRecording(background: Worker, tabId: number): Promise<{ recording: boolean; walkthroughId?: string }> {
  await waitForTestHooks(background, 'recorderToggle');
  return background.evaluate(async (id) => {
    const fn = globalThis.lotseTest!.recorderToggle as (t: number) => Promise<{ recording: boolean; walkthroughId?: string }>;
    return fn(id);
  }, tabId);
}

/** The walkthrough, its steps (in order) and its screenshots' metadata. */
export async function readRecording(ext: Page, walkthroughId: string): Promise<RecordedData> {
  return ext.evaluate(async (id) => {
    const db = globalThis.lotseTest!.db;
    const walkthrough = await db.walkthroughs.get(id);
    const steps = await db.steps.where('walkthroughId').equals(id).sortBy('order');
    const shots = await db.screenshots
      .where('[ownerKind+ownerId]')
      .anyOf(steps.map((s) => ['step', s.id]))
      .toArray();
    return {
      walkthrough,
      steps,
      screenshots: shots.map((s) => ({ id: s.id, ownerId: s.ownerId, width: s.width, height: s.height, size: s.blob.size, mime: s.mime })),
    };
  }, walkthroughId);
}

/** Wait until the walkthrough has `n` steps, each with an attached screenshot when `withShots`. */
export async function waitForSteps(ext: Page, walkthroughId: string, n: number, withShots = false, timeout = 30_000): Promise<Step[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { steps } = await readRecording(ext, walkthroughId);
    if (steps.length >= n && (!withShots || steps.every((s) => !!s.screenshotId))) return steps;
    if (Date.now() > deadline) {
      throw new Error(`expected ${n} steps${withShots ? ' with screenshots' : ''}, have ${steps.length}: ${steps.map((s) => `${s.title}${s.screenshotId ? '' : ' (no screenshot)'}`).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The recording walkthrough's id, once one exists. */
export async function currentRecording(background: Worker): Promise<{ walkthroughId: string; tabId: number } | undefined> {
  return background.evaluate(async () => {
    const got = await chrome.storage.session.get('lotse.recorder');
    const s = got['lotse.recorder'] as { walkthroughId: string; tabId: number } | undefined;
    return s ? { walkthroughId: s.walkthroughId, tabId: s.tabId } : undefined;
  });
}

/** The recording bar inside the page (open shadow root in the e2e build). */
export function bar(page: Page) {
  return page.locator('lotse-recorder-bar .bar');
}

/** Every record of every table as JSON text (screenshot blobs excluded: they are checked as pixels). */
export async function dumpDatabaseJson(ext: Page): Promise<string> {
  return ext.evaluate(async () => {
    const db = globalThis.lotseTest!.db;
    const out: Record<string, unknown[]> = {};
    for (const t of db.tables) {
      const rows = await t.toArray();
      out[t.name] = rows.map((r: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...r };
        if (copy.blob instanceof Blob) copy.blob = `[blob ${copy.blob.size}]`;
        return copy;
      });
    }
    const session = await chrome.storage.local.get(null);
    return JSON.stringify({ db: out, local: session });
  });
}

/**
 * Share of pixels in a region of a stored screenshot that have the mask colours (grey field / bar).
 * The region is in image pixels. Decoded in an extension page (WebP → bitmap → canvas).
 */
export async function maskedShare(ext: Page, screenshotId: string, region: { x: number; y: number; w: number; h: number }): Promise<number> {
  return ext.evaluate(
    async ({ id, r }) => {
      const shot = await globalThis.lotseTest!.db.screenshots.get(id);
      if (!shot) return -1;
      const bmp = await createImageBitmap(shot.blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const x = Math.max(0, Math.round(r.x));
      const y = Math.max(0, Math.round(r.y));
      const w = Math.max(1, Math.min(bmp.width - x, Math.round(r.w)));
      const h = Math.max(1, Math.min(bmp.height - y, Math.round(r.h)));
      const data = ctx.getImageData(x, y, w, h).data;
      const near = (i: number, [R, G, B]: number[]) =>
        Math.abs(data[i]! - R!) < 14 && Math.abs(data[i + 1]! - G!) < 14 && Math.abs(data[i + 2]! - B!) < 14;
      let masked = 0;
      for (let i = 0; i < data.length; i += 4) if (near(i, [0xdf, 0xe4, 0xea]) || near(i, [0x9a, 0xa6, 0xb2])) masked++;
      return masked / (data.length / 4);
    },
    { id: screenshotId, r: region },
  );
}

/** How many screenshots are stored (to wait for a capture to land). */
export async function screenshotCount(ext: Page): Promise<number> {
  return ext.evaluate(() => globalThis.lotseTest!.db.screenshots.count());
}
