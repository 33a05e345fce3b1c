/** Popup card: note a question. Owned by the questions feature. */
export function PopupQuestion() {
  return null;
}
