import type { BundleSelection } from '~/lib/bundle/selection';

/** Export the selection as a .lotse file (asks about encryption). Owned by the bundle feature. */
export function ExportButton(_props: { selection: BundleSelection; label?: string; compact?: boolean }) {
  return null;
}

/** Pick a .lotse file and import it (preview, choices, all-or-nothing). Owned by the bundle feature. */
export function ImportButton(_props: { compact?: boolean }) {
  return null;
}
