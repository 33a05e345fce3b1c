/**
 * In-page measurements for the recorder (content script, isolated world): rectangles in the TOP
 * viewport (across same-origin iframes), the fields and texts to mask in a screenshot, labels for titles.
 * DOM reads go through lib/locator/dom so a hostile page cannot clobber them. No framework.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import {
  bodyOf,
  contentDocumentOf,
  createTextWalker,
  documentElementOf,
  isRendered,
  nodeValue,
  ownerDocument,
  querySelectorAll,
  rectOf,
  shadowRootOf,
  tagOf,
  viewOf,
  attr,
} from '../locator/dom';
import type { ElementFingerprint } from '../locator/fingerprint';
import { isLotseUi } from '../inpage/host';
import { controlKind, inputTypeOf } from './fields';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The iframe element a window is shown in. `frameElement` lives on the window object itself (Window is
 * a [Global] interface), not on Window.prototype; the isolated world's window is not the page's, so
 * the page cannot redefine it for us.
 */
export function frameElementOf(w: Window): Element | null {
  try {
    return w.frameElement;
  } catch {
    return null; // cross-origin parent
  }
}

/** Offset of a document's viewport inside the top viewport (sum of iframe positions and borders). */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let d: Document | null = doc;
  for (let i = 0; i < 10 && d; i++) {
    const w = viewOf(d);
    const fe = w ? frameElementOf(w) : null;
    if (!fe) break;
    const r = rectOf(fe);
    x += r.left + (fe as HTMLElement).clientLeft;
    y += r.top + (fe as HTMLElement).clientTop;
    d = ownerDocument(fe);
  }
  return { x, y };
}

/** The element's border box in top-viewport CSS pixels. */
export function topRect(el: Element): Rect {
  const r = rectOf(el);
  const doc = ownerDocument(el);
  const o = doc ? frameOffset(doc) : { x: 0, y: 0 };
  return { x: r.left + o.x, y: r.top + o.y, w: r.width, h: r.height };
}

