/**
 * e2e/demo seeder (exposed as `lotseTest.seedWalkthrough` in the e2e build only): writes a walkthrough
 * with its steps and optional screenshots in one transaction, validated by the record schemas.
 */
import { getDb } from '../db';
import {
  ScreenshotSchema,
  StepSchema,
  WalkthroughSchema,
  newId,
  nowIso,
  type ElementFingerprint,
  type StepAction,
  type Walkthrough,
} from '../schema';

export interface SeedStep {
  title: string;
  explanation?: string;
  url: string;
  action: StepAction;
  target?: ElementFingerprint;
  /** a PNG/WebP/JPEG as base64, stored as a Blob */
  screenshot?: { base64: string; mime: 'image/png' | 'image/webp' | 'image/jpeg'; width: number; height: number };
}

export interface SeedInput {
  walkthrough: Partial<Omit<Walkthrough, 'id'>> & Pick<Walkthrough, 'title' | 'startUrl'> & { id?: string };
  steps: SeedStep[];
}

export async function seedWalkthrough(input: SeedInput): Promise<{ walkthroughId: string; stepIds: string[] }> {
  const now = nowIso();
  const w = WalkthroughSchema.parse({
    description: '',
    topic: '',
    language: 'de',
    version: 1,
    status: 'ready',
    origin: 'local',
    createdAt: now,
    updatedAt: now,
    ...input.walkthrough,
    id: input.walkthrough.id ?? newId(),
  });
  const steps = input.steps.map((s, i) => {
    const id = newId();
    const shot = s.screenshot
      ? ScreenshotSchema.parse({
          id: newId(),
          ownerKind: 'step',
          ownerId: id,
          blob: new Blob([Uint8Array.from(atob(s.screenshot.base64), (c) => c.charCodeAt(0))], {
            type: s.screenshot.mime,
          }),
          mime: s.screenshot.mime,
          width: s.screenshot.width,
          height: s.screenshot.height,
          createdAt: now,
        })
      : undefined;
    const step = StepSchema.parse({
      id,
      walkthroughId: w.id,
      order: i + 1,
      title: s.title,
      explanation: s.explanation ?? '',
      url: s.url,
      action: s.action,
      ...(s.target ? { target: s.target } : {}),
      ...(shot ? { screenshotId: shot.id } : {}),
      blurRects: [],
      createdAt: now,
      updatedAt: now,
    });
    return { step, shot };
  });
  const db = getDb();
  await db.transaction('rw', db.walkthroughs, db.steps, db.screenshots, async () => {
    await db.walkthroughs.put(w);
    await db.steps.bulkPut(steps.map((s) => s.step));
    const shots = steps.flatMap((s) => (s.shot ? [s.shot] : []));
    if (shots.length) await db.screenshots.bulkPut(shots);
  });
  return { walkthroughId: w.id, stepIds: steps.map((s) => s.step.id) };
}
