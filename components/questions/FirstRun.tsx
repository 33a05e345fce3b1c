/** First-run setup of the tandem (role, names, period, rhythm, confidentiality). Owned by the questions feature. */
export function FirstRun(_props: { onDone: () => void }) {
  return null;
}
