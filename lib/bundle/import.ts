/**
 * Import: compare a validated bundle with the database (preview), let the user choose per item, then
 * write everything in ONE Dexie transaction — or nothing. All non-Dexie work (decrypting, unzipping,
 * validating, building Blobs, new ids) is done before the transaction opens.
 */
import type { LotseDB } from '../db';
import { ALL_TABLES } from '../db';
import {
  newId,
  nowIso,
  type Goal,
  type Meeting,
  type Question,
  type Screenshot,
  type Step,
  type Walkthrough,
} from '../schema';
import { BundleError, toBundleError } from './errors';
import type { BundleContents, Manifest } from './format';
import type { ParsedBundle } from './read';
import { countRecords } from './records';

export type ItemKind = 'walkthrough' | 'question' | 'goal' | 'meeting';
/** new: not here yet · newer: the file has a newer version · same: already here, unchanged · older: yours is newer */
export type ItemState = 'new' | 'newer' | 'same' | 'older';
export type ImportChoice = 'import' | 'update' | 'keep-both' | 'skip';

export interface PreviewItem {
  /** `${kind}:${id}`, the key of `ImportDecisions` */
  key: string;
  kind: ItemKind;
  id: string;
  title: string;
  state: ItemState;
  incomingVersion?: number;
  localVersion?: number;
  incomingUpdatedAt: string;
  localUpdatedAt?: string;
  /** meetings: when it is scheduled */
  at?: string;
  /** walkthroughs: number of steps in the file */
  steps?: number;
  /** screenshots that come with the item */
  screenshots: number;
  choices: ImportChoice[];
  defaultChoice: ImportChoice;
}

export interface ImportPreview {
  manifest: Manifest;
  encrypted: boolean;
  items: PreviewItem[];
}

export type ImportDecisions = Record<string, ImportChoice>;

export type KindCounts = Record<ItemKind, number>;
export interface ImportResult {
  added: KindCounts;
  updated: KindCounts;
  copied: KindCounts;
  skipped: KindCounts;
}

const zeroCounts = (): KindCounts => ({ walkthrough: 0, question: 0, goal: 0, meeting: 0 });
const itemKey = (kind: ItemKind, id: string) => `${kind}:${id}`;

function compare(
  incoming: { version?: number; updatedAt: string },
  local: { version?: number; updatedAt: string },
): ItemState {
  const iv = incoming.version ?? 0;
  const lv = local.version ?? 0;
  if (iv !== lv) return iv > lv ? 'newer' : 'older';
  if (incoming.updatedAt === local.updatedAt) return 'same';
  return incoming.updatedAt > local.updatedAt ? 'newer' : 'older';
}

const DEFAULT_CHOICE: Record<ItemState, ImportChoice> = { new: 'import', newer: 'update', same: 'skip', older: 'skip' };

function titleOf(kind: ItemKind, r: Walkthrough | Question | Goal | Meeting): string {
  switch (kind) {
    case 'walkthrough':
      return (r as Walkthrough).title;
    case 'question':
      return (r as Question).text.slice(0, 200);
    case 'goal':
      return (r as Goal).title;
    case 'meeting':
      return (r as Meeting).topic;
  }
}

