/**
 * What kind of control an element is, for recording: a clickable, a text field, a checkable, a select.
 * DOM reads go through lib/locator/dom (prototype getters), so a hostile page cannot clobber them.
 * Framework-free; unit-tested with happy-dom.
 */
import { attr, closest, hasAttr, isElement, matches, tagOf } from '../locator/dom';

export type ControlKind =
  /** button, link, menu item, tab, anything clickable */
  | 'click'
  /** a field the user types into (text, email, search, textarea, contenteditable, …) */
  | 'text'
  /** a field with a picker whose change is the step (date, time, color, range, file) */
  | 'picker'
  | 'checkbox'
  | 'radio'
  | 'select';

/** Input types whose value is typed (their content is masked in screenshots and never stored). */
const TEXT_TYPES = new Set(['', 'text', 'email', 'search', 'tel', 'url', 'password', 'number']);
/** Input types with a picker: the change is committed at once. */
const PICKER_TYPES = new Set(['date', 'datetime-local', 'time', 'month', 'week', 'color', 'range', 'file']);
/** Input types that act like buttons. */
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);

export function inputTypeOf(el: Element): string {
  const tag = tagOf(el);
  if (tag === 'textarea') return 'textarea';
  if (tag === 'select') return 'select';
  if (tag !== 'input') return isContentEditable(el) ? 'contenteditable' : tag;
  const t = (attr(el, 'type') ?? '').trim().toLowerCase();
  return t || 'text';
}

export function isContentEditable(el: Element): boolean {
  const v = attr(el, 'contenteditable');
  if (v === null) return false;
  return v === '' || v.toLowerCase() === 'true' || v.toLowerCase() === 'plaintext-only';
}

/** The kind of control, or undefined when the element is not a control itself. */
export function controlKind(el: Element): ControlKind | undefined {
  const tag = tagOf(el);
  if (tag === 'input') {
    const t = inputTypeOf(el);
    if (t === 'hidden') return undefined;
    if (t === 'checkbox') return 'checkbox';
    if (t === 'radio') return 'radio';
    if (BUTTON_TYPES.has(t)) return 'click';
    if (PICKER_TYPES.has(t)) return 'picker';
    if (TEXT_TYPES.has(t)) return 'text';
    return 'text'; // unknown future types: treat as typed, the privacy-safe choice
  }
  if (tag === 'textarea') return 'text';
  if (tag === 'select') return 'select';
  if (isContentEditable(el)) return 'text';
  const role = (attr(el, 'role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  if (role === 'textbox' || role === 'searchbox') return 'text';
  if (role === 'checkbox' || role === 'switch' || role === 'menuitemcheckbox') return 'click';
  return undefined;
}

/** A text field's value is typed by the user: it is masked in screenshots and never stored by default. */
export function isTextEntry(el: Element): boolean {
  return controlKind(el) === 'text';
}

const SENSITIVE_NAME = new RegExp(
  [
    'pass(?:word|wort|code|phrase)',
    'passwd',
    '\\bpwd\\b',
    'kennwort',
    '\\bpin\\b',
    '\\botp\\b',
    '\\btan\\b',
    'secret',
    '\\bcvc\\b|\\bcvv\\b|\\bcvn\\b|\\bcsc\\b|cvc2|cvv2',
    'card.?(?:num|no\\b|number|holder|verification|security|code|exp)',
    'credit.?card|kredit.?karte|karten.?(?:nummer|inhaber|prüf)',
    'cc.?(?:num|number|exp|cvc|csc)',
    '\\biban\\b|\\bbic\\b|\\bswift\\b',
    'account.?(?:no\\b|num)|konto.?nummer|bankleitzahl|\\bblz\\b|routing.?(?:no|num)|sort.?code',
    '\\bssn\\b|social.?security|steuer.?id|tax.?id',
    'security.?code|sicherheits.?code|prüf.?(?:ziffer|nummer)',
    'expir(?:y|ation)|ablauf.?datum|valid.?thru|gültig.?bis',
  ].join('|'),
  'i',
);

/**
 * Password and payment fields: a value is never kept, not even when the mentor opts in.
 * Signals: type=password, autocomplete cc-* / *password / one-time-code, and names, ids, labels
 * like card, iban, cvc.
 */
export function isSensitiveField(el: Element, label = ''): boolean {
  if (tagOf(el) === 'input' && inputTypeOf(el) === 'password') return true;
  const ac = (attr(el, 'autocomplete') ?? '').toLowerCase();
  if (/\bcc-|password|one-time-code/.test(ac)) return true;
  const hay = [attr(el, 'name'), attr(el, 'id'), attr(el, 'aria-label'), attr(el, 'placeholder'), label]
    .filter(Boolean)
    .join(' ')
    // word boundaries in ids and names: card_number, cardNumber, payment-iban
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.:[\]]+/g, ' ');
  return SENSITIVE_NAME.test(hay);
}

