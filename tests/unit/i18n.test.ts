import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries, format, messageParts, resolveLocale } from '~/lib/i18n';
import { readFileSync } from 'node:fs';
import { createTranslator as createInPageTranslator, inPageDictionaries, type InPageKey } from '~/lib/i18n/inpage';
import { ErrorCode, errorMessageKey } from '~/lib/messages/errors';

describe('i18n', () => {
  it.each(Object.entries(messageParts))('part %s has the same keys in German and English', (_name, part) => {
    const en = Object.keys(part.en).sort();
    const de = Object.keys(part.de).sort();
    expect(de.filter((k) => !en.includes(k)), 'keys only in German').toEqual([]);
    expect(en.filter((k) => !de.includes(k)), 'keys only in English').toEqual([]);
  });

  it('no key is defined by two parts', () => {
    const seen = new Map<string, string>();
    for (const [name, part] of Object.entries(messageParts)) {
      for (const key of Object.keys(part.en)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('no translation is empty and placeholders match between languages', () => {
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      const en = dictionaries.en[key];
      const de = dictionaries.de[key];
      expect(en.trim(), key).not.toBe('');
      expect(de.trim(), key).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(de), key).toEqual(ph(en));
    }
  });

  it('the in-page translator gives the same texts as the full one, errors included', () => {
    for (const locale of ['de', 'en'] as const) {
      const inPage = createInPageTranslator(locale);
      const full = createTranslator(locale);
      const keys = Object.keys(inPageDictionaries[locale]) as InPageKey[];
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(inPage(key, { k: 2, n: 5 }), key).toBe(full(key, { k: 2, n: 5 }));
      for (const code of ErrorCode.options) expect(inPage(errorMessageKey(code)), code).not.toBe(errorMessageKey(code));
    }
    expect(createInPageTranslator('de')('player.next')).toBe('Weiter');
    expect(createInPageTranslator('en')('error.internal')).toBe('Something went wrong inside Lotse. Please try again.');
  });

  it('manifest strings exist in both _locales with the same keys', () => {
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
    const de = JSON.parse(readFileSync('public/_locales/de/messages.json', 'utf8')) as Record<string, unknown>;
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('follows the browser language unless the user chose one', () => {
    expect(resolveLocale('auto', 'de-DE')).toBe('de');
    expect(resolveLocale('auto', 'de-AT')).toBe('de');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('auto', 'fr-FR')).toBe('en');
    expect(resolveLocale('auto', undefined)).toBe('en');
    expect(resolveLocale('de', 'en-US')).toBe('de');
    expect(resolveLocale('en', 'de-DE')).toBe('en');
  });

  it('formats placeholders and leaves unknown ones visible', () => {
    expect(format('Step {k} of {n}', { k: 2, n: 5 })).toBe('Step 2 of 5');
    expect(format('Hi {name}', {})).toBe('Hi {name}');
    expect(createTranslator('de')('nav.questions')).toBe('Fragen');
    expect(createTranslator('en')('nav.questions')).toBe('Questions');
  });
});
