/**
 * In-page part of the locator benchmark (bundled by esbuild into an IIFE and injected next to
 * dist/locator/lotse-locator.js). It picks targets, records their fingerprints on the pristine page,
 * applies one mutation per trial, resolves, classifies the outcome and undoes the mutation.
 *
 * The mutations know nothing about the locator's heuristics: "hashed" classes are the ones the source
 * sites generate (their own naming patterns), not what lib/locator/text.ts thinks looks hashed.
 */
import type { ElementFingerprint } from '../../lib/locator/fingerprint';
import type { ResolveOptions, ResolveResult } from '../../lib/locator/resolve';

interface LocatorApi {
  describe(el: Element, o?: object): ElementFingerprint;
  resolve(fp: ElementFingerprint, root?: Document | Element | ShadowRoot, o?: ResolveOptions): Promise<ResolveResult>;
  version: string;
}
const L = (): LocatorApi => (globalThis as unknown as { LotseLocator: LocatorApi }).LotseLocator;

export type Kind =
  | 'rehash'
  | 'wrap'
  | 'shuffle'
  | 'insert'
  | 'text'
  | 'drop-attrs'
  | 'tag-swap'
  | 'layout'
  | 'viewport'
  | 'late'
  | 'decoys'
  | 'combined'
  | 'negative'
  | 'negative-card';

export type Outcome = 'correct' | 'nested' | 'wrong' | 'ambiguous' | 'ambiguous-top' | 'not-found' | 'n/a';

export interface TrialResult {
  i: number;
  kind: Kind;
  negative: boolean;
  outcome: Outcome;
  status: string;
  score: number;
  runnerUp: number;
  via?: string;
  ms: number;
  /** calibration dumps (one per resolve): candidate fingerprints and the expected index (-1: none) */
  dumps?: Dump[];
}

export interface Dump {
  target: ElementFingerprint;
  fps: ElementFingerprint[];
  expected: number;
  kind: Kind;
  negative: boolean;
  /** the resolver's pool was cut: the expected element was not among the described candidates */
  missed: boolean;
}

/* ---------------- utilities ---------------- */

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const strSeed = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};
type Rnd = () => number;
const pickOf = <T>(r: Rnd, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;

const INTERACTIVE =
  'a[href],button,input:not([type=hidden]),select,textarea,summary,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=radio],[role=switch],[role=option],[contenteditable=""],[contenteditable=true]';

/** document, open shadow roots and same-origin iframe documents, recursively */
function allRoots(
  root: Document | ShadowRoot = document,
  out: (Document | ShadowRoot)[] = [],
): (Document | ShadowRoot)[] {
  out.push(root);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.shadowRoot && !el.hasAttribute('data-lotse-ui')) allRoots(el.shadowRoot, out);
    if (el instanceof HTMLIFrameElement) {
      try {
        if (el.contentDocument) allRoots(el.contentDocument, out);
      } catch {
        /* cross-origin */
      }
    }
  }
  return out;
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  const cv = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return cv ? cv.call(el, { visibilityProperty: true, opacityProperty: false }) : true;
}

function parentEl(n: Node): Element | null {
  return n.parentElement;
}

