/**
 * resolve(fingerprint, root) → the element in the live DOM, or an honest "not sure" / "not here".
 *
 * 1. Fast path: the stored CSS selector, accepted only if it matches exactly one element that scores
 *    ≥ thresholds.fastPath and no other element comes close on the pre-score (no identical twin).
 * 2. Candidates of the target's family (clickables, form fields, toggles, or its own tag/role) in the
 *    root and its same-origin iframes; open shadow roots too when the target lived in one, or when the
 *    light DOM gave no `found`. Never inside Lotse's own UI (`[data-lotse-ui]`).
 * 3. A cheap pre-score (attributes and a short text read, no layout, no styles) keeps the best `maxFull`
 *    (ties beyond the budget ordered by distance to the recorded position).
 * 4. Those are described in full (the same code as `describe`) and ranked by `rank`.
 */
import type { ElementFingerprint } from './fingerprint';
import { completeDescription, createContext, DEFERRED_FIELDS, describe, type ExtractContext } from './describe';
import {
  attr,
  byTag,
  closest,
  DOCUMENT_FRAGMENT_NODE,
  DOCUMENT_NODE,
  nodeType,
  contains,
  contentDocumentOf,
  hasAttr,
  isRendered,
  ownerDocument,
  querySelectorAll,
  rectOf,
  shadowRootOf,
  tagOf,
  viewOf,
} from './dom';
import {
  DEFAULT_THRESHOLDS,
  MISSING,
  WEIGHTS,
  idfFor,
  rank,
  plausibility,
  rankScores,
  score,
  scoreBound,
  scoreDetail,
  type RankResult,
  type Thresholds,
  type Weights,
} from './rank';
import { identSim, jaccard, roleSim, tagSim } from './similarity';
import { fold, splitClasses } from './text';

export type Root = Document | Element | ShadowRoot;

export interface ResolveOptions {
  /** elements that must never be returned (e.g. the page's own overlay the player put up) */
  exclude?: (el: Element) => boolean;
  thresholds?: Partial<Thresholds>;
  weights?: Partial<Weights>;
  /** how many pre-scored candidates are described and ranked in full (default 24) */
  maxFull?: number;
  /** skip the stored-selector fast path */
  noFastPath?: boolean;
  /** how many candidates to return (default 5) */
  maxCandidates?: number;
  /** diagnostics: called with the fully described candidates before ranking (benchmark calibration) */
  inspect?: (c: { elements: Element[]; fingerprints: ElementFingerprint[] }) => void;
}

export interface ResolveResult {
  status: 'found' | 'ambiguous' | 'not-found';
  /** the element (found), or the best guess to ask about (ambiguous); absent when not-found */
  element?: Element;
  /** score of the best candidate (0 when there is none) */
  score: number;
  /** best first */
  candidates: { element: Element; score: number }[];
  /** how the result was reached (diagnostics) */
  via?: 'fast-path' | 'scan';
  /** runner-up score used for the margin (diagnostics) */
  runnerUp?: number;
}

const LOTSE_UI = '[data-lotse-ui]';

/* ---------------- candidate families ---------------- */

type Family = 'click' | 'field' | 'toggle' | 'other';

const CLICK_ROLES = new Set(['button', 'link', 'menuitem', 'tab', 'option', 'treeitem', 'gridcell']);
const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'listbox']);
const TOGGLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);
const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image']);
const TOGGLE_TYPES = new Set(['checkbox', 'radio']);

