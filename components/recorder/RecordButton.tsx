/** Start/stop recording on the target tab. Owned by the recorder feature. */
export function RecordButton(_props: { tabId: number | undefined }) {
  return null;
}