function ancestorAt(el: Element, level: number): Element | null {
  let e: Element | null = el;
  for (let i = 0; i < level && e; i++) e = parentEl(e);
  if (!e || /^(body|html|head)$/i.test(e.localName)) return null;
  return e;
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/* ---------------- state ---------------- */

let targets: Element[] = [];
let fps: ElementFingerprint[] = [];

function keyOf(el: Element): string {
  return `${el.localName}|${(el.getAttribute('aria-label') || textOf(el) || el.getAttribute('placeholder') || el.getAttribute('name') || '').slice(0, 40)}`;
}

/** Pick up to `max` visible, outermost interactive elements (deterministic for a seed). */
function pick(max: number, seed: number): string[] {
  const all: Element[] = [];
  for (const root of allRoots()) {
    for (const el of Array.from(root.querySelectorAll(INTERACTIVE))) {
      if (el.closest('[data-lotse-ui]')) continue;
      if (!visible(el)) continue;
      const p = el.parentElement;
      if (p && p.closest(INTERACTIVE)) continue; // not outermost
      if (el.querySelector(INTERACTIVE)) continue; // has interactive descendants
      all.push(el);
    }
  }
  let chosen = all;
  if (all.length > max) {
    const r = prng(seed);
    const idx = all.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    chosen = idx
      .slice(0, max)
      .sort((a, b) => a - b)
      .map((i) => all[i]!);
  }
  targets = chosen;
  return targets.map(keyOf);
}

function record(): ElementFingerprint[] {
  fps = targets.map((t) => L().describe(t));
  return fps;
}

function setFps(f: ElementFingerprint[]): void {
  fps = f;
}

/* ---------------- mutations ---------------- */

interface Mutation {
  /** the element that should be found now (null: the target is gone, a decline is correct) */
  expected: Element | null;
  undo: () => void;
  /** late rendering: DOM states before the final one; the locator is polled in each */
  stages?: { apply: () => void; expected: Element | null }[];
}

const SITE_HASHED = [
  /^css-[a-z0-9]{6}$/,
  /^_[a-z0-9]{5}$/,
  /^ms-[a-z0-9]{1,7}$/,
  /^[A-Z][A-Za-z]+_[A-Za-z]+__[A-Za-z0-9]{6}$/,
];
const isSiteHashed = (c: string) => SITE_HASHED.some((re) => re.test(c));

function newHash(r: Rnd, like: string): string {
  const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const rand = (n: number, chars = alnum) =>
    Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join('');
  if (like.startsWith('css-')) return 'css-' + rand(6);
  if (like.startsWith('_')) return '_' + rand(5);
  if (like.startsWith('ms-')) return 'ms-' + rand(like.length - 3);
  const m = /^(.*__)[A-Za-z0-9]{6}$/.exec(like);
  if (m) return m[1] + rand(6, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
  return like + rand(3);
}

/** Regenerate every site-generated class name in the page (and in its style sheets). Returns undo. */
function rehash(seed: number): () => void {
  const r = prng(seed);
  const map = new Map<string, string>();
  const changed: [Element, string][] = [];
  const roots = allRoots();
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll('[class]'))) {
      const cls = el.getAttribute('class') ?? '';
      let any = false;
      const next = cls
        .split(/\s+/)
        .map((c) => {
          if (!isSiteHashed(c)) return c;
          any = true;
          let n = map.get(c);
          if (!n) {
            n = newHash(r, c);
            map.set(c, n);
          }
          return n;
        })
        .join(' ');
      if (any) {
        changed.push([el, cls]);
        el.setAttribute('class', next);
      }
    }
  }
  const styles: [HTMLStyleElement, string][] = [];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = map.size ? new RegExp(`\\.(${[...map.keys()].map(esc).join('|')})(?![\\w-])`, 'g') : null;
  if (re) {
    for (const root of roots) {
      for (const st of Array.from(root.querySelectorAll('style'))) {
        const old = st.textContent ?? '';
        const nu = old.replace(re, (_, c: string) => '.' + map.get(c));
        if (nu !== old) {
          styles.push([st, old]);
          st.textContent = nu;
        }
      }
    }
  }
  return () => {
    for (const [el, cls] of changed) el.setAttribute('class', cls);
    for (const [st, old] of styles) st.textContent = old;
  };
}

const WRAP_FORBIDDEN = /^(li|tr|td|th|thead|tbody|tfoot|option|optgroup|dt|dd|summary|caption|col|colgroup|legend)$/;

function wrap(t: Element, r: Rnd, count = 1 + Math.floor(r() * 3)): Mutation | null {
  let level = Math.floor(r() * 3);
  let node: Element | null = ancestorAt(t, level);
  while (node && WRAP_FORBIDDEN.test(node.localName) && level > 0) node = ancestorAt(t, --level);
  if (!node || WRAP_FORBIDDEN.test(node.localName) || !node.parentNode) return null;
  const doc = node.ownerDocument;
  const wrappers: HTMLElement[] = [];
  let cur: Element = node;
  for (let k = 0; k < count; k++) {
    const div = doc.createElement('div');
    div.className = newHash(r, 'css-xxxxxx') + (r() < 0.5 ? ' ' + newHash(r, '_xxxxx') : '');
    cur.parentNode!.insertBefore(div, cur);
    div.appendChild(cur);
    wrappers.push(div);
    cur = div;
  }
  return {
    expected: t,
    undo: () => {
      for (const w of wrappers.reverse()) {
        w.replaceWith(...Array.from(w.childNodes));
      }
    },
  };
}

