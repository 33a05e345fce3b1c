/**
 * A rough, honest strength hint for a passphrase. It cannot know what an attacker guesses first, so it
 * rewards what really helps (length, several words) and flags the obvious (very short, repeated, common).
 */
export const MIN_PASSPHRASE_LENGTH = 8;

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

const COMMON = new Set([
  'password',
  'passwort',
  'passwort1',
  'password1',
  'kennwort',
  'geheim',
  'geheim123',
  'secret',
  '12345678',
  '123456789',
  '1234567890',
  'qwertzuiop',
  'qwertyuiop',
  'qwertz123',
  'qwerty123',
  'abcdefgh',
  'lotselotse',
  'linkedin',
  'sommer2024',
  'sommer2025',
  'sommer2026',
  'hallo123',
  'iloveyou',
  'letmein1',
  'treffen1',
  'mentoring',
]);

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const p = passphrase.normalize('NFC');
  const length = [...p].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  const lower = p.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 5) return 'weak';
  const classes = [/[a-zäöüß]/, /[A-ZÄÖÜ]/, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(p)).length;
  const words = p.split(/[\s\-_.,;:+/]+/).filter((w) => [...w].length >= 3).length;
  if (length >= 20 || (words >= 4 && length >= 16) || (length >= 14 && classes >= 3)) return 'strong';
  if (length >= 16 || (length >= 12 && classes >= 2) || words >= 3) return 'fair';
  return 'weak';
}
