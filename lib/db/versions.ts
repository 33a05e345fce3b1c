/**
 * Numbered schema versions (Bitwarden-style): never edit a released version, add the next one with an
 * upgrade function and a test in tests/unit/db-migrations.test.ts that opens the previous version.
 * Note: IndexedDB stores Dexie's version × 10.
 */
import type Dexie from 'dexie';

/** Version 1: the first released schema. Indexes are the fields we filter and sort by. */
export const V1_STORES = {
  tandems: 'id',
  goals: 'id, tandemId, status, order',
  meetings: 'id, tandemId, scheduledAt, status',
  walkthroughs: 'id, updatedAt, goalId, status, title',
  steps: 'id, walkthroughId, [walkthroughId+order]',
  screenshots: 'id, [ownerKind+ownerId]',
  questions: 'id, status, goalId, createdAt, meetingId, context.walkthroughId, [status+createdAt], [goalId+createdAt]',
  progress: 'walkthroughId, updatedAt, status',
  stepHealth: 'id, walkthroughId, stepId, at, outcome',
  settings: 'key',
} as const;

export const CURRENT_VERSION = 1;

export function applyVersions(db: Dexie): void {
  db.version(1).stores(V1_STORES);
}
