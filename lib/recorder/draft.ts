/**
 * The editor's draft of a walkthrough: pure edits (reorder, insert a tip, delete and undo, metadata)
 * and the save, which writes everything with an incremented version in ONE Dexie transaction, or
 * nothing. Framework-free; unit-tested with fake-indexeddb.
 */
import { z } from 'zod';
import type { LotseDB } from '../db';
import { LotseError } from '../messages/errors';
import {
  StepSchema,
  WalkthroughSchema,
  newId,
  nowIso,
  type ElementFingerprint,
  type Locale,
  type Step,
  type Walkthrough,
} from '../schema';
import { stepTitle } from './titles';

export type Meta = Pick<
  Walkthrough,
  'title' | 'description' | 'goalId' | 'topic' | 'startUrl' | 'language' | 'estimatedMinutes' | 'status'
>;

export interface Draft {
  meta: Meta;
  /** in the order shown */
  steps: Step[];
  /** ids of saved steps the mentor deleted */
  deleted: string[];
  /** new screenshots (re-pick, blur) per step: replace the old one on save */
  replacedShots: Record<string, string>;
}

export interface Loaded {
  walkthrough: Walkthrough;
  steps: Step[];
}

export async function loadWalkthrough(db: LotseDB, id: string): Promise<Loaded | undefined> {
  return db.transaction('r', [db.walkthroughs, db.steps], async () => {
    const walkthrough = await db.walkthroughs.get(id);
    if (!walkthrough) return undefined;
    const steps = await db.steps.where('[walkthroughId+order]').between([id, -Infinity], [id, Infinity]).toArray();
    return { walkthrough, steps };
  });
}

export function draftOf(l: Loaded): Draft {
  const w = l.walkthrough;
  return {
    meta: {
      title: w.title,
      description: w.description,
      ...(w.goalId ? { goalId: w.goalId } : {}),
      topic: w.topic,
      startUrl: w.startUrl,
      language: w.language,
      ...(w.estimatedMinutes !== undefined ? { estimatedMinutes: w.estimatedMinutes } : {}),
      status: w.status,
    },
    steps: l.steps.map((s) => ({ ...s })),
    deleted: [],
    replacedShots: {},
  };
}

/** Has the draft changed compared with what was loaded? */
export function isDirty(d: Draft, base: Loaded): boolean {
  return JSON.stringify(draftOf(base)) !== JSON.stringify({ ...d, steps: d.steps });
}

export function moveStep(d: Draft, from: number, to: number): Draft {
  if (from === to || from < 0 || to < 0 || from >= d.steps.length || to >= d.steps.length) return d;
  const steps = [...d.steps];
  const [s] = steps.splice(from, 1);
  steps.splice(to, 0, s!);
  return { ...d, steps };
}

export interface Removed {
  step: Step;
  index: number;
}

export function deleteStep(d: Draft, id: string): { draft: Draft; removed?: Removed } {
  const index = d.steps.findIndex((s) => s.id === id);
  if (index < 0) return { draft: d };
  const step = d.steps[index]!;
  const steps = d.steps.filter((s) => s.id !== id);
  return { draft: { ...d, steps, deleted: [...d.deleted, id] }, removed: { step, index } };
}

export function undoDelete(d: Draft, r: Removed): Draft {
  const steps = [...d.steps];
  steps.splice(Math.min(r.index, steps.length), 0, r.step);
  return { ...d, steps, deleted: d.deleted.filter((x) => x !== r.step.id) };
}

/** A text-only tip at `index` (0 = first). */
export function insertTip(d: Draft, index: number, walkthroughId: string, title: string): { draft: Draft; id: string } {
  const at = Math.max(0, Math.min(index, d.steps.length));
  const neighbour = d.steps[at - 1] ?? d.steps[at];
  const now = nowIso();
  const tip: Step = {
    id: newId(),
    walkthroughId,
    order: 0, // renumbered on save
    title,
    explanation: '',
    url: neighbour?.url ?? d.meta.startUrl,
    action: { type: 'tip' },
    blurRects: [],
    createdAt: now,
    updatedAt: now,
  };
  const steps = [...d.steps];
  steps.splice(at, 0, tip);
  return { draft: { ...d, steps }, id: tip.id };
}

