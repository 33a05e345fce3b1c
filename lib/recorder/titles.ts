/**
 * Generated step titles in the WALKTHROUGH's language (not the UI's): from the action, the target's role
 * and its visible name. "Click “Edit profile”" / „Klicken Sie auf „Profil bearbeiten““,
 * "Enter your headline" / „Geben Sie Ihre Überschrift ein“. Pure; unit-tested.
 */
import { createTranslator, type MessageKey, type UiLocale } from '../i18n';
import type { StepAction } from '../schema';

export interface TitleInput {
  action: StepAction;
  /** ARIA role of the target (explicit or implicit) */
  role?: string | undefined;
  /** the target's visible/accessible name as the user sees it (not digit-masked) */
  label?: string | undefined;
  /** navigation and new tab: the page title, when known */
  pageTitle?: string | undefined;
}

const MAX_NAME = 60;

/** Tidy a visible name for a title: whitespace collapsed, trailing colon/asterisk dropped, capped. */
export function tidyLabel(s: string | undefined): string {
  if (!s) return '';
  let t = s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  t = t.replace(/\s*[:*]+\s*$/, '').replace(/^\s*[*]+\s*/, '').trim();
  if (t.length > MAX_NAME) t = `${t.slice(0, MAX_NAME - 1).trimEnd()}…`;
  return t;
}

/**
 * German nouns often used as field labels, with their gender for the accusative possessive
 * („Ihre Überschrift“, „Ihren Namen“, „Ihr Passwort“). Matched on the end of the label's last word,
 * so compounds work („Profilüberschrift“ → f). Masculine n-declension nouns carry their accusative.
 */
const DE_NOUNS: readonly [suffix: string, gender: 'f' | 'm' | 'n', accusative?: string][] = [
  ['überschrift', 'f'],
  ['e-mail-adresse', 'f'],
  ['e-mail', 'f'],
  ['email', 'f'],
  ['adresse', 'f'],
  ['anschrift', 'f'],
  ['nummer', 'f'],
  ['nachricht', 'f'],
  ['beschreibung', 'f'],
  ['bemerkung', 'f'],
  ['zusammenfassung', 'f'],
  ['antwort', 'f'],
  ['frage', 'f'],
  ['stadt', 'f'],
  ['firma', 'f'],
  ['position', 'f'],
  ['abteilung', 'f'],
  ['begründung', 'f'],
  ['postleitzahl', 'f'],
  ['plz', 'f'],
  ['website', 'f'],
  ['webseite', 'f'],
  ['durchwahl', 'f'],
  ['info', 'f'],
  ['suche', 'f'],
  ['vorname', 'm', 'Vornamen'],
  ['nachname', 'm', 'Nachnamen'],
  ['familienname', 'm', 'Familiennamen'],
  ['benutzername', 'm', 'Benutzernamen'],
  ['anzeigename', 'm', 'Anzeigenamen'],
  ['name', 'm', 'Namen'],
  ['suchbegriff', 'm'],
  ['begriff', 'm'],
  ['titel', 'm'],
  ['text', 'm'],
  ['kommentar', 'm'],
  ['beitrag', 'm'],
  ['betreff', 'm'],
  ['grund', 'm'],
  ['ort', 'm'],
  ['wohnort', 'm'],
  ['standort', 'm'],
  ['beruf', 'm'],
  ['arbeitgeber', 'm'],
  ['hinweis', 'm'],
  ['code', 'm'],
  ['slogan', 'm'],
  ['passwort', 'n'],
  ['kennwort', 'n'],
  ['datum', 'n'],
  ['geburtsdatum', 'n'],
  ['profil', 'n'],
  ['land', 'n'],
  ['thema', 'n'],
  ['stichwort', 'n'],
  ['anliegen', 'n'],
];

/** the longest matching ending wins: „Passwort“ is neuter although „Ort“ is masculine */
const DE_NOUNS_LONGEST_FIRST = [...DE_NOUNS].sort((a, b) => b[0].length - a[0].length);

/** English: "Enter your headline" reads well for short noun labels; questions and long labels do not. */
function isShortNoun(label: string): boolean {
  return label.length > 0 && label.length <= 32 && label.split(' ').length <= 4 && !/[?!.…,;()]/.test(label);
}

