/**
 * Test hooks for e2e tests and the demo: only in the e2e build (`wxt build --mode e2e`), never in
 * production. Playwright reaches them with `page.evaluate(() => window.lotseTest…)` on extension pages.
 */
import { getDb } from '../db';
import { getSettings, updateSettings } from '../db/settings';

export interface LotseTestHooks {
  db: ReturnType<typeof getDb>;
  getSettings: typeof getSettings;
  updateSettings: typeof updateSettings;
  [extra: string]: unknown;
}

declare global {
  var lotseTest: LotseTestHooks | undefined;
}

const extras: Record<string, unknown> = {};

/** Features register more hooks (seeders, …) here; they are only exposed in the e2e build. */
export function registerTestHook(name: string, value: unknown): void {
  extras[name] = value;
  if (globalThis.lotseTest) globalThis.lotseTest[name] = value;
}

export function installTestHooks(): void {
  if (import.meta.env.MODE !== 'e2e') return;
  globalThis.lotseTest = { db: getDb(), getSettings, updateSettings, ...extras };
}
