/** The tandem's settings (role, names, program period, rhythm, confidentiality). Owned by the questions feature. */
export function TandemSettings() {
  return null;
}