/** implicit ARIA role of the common interactive elements (a subset of dom-accessibility-api's getRole) */
function cheapRole(el: Element, tag: string, roleAttr: string | null = attr(el, 'role')): string | undefined {
  const r = roleAttr;
  if (r) return r.trim().split(/\s+/)[0];
  switch (tag) {
    case 'a':
    case 'area':
      return hasAttr(el, 'href') ? 'link' : undefined;
    case 'button':
    case 'summary':
      return 'button';
    case 'textarea':
      return 'textbox';
    case 'select':
      return hasAttr(el, 'multiple') || Number(attr(el, 'size')) > 1 ? 'listbox' : 'combobox';
    case 'input': {
      const t = (attr(el, 'type') ?? 'text').toLowerCase();
      if (BUTTON_TYPES.has(t)) return 'button';
      if (TOGGLE_TYPES.has(t)) return t;
      if (t === 'range') return 'slider';
      if (t === 'number') return 'spinbutton';
      if (t === 'search') return hasAttr(el, 'list') ? 'combobox' : 'searchbox';
      if (t === 'hidden') return undefined;
      return hasAttr(el, 'list') ? 'combobox' : 'textbox';
    }
    default:
      return undefined;
  }
}

function familyOf(tag: string, role: string | undefined): Family {
  if (role && TOGGLE_ROLES.has(role)) return 'toggle';
  if (role && FIELD_ROLES.has(role)) return 'field';
  if (role && CLICK_ROLES.has(role)) return 'click';
  if (tag === 'a' || tag === 'button' || tag === 'summary') return 'click';
  if (tag === 'input' || tag === 'textarea' || tag === 'select') return 'field';
  return 'other';
}

function targetFamily(fp: ElementFingerprint): Family {
  if (fp.tag === 'input') {
    const t = fp.attrs?.type ?? 'text';
    if (BUTTON_TYPES.has(t)) return 'click';
    if (TOGGLE_TYPES.has(t)) return 'toggle';
    return 'field';
  }
  return familyOf(fp.tag, fp.role);
}

const SAFE_TAG = /^[a-z][a-z0-9-]*$/;

/**
 * Where the candidates of a family come from: per-tag collections (`tags`) plus one attribute query
 * (`attrs`). Not one selector list: Blink matches `a,button,…,[role]` against every element with the
 * slow path (≈ 15 ms on a 50k-element page) and indexing the static result costs again, whereas live
 * per-tag collections are a fast tag walk (cached while the DOM does not change).
 */
interface CandidateSpec {
  tags: string[];
  attrs: string;
  /** the same as one selector (shadow roots, which have no live collections) */
  sel: string;
}

function candidateSpec(fp: ElementFingerprint, fam: Family): CandidateSpec {
  let tags: string[];
  let attrs: string;
  // every `attrs` includes `[role]` (eachCandidate relies on it)
  if (fam === 'click') [tags, attrs] = [['a', 'button', 'summary', 'input'], '[role]'];
  else if (fam === 'field') [tags, attrs] = [['input', 'textarea', 'select'], '[contenteditable],[role]'];
  else if (fam === 'toggle') [tags, attrs] = [['input'], '[role]'];
  else [tags, attrs] = [['a', 'button'], '[role],[tabindex],[onclick]'];
  if (SAFE_TAG.test(fp.tag) && !/^(a|button|summary|input|textarea|select)$/.test(fp.tag)) tags = [...tags, fp.tag];
  if (fp.attrs?.testId) attrs += ',[data-testid],[data-test-id],[data-test],[data-qa],[data-cy],[data-automation-id]';
  return { tags, attrs, sel: [...tags, attrs].join(',') };
}

/**
 * Calls `fn` for every candidate element in `r` (each once), with its tag, role attribute and a group
 * number: within a group the elements come in document order (used to search by position).
 */