function lowerFirst(s: string): string {
  // keep acronyms (URL, PLZ) and proper capitals after the first letter (LinkedIn)
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && /[A-Z]/.test(s[1]!)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function germanPossessive(label: string): string | undefined {
  if (!isShortNoun(label)) return undefined;
  // "Ihr Name" → the noun alone gets the right possessive
  const words = label.split(' ').filter((w, i, all) => !(i === 0 && all.length > 1 && /^(ihr|ihre|ihren|dein|deine|deinen)$/i.test(w)));
  const last = words[words.length - 1]!;
  const lower = last.toLowerCase();
  for (const [suffix, gender, acc] of DE_NOUNS_LONGEST_FIRST) {
    if (!lower.endsWith(suffix)) continue;
    // adjectives in front would need declension too ("Neue Überschrift"): only plain nouns
    if (words.length > 1) return undefined;
    let noun = last;
    if (acc && lower === suffix) noun = acc;
    else if (acc) noun = last + 'n'; // compound ending in -name → -namen
    const det = gender === 'f' ? 'Ihre' : gender === 'm' ? 'Ihren' : 'Ihr';
    return `${det} ${noun}`;
  }
  return undefined;
}

/** The generated title of a step in `locale`. */
export function stepTitle(input: TitleInput, locale: UiLocale): string {
  const t = createTranslator(locale);
  const name = tidyLabel(input.label);
  const role = (input.role ?? '').toLowerCase();
  const a = input.action;
  switch (a.type) {
    case 'click': {
      if (!name) return t('recorder.title.clickHere');
      if (role === 'tab') return t('recorder.title.clickTab', { name });
      if (role === 'menuitem' || role === 'option' || role === 'menuitemradio') return t('recorder.title.choose', { name });
      if (role === 'textbox' || role === 'searchbox' || role === 'combobox') return t('recorder.title.clickField', { name });
      return t('recorder.title.click', { name });
    }
    case 'input': {
      if (['date', 'datetime-local', 'time', 'month', 'week'].includes(a.inputType)) {
        return name ? t('recorder.title.date', { name }) : t('recorder.title.dateHere');
      }
      if (a.inputType === 'file') return name ? t('recorder.title.file', { name }) : t('recorder.title.fileHere');
      if (['color', 'range'].includes(a.inputType)) {
        return name ? t('recorder.title.set', { name }) : t('recorder.title.setHere');
      }
      if (!name) return t('recorder.title.typeHere');
      if (locale === 'de') {
        const your = germanPossessive(name);
        return your ? t('recorder.title.typeYour', { your }) : t('recorder.title.typeField', { name });
      }
      return isShortNoun(name)
        ? t('recorder.title.typeYour', { your: `your ${lowerFirst(name.replace(/^your\s+/i, ''))}` })
        : t('recorder.title.typeField', { name });
    }
    case 'select': {
      const option = tidyLabel(a.optionText);
      if (!name) return t('recorder.title.selectOption', { option });
      return t('recorder.title.select', { option, name });
    }
    case 'check': {
      if (!name) return t(a.inputType === 'radio' ? 'recorder.title.radioHere' : a.checked ? 'recorder.title.checkHere' : 'recorder.title.uncheckHere');
      if (a.inputType === 'radio') return t('recorder.title.radio', { name });
      if (role === 'switch') return t(a.checked ? 'recorder.title.switchOn' : 'recorder.title.switchOff', { name });
      return t(a.checked ? 'recorder.title.check' : 'recorder.title.uncheck', { name });
    }
    case 'submit':
      return name ? t('recorder.title.submitWith', { name }) : t('recorder.title.submit');
    case 'navigate': {
      const page = tidyLabel(input.pageTitle) || shortUrl(a.url);
      const key: MessageKey =
        a.via === 'pop' ? 'recorder.title.navBack' : a.via === 'load' ? 'recorder.title.navOpen' : 'recorder.title.navGo';
      return t(key, { page });
    }
    case 'new-tab':
      return t('recorder.title.newTab', { page: tidyLabel(input.pageTitle) || shortUrl(a.url) });
    case 'tip':
      return t('recorder.title.tip');
  }
}

/** host + path of a URL, for titles when a page has no title */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return tidyLabel(`${u.host}${u.pathname === '/' ? '' : u.pathname}`);
  } catch {
    return tidyLabel(url);
  }
}