function shuffle(t: Element, r: Rnd): Mutation | null {
  for (let level = 0; level <= 3; level++) {
    const node = ancestorAt(t, level);
    const parent = node?.parentElement;
    if (!node || !parent || /^(body|html)$/.test(parent.localName)) continue;
    const kids = Array.from(parent.children);
    if (kids.length < 3) continue;
    const before = Array.from(parent.childNodes);
    const order = kids.slice();
    for (let tries = 0; tries < 5; tries++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      if (order.indexOf(node) !== kids.indexOf(node)) break;
    }
    for (const k of order) parent.appendChild(k);
    return {
      expected: t,
      undo: () => {
        for (const n of before) parent.appendChild(n);
      },
    };
  }
  return null;
}

const PROMO = [
  'Try Premium for free',
  'New: Creator mode',
  'Sponsored',
  'Beta',
  'Get the app',
  'What’s new',
  'Upgrade',
  'Events',
  'Learning',
  'Help us improve',
];
const BANK =
  'Berlin Hamburg Köln Dresden Marketing Controlling Vertrieb Logistik Netzwerk Kollegen Sommerfest Kantine Projekt Budget Quartal Planung Strategie Kunden Bericht Freigabe Termin'.split(
    ' ',
  );
const PEOPLE = [
  'Karin Vogel',
  'Stefan Brandt',
  'Yusuf Kaya',
  'Petra Lorenz',
  'Olga Sommer',
  'Dirk Haas',
  'Nina Roth',
  'Ahmet Yilmaz',
];

function replaceTexts(root: Node, r: Rnd, skip?: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const n of nodes) {
    if (skip && skip.contains(n)) continue;
    const v = n.nodeValue ?? '';
    if (!v.trim()) continue;
    n.nodeValue = v
      .replace(/\d+/g, () => String(Math.floor(r() * 400)))
      .replace(/\p{L}{4,}/gu, (w) =>
        r() < 0.7 ? (/^\p{Lu}/u.test(w) && r() < 0.5 ? pickOf(r, PEOPLE) : pickOf(r, BANK)) : w,
      );
  }
}

function stripIds(root: Element): void {
  if (root.id) root.removeAttribute('id');
  for (const e of Array.from(root.querySelectorAll('[id]'))) e.removeAttribute('id');
}

function insertSiblings(t: Element, r: Rnd, count = 1 + Math.floor(r() * 2)): Mutation | null {
  let node: Element | null = null;
  for (let level = 0; level <= 2; level++) {
    const n = ancestorAt(t, level);
    if (n?.parentElement && n.parentElement.children.length >= 2) {
      node = n;
      break;
    }
  }
  node ??= t;
  const parent = node.parentNode;
  if (!parent) return null;
  const added: Element[] = [];
  for (let k = 0; k < count; k++) {
    let el: Element;
    const sibs = Array.from(node.parentElement?.children ?? []).filter((s) => s !== node && !s.contains(t));
    if (sibs.length && r() < 0.6) {
      el = pickOf(r, sibs).cloneNode(true) as Element;
      stripIds(el);
      replaceTexts(el, r);
    } else {
      el = node.ownerDocument.createElement(
        node.localName === 'li' ? 'li' : t.localName === 'a' || t.localName === 'button' ? t.localName : 'div',
      );
      if (el.localName === 'a') el.setAttribute('href', '/promo/' + Math.floor(r() * 100));
      el.setAttribute('class', t.getAttribute('class') ?? '');
      el.textContent = pickOf(r, PROMO);
    }
    parent.insertBefore(el, node);
    added.push(el);
  }
  return { expected: t, undo: () => added.forEach((e) => e.remove()) };
}

function tweakString(s: string, r: Rnd): string {
  const trimmed = s.trim();
  if (!trimmed) return s;
  const op = r();
  let out = trimmed;
  if (op < 0.3) {
    const variants = [
      trimmed.toUpperCase(),
      trimmed.toLowerCase(),
      trimmed.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()),
    ];
    out = variants.find((v) => v !== trimmed) ?? trimmed.toLowerCase();
  } else if (op < 0.55) {
    out = /[.:!?…›»]$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed + pickOf(r, [':', '…', '!', ' ›']);
  } else if (op < 0.8) {
    out = /\d/.test(trimmed)
      ? trimmed.replace(/\d+/, (d) => String(Number(d) + 1 + Math.floor(r() * 9)))
      : `${trimmed} (${1 + Math.floor(r() * 20)})`;
  } else {
    out =
      r() < 0.5
        ? `${trimmed} ${pickOf(r, ['now', 'all', 'here', 'details'])}`
        : `${pickOf(r, ['View', 'Open', 'Go to'])} ${trimmed[0]!.toLowerCase()}${trimmed.slice(1)}`;
  }
  return s.replace(trimmed, out);
}