function eachCandidate(
  r: Root,
  spec: CandidateSpec,
  group: number,
  fn: (el: Element, tag: string, roleAttr: string | null, group: number) => void,
  context?: ExtractContext,
): number {
  if (nodeType(r) === DOCUMENT_FRAGMENT_NODE) {
    const list = querySelectorAll(r, spec.sel);
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      fn(el, tagOf(el), attr(el, 'role'), group);
    }
    return group + 1;
  }
  // the attribute query first: every spec's `attrs` includes `[role]`, so an element of a tag collection
  // that is not in its result has no role attribute (a Set lookup instead of a getAttribute per element)
  const list = querySelectorAll(r, spec.attrs);
  if (context && spec.attrs === '[role]' && nodeType(r) === DOCUMENT_NODE) context.withRole.set(r, list);
  const withAttrs = new Set<Element>();
  for (let i = 0; i < list.length; i++) withAttrs.add(list[i]!);
  for (const t of spec.tags) {
    const tagged = byTag(r, t);
    const n = tagged.length;
    for (let i = 0; i < n; i++) {
      const el = tagged[i]!;
      fn(el, t, withAttrs.has(el) ? attr(el, 'role') : null, group);
    }
    group++;
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    const tag = tagOf(el);
    if (!spec.tags.includes(tag)) fn(el, tag, attr(el, 'role'), group);
  }
  return group + 1;
}

/** may `el` be the target at all? (family compatible, or the same tag / role) */
function compatible(el: Element, tag: string, role: string | undefined, fp: ElementFingerprint, fam: Family): boolean {
  if (tag === fp.tag) return !(tag === 'input' && attr(el, 'type') === 'hidden');
  if (role && role === fp.role) return true;
  const f = familyOf(tag, role);
  if (fam === 'other') return f !== 'other' || !!role;
  if (f === fam) return true;
  // a clickable recorded as a toggle (custom checkbox) and vice versa
  return (fam === 'toggle' && f === 'click') || (fam === 'click' && f === 'toggle');
}

/* ---------------- roots ---------------- */

/** The root and the documents of same-origin iframes below it (recursively). */
function frameRoots(root: Root, out: Root[], depth: number): void {
  out.push(root);
  if (depth > 6) return;
  const frames: Element[] = [];
  try {
    for (const tag of ['iframe', 'frame']) {
      const list = byTag(root, tag);
      for (let i = 0; i < list.length; i++) frames.push(list[i]!);
    }
  } catch {
    return;
  }
  for (const f of frames) {
    if (closest(f, LOTSE_UI)) continue;
    const d = contentDocumentOf(f);
    if (d) frameRoots(d, out, depth + 1);
  }
}

/** Open shadow roots below each root (recursively, including their iframes), except Lotse's own UI. */
function shadowRoots(roots: readonly Root[], out: Root[], depth = 0): void {
  if (depth > 8) return;
  for (const r of roots) {
    let all: ArrayLike<Element>;
    try {
      all = byTag(r, '*'); // a live collection: far cheaper to index than querySelectorAll('*')
    } catch {
      continue;
    }
    const found: Root[] = [];
    for (let i = 0; i < all.length; i++) {
      const sr = shadowRootOf(all[i]!);
      if (sr && !hasAttr(all[i]!, 'data-lotse-ui')) {
        const sub: Root[] = [];
        frameRoots(sr, sub, depth + 1);
        found.push(...sub);
      }
    }
    out.push(...found);
    shadowRoots(found, out, depth + 1);
  }
}

/** All roots to search: the root, same-origin iframe documents and open shadow roots, recursively. */
export function collectRoots(root: Root): Root[] {
  const light: Root[] = [];
  frameRoots(root, light, 0);
  const shadow: Root[] = [];
  shadowRoots(light, shadow);
  return [...light, ...shadow];
}

/** Follow the recorded frame path and shadow-host chain from `root` (for the fast path). */
function scopeRoot(fp: ElementFingerprint, root: Root): Root | null {
  let cur: Root = root;
  try {
    for (const sel of fp.framePath ?? []) {
      const f = querySelectorAll(cur, sel);
      if (f.length !== 1) return null;
      const d = contentDocumentOf(f[0]!);
      if (!d) return null;
      cur = d;
    }
    for (const sel of fp.shadowHosts ?? []) {
      const h = querySelectorAll(cur, sel);
      if (h.length !== 1) return null;
      const sr = shadowRootOf(h[0]!);
      if (!sr) return null;
      cur = sr;
    }
  } catch {
    return null;
  }
  return cur;
}

/* ---------------- pre-score ---------------- */