/** What the bundle would change: one item per walkthrough, question, goal and meeting in it. */
export async function previewImport(db: LotseDB, bundle: ParsedBundle): Promise<ImportPreview> {
  const r = bundle.records;
  const [walkthroughs, questions, goals, meetings] = await db.transaction(
    'r',
    [db.walkthroughs, db.questions, db.goals, db.meetings],
    () =>
      Promise.all([
        db.walkthroughs.bulkGet(r.walkthroughs.map((w) => w.id)),
        db.questions.bulkGet(r.questions.map((q) => q.id)),
        db.goals.bulkGet(r.goals.map((g) => g.id)),
        db.meetings.bulkGet(r.meetings.map((m) => m.id)),
      ]),
  );
  const shotsOf = new Map<string, number>();
  for (const s of r.screenshots) shotsOf.set(s.ownerId, (shotsOf.get(s.ownerId) ?? 0) + 1);
  const stepsOf = new Map<string, string[]>();
  for (const s of r.steps) stepsOf.set(s.walkthroughId, [...(stepsOf.get(s.walkthroughId) ?? []), s.id]);

  const items: PreviewItem[] = [];
  const add = <T extends Walkthrough | Question | Goal | Meeting>(
    kind: ItemKind,
    incoming: T[],
    local: (T | undefined)[],
  ) => {
    incoming.forEach((rec, i) => {
      const here = local[i];
      const version = 'version' in rec ? rec.version : undefined;
      const hereVersion = here && 'version' in here ? here.version : undefined;
      const state: ItemState = here
        ? compare({ version, updatedAt: rec.updatedAt }, { version: hereVersion, updatedAt: here.updatedAt })
        : 'new';
      const stepIds = kind === 'walkthrough' ? (stepsOf.get(rec.id) ?? []) : [];
      items.push({
        key: itemKey(kind, rec.id),
        kind,
        id: rec.id,
        title: titleOf(kind, rec),
        state,
        ...(version !== undefined ? { incomingVersion: version } : {}),
        ...(hereVersion !== undefined ? { localVersion: hereVersion } : {}),
        incomingUpdatedAt: rec.updatedAt,
        ...(here ? { localUpdatedAt: here.updatedAt } : {}),
        ...(kind === 'walkthrough' ? { steps: stepIds.length } : {}),
        ...(kind === 'meeting' ? { at: (rec as Meeting).scheduledAt } : {}),
        screenshots:
          kind === 'walkthrough'
            ? stepIds.reduce((n, id) => n + (shotsOf.get(id) ?? 0), 0)
            : (shotsOf.get(rec.id) ?? 0),
        choices: state === 'new' ? ['import', 'skip'] : ['update', 'keep-both', 'skip'],
        defaultChoice: DEFAULT_CHOICE[state],
      });
    });
  };
  add('walkthrough', r.walkthroughs, walkthroughs);
  add('question', r.questions, questions);
  add('goal', r.goals, goals);
  add('meeting', r.meetings, meetings);
  return { manifest: bundle.manifest, encrypted: bundle.encrypted, items };
}

export function defaultDecisions(preview: ImportPreview): ImportDecisions {
  return Object.fromEntries(preview.items.map((i) => [i.key, i.defaultChoice]));
}

export interface ApplyOptions {
  /** title of a walkthrough imported as a second copy ("keep both"), e.g. t('bundle.copyTitle') */
  copyTitle?: (title: string) => string;
  now?: string;
}

/** Replace ids of records imported as copies, wherever another imported record points to them. */
function remapper(map: Map<string, string>) {
  const m = <T extends string | undefined>(id: T): T => (id !== undefined && map.has(id) ? (map.get(id) as T) : id);
  return {
    walkthrough: (w: Walkthrough): Walkthrough => ({ ...w, id: m(w.id), goalId: m(w.goalId) }),
    step: (s: Step): Step => ({
      ...s,
      id: m(s.id),
      walkthroughId: m(s.walkthroughId),
      screenshotId: m(s.screenshotId),
    }),
    screenshot: (s: Screenshot): Screenshot => ({ ...s, id: m(s.id), ownerId: m(s.ownerId) }),
    question: (q: Question): Question => ({
      ...q,
      id: m(q.id),
      goalId: m(q.goalId),
      meetingId: m(q.meetingId),
      screenshotId: m(q.screenshotId),
      context: { ...q.context, walkthroughId: m(q.context.walkthroughId), stepId: m(q.context.stepId) },
    }),
    goal: (g: Goal): Goal => ({ ...g, id: m(g.id) }),
    meeting: (x: Meeting): Meeting => ({
      ...x,
      id: m(x.id),
      goalId: m(x.goalId),
      agenda: x.agenda.map((a) => ({ ...a, refId: m(a.refId) })),
    }),
  };
}