function textTweak(t: Element, r: Rnd): Mutation | null {
  const undo: (() => void)[] = [];
  const walker = t.ownerDocument.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  let best: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n.nodeValue ?? '').trim().length > (best?.nodeValue ?? '').trim().length) best = n as Text;
  }
  const tweakAttr = (el: Element, a: string) => {
    const v = el.getAttribute(a);
    if (!v) return false;
    el.setAttribute(a, tweakString(v, r));
    undo.push(() => el.setAttribute(a, v));
    return true;
  };
  if (best) {
    const node = best;
    const old = node.nodeValue ?? '';
    node.nodeValue = tweakString(old, r);
    undo.push(() => (node.nodeValue = old));
    if (r() < 0.5) tweakAttr(t, 'aria-label');
  } else {
    const labels = (t as HTMLInputElement).labels;
    const lab = labels && labels[0];
    let done = false;
    if (lab) {
      const w = lab.ownerDocument.createTreeWalker(lab, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const old = n.nodeValue ?? '';
        if (!old.trim()) continue;
        const node = n;
        node.nodeValue = tweakString(old, r);
        undo.push(() => (node.nodeValue = old));
        done = true;
        break;
      }
    }
    if (!done)
      done =
        tweakAttr(t, 'aria-label') || tweakAttr(t, 'placeholder') || tweakAttr(t, 'title') || tweakAttr(t, 'value');
    if (!done) return null;
  }
  return { expected: t, undo: () => undo.reverse().forEach((u) => u()) };
}

function dropAttrs(t: Element): Mutation | null {
  const saved: [string, string][] = [];
  for (const a of ['id', 'aria-label']) {
    const v = t.getAttribute(a);
    if (v !== null) {
      saved.push([a, v]);
      t.removeAttribute(a);
    }
  }
  if (!saved.length) return null;
  return { expected: t, undo: () => saved.forEach(([a, v]) => t.setAttribute(a, v)) };
}

function tagSwap(t: Element): Mutation | null {
  const tag = t.localName;
  if (tag !== 'a' && tag !== 'button') return null;
  const doc = t.ownerDocument;
  const nu = doc.createElement(tag === 'a' ? 'button' : 'a');
  for (const a of Array.from(t.attributes)) {
    if (tag === 'a' && /^(href|target|rel|download)$/.test(a.name)) continue;
    if (tag === 'button' && /^(type|name|value|form|disabled|formaction)$/.test(a.name)) continue;
    nu.setAttribute(a.name, a.value);
  }
  if (tag === 'a') nu.setAttribute('type', 'button');
  else nu.setAttribute('href', '#');
  while (t.firstChild) nu.appendChild(t.firstChild);
  t.replaceWith(nu);
  return {
    expected: nu,
    undo: () => {
      while (nu.firstChild) t.appendChild(nu.firstChild);
      nu.replaceWith(t);
    },
  };
}

/** the closest ancestor that carries context beyond the target's own text (a card, a post, a form section) */
function cardOf(t: Element): Element | null {
  const own = textOf(t).length;
  let e = t.parentElement;
  for (let level = 1; e && level <= 6; level++, e = e.parentElement) {
    if (/^(body|html|main)$/.test(e.localName)) return null;
    if (textOf(e).length >= own + 25) return e.querySelectorAll('*').length <= 400 ? e : null;
  }
  return null;
}

function pathFrom(anc: Element, el: Element): number[] {
  const path: number[] = [];
  for (let e: Element = el; e !== anc; e = e.parentElement!)
    path.unshift(Array.prototype.indexOf.call(e.parentElement!.children, e));
  return path;
}

function decoys(t: Element, r: Rnd): Mutation | null {
  const card = cardOf(t);
  if (!card || !card.parentNode) return null;
  const path = pathFrom(card, t);
  const n = 1 + Math.floor(r() * 2);
  const added: Element[] = [];
  for (let k = 0; k < n; k++) {
    const clone = card.cloneNode(true) as Element;
    let twin: Element = clone;
    for (const i of path) twin = twin.children[i]!;
    stripIds(clone);
    replaceTexts(clone, r, twin);
    if (r() < 0.5) card.parentNode.insertBefore(clone, card);
    else card.parentNode.insertBefore(clone, card.nextSibling);
    added.push(clone);
  }
  return { expected: t, undo: () => added.forEach((e) => e.remove()) };
}

