/** Popup card: start/stop recording. Owned by the recorder feature. */
export function PopupRecord() {
  return null;
}
