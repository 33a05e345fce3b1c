/** Popup card: continue or start a walkthrough. Owned by the player feature. */
export function PopupPlayer() {
  return null;
}