/** Optional keys set to undefined by the remapper are dropped, so records stay exactly as zod parses them. */
function clean<T extends object>(r: T): T {
  const out = { ...r } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  if ('context' in out && out.context && typeof out.context === 'object') out.context = clean(out.context as object);
  return out as T;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Write the chosen items in one transaction. A walkthrough that is updated loses its old steps and
 * screenshots (the file has the new ones); the mentee's "show me where" corrections survive on steps
 * whose recorded target did not change. Imported goals and meetings belong to this browser's tandem.
 */
export async function applyImport(
  db: LotseDB,
  bundle: ParsedBundle,
  decisions: ImportDecisions = {},
  opts: ApplyOptions = {},
): Promise<ImportResult> {
  const now = opts.now ?? nowIso();
  const copyTitle = opts.copyTitle ?? ((t: string) => `${t} (2)`);
  const r = bundle.records;
  const result: ImportResult = {
    added: zeroCounts(),
    updated: zeroCounts(),
    copied: zeroCounts(),
    skipped: zeroCounts(),
  };
  const preview = await previewImport(db, bundle);
  const chosen = new Map<string, ImportChoice>();
  for (const item of preview.items) {
    let c = decisions[item.key] ?? item.defaultChoice;
    if (!item.choices.includes(c)) c = item.state === 'new' && c !== 'skip' ? 'import' : item.defaultChoice;
    chosen.set(item.key, c);
    const bucket = c === 'import' ? 'added' : c === 'update' ? 'updated' : c === 'keep-both' ? 'copied' : 'skipped';
    result[bucket][item.kind]++;
  }
  const choiceOf = (kind: ItemKind, id: string) => chosen.get(itemKey(kind, id)) ?? 'skip';

  // Fresh ids for copies ("keep both"): the item, and what hangs on it.
  const idMap = new Map<string, string>();
  const copy = (id: string) => idMap.set(id, newId());
  for (const w of r.walkthroughs) if (choiceOf('walkthrough', w.id) === 'keep-both') copy(w.id);
  for (const s of r.steps) if (idMap.has(s.walkthroughId)) copy(s.id);
  for (const q of r.questions) if (choiceOf('question', q.id) === 'keep-both') copy(q.id);
  for (const g of r.goals) if (choiceOf('goal', g.id) === 'keep-both') copy(g.id);
  for (const x of r.meetings) if (choiceOf('meeting', x.id) === 'keep-both') copy(x.id);
  for (const s of r.screenshots) if (idMap.has(s.ownerId)) copy(s.id);
  const re = remapper(idMap);

  const takeW = new Set(r.walkthroughs.filter((w) => choiceOf('walkthrough', w.id) !== 'skip').map((w) => w.id));
  const takeQ = new Set(r.questions.filter((q) => choiceOf('question', q.id) !== 'skip').map((q) => q.id));
  const stepsToWrite = r.steps.filter((s) => takeW.has(s.walkthroughId));
  const stepIdsTaken = new Set(stepsToWrite.map((s) => s.id));
  const write = {
    walkthroughs: r.walkthroughs
      .filter((w) => takeW.has(w.id))
      .map((w) => {
        const out = clean(re.walkthrough({ ...w, origin: 'imported', importedAt: now }));
        return idMap.has(w.id) ? { ...out, title: copyTitle(w.title).slice(0, 200) } : out;
      }),
    steps: stepsToWrite.map((s) => clean(re.step(s))),
    screenshots: r.screenshots
      .filter((s) => (s.ownerKind === 'step' ? stepIdsTaken.has(s.ownerId) : takeQ.has(s.ownerId)))
      .map((s) => clean(re.screenshot(s))),
    questions: r.questions.filter((q) => takeQ.has(q.id)).map((q) => clean(re.question(q))),
    goals: r.goals.filter((g) => choiceOf('goal', g.id) !== 'skip').map((g) => clean(re.goal(g))),
    meetings: r.meetings.filter((x) => choiceOf('meeting', x.id) !== 'skip').map((x) => clean(re.meeting(x))),
  };
  const updatedWalkthroughs = r.walkthroughs.filter((w) => choiceOf('walkthrough', w.id) === 'update').map((w) => w.id);
  const updatedQuestions = r.questions.filter((q) => choiceOf('question', q.id) === 'update').map((q) => q.id);

  const tables = [db.walkthroughs, db.steps, db.screenshots, db.questions, db.goals, db.meetings, db.tandems];
  try {
    await db.transaction('rw', tables, async () => {
      const tandemId = (await db.tandems.toCollection().first())?.id;
      const ownTandem = <T extends { tandemId?: string }>(rec: T): T => {
        const { tandemId: _theirs, ...rest } = rec;
        return (tandemId ? { ...rest, tandemId } : rest) as T;
      };
      // Updated walkthroughs: the old steps and their screenshots go, healed targets stay where valid.
      const oldSteps = (
        await Promise.all(updatedWalkthroughs.map((id) => db.steps.where('walkthroughId').equals(id).toArray()))
      ).flat();
      const oldById = new Map(oldSteps.map((s) => [s.id, s]));
      const steps = write.steps.map((s) => {
        const old = oldById.get(s.id);
        return old?.healedTarget && !s.healedTarget && sameJson(old.target, s.target)
          ? { ...s, healedTarget: old.healedTarget }
          : s;
      });
      const staleOwners: [string, string][] = [
        ...oldSteps.map((s): [string, string] => ['step', s.id]),
        ...updatedQuestions.map((id): [string, string] => ['question', id]),
      ];
      // Every screenshot the replaced steps and questions owned, referenced or not.
      const stale = await Promise.all(
        staleOwners.map((owner) => db.screenshots.where('[ownerKind+ownerId]').equals(owner).primaryKeys()),
      );
      if (stale.length) await db.screenshots.bulkDelete(stale.flat());
      if (oldSteps.length) await db.steps.bulkDelete(oldSteps.map((s) => s.id));

      await db.walkthroughs.bulkPut(write.walkthroughs);
      await db.steps.bulkPut(steps);
      await db.screenshots.bulkPut(write.screenshots);
      await db.questions.bulkPut(write.questions);
      await db.goals.bulkPut(write.goals.map(ownTandem));
      await db.meetings.bulkPut(write.meetings.map(ownTandem));
    });
  } catch (e) {
    throw toBundleError(e, 'write-failed');
  }
  return result;
}

/** Numbers of records per table now, for "restoring replaces …". */
export async function countDatabase(db: LotseDB): Promise<BundleContents> {
  const counts = await db.transaction(
    'r',
    ALL_TABLES.map((t) => db.table(t)),
    () => Promise.all(ALL_TABLES.map((t) => db.table(t).count())),
  );
  return Object.fromEntries(ALL_TABLES.map((t, i) => [t, counts[i]!])) as BundleContents;
}

/**
 * Full restore from a backup: every table is replaced by the backup's content, in one transaction.
 * The settings come back too, with `lastBackupAt` set to the backup's date.
 */
export async function restoreBackup(db: LotseDB, bundle: ParsedBundle): Promise<BundleContents> {
  if (bundle.manifest.kind !== 'backup') throw new BundleError('not-a-backup');
  const r = bundle.records;
  const settings = r.settings.map((s) => ({
    ...s,
    lastBackupAt:
      s.lastBackupAt && s.lastBackupAt > bundle.manifest.createdAt ? s.lastBackupAt : bundle.manifest.createdAt,
  }));
  try {
    await db.transaction(
      'rw',
      ALL_TABLES.map((t) => db.table(t)),
      async () => {
        for (const t of ALL_TABLES) {
          if (t === 'settings' && !settings.length) continue; // keep this browser's settings if the backup has none
          await db.table(t).clear();
        }
        await db.walkthroughs.bulkPut(r.walkthroughs);
        await db.steps.bulkPut(r.steps);
        await db.screenshots.bulkPut(r.screenshots);
        await db.questions.bulkPut(r.questions);
        await db.goals.bulkPut(r.goals);
        await db.meetings.bulkPut(r.meetings);
        await db.tandems.bulkPut(r.tandems);
        await db.progress.bulkPut(r.progress);
        await db.stepHealth.bulkPut(r.stepHealth);
        await db.settings.bulkPut(settings);
      },
    );
  } catch (e) {
    throw toBundleError(e, 'write-failed');
  }
  return countRecords(r);
}