/** Visible part of a rect in the viewport; undefined when off-screen or empty. */
export function inViewport(r: Rect, vw: number, vh: number): Rect | undefined {
  const x1 = Math.max(0, r.x);
  const y1 = Math.max(0, r.y);
  const x2 = Math.min(vw, r.x + r.w);
  const y2 = Math.min(vh, r.y + r.h);
  if (x2 - x1 < 1 || y2 - y1 < 1) return undefined;
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

/** Date-like pickers show personal data (a birthday) as much as text does: masked too. */
const MASKED_PICKERS = new Set(['date', 'datetime-local', 'time', 'month', 'week']);

/** Should this control's content be hidden in screenshots? */
export function isMaskedField(el: Element): boolean {
  const kind = controlKind(el);
  if (kind === 'text') return true;
  return kind === 'picker' && MASKED_PICKERS.has(inputTypeOf(el));
}

const FIELD_SELECTOR = 'input,textarea,[contenteditable],[role=textbox],[role=searchbox]';

/**
 * Every document and open shadow root to look into: the top document, same-origin iframe documents
 * (recursively) and open shadow roots. Bounded.
 */
export function collectRoots(doc: Document, maxRoots = 200): (Document | ShadowRoot)[] {
  const out: (Document | ShadowRoot)[] = [];
  const queue: (Document | ShadowRoot)[] = [doc];
  while (queue.length && out.length < maxRoots) {
    const root = queue.shift()!;
    out.push(root);
    const all = querySelectorAll(root, '*');
    for (let i = 0; i < all.length && i < 50_000; i++) {
      const el = all[i]!;
      const sr = shadowRootOf(el);
      if (sr) queue.push(sr);
      const tag = tagOf(el);
      if (tag === 'iframe' || tag === 'frame') {
        const d = contentDocumentOf(el);
        if (d && documentElementOf(d)) queue.push(d);
      }
    }
  }
  return out;
}

/**
 * Rectangles to cover in a screenshot taken now: the contents of every text field on screen (and date
 * fields), whatever they hold – and every place where a value typed during this recording shows up as
 * page text (after "Save" the profile shows the new headline). `keep` is a field the mentor opted in for.
 */
export function collectMasks(doc: Document, secrets: readonly string[], vw: number, vh: number, keep?: Element): Rect[] {
  const masks: Rect[] = [];
  const roots = collectRoots(doc);
  for (const root of roots) {
    const fields = querySelectorAll(root, FIELD_SELECTOR);
    for (let i = 0; i < fields.length && masks.length < 400; i++) {
      const el = fields[i]!;
      if (el === keep || isLotseUi(el) || !isMaskedField(el)) continue;
      if (!isRendered(el)) continue;
      const r = inViewport(topRect(el), vw, vh);
      if (r) masks.push(inset(r, el));
    }
  }
  if (secrets.length) masks.push(...secretTextRects(roots, secrets, vw, vh));
  return masks;
}

/** Inside the border: the field's frame stays visible (the learner sees a field), its content does not. */
function inset(r: Rect, el: Element): Rect {
  const b = tagOf(el) === 'input' || tagOf(el) === 'textarea' ? 2 : 0;
  return r.w > 2 * b + 4 && r.h > 2 * b + 4 ? { x: r.x + b, y: r.y + b, w: r.w - 2 * b, h: r.h - 2 * b } : r;
}

const SKIP_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

/** Rects of page text containing a typed value (case-insensitive). Bounded walk over text nodes. */
export function secretTextRects(roots: readonly (Document | ShadowRoot)[], secrets: readonly string[], vw: number, vh: number): Rect[] {
  const needles = secrets.map((s) => s.toLowerCase()).filter((s) => s.length >= 3);
  if (!needles.length) return [];
  const out: Rect[] = [];
  let visited = 0;
  for (const root of roots) {
    const doc = root.nodeType === 9 ? (root as Document) : ownerDocument(root);
    if (!doc) continue;
    const start = root.nodeType === 9 ? bodyOf(root as Document) : root;
    if (!start) continue;
    const off = frameOffset(doc);
    const walker = createTextWalker(doc, start);
    for (let n = walker.nextNode(); n && visited < 30_000; n = walker.nextNode()) {
      visited++;
      const text = nodeValue(n);
      if (!text || text.length < 3) continue;
      const lower = text.toLowerCase();
      if (!needles.some((s) => lower.includes(s))) {
        // the value may be split over several text nodes only in rich text; whole-node check is enough
        continue;
      }
      const parent = n.parentNode as Element | null;
      if (parent && (SKIP_TEXT_PARENTS.has(tagOf(parent)) || isLotseUi(parent))) continue;
      const range = doc.createRange();
      range.selectNodeContents(n);
      for (const cr of Array.from(range.getClientRects())) {
        const r = inViewport({ x: cr.left + off.x, y: cr.top + off.y, w: cr.width, h: cr.height }, vw, vh);
        if (r) out.push({ x: r.x - 2, y: r.y - 1, w: r.w + 4, h: r.h + 2 });
      }
    }
  }
  return out;
}

/**
 * The name to put in a generated title: what the person sees (accessible name, label, placeholder).
 * The fingerprint's name has digits masked ("Post #"); then the name is computed once more, unmasked.
 */
export function titleLabel(el: Element, fp: ElementFingerprint | undefined): string | undefined {
  const kind = controlKind(el);
  const isField = kind === 'text' || kind === 'picker' || kind === 'select';
  let label = isField ? fp?.label || fp?.name || fp?.attrs?.placeholder : fp?.name || fp?.text || fp?.attrs?.title || fp?.attrs?.alt;
  if (!label || label.includes('#')) {
    try {
      label = computeAccessibleName(el) || label;
    } catch {
      /* keep */
    }
  }
  if (!label && isField) label = attr(el, 'placeholder') ?? attr(el, 'name') ?? undefined;
  return label ? label.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined : undefined;
}

/** The text of a select's chosen option (what the person sees), safe against clobbering. */
export function selectedOptionText(el: Element): { text: string; value?: string } {
  const sel = el as HTMLSelectElement;
  const idx = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex')?.get?.call(sel) as number;
  const options = querySelectorAll(el, 'option');
  const opt = idx >= 0 ? (options[idx] as HTMLOptionElement | undefined) : undefined;
  if (!opt) return { text: '' };
  const text = (opt.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  const value = attr(opt, 'value') ?? undefined;
  return value !== undefined ? { text, value: value.slice(0, 500) } : { text };
}

/** The value of a text field as typed (input/textarea value, or the text of a contenteditable). */
export function fieldValue(el: Element): string {
  const tag = tagOf(el);
  if (tag === 'input') return (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get?.call(el) as string) ?? '';
  if (tag === 'textarea') return (Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.get?.call(el) as string) ?? '';
  return (Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')?.get?.call(el) as string | null) ?? '';
}

/** `checked` of a checkbox/radio (prototype getter) or aria-checked of a role=checkbox/switch. */
export function checkedOf(el: Element): boolean {
  if (tagOf(el) === 'input') return !!Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked')?.get?.call(el);
  return attr(el, 'aria-checked') === 'true';
}

/** The viewport of the top window, in CSS pixels. */
export function viewportOf(win: Window): { w: number; h: number } {
  return { w: Math.max(1, win.innerWidth), h: Math.max(1, win.innerHeight) };
}
