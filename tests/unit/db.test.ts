import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { LotseDB, setDbForTests } from '~/lib/db';
import { getSettings, updateSettings } from '~/lib/db/settings';
import { CURRENT_VERSION, V1_STORES } from '~/lib/db/versions';
import { WalkthroughSchema, newId, nowIso, recordSchemas } from '~/lib/schema';

let db: LotseDB;
beforeEach(async () => {
  db = new LotseDB(`test-${newId()}`);
  setDbForTests(db);
  await db.open();
});
afterEach(async () => {
  setDbForTests(undefined);
  await db.delete();
});

describe('database', () => {
  it('has a table with a schema for every record kind', () => {
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(recordSchemas).sort());
    expect(Object.keys(V1_STORES).sort()).toEqual(Object.keys(recordSchemas).sort());
    expect(db.verno).toBe(CURRENT_VERSION);
  });

  it('stores IndexedDB version = Dexie version × 10', async () => {
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(db.name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(raw.version).toBe(CURRENT_VERSION * 10);
    raw.close();
  });

  it('returns defaults, then persists settings changes', async () => {
    expect((await getSettings(db)).locale).toBe('auto');
    await updateSettings({ locale: 'de', largeText: true }, db);
    const s = await getSettings(db);
    expect(s.locale).toBe('de');
    expect(s.largeText).toBe(true);
    await expect(updateSettings({ locale: 'fr' as 'de' }, db)).rejects.toThrow();
    expect((await getSettings(db)).locale).toBe('de');
  });

  it('round-trips a walkthrough and a screenshot blob', async () => {
    const id = newId();
    const w = WalkthroughSchema.parse({
      id,
      title: 'Update your headline',
      startUrl: 'http://127.0.0.1:4300/kontakto/feed',
      language: 'de',
      version: 1,
      status: 'ready',
      origin: 'local',
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await db.walkthroughs.put(w);
    expect(await db.walkthroughs.get(id)).toEqual(w);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' });
    const sid = newId();
    await db.screenshots.put({ id: sid, ownerKind: 'step', ownerId: newId(), blob, mime: 'image/webp', width: 10, height: 10, createdAt: nowIso() });
    const back = await db.screenshots.get(sid);
    expect(new Uint8Array(await back!.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      db.transaction('rw', db.goals, async () => {
        await db.goals.put({ id: newId(), title: 'A', description: '', status: 'open', order: 0, createdAt: nowIso(), updatedAt: nowIso() });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.goals.count()).toBe(0);
  });

  it('is a Dexie database', () => {
    expect(db).toBeInstanceOf(Dexie);
  });
});

describe('record schemas', () => {
  const base = {
    id: newId(),
    title: 'T',
    language: 'en',
    version: 1,
    status: 'ready',
    origin: 'local',
    createdAt: nowIso(),
    updatedAt: nowIso(),
  };
  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'chrome://settings'])(
    'refuses a walkthrough start URL %s',
    (startUrl) => {
      expect(WalkthroughSchema.safeParse({ ...base, startUrl }).success).toBe(false);
    },
  );
  it('accepts http and https start URLs', () => {
    expect(WalkthroughSchema.safeParse({ ...base, startUrl: 'https://www.linkedin.com/feed/' }).success).toBe(true);
    expect(WalkthroughSchema.safeParse({ ...base, startUrl: 'http://127.0.0.1:4300/kontakto/feed' }).success).toBe(true);
  });
});
