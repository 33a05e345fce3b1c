/**
 * A feature's strings in both languages side by side. `de` must have exactly the keys of `en`
 * (checked by the type here and by tests/unit/i18n.test.ts at run time).
 * Placeholders: {name}. German uses „…“ quotes, English “…”.
 */
export function defineMessages<const E extends Record<string, string>>(messages: {
  en: E;
  de: { [K in keyof E]: string };
}): { en: E; de: { [K in keyof E]: string } } {
  return messages;
}
