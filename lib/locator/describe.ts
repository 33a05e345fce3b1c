/**
 * describe(element) → ElementFingerprint: what we record about an element so it can be found again.
 * Every walk is bounded (characters, nodes, levels), so a call stays well below a millisecond.
 * The same extraction runs on candidates during resolve, so recorded and live data are normalised alike.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { finder } from '@medv/finder';
import type { ElementFingerprint } from './fingerprint';
import { FINGERPRINT_VERSION } from './version';
import {
  DOCUMENT_FRAGMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  attr,
  bodyOf,
  closest,
  computedStyleFn,
  firstChild,
  frameElementOf,
  hasAttr,
  hostOf,
  nextSibling,
  nodeType,
  nodeValue,
  ownerDocument,
  parentElementOf,
  parentNode,
  precedes,
  prevSibling,
  querySelectorAll,
  rectOf,
  rootNodeOf,
  tagOf,
  viewOf,
  matches,
} from './dom';
import { cap, isGeneratedId, isHashedClass, normHref, normText, splitClasses } from './text';

export interface DescribeOptions {
  /** compute the ready selectors (a unique CSS selector via @medv/finder, role + name); default true */
  selectors?: boolean;
  /** record geometry (rect + viewport); default true */
  geometry?: boolean;
  /** caches shared between many calls on the same page state (resolve passes one) */
  context?: ExtractContext;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head']);
const TEST_ID_ATTRS = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-automation-id'];
const LANDMARK_TAGS: Record<string, string> = {
  nav: 'navigation',
  main: 'main',
  aside: 'complementary',
  header: 'banner',
  footer: 'contentinfo',
  form: 'form',
  dialog: 'dialog',
  search: 'search',
};
const LANDMARK_ROLES = new Set([
  'navigation',
  'main',
  'complementary',
  'banner',
  'contentinfo',
  'form',
  'dialog',
  'alertdialog',
  'search',
  'region',
  'menu',
  'menubar',
  'tablist',
  'toolbar',
]);
const NO_TEXT_TAGS = new Set(['input', 'textarea', 'select', 'option', 'img', 'svg', 'iframe', 'canvas', 'video', 'audio']);

const round = (n: number) => Math.round(n * 10000) / 10000;

/** bounded visible-ish text of a subtree (script/style and `hidden` subtrees skipped) */
export function boundedText(root: Node, maxChars: number, maxNodes = 200): string {
  let out = '';
  let visited = 0;
  // iterative DFS via firstChild / nextSibling / parentNode
  let n: Node | null = root;
  const walkFirst = (x: Node): Node | null => {
    if (nodeType(x) === ELEMENT_NODE) {
      const t = tagOf(x as Element);
      if (SKIP_TEXT.has(t) || hasAttr(x as Element, 'hidden') || hasAttr(x as Element, 'data-lotse-ui')) return null;
    }
    return firstChild(x);
  };
  while (n && visited < maxNodes && out.length < maxChars) {
    visited++;
    if (nodeType(n) === TEXT_NODE) {
      const v = nodeValue(n);
      if (v && /\S/.test(v)) out += (out ? ' ' : '') + v.trim();
    }
    const fc: Node | null = n === root || nodeType(n) === ELEMENT_NODE ? walkFirst(n) : null;
    if (fc) {
      n = fc;
      continue;
    }
    while (n && n !== root && !nextSibling(n)) n = parentNode(n);
    if (!n || n === root) break;
    n = nextSibling(n);
  }
  return out;
}

/** text of the element's own text children */
function directTextOf(el: Element): string {
  let out = '';
  for (let c = firstChild(el); c && out.length < 400; c = nextSibling(c)) {
    if (nodeType(c) === TEXT_NODE) {
      const v = nodeValue(c);
      if (v && /\S/.test(v)) out += ' ' + v;
    }
  }
  return out;
}

function testIdOf(el: Element): string | undefined {
  for (const a of TEST_ID_ATTRS) {
    const v = attr(el, a);
    if (v) return cap(v, 200);
  }
  return undefined;
}

function safeRole(el: Element): string | undefined {
  try {
    const r = getRole(el);
    return r && r !== 'generic' && r !== 'none' && r !== 'presentation' ? r : undefined;
  } catch {
    const r = attr(el, 'role');
    return r ? r.split(/\s+/)[0] : undefined;
  }
}

/** element by id in the element's own root (document or shadow root), via a prototype query */
function byIdIn(el: Element, id: string): Element | null {
  const root = rootNodeOf(el) as Document | ShadowRoot;
  try {
    const list = querySelectorAll(root, `[id="${id.replace(/["\\]/g, '\\$&')}"]`);
    return list[0] ?? null;
  } catch {
    return null;
  }
}

