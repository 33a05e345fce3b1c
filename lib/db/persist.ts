/**
 * Ask the browser to keep our storage (screenshots must never be evicted). Extension pages only:
 * the service worker has no `navigator.storage.persist` in every browser.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
