/**
 * e2e-only hooks of the bundle feature (exposed as window.lotseTest.* in the e2e build; the whole block
 * is removed from production builds because the mode check is replaced at build time).
 */
import { getDb } from '~/lib/db';
import { dumpDatabase } from '~/lib/bundle';
import { registerTestHook } from '~/lib/testing/hooks';
import { StepSchema, WalkthroughSchema, QuestionSchema, newId, nowIso, type Screenshot } from '~/lib/schema';

interface SeedArgs {
  title: string;
  startUrl: string;
  /** each step: a click on a button with this accessible name, on this page */
  steps: { title: string; url: string; name: string; explanation?: string }[];
  questions?: string[];
}

/** A real WebP screenshot (drawn, then encoded by the browser), like the recorder stores. */
async function drawScreenshot(label: string, n: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(640, 400);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#f5f7fa';
  g.fillRect(0, 0, 640, 400);
  g.fillStyle = '#0b5cad';
  g.fillRect(40, 40 + n * 30, 240, 60);
  g.fillStyle = '#ffffff';
  g.font = '24px sans-serif';
  g.fillText(label.slice(0, 18), 56, 80 + n * 30);
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}

if (import.meta.env.MODE === 'e2e') {
  registerTestHook('bundleDump', () => dumpDatabase(getDb()));
  registerTestHook('bundleSeedQuestions', async (texts: string[], url: string) => {
    const now = nowIso();
    const questions = texts.map((text) =>
      QuestionSchema.parse({ id: newId(), text, status: 'open', context: { url }, createdAt: now, updatedAt: now }),
    );
    await getDb().questions.bulkPut(questions);
    return questions.map((q) => q.id);
  });
  registerTestHook('bundleSeed', async (args: SeedArgs) => {
    const db = getDb();
    const now = nowIso();
    const walkthrough = WalkthroughSchema.parse({
      id: newId(),
      title: args.title,
      startUrl: args.startUrl,
      language: 'de',
      version: 1,
      status: 'ready',
      origin: 'local',
      createdAt: now,
      updatedAt: now,
    });
    const shots: Screenshot[] = [];
    const steps = await Promise.all(
      args.steps.map(async (s, i) => {
        const id = newId();
        const blob = await drawScreenshot(s.name, i);
        const shotId = newId();
        shots.push({
          id: shotId,
          ownerKind: 'step',
          ownerId: id,
          blob,
          mime: 'image/webp',
          width: 640,
          height: 400,
          createdAt: now,
        });
        return StepSchema.parse({
          id,
          walkthroughId: walkthrough.id,
          order: i,
          title: s.title,
          explanation: s.explanation ?? '',
          url: s.url,
          action: { type: 'click' },
          target: {
            v: 1,
            tag: 'button',
            role: 'button',
            name: s.name,
            text: s.name,
            selectors: { role: { role: 'button', name: s.name } },
          },
          screenshotId: shotId,
          createdAt: now,
          updatedAt: now,
        });
      }),
    );
    const questions = (args.questions ?? []).map((text) =>
      QuestionSchema.parse({
        id: newId(),
        text,
        status: 'open',
        context: { url: args.startUrl },
        createdAt: now,
        updatedAt: now,
      }),
    );
    await db.transaction('rw', [db.walkthroughs, db.steps, db.screenshots, db.questions], async () => {
      await db.walkthroughs.put(walkthrough);
      await db.steps.bulkPut(steps);
      await db.screenshots.bulkPut(shots);
      await db.questions.bulkPut(questions);
    });
    return { walkthroughId: walkthrough.id, stepIds: steps.map((s) => s.id), questionIds: questions.map((q) => q.id) };
  });
}