function idRefText(el: Element, attrName: string): string {
  const ids = attr(el, attrName);
  if (!ids) return '';
  const parts: string[] = [];
  for (const id of ids.split(/\s+/).slice(0, 5)) {
    const ref = id && byIdIn(el, id);
    if (ref) parts.push(boundedText(ref, 120, 60));
  }
  return parts.join(' ');
}

function fallbackName(el: Element): string {
  return (
    attr(el, 'aria-label') ||
    idRefText(el, 'aria-labelledby') ||
    labelText(el) ||
    attr(el, 'alt') ||
    attr(el, 'title') ||
    (NO_TEXT_TAGS.has(tagOf(el)) ? attr(el, 'placeholder') || '' : boundedText(el, 200))
  );
}

export function accessibleName(el: Element, doc: Document): string {
  try {
    const gcs = computedStyleFn(doc);
    return computeAccessibleName(el, gcs ? { getComputedStyle: gcs as typeof getComputedStyle, computedStyleSupportsPseudoElements: false } : {});
  } catch {
    return fallbackName(el);
  }
}

const LABELABLE = new Set(['input', 'select', 'textarea', 'meter', 'progress', 'output', 'button']);

/** text of the <label>s of a form control (for= or wrapping), else of aria-labelledby */
export function labelText(el: Element): string {
  const tag = tagOf(el);
  const parts: string[] = [];
  if (LABELABLE.has(tag)) {
    try {
      const labels = (el as HTMLInputElement).labels;
      if (labels) for (let i = 0; i < labels.length && i < 3; i++) parts.push(boundedText(labels[i]!, 120, 60));
    } catch {
      /* clobbered or detached */
    }
  }
  if (!parts.length) {
    const t = idRefText(el, 'aria-labelledby');
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

/** tag + class attribute: siblings with the same signature are items of one list */
function signature(e: Element): string {
  return tagOf(e) + '.' + (attr(e, 'class') ?? '');
}

const HEADING_SEL = 'h1,h2,h3,h4,h5,h6,[role=heading]';

/** caches shared by many extractions on one page state (resolve passes one per call) */
export interface ExtractContext {
  /** headings of a root (document or shadow root), in document order */
  headings: Map<Node, Element[]>;
}

export function createContext(): ExtractContext {
  return { headings: new Map() };
}

function headingText(e: Element): string {
  return normText(boundedText(e, 120, 60), 120);
}

function headingsIn(root: Node, ctx?: ExtractContext): Element[] {
  let list = ctx?.headings.get(root);
  if (!list) {
    try {
      list = Array.from(querySelectorAll(root as Document | ShadowRoot, HEADING_SEL));
    } catch {
      list = [];
    }
    ctx?.headings.set(root, list);
  }
  return list;
}

/**
 * The nearest heading before the element in document order (an enclosing heading counts; empty
 * headings are skipped), by binary search in the root's headings — one query per root and resolve.
 * Inside a shadow root without one, the host's heading.
 */
export function headingOf(el: Element, ctx?: ExtractContext): string {
  let node: Element = el;
  for (let hop = 0; hop < 4; hop++) {
    const root = rootNodeOf(node);
    const list = headingsIn(root, ctx);
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = list[mid]!;
      if (h === node || precedes(h, node)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let k = found; k >= 0 && k > found - 4; k--) {
      if (hasAttr(list[k]!, 'hidden') || closest(list[k]!, '[data-lotse-ui]')) continue;
      const txt = headingText(list[k]!);
      if (txt) return txt;
    }
    if (nodeType(root) !== DOCUMENT_FRAGMENT_NODE) return '';
    try {
      node = hostOf(root as ShadowRoot);
    } catch {
      return '';
    }
  }
  return '';
}

/** the closest landmark / dialog / named region around the element, as `role` or `role:name` */
export function landmarkOf(el: Element): string {
  let e: Element | null = parentElementOf(el);
  for (let depth = 0; e && depth < 30; depth++, e = parentElementOf(e)) {
    const t = tagOf(e);
    if (t === 'body') break;
    const role = attr(e, 'role') ?? LANDMARK_TAGS[t] ?? (t === 'section' && (hasAttr(e, 'aria-label') || hasAttr(e, 'aria-labelledby')) ? 'region' : undefined);
    if (role && (LANDMARK_ROLES.has(role) || LANDMARK_TAGS[t])) {
      const name = attr(e, 'aria-label') || idRefText(e, 'aria-labelledby');
      return normText(name ? `${role}: ${name}` : role, 120);
    }
  }
  return '';
}

/** snippet of a sibling node for the neighbour text */
function snippetOf(n: Node): string {
  const t = nodeType(n);
  if (t === TEXT_NODE) return normText(nodeValue(n), 60);
  if (t !== ELEMENT_NODE) return '';
  const e = n as Element;
  const tag = tagOf(e);
  if (SKIP_TEXT.has(tag) || hasAttr(e, 'hidden') || hasAttr(e, 'data-lotse-ui')) return '';
  const own = boundedText(e, 60, 24);
  if (own) return normText(own, 60);
  return normText(attr(e, 'aria-label') || attr(e, 'alt') || attr(e, 'title') || '', 60);
}

/** items of lists and feeds: beyond them, siblings are other items (other posts, rows), not context */
const ITEM_TAGS = new Set(['article', 'li', 'tr', 'dialog']);
const ITEM_ROLES = new Set(['article', 'listitem', 'row', 'dialog', 'alertdialog', 'option', 'treeitem']);

/** an item of a list: by tag or role, or because a sibling nearby has the same tag and classes */
const NOT_ITEMS = new Set(['td', 'th', 'dt', 'dd', 'span', 'a', 'button', 'label', 'option']);

function isItem(e: Element): boolean {
  const tag = tagOf(e);
  if (ITEM_TAGS.has(tag)) return true;
  // cells of a row, inline runs and controls repeat by nature without being items of a list
  if (NOT_ITEMS.has(tag)) return false;
  const r = attr(e, 'role');
  if (r && ITEM_ROLES.has(r)) return true;
  const sig = signature(e);
  let k = 0;
  for (let s = prevSibling(e); s && k < 4; s = prevSibling(s)) {
    if (nodeType(s) !== ELEMENT_NODE) continue;
    k++;
    if (signature(s as Element) === sig) return true;
  }
  k = 0;
  for (let s = nextSibling(e); s && k < 4; s = nextSibling(s)) {
    if (nodeType(s) !== ELEMENT_NODE) continue;
    k++;
    if (signature(s as Element) === sig) return true;
  }
  return false;
}

/**
 * Text around the element: snippets of its siblings, then of its parent's siblings, … nearest first
 * (at most 5 levels with sibling text, ≤ 6 siblings per side and level, 12 snippets of ≤ 60 characters).
 * The climb stops at an item boundary (article, li, row, section, form, dialog …) once text inside the
 * item was collected, so a post's Like button is described by its own post, not by the next one.
 */
export function neighboursOf(el: Element, maxSnippets = 12, maxChars = 480): string[] {
  return neighboursWithDepth(el, maxSnippets, maxChars).snippets;
}

/** {@link neighboursOf} with the level (0: siblings, 1: the parent's siblings, …) of every snippet */
export function neighboursWithDepth(el: Element, maxSnippets = 12, maxChars = 480): { snippets: string[]; depth: number[] } {
  const out: string[] = [];
  const depth: number[] = [];
  let total = 0;
  let cur: Node = el;
  let levels = 0;
  let budget = 36; // siblings looked at, in total
  for (let climb = 0; climb < 12 && levels < 5 && out.length < maxSnippets && total < maxChars; climb++) {
    const p = parentNode(cur);
    if (!p || nodeType(p) !== ELEMENT_NODE || tagOf(p as Element) === 'html') break;
    if (cur !== el && out.length >= 2 && isItem(cur as Element)) break;
    let prev = prevSibling(cur);
    let next = nextSibling(cur);
    const lvl = levels;
    const before = out.length;
    for (let steps = 0; (prev || next) && steps < 6 && out.length < maxSnippets && total < maxChars && budget > 0; steps++) {
      for (const s of [prev, next]) {
        if (!s || out.length >= maxSnippets) continue;
        budget--;
        const t = snippetOf(s);
        if (t) {
          out.push(t);
          depth.push(lvl);
          total += t.length;
        }
      }
      prev = prev && prevSibling(prev);
      next = next && nextSibling(next);
    }
    if (out.length > before) levels++; // only levels that said something count
    if (tagOf(p as Element) === 'body') break;
    cur = p;
  }
  return { snippets: out, depth };
}

/** an element without role, id, test id or stable class and with a single child: a layout wrapper */
function isWrapper(e: Element, stable: string[]): boolean {
  if (stable.length || attr(e, 'role') || testIdOf(e)) return false;
  const id = attr(e, 'id');
  if (id && !isGeneratedId(id)) return false;
  let n = 0;
  for (let c = firstChild(e); c; c = nextSibling(c)) {
    const t = nodeType(c);
    if (t === ELEMENT_NODE && ++n > 1) return false;
    if (t === TEXT_NODE && /\S/.test(nodeValue(c) ?? '')) return false;
  }
  return true;
}

/** up to `max` ancestors (nearest first), layout wrappers skipped, stopping below body */
export function ancestorsOf(el: Element, max = 6): NonNullable<ElementFingerprint['ancestors']> {
  const out: NonNullable<ElementFingerprint['ancestors']> = [];
  let e = parentElementOf(el);
  for (let steps = 0; e && out.length < max && steps < 24; steps++) {
    const tag = tagOf(e);
    if (tag === 'body' || tag === 'html') break;
    const stable = splitClasses(attr(e, 'class'), 8).stable;
    if (!isWrapper(e, stable)) {
      const a: (typeof out)[number] = { tag };
      const role = attr(e, 'role');
      if (role) a.role = cap(role, 64);
      const id = attr(e, 'id');
      if (id && !isGeneratedId(id)) a.id = cap(id, 200);
      if (stable.length) a.classes = stable;
      const testId = testIdOf(e);
      if (testId) a.testId = testId;
      out.push(a);
    }
    e = parentElementOf(e);
  }
  return out;
}

/** a short selector of an element inside its own root (for frame paths and shadow-host chains) */
export function simpleSelector(el: Element): string {
  const tag = tagOf(el);
  const id = attr(el, 'id');
  if (id && !isGeneratedId(id)) return `${tag}#${cssEscape(id)}`;
  for (const a of ['name', ...TEST_ID_ATTRS, 'title']) {
    const v = attr(el, a);
    if (v && v.length < 100) return `${tag}[${a}="${v.replace(/["\\]/g, '\\$&')}"]`;
  }
  let i = 1;
  for (let s = prevSibling(el); s; s = prevSibling(s)) if (nodeType(s) === ELEMENT_NODE && tagOf(s as Element) === tag) i++;
  return `${tag}:nth-of-type(${i})`;
}

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** Where the element lives: selectors of the same-origin frames and open shadow hosts above it. */
export function scopeOf(el: Element): { framePath: string[]; shadowHosts: string[] } {
  const shadowHosts: string[] = [];
  let root = rootNodeOf(el);
  for (let i = 0; i < 10 && nodeType(root) === DOCUMENT_FRAGMENT_NODE; i++) {
    let host: Element;
    try {
      host = hostOf(root as ShadowRoot);
    } catch {
      break;
    }
    shadowHosts.unshift(cap(simpleSelector(host), 1000));
    root = rootNodeOf(host);
  }
  const framePath: string[] = [];
  let doc = ownerDocument(el);
  for (let i = 0; i < 10 && doc; i++) {
    const w = viewOf(doc);
    const fe = w ? frameElementOf(w) : null;
    if (!fe) break;
    framePath.unshift(cap(simpleSelector(fe), 1000));
    doc = ownerDocument(fe);
  }
  return { framePath, shadowHosts };
}

export function geometryOf(el: Element, doc: Document): Pick<ElementFingerprint, 'rect' | 'viewport'> {
  const w = viewOf(doc);
  if (!w) return {};
  const vw = w.innerWidth || 1;
  const vh = w.innerHeight || 1;
  const r = rectOf(el);
  if (!r.width && !r.height) return { viewport: { w: vw, h: vh } };
  return {
    rect: { x: round((r.left + w.scrollX) / vw), y: round((r.top + w.scrollY) / vh), w: round(r.width / vw), h: round(r.height / vh) },
    viewport: { w: vw, h: vh },
  };
}

/**
 * A unique CSS selector from @medv/finder, cheap: uniqueness is checked inside the nearest ancestor with a
 * stable id (the selector is then prefixed with `#id`), with few path checks; hashed classes and
 * generated ids are never used. It is only a fast path: resolve accepts its hit only if it scores.
 */
function cssSelector(el: Element): string | undefined {
  const root = rootNodeOf(el);
  let base: Element | null = nodeType(root) === DOCUMENT_FRAGMENT_NODE ? (root as unknown as Element) : bodyOf(root as Document);
  let prefix = '';
  for (let e = parentElementOf(el), depth = 0; e && depth < 12; e = parentElementOf(e), depth++) {
    const id = attr(e, 'id');
    if (id && !isGeneratedId(id) && /^[A-Za-z][\w-]*$/.test(id)) {
      base = e;
      prefix = `#${id} `;
      break;
    }
  }
  if (!base || base === el) return undefined;
  try {
    const sel = finder(el, {
      root: base,
      idName: (id) => !isGeneratedId(id),
      className: (c) => !isHashedClass(c),
      attr: (name, value) =>
        value.length < 100 &&
        (TEST_ID_ATTRS.includes(name) || name === 'name' || name === 'aria-label' || name === 'role' || name === 'placeholder'),
      timeoutMs: 3,
      seedMinLength: 1,
      optimizedMinLength: 2,
      maxNumberOfPathChecks: 10,
    });
    return prefix + sel;
  } catch {
    return undefined;
  }
}

/**
 * Fingerprint of an element. `opts.selectors: false` skips the ready selectors (used for candidates).
 */
export function describe(element: Element, opts: DescribeOptions = {}): ElementFingerprint {
  const el = element;
  const doc = ownerDocument(el) ?? document;
  const tag = tagOf(el) || 'unknown';
  const fp: ElementFingerprint = { v: FINGERPRINT_VERSION, tag: cap(tag, 64) };
  const role = safeRole(el);
  if (role) fp.role = cap(role, 64);
  // an empty accessible name is recorded too: "this control has no name" is a fact worth comparing
  fp.name = normText(accessibleName(el, doc));
  if (!NO_TEXT_TAGS.has(tag)) {
    const text = normText(boundedText(el, 240));
    if (text) fp.text = text;
    const direct = normText(directTextOf(el));
    if (direct) fp.directText = direct;
  }
  const id = attr(el, 'id');
  if (id) {
    fp.id = cap(id, 200);
    if (isGeneratedId(id)) fp.idGenerated = true;
  }
  const attrs: NonNullable<ElementFingerprint['attrs']> = {};
  const nameAttr = attr(el, 'name');
  if (nameAttr) attrs.name = cap(nameAttr);
  const type = attr(el, 'type');
  if (type) attrs.type = cap(type.toLowerCase(), 64);
  const placeholder = normText(attr(el, 'placeholder'));
  if (placeholder) attrs.placeholder = placeholder;
  const ariaLabel = normText(attr(el, 'aria-label'));
  if (ariaLabel) attrs.ariaLabel = ariaLabel;
  const title = normText(attr(el, 'title'));
  if (title) attrs.title = title;
  const alt = normText(attr(el, 'alt'));
  if (alt) attrs.alt = alt;
  const testId = testIdOf(el);
  if (testId) attrs.testId = testId;
  if (Object.keys(attrs).length) fp.attrs = attrs;
  const hrefAttr = attr(el, 'href');
  if (hrefAttr) {
    const h = normHref(hrefAttr, doc.baseURI || doc.URL);
    if (h) fp.href = h;
  }
  const classes = splitClasses(attr(el, 'class'));
  if (classes.stable.length || classes.hashed.length) fp.classes = classes;
  const label = normText(labelText(el));
  if (label) fp.label = label;
  fp.heading = headingOf(el, opts.context);
  fp.landmark = landmarkOf(el);
  const nb = neighboursWithDepth(el);
  fp.neighbours = nb.snippets;
  fp.neighbourDepth = nb.depth;
  fp.ancestors = ancestorsOf(el);
  if (opts.geometry !== false) Object.assign(fp, geometryOf(el, doc));
  const scope = scopeOf(el);
  if (scope.framePath.length) fp.framePath = scope.framePath;
  if (scope.shadowHosts.length) fp.shadowHosts = scope.shadowHosts;
  if (opts.selectors !== false) {
    const selectors: NonNullable<ElementFingerprint['selectors']> = {};
    const css = cssSelector(el);
    if (css && css.length <= 2000) selectors.css = css;
    if (fp.role && fp.name) selectors.role = { role: fp.role, name: fp.name };
    if (selectors.css || selectors.role) fp.selectors = selectors;
  }
  return fp;
}

const INTERACTIVE =
  'a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[role=menuitem],[role=tab],[role=option],[role=checkbox],[role=radio],[role=switch],[role=textbox],[role=combobox],[role=treeitem],[contenteditable=""],[contenteditable=true],[tabindex]';

/**
 * The element a recorded event should describe: the nearest interactive ancestor-or-self of the event
 * target (a click on the `<svg>` inside a button describes the button), crossing no shadow boundary.
 */
export function interactiveTarget(el: Element): Element {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 8; depth++) {
    try {
      if (matches(e, INTERACTIVE)) return e;
    } catch {
      return el;
    }
    const t = tagOf(e);
    if (t === 'body' || t === 'html') break;
    e = parentElementOf(e);
  }
  return el;
}