export function updateStep(d: Draft, id: string, patch: Partial<Step>): Draft {
  return { ...d, steps: d.steps.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

/** The label a generated title was made from, as far as the fingerprint still knows it. */
function labelOf(s: Step): string | undefined {
  const fp: ElementFingerprint | undefined = s.target;
  if (!fp) return undefined;
  if (s.action.type === 'input' || s.action.type === 'select') return fp.label || fp.name || fp.attrs?.placeholder;
  return fp.name || fp.text || fp.attrs?.title;
}

/**
 * Switch the walkthrough's language; titles still as generated (never edited) are generated anew in
 * the new language, edited titles are kept.
 */
export function changeLanguage(d: Draft, language: Locale, relabel: boolean): Draft {
  const old = d.meta.language;
  const meta = { ...d.meta, language };
  if (!relabel || old === language) return { ...d, meta };
  const steps = d.steps.map((s) => {
    const input = { action: s.action, role: s.target?.role, label: labelOf(s) };
    if (s.action.type === 'navigate' || s.action.type === 'new-tab') {
      // page titles are not kept; compare with the URL-based title
      const before = stepTitle(input, old);
      return before === s.title ? { ...s, title: stepTitle(input, language) } : s;
    }
    return stepTitle(input, old) === s.title ? { ...s, title: stepTitle(input, language) } : s;
  });
  return { ...d, meta, steps };
}

export const MetaSchema = WalkthroughSchema.pick({
  title: true,
  description: true,
  goalId: true,
  topic: true,
  startUrl: true,
  language: true,
  estimatedMinutes: true,
  status: true,
});

export type SaveIssue = { field: 'title' | 'startUrl' | 'estimatedMinutes' | 'step'; stepId?: string };

/** Validate before anything is written; the first problem is reported to the mentor. */
export function validateDraft(d: Draft): SaveIssue | undefined {
  const m = MetaSchema.safeParse({ ...d.meta, title: d.meta.title.trim() });
  if (!m.success) {
    const path = String(m.error.issues[0]?.path[0] ?? 'title');
    return { field: path === 'startUrl' ? 'startUrl' : path === 'estimatedMinutes' ? 'estimatedMinutes' : 'title' };
  }
  for (const s of d.steps) {
    if (!StepSchema.safeParse(s).success) return { field: 'step', stepId: s.id };
  }
  return undefined;
}

/** New screenshot blobs (blur burnt in) prepared before the transaction: no canvas work inside it. */
export type BlobUpdates = Record<string, { blob: Blob; width: number; height: number }>;

/**
 * Save the draft: one transaction; the version goes up by one; steps are renumbered 1..n; deleted steps
 * and their screenshots go; re-picked screenshots replace the old ones. Returns the new version.
 */
export async function saveDraft(db: LotseDB, walkthroughId: string, d: Draft, blobs: BlobUpdates = {}): Promise<number> {
  const issue = validateDraft(d);
  if (issue) throw new LotseError('invalid-request', `draft: ${issue.field}`);
  const now = nowIso();
  return db.transaction('rw', [db.walkthroughs, db.steps, db.screenshots], async () => {
    const current = await db.walkthroughs.get(walkthroughId);
    if (!current) throw new LotseError('not-found', walkthroughId);
    const next = WalkthroughSchema.parse({
      ...current,
      ...d.meta,
      title: d.meta.title.trim(),
      version: current.version + 1,
      updatedAt: now,
    });
    if (!d.meta.goalId) delete next.goalId;
    if (d.meta.estimatedMinutes === undefined) delete next.estimatedMinutes;
    await db.walkthroughs.put(next);
    // deleted steps and every screenshot they owned
    for (const id of d.deleted) {
      await db.steps.delete(id);
      const shots = await db.screenshots.where('[ownerKind+ownerId]').equals(['step', id]).primaryKeys();
      await db.screenshots.bulkDelete(shots);
    }
    const keep = new Set(d.steps.map((s) => s.id));
    // steps of this walkthrough that are neither in the draft nor deleted were recorded meanwhile: kept
    const stored = await db.steps.where('walkthroughId').equals(walkthroughId).toArray();
    const extra = stored.filter((s) => !keep.has(s.id) && !d.deleted.includes(s.id));
    let order = 1;
    for (const s of d.steps) {
      const shotId = d.replacedShots[s.id];
      const step = StepSchema.parse({ ...s, walkthroughId, order: order++, updatedAt: now, ...(shotId ? { screenshotId: shotId } : {}) });
      await db.steps.put(step);
      if (shotId) {
        // the re-picked screenshot becomes the step's; older ones of this step go
        const old = await db.screenshots.where('[ownerKind+ownerId]').equals(['step', s.id]).primaryKeys();
        await db.screenshots.bulkDelete(old.filter((k) => k !== shotId));
      }
      const b = blobs[s.id];
      const sid = step.screenshotId;
      if (b && sid) await db.screenshots.update(sid, { blob: b.blob, width: b.width, height: b.height });
    }
    for (const s of extra.sort((a, b) => a.order - b.order)) await db.steps.update(s.id, { order: order++ });
    return next.version;
  });
}

/** Remove screenshots stored for a draft that was discarded (re-picks that were never saved). */
export async function discardShots(db: LotseDB, d: Draft): Promise<void> {
  const ids = Object.values(d.replacedShots);
  if (ids.length) await db.screenshots.bulkDelete(ids);
}

export const BlurRectsSchema = z.array(z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }));