function late(t: Element, r: Rnd): Mutation | null {
  const block = cardOf(t) ?? ancestorAt(t, 1 + Math.floor(r() * 2)) ?? t.parentElement;
  if (!block || !block.parentNode) return null;
  const doc = t.ownerDocument;
  const skeleton = doc.createElement(block.localName === 'li' ? 'li' : 'div');
  skeleton.className = 'skeleton ' + newHash(r, 'css-xxxxxx');
  for (let i = 0; i < 3; i++) {
    const bar = doc.createElement('div');
    bar.setAttribute('style', 'height:12px;margin:6px;background:#e6e6e6;border-radius:4px');
    skeleton.appendChild(bar);
  }
  const placeholder = doc.createElement('span');
  placeholder.className = 'skeleton-inline';
  let stage = 0;
  const undo = () => {
    if (stage === 1) skeleton.replaceWith(block);
    if (stage === 2) placeholder.replaceWith(t);
    stage = 0;
  };
  return {
    expected: t,
    undo,
    stages: [
      {
        apply: () => {
          block.replaceWith(skeleton);
          stage = 1;
        },
        expected: null,
      },
      {
        apply: () => {
          skeleton.replaceWith(block);
          if (block !== t) {
            t.replaceWith(placeholder);
            stage = 2;
          } else stage = 0;
        },
        expected: block === t ? t : null,
      },
      {
        apply: () => {
          if (stage === 2) placeholder.replaceWith(t);
          stage = 0;
        },
        expected: t,
      },
    ],
  };
}

function remove(el: Element): Mutation {
  const parent = el.parentNode!;
  const next = el.nextSibling;
  el.remove();
  return { expected: null, undo: () => parent.insertBefore(el, next) };
}

function negativeCard(t: Element, r: Rnd): Mutation | null {
  const block = cardOf(t) ?? ancestorAt(t, 1 + Math.floor(r() * 2));
  if (!block || !block.parentNode) return null;
  return remove(block);
}

function combined(t: Element, r: Rnd): Mutation | null {
  const parts = [wrap(t, r, 1 + Math.floor(r() * 2)), textTweak(t, r), insertSiblings(t, r, 1)].filter(
    (m): m is Mutation => !!m,
  );
  if (!parts.length) return null;
  return { expected: t, undo: () => parts.reverse().forEach((m) => m.undo()) };
}

const PER_TARGET: Partial<Record<Kind, (t: Element, r: Rnd) => Mutation | null>> = {
  wrap,
  shuffle,
  insert: insertSiblings,
  text: textTweak,
  'drop-attrs': dropAttrs,
  'tag-swap': tagSwap,
  late,
  decoys,
  combined,
  negative: (t) => (t.parentNode ? remove(t) : null),
  'negative-card': negativeCard,
};

/* ---------------- page-wide mutations ---------------- */

let pageUndo: (() => void) | null = null;

function applyPageWide(kind: Kind, seed: number): void {
  pageUndo?.();
  pageUndo = null;
  if (kind === 'rehash' || kind === 'combined') pageUndo = rehash(seed);
  if (kind === 'layout') {
    const doc = document;
    const style = doc.createElement('style');
    style.textContent =
      'body{padding-top:140px!important} main,[role=main],#main,.main{margin-left:48px!important} h1,h2{letter-spacing:.06em!important;font-size:115%!important}';
    const banner = doc.createElement('div');
    banner.setAttribute(
      'style',
      'position:absolute;top:0;left:0;right:0;height:120px;background:#fde;padding:12px;z-index:1',
    );
    banner.textContent = 'We updated our privacy policy. ';
    const ok = doc.createElement('button');
    ok.textContent = 'Accept all';
    banner.appendChild(ok);
    doc.head.appendChild(style);
    doc.body.prepend(banner);
    pageUndo = () => {
      style.remove();
      banner.remove();
    };
  }
}

function clearPageWide(): void {
  pageUndo?.();
  pageUndo = null;
}

/* ---------------- trials ---------------- */

