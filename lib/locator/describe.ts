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
  DOCUMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  attr,
  bodyOf,
  byTag,
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
  /**
   * leave out the costly fields ({@link DEFERRED_FIELDS}: accessible name, label, heading, landmark,
   * ancestors); resolve describes candidates in two stages and adds them with {@link completeDescription}
   */
  deferCostly?: boolean;
}

/** the fields `deferCostly` leaves out (names of the weights they are scored with) */
export const DEFERRED_FIELDS = new Set(['name', 'label', 'heading', 'landmark', 'ancestors'] as const);

/** Add the fields a `deferCostly` description left out (the same values a full describe computes). */
export function completeDescription(el: Element, fp: ElementFingerprint, ctx: ExtractContext): ElementFingerprint {
  const doc = ownerDocument(el) ?? document;
  fp.name = normText(accessibleName(el, doc, ctx));
  const label = normText(labelText(el, ctx));
  if (label) fp.label = label;
  fp.heading = headingOf(el, ctx);
  fp.landmark = landmarkOf(el);
  fp.ancestors = ancestorsOf(el);
  return fp;
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
const NO_TEXT_TAGS = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'img',
  'svg',
  'iframe',
  'canvas',
  'video',
  'audio',
]);

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

export function accessibleName(el: Element, doc: Document, ctx: ExtractContext = createContext()): string {
  try {
    const gcs = computedStyleFn(doc);
    const style = gcs ? (e: Element, pseudo?: string | null) => gcs(unwrapProxy(e), pseudo) : undefined;
    return computeAccessibleName(
      forAccName(el, ctx),
      style ? { getComputedStyle: style as typeof getComputedStyle, computedStyleSupportsPseudoElements: false } : {},
    );
  } catch {
    return fallbackName(el);
  }
}

const LABELABLE = new Set(['input', 'select', 'textarea', 'meter', 'progress', 'output', 'button']);