const tokCache = new Map<string, string>();
/** folded words without counters, joined by spaces (cached: twins share their strings) */
function foldedKey(s: string): string {
  let v = tokCache.get(s);
  if (v === undefined) {
    if (tokCache.size > 5000) tokCache.clear();
    v = fold(s.length > 200 ? s.slice(0, 200) : s)
      .split(' ')
      .filter((t) => t && t !== '#')
      .join(' ');
    tokCache.set(s, v);
  }
  return v;
}

function wordOverlap(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  if (!a || !b) return 0;
  const wa = a.split(' ');
  const wb = b.split(' ');
  let common = 0;
  for (const w of wa) if (wb.includes(w)) common++;
  return (2 * common) / (wa.length + wb.length);
}

const testIdOf = (el: Element) =>
  attr(el, 'data-testid') ??
  attr(el, 'data-test-id') ??
  attr(el, 'data-test') ??
  attr(el, 'data-qa') ??
  attr(el, 'data-cy') ??
  attr(el, 'data-automation-id');

const gTextContent: (this: Node) => string | null = (() => {
  const d = typeof Node !== 'undefined' ? Object.getOwnPropertyDescriptor(Node.prototype, 'textContent') : undefined;
  return d?.get
    ? (d.get as (this: Node) => string | null)
    : function (this: Node) {
        return this.textContent;
      };
})();

/** (element, floor, its tag, its role attribute — read once by the caller) → pre-score */
type LiteScorer = (el: Element, floor: number, tag?: string, roleAttr?: string | null) => number;

/**
 * Pre-score from the tag, a short text and a few attributes (no layout, no styles); −1 for incompatible
 * elements. It reads the tag and the text first and stops when even perfect attributes could not lift
 * the candidate over `floor` (so identical-looking siblings cost two DOM calls each). It only has to keep
 * the right element among the best `maxFull`; `rank` decides.
 */
function makeLiteScorer(fp: ElementFingerprint, fam: Family): LiteScorer {
  const nameKey = foldedKey(fp.name || fp.text || fp.label || fp.attrs?.ariaLabel || fp.attrs?.placeholder || '');
  const a = fp.attrs ?? {};
  const stable = fp.classes?.stable ?? [];
  const hrefPath = fp.href?.path;
  const hrefTail = hrefPath ? hrefPath.replace(/^[^/]*/, '') : '';
  const id = fp.id && !fp.idGenerated ? fp.id : undefined;
  // recorded without any name or text: a candidate without any is the match ("no name" is a fact)
  const nameless = !nameKey && fp.name === '';
  const labelKey = a.ariaLabel ? foldedKey(a.ariaLabel) : '';
  const textMemo = new Map<string, number>();
  const classMemo = new Map<string, number>();
  const textScore = (raw: string) => {
    let v = textMemo.get(raw);
    if (v === undefined) {
      const key = foldedKey(raw);
      // like rank: a candidate that lost its text (an icon button whose aria-label was removed) is weaker
      // evidence against it than a different text
      v = nameless ? (key ? 0 : 1) : key ? wordOverlap(nameKey, key) : MISSING;
      textMemo.set(raw, v);
    }
    return v;
  };
  // total weight and the weight of what is read after tag + text
  const W = {
    tag: 1,
    role: fp.role ? 1.5 : 0,
    text: nameKey || nameless ? 3 : 0,
    id: id ? 2 : 0,
    testId: a.testId ? 3 : 0,
    name: a.name ? 1.5 : 0,
    href: hrefPath ? 1.5 : 0,
    cls: stable.length ? 1 : 0,
  };
  const total = W.tag + W.role + W.text + W.id + W.testId + W.name + W.href + W.cls;
  const rest = W.id + W.testId + W.name + W.href + W.cls;
  return (el, floor, tagIn, roleAttr) => {
    const tag = tagIn ?? tagOf(el);
    const role = cheapRole(el, tag, roleAttr === undefined ? attr(el, 'role') : roleAttr);
    if (!compatible(el, tag, role, fp, fam)) return -1;
    let ss = tagSim(fp.tag, tag) + W.role * roleSim(fp.role, role);
    if (W.text) {
      let raw: string;
      if (tag === 'input') raw = attr(el, 'aria-label') || attr(el, 'value') || attr(el, 'placeholder') || '';
      else {
        raw = gTextContent.call(el) ?? '';
        if (!/\S/.test(raw)) raw = attr(el, 'aria-label') || attr(el, 'title') || '';
      }
      let t = textScore(raw);
      // the name came from an aria-label that outranks the visible text (a logo link "Kt" named "Home");
      // read only where a matching label could lift the candidate over the floor
      if (labelKey && t < 1 && (ss + W.text + rest) / total >= floor) {
        const label = attr(el, 'aria-label');
        if (label) t = Math.max(t, wordOverlap(labelKey, foldedKey(label)));
      }
      ss += W.text * t;
    }
    if ((ss + rest) / total < floor) return (ss + rest) / total;
    if (W.id) {
      const cid = attr(el, 'id');
      ss += cid ? W.id * identSim(id, cid) : 0;
    }
    if (W.testId) ss += W.testId * identSim(a.testId, testIdOf(el) ?? undefined);
    if (W.name) ss += W.name * identSim(a.name, attr(el, 'name') ?? undefined);
    if (W.href) {
      const h = attr(el, 'href');
      ss += h ? (hrefTail && h.includes(hrefTail) ? W.href : W.href / 3) : 0;
    }
    if (W.cls) {
      const c = attr(el, 'class');
      if (c) {
        let v = classMemo.get(c);
        if (v === undefined) {
          v = jaccard(stable, splitClasses(c, 24).stable);
          classMemo.set(c, v);
        }
        ss += v;
      }
    }
    return ss / total;
  };
}