/** Roles whose element is the thing a person means when they click inside it. */
const CLICK_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'option',
  'checkbox',
  'radio',
  'switch',
  'treeitem',
  'gridcell',
  'combobox',
  'textbox',
  'searchbox',
  'slider',
  'spinbutton',
]);

const INTERACTIVE_SELECTOR = 'a[href],button,input,select,textarea,summary,label,[contenteditable]';

export function isInteractive(el: Element): boolean {
  if (matches(el, INTERACTIVE_SELECTOR) && !(tagOf(el) === 'input' && inputTypeOf(el) === 'hidden')) {
    if (tagOf(el) === 'label') return false; // a label is resolved to its control separately
    return true;
  }
  const role = (attr(el, 'role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  return CLICK_ROLES.has(role);
}

/**
 * The element a click means: the nearest interactive element on the event path (the button, not its
 * inner icon span), crossing open shadow roots. A label stands for its control. When nothing on the
 * path is interactive, the innermost element with a pointer cursor and short text (a div-button)
 * counts; otherwise the click is on empty space and undefined is returned.
 *
 * `path` is `event.composedPath()` (innermost first); `cursorOf` reads the computed cursor (injected so
 * the logic stays testable and cheap: it is called for at most a few elements).
 */
export function meaningfulTarget(
  path: readonly EventTarget[],
  cursorOf?: (el: Element) => string,
): Element | undefined {
  const els: Element[] = [];
  for (const t of path) {
    if (!isElement(t)) continue;
    const tag = tagOf(t);
    if (tag === 'body' || tag === 'html') break;
    els.push(t);
  }
  for (const el of els) {
    if (tagOf(el) === 'label') {
      const control = labelControl(el);
      if (control) return control;
      continue;
    }
    if (isInteractive(el)) return el;
  }
  if (!cursorOf) return undefined;
  // A div or span acting as a button (onclick handlers are invisible to us): the pointer cursor tells.
  for (const el of els.slice(0, 6)) {
    if (cursorOf(el) === 'pointer') {
      // the outermost consecutive pointer element is the "button"; inner spans inherit the cursor
      let best = el;
      for (const up of els.slice(els.indexOf(el) + 1, els.indexOf(el) + 5)) {
        if (cursorOf(up) === 'pointer') best = up;
        else break;
      }
      return best;
    }
  }
  return undefined;
}

/** `label.control`, safe against clobbering: the `for` target or the first labelable descendant. */
export function labelControl(label: Element): Element | undefined {
  const forId = attr(label, 'for');
  if (forId) {
    const root = label.getRootNode();
    const byId =
      root.nodeType === 9
        ? Document.prototype.getElementById.call(root as Document, forId)
        : root.nodeType === 11
          ? DocumentFragment.prototype.getElementById.call(root as DocumentFragment, forId)
          : null;
    if (byId) return byId;
  }
  return Element.prototype.querySelector.call(label, 'input:not([type=hidden]),select,textarea') ?? undefined;
}

/**
 * The form an element belongs to: its form owner (honours the `form` attribute, e.g. a dialog's Save
 * button outside the form), read with the prototype getter so `<input name="form">` cannot fool it.
 */
export function formOf(el: Element): Element | undefined {
  const tag = tagOf(el);
  const proto =
    tag === 'button'
      ? HTMLButtonElement.prototype
      : tag === 'input'
        ? HTMLInputElement.prototype
        : tag === 'select'
          ? HTMLSelectElement.prototype
          : tag === 'textarea'
            ? HTMLTextAreaElement.prototype
            : undefined;
  const owner = proto ? (Object.getOwnPropertyDescriptor(proto, 'form')?.get?.call(el) as Element | null | undefined) : undefined;
  return owner ?? closest(el, 'form') ?? undefined;
}

/** A button that submits its form when clicked. */
export function isSubmitter(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'button') {
    const t = (attr(el, 'type') ?? 'submit').toLowerCase();
    return t === 'submit' && !!formOf(el);
  }
  if (tag === 'input') {
    const t = inputTypeOf(el);
    return (t === 'submit' || t === 'image') && !!formOf(el);
  }
  return false;
}

/** The control is disabled (clicks on it do nothing, so they are not steps). */
export function isDisabled(el: Element): boolean {
  return hasAttr(el, 'disabled') || attr(el, 'aria-disabled') === 'true';
}