function classify(res: ResolveResult, expected: Element | null): Outcome {
  const el = res.element;
  if (res.status === 'found') {
    if (!expected) return 'wrong';
    if (el === expected) return 'correct';
    if (el && (el.contains(expected) || expected.contains(el))) return 'nested';
    return 'wrong';
  }
  if (res.status === 'ambiguous') return expected && el === expected ? 'ambiguous-top' : 'ambiguous';
  return 'not-found';
}

async function timedResolve(fp: ElementFingerprint, opts: ResolveOptions): Promise<{ res: ResolveResult; ms: number }> {
  const t0 = performance.now();
  const res = await L().resolve(fp, document, opts);
  return { res, ms: performance.now() - t0 };
}

async function runKind(kind: Kind, seed: number, collect: boolean): Promise<TrialResult[]> {
  const out: TrialResult[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const fp = fps[i]!;
    const r = prng(seed ^ strSeed(kind) ^ Math.imul(i + 1, 0x9e3779b1));
    const negative = kind === 'negative' || kind === 'negative-card';
    let m: Mutation | null = null;
    const fn = PER_TARGET[kind];
    if (fn) {
      try {
        m = fn(t, r);
      } catch {
        m = null;
      }
      if (!m) {
        out.push({ i, kind, negative, outcome: 'n/a', status: '', score: 0, runnerUp: 0, ms: 0 });
        continue;
      }
    }
    const expected = m ? m.expected : t;
    const dumps: Dump[] = [];
    let stageExpected: Element | null = expected;
    const opts: ResolveOptions = collect
      ? {
          noFastPath: true,
          inspect: ({ elements, fingerprints }) => {
            const exp = stageExpected
              ? elements.findIndex(
                  (e) => e === stageExpected || e.contains(stageExpected!) || stageExpected!.contains(e),
                )
              : -1;
            dumps.push({
              target: fp,
              fps: fingerprints,
              expected: exp,
              kind,
              negative: negative || !stageExpected,
              missed: !!stageExpected && exp < 0,
            });
          },
        }
      : {};
    try {
      let outcome: Outcome | null = null;
      let last: { res: ResolveResult; ms: number } | null = null;
      if (m?.stages) {
        for (const st of m.stages) {
          st.apply();
          stageExpected = st.expected;
          const tr = await timedResolve(fp, opts);
          last = tr;
          const o = classify(tr.res, st.expected);
          if (!st.expected && o === 'wrong') {
            outcome = 'wrong';
            break;
          }
          if (st.expected && (o === 'correct' || o === 'nested' || o === 'wrong')) {
            outcome = o;
            break;
          }
        }
        outcome ??= classify(last!.res, expected);
      } else {
        last = await timedResolve(fp, opts);
        outcome = classify(last.res, expected);
      }
      out.push({
        i,
        kind,
        negative,
        outcome,
        status: last!.res.status,
        score: Math.round(last!.res.score * 1000) / 1000,
        runnerUp: Math.round((last!.res.runnerUp ?? 0) * 1000) / 1000,
        via: last!.res.via,
        ms: Math.round(last!.ms * 100) / 100,
        dumps: collect ? dumps : undefined,
      });
    } finally {
      m?.undo();
    }
  }
  return out;
}

/** Timing: resolve each fingerprint `reps` times, return all durations (ms). */
async function timing(reps: number, noFastPath = true): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    for (const fp of fps) {
      const { ms } = await timedResolve(fp, { noFastPath });
      times.push(ms);
    }
  }
  return times;
}

/** Pick specific elements (by CSS selector) as targets, for the timing pages. */
function pickSelectors(sels: string[]): number {
  targets = sels.map((s) => document.querySelector(s)).filter((e): e is Element => !!e);
  return targets.length;
}

/** detach the last picked target (after recording): resolving it then measures the polling case */
function detachLast(): void {
  targets[targets.length - 1]?.remove();
}

function describeTimes(reps: number): number[] {
  const out: number[] = [];
  const els = Array.from(document.querySelectorAll(INTERACTIVE)).slice(0, 200);
  for (let k = 0; k < reps; k++) {
    for (const el of els) {
      const t0 = performance.now();
      L().describe(el);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

function elementCount(): number {
  return allRoots().reduce((n, r) => n + r.querySelectorAll('*').length, 0);
}

(globalThis as unknown as { LotseBench: object }).LotseBench = {
  pick,
  record,
  setFps,
  runKind,
  applyPageWide,
  clearPageWide,
  timing,
  pickSelectors,
  detachLast,
  describeTimes,
  elementCount,
};
