import { DEFAULT_SETTINGS, SETTINGS_KEY, SettingsSchema, nowIso, type Settings } from '../schema';
import { getDb, type LotseDB } from './index';

export async function getSettings(db: LotseDB = getDb()): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...row });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(
  patch: Partial<Omit<Settings, 'key' | 'updatedAt'>>,
  db: LotseDB = getDb(),
): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const next = SettingsSchema.parse({ ...current, ...patch, key: SETTINGS_KEY, updatedAt: nowIso() });
    await db.settings.put(next);
    return next;
  });
}