/** text of the <label>s of a form control (for= or wrapping), else of aria-labelledby */
export function labelText(el: Element, ctx: ExtractContext = createContext()): string {
  const tag = tagOf(el);
  const parts: string[] = [];
  if (LABELABLE.has(tag)) {
    try {
      const labels = labelsOf(el, ctx);
      for (let i = 0; i < labels.length && i < 3; i++) parts.push(boundedText(labels[i]!, 120, 60));
    } catch {
      /* detached */
    }
  }
  if (!parts.length) {
    const t = idRefText(el, 'aria-labelledby');
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

const HEADING_SEL = 'h1,h2,h3,h4,h5,h6,[role=heading]';

/** caches shared by many extractions on one page state (resolve passes one per call) */
export interface ExtractContext {
  /** headings of a root (document or shadow root), in document order */
  headings: Map<Node, Element[]>;
  /** per root: label elements by their `for` id */
  labelsFor: Map<Node, Map<string, Element[]>>;
  /** per document: the result of `[role]` if resolve queried it already (headings reuse it) */
  withRole: Map<Node, ArrayLike<Element>>;
  /** position of a node among its parent's children (a parent's children are indexed at once) */
  childIndex: Map<Node, number>;
}

export function createContext(): ExtractContext {
  return { headings: new Map(), labelsFor: new Map(), withRole: new Map(), childIndex: new Map() };
}

/** the node and its ancestors, root first */
function ancestry(n: Node): Node[] {
  const out: Node[] = [];
  for (let x: Node | null = n; x; x = parentNode(x)) out.push(x);
  return out.reverse();
}

function childIndexOf(n: Node, ctx: ExtractContext): number {
  let i = ctx.childIndex.get(n);
  if (i === undefined) {
    const p = parentNode(n);
    let k = 0;
    for (let c = p ? firstChild(p) : null; c; c = nextSibling(c)) ctx.childIndex.set(c, k++);
    i = ctx.childIndex.get(n) ?? 0;
  }
  return i;
}

/**
 * `a` comes before `b` in document order (an ancestor comes before its descendants), like
 * `compareDocumentPosition`, which Blink answers by walking the siblings between the two branches — on a
 * feed, every post under `main` for each comparison. Here the children of the branching parent are
 * indexed once per call.
 */
function before(a: Node, b: Node, ctx?: ExtractContext): boolean {
  if (!ctx) return precedes(a, b);
  if (a === b) return false;
  const pa = ancestry(a);
  const pb = ancestry(b);
  if (pa[0] !== pb[0]) return precedes(a, b);
  let i = 1;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pa.length) return true;
  if (i === pb.length) return false;
  return childIndexOf(pa[i]!, ctx) < childIndexOf(pb[i]!, ctx);
}

/**
 * The <label>s of a form control without `element.labels`, which Blink answers by walking the whole
 * document (≈1 ms per call on a 10k-element page, 2.5 ms on 50k): `for` labels from a per-root index
 * (one collection read), plus a wrapping label whose first labelable descendant is the control.
 */
export function labelsOf(el: Element, ctx: ExtractContext): Element[] {
  const out: Element[] = [];
  const root = rootNodeOf(el);
  const id = attr(el, 'id');
  if (id) {
    let index = ctx.labelsFor.get(root);
    if (!index) {
      index = new Map();
      const all = byTag(root as Document | ShadowRoot, 'label');
      for (let i = 0; i < all.length; i++) {
        const f = attr(all[i]!, 'for');
        if (!f) continue;
        const list = index.get(f);
        if (list) list.push(all[i]!);
        else index.set(f, [all[i]!]);
      }
      ctx.labelsFor.set(root, index);
    }
    out.push(...(index.get(id) ?? []));
  }
  const wrap = closest(el, 'label');
  if (wrap && !attr(wrap, 'for') && !out.includes(wrap)) {
    const first = querySelectorAll(wrap, 'input:not([type=hidden]),select,textarea,button,meter,output,progress')[0];
    if (first === el) out.push(wrap);
  }
  return out;
}

const LABELABLE_NAMES = new Set(['input', 'button', 'select', 'textarea', 'output', 'meter', 'progress']);
const proxyTargets = new WeakMap<object, Element>();

/**
 * The element as dom-accessibility-api should see it: for labelable elements a Proxy whose `labels`
 * comes from {@link labelsOf} (Blink's own `labels` walks the whole document), everything else read
 * from — and methods bound to — the real element. Only this one object is wrapped; the library walks
 * real child nodes, and `getComputedStyle` unwraps it (see accessibleName).
 */
function forAccName(el: Element, ctx: ExtractContext): Element {
  if (!LABELABLE_NAMES.has(tagOf(el)) || typeof Proxy === 'undefined') return el;
  const proxy = new Proxy(el, {
    get(target, prop) {
      if (prop === 'labels') return labelsOf(target, ctx);
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  proxyTargets.set(proxy, el);
  return proxy;
}

export const unwrapProxy = (e: Element): Element => proxyTargets.get(e) ?? e;

/** is this element a heading (h1–h6 or role=heading)? */
export function isHeadingElement(e: Element, tag: string = tagOf(e)): boolean {
  return (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') || attr(e, 'role') === 'heading';
}

function headingText(e: Element): string {
  return normText(boundedText(e, 120, 60), 120);
}

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** two lists in document order → one */
function mergeOrdered(a: Element[], b: Element[], ctx?: ExtractContext): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(b[j]!, a[i]!, ctx) ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The headings of a root in document order. For documents from the live per-tag collections (Blink
 * caches them while the DOM does not change) plus one `[role=heading]` query, merged by position.
 */
function headingsIn(root: Node, ctx?: ExtractContext): Element[] {
  let list = ctx?.headings.get(root);
  if (!list) {
    list = [];
    try {
      if (nodeType(root) === DOCUMENT_NODE) {
        // each source is in document order: merge them (a sort would compare positions n·log n times)
        const seen = new Set<Element>();
        // `[role=heading]`: from the `[role]` query resolve already ran (a query walks every element)
        const withRole = ctx?.withRole.get(root);
        const roleHeadings = withRole
          ? Array.prototype.filter.call(withRole, (e: Element) => attr(e, 'role') === 'heading')
          : querySelectorAll(root as Document, '[role=heading]');
        for (const src of [...HEADING_TAGS.map((t) => byTag(root as Document, t)), roleHeadings]) {
          const add: Element[] = [];
          for (let i = 0; i < src.length; i++) if (!seen.has(src[i]!)) add.push(src[i]!);
          if (!add.length) continue;
          for (const e of add) seen.add(e);
          list = list.length ? mergeOrdered(list, add, ctx) : add;
        }
      } else list = Array.from(querySelectorAll(root as ShadowRoot, HEADING_SEL));
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
      if (h === node || before(h, node, ctx)) {
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
    const role =
      attr(e, 'role') ??
      LANDMARK_TAGS[t] ??
      (t === 'section' && (hasAttr(e, 'aria-label') || hasAttr(e, 'aria-labelledby')) ? 'region' : undefined);
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

/** an item of a list or feed, by tag or role */
function isItem(e: Element): boolean {
  if (ITEM_TAGS.has(tagOf(e))) return true;
  const r = attr(e, 'role');
  return !!r && ITEM_ROLES.has(r);
}

/** the item has text of its own beyond the element's (a post has, a nav `li` around its link has not) */
function hasOwnText(item: Element, el: Element): boolean {
  return (
    boundedText(item, 200, 80).replace(/\s+/g, '').length - boundedText(el, 200, 40).replace(/\s+/g, '').length >= 25
  );
}

/**
 * Text around the element: snippets of its siblings, then of its parent's siblings, … nearest first
 * (at most 5 levels with sibling text, ≤ 6 siblings per side and level, 12 snippets of ≤ 60 characters).
 * The climb stops at a list item (article, li, row, dialog, listitem …) that has text of its own, so a
 * post's Like button is described by its own post, not by the next one; a nav `li` around a link is
 * passed, so the other menu entries describe the link.
 */
export function neighboursOf(el: Element, maxSnippets = 12, maxChars = 480): string[] {
  return neighboursWithDepth(el, maxSnippets, maxChars).snippets;
}

/** {@link neighboursOf} with the level (0: siblings, 1: the parent's siblings, …) of every snippet */
export function neighboursWithDepth(
  el: Element,
  maxSnippets = 12,
  maxChars = 480,
): { snippets: string[]; depth: number[] } {
  const out: string[] = [];
  const depth: number[] = [];
  let total = 0;
  let cur: Node = el;
  let levels = 0;
  let budget = 36; // siblings looked at, in total
  for (let climb = 0; climb < 12 && levels < 5 && out.length < maxSnippets && total < maxChars; climb++) {
    const p = parentNode(cur);
    if (!p || nodeType(p) !== ELEMENT_NODE || tagOf(p as Element) === 'html') break;
    if (cur !== el && isItem(cur as Element) && hasOwnText(cur as Element, el)) break;
    let prev = prevSibling(cur);
    let next = nextSibling(cur);
    const lvl = levels;
    const before = out.length;
    for (
      let steps = 0;
      (prev || next) && steps < 6 && out.length < maxSnippets && total < maxChars && budget > 0;
      steps++
    ) {
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
  for (let s = prevSibling(el); s; s = prevSibling(s))
    if (nodeType(s) === ELEMENT_NODE && tagOf(s as Element) === tag) i++;
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
    rect: {
      x: round((r.left + w.scrollX) / vw),
      y: round((r.top + w.scrollY) / vh),
      w: round(r.width / vw),
      h: round(r.height / vh),
    },
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
  const inShadow = nodeType(root) === DOCUMENT_FRAGMENT_NODE;
  let base: Element | null = inShadow ? (root as unknown as Element) : bodyOf(root as Document);
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
  // finder checks uniqueness with queries over `base`; on a big document without a stable-id anchor
  // that costs milliseconds per check, so there a structural path (unique by construction) is used
  if (!inShadow && !prefix && byTag(root as Document, '*').length > 3000) return structuralPath(el, base);
  try {
    const sel = finder(el, {
      root: base,
      idName: (id) => !isGeneratedId(id),
      className: (c) => !isHashedClass(c),
      attr: (name, value) =>
        value.length < 100 &&
        (TEST_ID_ATTRS.includes(name) ||
          name === 'name' ||
          name === 'aria-label' ||
          name === 'role' ||
          name === 'placeholder'),
      timeoutMs: 1,
      seedMinLength: 1,
      optimizedMinLength: 2,
      maxNumberOfPathChecks: 6,
    });
    return prefix + sel;
  } catch {
    return undefined;
  }
}

/** `body > div:nth-of-type(2) > … > button:nth-of-type(1)`: one element by construction, no queries */
function structuralPath(el: Element, base: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e !== base && parts.length < 40; e = parentElementOf(e)) {
    const tag = tagOf(e);
    let i = 1;
    for (let s = prevSibling(e); s; s = prevSibling(s))
      if (nodeType(s) === ELEMENT_NODE && tagOf(s as Element) === tag) i++;
    parts.unshift(`${tag}:nth-of-type(${i})`);
  }
  return `${tagOf(base)} > ${parts.join(' > ')}`;
}

/**
 * Fingerprint of an element. `opts.selectors: false` skips the ready selectors (used for candidates).
 */
export function describe(element: Element, opts: DescribeOptions = {}): ElementFingerprint {
  return describeIn(element, opts, opts.context ?? createContext());
}

function describeIn(element: Element, opts: DescribeOptions, ctx: ExtractContext): ElementFingerprint {
  const el = element;
  const doc = ownerDocument(el) ?? document;
  const tag = tagOf(el) || 'unknown';
  const fp: ElementFingerprint = { v: FINGERPRINT_VERSION, tag: cap(tag, 64) };
  const role = safeRole(el);
  if (role) fp.role = cap(role, 64);
  const full = !opts.deferCostly;
  // an empty accessible name is recorded too: "this control has no name" is a fact worth comparing
  if (full) fp.name = normText(accessibleName(el, doc, ctx));
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
  if (full) {
    const label = normText(labelText(el, ctx));
    if (label) fp.label = label;
    fp.heading = headingOf(el, ctx);
    fp.landmark = landmarkOf(el);
  }
  const nb = neighboursWithDepth(el);
  fp.neighbours = nb.snippets;
  fp.neighbourDepth = nb.depth;
  if (full) fp.ancestors = ancestorsOf(el);
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
