/**
 * The Lotse database. It lives only in the extension's origin (IndexedDB via Dexie).
 * Schema changes are new `db.version(n)` entries in `lib/db/versions.ts`, each with a migration test.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  Goal,
  Meeting,
  Progress,
  Question,
  Screenshot,
  Settings,
  Step,
  StepHealth,
  Tandem,
  Walkthrough,
} from '../schema';
import { applyVersions } from './versions';

export const DB_NAME = 'lotse';

export class LotseDB extends Dexie {
  tandems!: EntityTable<Tandem, 'id'>;
  goals!: EntityTable<Goal, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  walkthroughs!: EntityTable<Walkthrough, 'id'>;
  steps!: EntityTable<Step, 'id'>;
  screenshots!: EntityTable<Screenshot, 'id'>;
  questions!: EntityTable<Question, 'id'>;
  progress!: EntityTable<Progress, 'walkthroughId'>;
  stepHealth!: EntityTable<StepHealth, 'id'>;
  settings!: EntityTable<Settings, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    applyVersions(this);
  }
}

let instance: LotseDB | undefined;

/** The shared database of this extension context (background, popup, side panel, options). */
export function getDb(): LotseDB {
  instance ??= new LotseDB();
  return instance;
}

/** Tests replace the database (e.g. a fresh fake-indexeddb per test). */
export function setDbForTests(db: LotseDB | undefined): void {
  instance = db;
}

/** The tables in the order a full wipe/restore touches them. */
export const ALL_TABLES = [
  'tandems',
  'goals',
  'meetings',
  'walkthroughs',
  'steps',
  'screenshots',
  'questions',
  'progress',
  'stepHealth',
  'settings',
] as const;
