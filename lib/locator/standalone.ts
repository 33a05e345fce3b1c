/**
 * Entry of the standalone browser build (`npm run build:locator` → dist/locator/lotse-locator.js):
 * sets `globalThis.LotseLocator = { describe, rank, resolve, version }`. No zod in this bundle.
 */
import { describe } from './describe';
import { rank } from './rank';
import { resolve } from './resolve';
import { LOCATOR_VERSION as version } from './version';

const api = { describe, rank, resolve, version };
export type LotseLocatorApi = typeof api;

(globalThis as typeof globalThis & { LotseLocator?: LotseLocatorApi }).LotseLocator = api;