function isExcluded(el: Element, opts: ResolveOptions): boolean {
  if (closest(el, LOTSE_UI)) return true;
  return opts.exclude ? opts.exclude(el) : false;
}

/** another rendered element in `scope` whose pre-score comes close to `el`'s (not nested with it) */
function hasTwin(el: Element, scope: Root, spec: CandidateSpec, scorer: LiteScorer, options: ResolveOptions): boolean {
  const mine = scorer(el, 0);
  let twin = false;
  try {
    eachCandidate(scope, spec, 0, (c, tag, roleAttr) => {
      if (twin || c === el) return;
      if (
        scorer(c, mine - 0.15, tag, roleAttr) >= mine - 0.15 &&
        !contains(c, el) &&
        !contains(el, c) &&
        isRendered(c) &&
        !isExcluded(c, options)
      )
        twin = true;
    });
  } catch {
    return true;
  }
  return twin;
}

/* ---------------- scan ---------------- */

interface Scan {
  els: Element[];
  scores: number[];
  /** group of each element (see eachCandidate): document order holds within a group */
  groups: number[];
  nextGroup: number;
}

/** Pre-score the candidates of every root (headings only when the target is one). */
function preScore(
  roots: readonly Root[],
  spec: CandidateSpec,
  scorer: LiteScorer,
  out: Scan,
  targetIsHeading: boolean,
  context: ExtractContext,
): void {
  let best = 0;
  const visit = (el: Element, tag: string, roleAttr: string | null, group: number) => {
    if (!targetIsHeading && (roleAttr === 'heading' || (tag.length === 2 && tag[0] === 'h' && tag !== 'hr'))) return;
    const s = scorer(el, best - 0.4, tag, roleAttr);
    if (s < 0 || s < best - 0.4) return;
    if (s > best) best = s;
    out.els.push(el);
    out.scores.push(s);
    out.groups.push(group);
  };
  for (const r of roots) {
    try {
      out.nextGroup = eachCandidate(r, spec, out.nextGroup, visit, context);
    } catch {
      /* a root that went away */
    }
  }
}

