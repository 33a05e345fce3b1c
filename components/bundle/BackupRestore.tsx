/** Full encrypted backup and restore. Owned by the bundle feature. */
export function BackupRestore() {
  return null;
}
