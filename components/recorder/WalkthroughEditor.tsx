/** Edit a walkthrough's steps and metadata. Owned by the recorder feature. */
export function WalkthroughEditor(_props: { walkthroughId: string; tabId: number | undefined; onClose: () => void }) {
  return null;
}