/** document y of an element's top, in CSS px */
function docY(el: Element): number {
  const doc = ownerDocument(el);
  const w = doc && viewOf(doc);
  if (!w) return 0;
  return rectOf(el).top + w.scrollY;
}

/**
 * The recorded document y of the element's top in CSS px: `rect.y` is in viewport heights of the
 * recording's viewport, which may differ from today's (another window size).
 */
function recordedY(fp: ElementFingerprint, rect: NonNullable<ElementFingerprint['rect']>, root: Root): number {
  let vh = fp.viewport?.h;
  if (!vh) {
    const doc = nodeType(root) === DOCUMENT_NODE ? (root as Document) : ownerDocument(root as Node);
    vh = (doc && viewOf(doc)?.innerHeight) || 1;
  }
  return rect.y * vh;
}

/** index of the first element in `idx` (document order) whose top is at or below `y` (binary search) */
function searchY(scan: Scan, idx: readonly number[], y: number): number {
  let lo = 0;
  let hi = idx.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docY(scan.els[idx[mid]!]!) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function windowIn(scan: Scan, idx: readonly number[], y: number, size: number): number[] {
  if (idx.length <= size) return idx.slice();
  const at = searchY(scan, idx, y);
  const start = Math.max(0, Math.min(idx.length - size, at - (size >> 1)));
  return idx.slice(start, start + size);
}

/**
 * The `size` candidates of `idx` (ascending scan indices) nearest to the recorded `y`: a window in
 * document order per group (each group is in document order), then the nearest of those by position.
 */
function windowAround(scan: Scan, idx: readonly number[], y: number, size: number): number[] {
  if (idx.length <= size) return idx.slice();
  const runs: number[][] = [];
  let g = -1;
  for (const i of idx) {
    if (scan.groups[i] !== g) {
      g = scan.groups[i]!;
      runs.push([]);
    }
    runs[runs.length - 1]!.push(i);
  }
  if (runs.length === 1) return windowIn(scan, idx, y, size);
  const near = runs.flatMap((r) => windowIn(scan, r, y, size));
  if (near.length <= size) return near;
  const dist = new Map(near.map((i) => [i, Math.abs(docY(scan.els[i]!) - y)]));
  return near.sort((a, b) => dist.get(a)! - dist.get(b)!).slice(0, size);
}

/**
 * The candidates described in full (at most `maxFull`, best pre-score first): the best pre-scores, and
 * the plausible candidates (pre-score within 0.4 of the best) around the recorded position. When dozens
 * look alike (identical "Like" buttons), the right one is the one near where it was, and a changed one
 * (reworded, `a` ↔ `button`) may pre-score below its unchanged twins. Candidates are in document order,
 * which on a page is mostly top-to-bottom, so a binary search on the recorded `y` finds the neighbourhood
 * with a handful of layout reads. O(n) apart from that (histogram instead of a sort). `y`: the recorded
 * document y in CSS px.
 */
function selectPool(y: number | undefined, scan: Scan, maxFull: number): number[] {
  const n = scan.scores.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (scan.scores[i]! > max) max = scan.scores[i]!;
  const floor = Math.max(0.15, max - 0.4);
  const plausible: number[] = [];
  for (let i = 0; i < n; i++) if (scan.scores[i]! >= floor) plausible.push(i);
  if (plausible.length <= maxFull) return plausible.sort((x, y) => scan.scores[y]! - scan.scores[x]!);
  const near = y !== undefined ? windowAround(scan, plausible, y, maxFull >> 1) : [];
  const room = maxFull - near.length;
  // the best `room` pre-scores; those tied at the cut are again taken around the recorded position
  const BINS = 64;
  const bin = (s: number) => Math.min(BINS, Math.floor(s * BINS));
  const hist = new Uint32Array(BINS + 1);
  const taken = new Set(near);
  for (const i of plausible) if (!taken.has(i)) hist[bin(scan.scores[i]!)]!++;
  let cutBin = BINS;
  let acc = 0;
  for (; cutBin > 0; cutBin--) {
    acc += hist[cutBin]!;
    if (acc >= room) break;
  }
  const sure: number[] = [];
  const band: number[] = [];
  for (const i of plausible) {
    if (taken.has(i)) continue;
    const b = bin(scan.scores[i]!);
    if (b > cutBin) sure.push(i);
    else if (b === cutBin) band.push(i);
  }
  sure.sort((x, y) => scan.scores[y]! - scan.scores[x]!);
  const left = Math.max(0, room - sure.length);
  const fromBand = y !== undefined ? windowAround(scan, band, y, left) : band.slice(0, left);
  const pool = [...sure.slice(0, room), ...fromBand, ...near];
  return pool.sort((x, y) => scan.scores[y]! - scan.scores[x]!);
}

/* ---------------- resolve ---------------- */

/** Resolve a recorded fingerprint in the live DOM. See the module comment for the steps. */
export async function resolve(
  fp: ElementFingerprint,
  root: Root = document,
  options: ResolveOptions = {},
): Promise<ResolveResult> {
  return resolveSync(fp, root, options);
}

/** The synchronous implementation of {@link resolve} (for benchmarks and callers without a microtask). */
export function resolveSync(
  fp: ElementFingerprint,
  root: Root = document,
  options: ResolveOptions = {},
): ResolveResult {
  return resolveIn(fp, root, options, createContext());
}

function resolveIn(
  fp: ElementFingerprint,
  root: Root,
  options: ResolveOptions,
  context: ExtractContext,
): ResolveResult {
  const th: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const weights: Weights | undefined = options.weights ? { ...WEIGHTS, ...options.weights } : undefined;
  const fam = targetFamily(fp);
  const spec = candidateSpec(fp, fam);
  const scorer = makeLiteScorer(fp, fam);

  // 1. fast path
  if (!options.noFastPath && fp.selectors?.css) {
    const scope = scopeRoot(fp, root);
    if (scope) {
      let hits: ArrayLike<Element> = [];
      try {
        hits = querySelectorAll(scope, fp.selectors.css);
      } catch {
        /* invalid selector */
      }
      const el = hits.length === 1 ? hits[0]! : null;
      if (el && isRendered(el) && !isExcluded(el, options)) {
        const s = score(fp, describe(el, { selectors: false, context }), weights);
        if (s >= th.fastPath && !hasTwin(el, scope, spec, scorer, options)) {
          return {
            status: 'found',
            element: el,
            score: s,
            candidates: [{ element: el, score: s }],
            via: 'fast-path',
            runnerUp: 0,
          };
        }
      }
    }
  }

  // 2.–4. light DOM and iframes first; shadow roots when the target lived in one or nothing was found
  const light: Root[] = [];
  frameRoots(root, light, 0);
  const scan: Scan = { els: [], scores: [], groups: [], nextGroup: 0 };
  let searchedShadow = false;
  if (fp.shadowHosts?.length) {
    const shadow: Root[] = [];
    shadowRoots(light, shadow);
    light.push(...shadow);
    searchedShadow = true;
  }
  const targetIsHeading = fp.role === 'heading' || /^h[1-6]$/.test(fp.tag);
  preScore(light, spec, scorer, scan, targetIsHeading, context);
  inspected = null;
  let result = decideOn(fp, root, scan, options, th, context);
  if (result.status !== 'found' && !searchedShadow) {
    const shadow: Root[] = [];
    shadowRoots(light, shadow);
    if (shadow.length) {
      const before = scan.els.length;
      preScore(shadow, spec, scorer, scan, targetIsHeading, context);
      if (scan.els.length > before) result = decideOn(fp, root, scan, options, th, context);
    }
  }
  if (options.inspect && inspected) options.inspect(inspected);
  inspected = null;
  return result;
}

/** candidates described in full before the bounds are checked (the best few of the cheap stage) */
const FIRST_FULL = 6;

/**
 * Two-stage ranking with the same result as ranking every candidate described in full. Stage 1 (done by
 * the caller) describes all candidates without the costly fields (accessible name, label, heading,
 * landmark, ancestors); their neighbours are there, so the neighbour IDF is that of the full set. Each
 * candidate's score has an upper bound (costly fields counted as perfect). The best bounds are completed
 * first; a candidate whose bound is below both the runner-up and the last returned candidate's score
 * cannot change the decision, the runner-up or the returned list, so it is never completed.
 */
function rankTwoStage(
  fp: ElementFingerprint,
  els: readonly Element[],
  fps: ElementFingerprint[],
  options: ResolveOptions,
  th: Thresholds,
  context: ExtractContext,
  maxOut: number,
  sameTarget: (i: number, j: number) => boolean,
): RankResult {
  const weights: Weights = options.weights ? { ...WEIGHTS, ...options.weights } : WEIGHTS;
  const idf = idfFor(
    fp,
    fps.map((c) => c.neighbours),
  );
  const bounds = fps.map((c) => scoreBound(fp, c, DEFERRED_FIELDS, idf, weights));
  const order = bounds.map((_, i) => i).sort((a, b) => bounds[b]! - bounds[a]! || a - b);
  const scores: { index: number; score: number }[] = [];
  const plausible = new Map<number, number>();
  let next = 0;
  const complete = (i: number) => {
    completeDescription(els[i]!, fps[i]!, context);
    const d = scoreDetail(fp, fps[i]!, weights, idf);
    scores.push({ index: i, score: d.score });
    plausible.set(i, plausibility(d));
  };
  while (next < order.length && next < FIRST_FULL) complete(order[next++]!);
  for (;;) {
    const r = rankScores(scores, th, sameTarget, (i) => plausible.get(i)!);
    if (next >= order.length) return r;
    const lastShown = r.candidates.length >= maxOut ? r.candidates[maxOut - 1]!.score : -1;
    const bar = Math.min(r.runnerUp, lastShown);
    if (bounds[order[next]!]! < bar) return r;
    while (next < order.length && bounds[order[next]!]! >= bar) complete(order[next++]!);
  }
}

let inspected: { elements: Element[]; fingerprints: ElementFingerprint[] } | null = null;

function decideOn(
  fp: ElementFingerprint,
  root: Root,
  scan: Scan,
  options: ResolveOptions,
  th: Thresholds,
  context: ExtractContext,
): ResolveResult {
  const maxOut = options.maxCandidates ?? 5;
  const none: ResolveResult = { status: 'not-found', score: 0, candidates: [], via: 'scan', runnerUp: 0 };
  if (!scan.els.length) return none;
  const pool = selectPool(fp.rect && recordedY(fp, fp.rect, root), scan, options.maxFull ?? 24);
  const els: Element[] = [];
  const fps: ElementFingerprint[] = [];
  // diagnostics want every candidate described in full; otherwise in two stages (see below)
  const twoStage = !options.inspect;
  for (const i of pool) {
    const el = scan.els[i]!;
    if (!isRendered(el) || isExcluded(el, options)) continue;
    els.push(el);
    fps.push(describe(el, { selectors: false, context, deferCostly: twoStage }));
  }
  if (options.inspect) inspected = { elements: els, fingerprints: fps };
  if (!fps.length) return none;
  const sameTarget = (i: number, j: number) => contains(els[i]!, els[j]!) || contains(els[j]!, els[i]!);
  const ranked = twoStage
    ? rankTwoStage(fp, els, fps, options, th, context, maxOut, sameTarget)
    : rank(fp, fps, { thresholds: th, weights: options.weights, sameTarget });
  const best = ranked.candidates[0]!;
  return {
    status: ranked.status,
    element: ranked.status === 'not-found' ? undefined : els[best.index],
    score: best.score,
    candidates: ranked.candidates.slice(0, maxOut).map((c) => ({ element: els[c.index]!, score: c.score })),
    via: 'scan',
    runnerUp: ranked.runnerUp,
  };
}
