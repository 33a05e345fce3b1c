import { BundleError } from './errors';

/**
 * Keys that could reach an object's prototype if the parsed value were later merged or spread. JSON.parse
 * itself creates them as own properties, but any `Object.assign`/spread downstream would call the
 * `__proto__` setter; dropping them here means they never exist. zod then rebuilds every object from its
 * known shape anyway.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function safeJsonParse(bytes: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('invalid-json', `${what}: not UTF-8`);
  }
  try {
    return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (e) {
    throw new BundleError('invalid-json', `${what}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
  }
}
