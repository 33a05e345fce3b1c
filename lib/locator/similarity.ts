/**
 * Similarity functions, each returning 0..1. Pure, no DOM; inputs are fingerprint fields.
 */
import { MAX_COMPARE, fold, idWords, maskedSegments } from './text';
import type { ElementFingerprint } from './fingerprint';

type Ancestor = NonNullable<ElementFingerprint['ancestors']>[number];
type Rect = NonNullable<ElementFingerprint['rect']>;
type Viewport = NonNullable<ElementFingerprint['viewport']>;
type Href = NonNullable<ElementFingerprint['href']>;

let row0 = new Uint16Array(MAX_COMPARE + 1);
let row1 = new Uint16Array(MAX_COMPARE + 1);

/** Levenshtein distance (strings are cut to MAX_COMPARE characters) */
export function levenshtein(a: string, b: string): number {
  if (a.length > MAX_COMPARE) a = a.slice(0, MAX_COMPARE);
  if (b.length > MAX_COMPARE) b = b.slice(0, MAX_COMPARE);
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (row0.length < b.length + 1) {
    row0 = new Uint16Array(b.length + 1);
    row1 = new Uint16Array(b.length + 1);
  }
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const sub = prev[j - 1]! + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** 1 − normalised edit distance */
export function editSim(a: string, b: string): number {
  const la = Math.min(a.length, MAX_COMPARE);
  const lb = Math.min(b.length, MAX_COMPARE);
  const m = Math.max(la, lb);
  if (m === 0) return 1;
  return 1 - levenshtein(a, b) / m;
}

/** Sørensen–Dice coefficient of two token multisets */
export function diceTokens(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t);
    if (c) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Jaccard index of two sets */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  if (a.length <= 12 && b.length <= 12) {
    // small lists (classes): no Set allocation; duplicates are rare and only count once
    let inter = 0;
    let ua = 0;
    for (let i = 0; i < a.length; i++) {
      if (a.indexOf(a[i]!) !== i) continue;
      ua++;
      if (b.includes(a[i]!)) inter++;
    }
    let ub = 0;
    for (let i = 0; i < b.length; i++) if (b.indexOf(b[i]!) === i) ub++;
    return inter / (ua + ub - inter);
  }
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

const foldCache = new Map<string, string>();
function folded(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    if (foldCache.size > 5000) foldCache.clear();
    f = fold(s);
    foldCache.set(s, f);
  }
  return f;
}

/** the string has letters or digits (not only symbols like `⋯` or `×`) */
export function hasWords(s: string): boolean {
  return folded(s) !== '';
}

/**
 * Similarity of two visible strings (names, labels, headings). Case, punctuation and counters (masked
 * digits) matter little: `Like` = `like!` (0.97) ≈ `Like (#)` (0.92). A reworded label that keeps all
 * words of the shorter one scores by containment (`Save` vs `Save changes` 0.75); swapped words score
 * low (`Last name` vs `First name` 0.25) because in short labels the differing word is the meaning.
 * A small spelling change of a word counts partly (`Like` vs `Liked` 0.5, `Save changes` vs
 * `Save change` 0.82).
 */
export function textSim(a: string | undefined, b: string | undefined): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const fa = folded(a);
  const fb = folded(b);
  if (fa === fb) return fa ? 0.97 : 0;
  const wa = fa ? fa.split(' ').filter((t) => t !== '#') : [];
  const wb = fb ? fb.split(' ').filter((t) => t !== '#') : [];
  const ja = wa.join(' ');
  const jb = wb.join(' ');
  if (wa.length && ja === jb) return 0.92; // only a counter differs
  const sa = new Set(wa);
  const sb = new Set(wb);
  const onlyA = wa.filter((t) => !sb.has(t));
  const onlyB = wb.filter((t) => !sa.has(t));
  const common = wa.length - onlyA.length;
  if (!onlyA.length || !onlyB.length) {
    // containment: one label is the other plus words (`Save` → `Save changes`)
    if (!common) return 0;
    const small = Math.min(sa.size, sb.size);
    const large = Math.max(sa.size, sb.size);
    return 0.5 + 0.5 * (small / large);
  }
  // words on both sides differ: a spelling change of one word counts partly as common (`Like` → `Liked`),
  // a different word does not, and substitutions are penalised (squared): `Last name` vs `First name`
  const da = onlyA.join(' ');
  const db = onlyB.join(' ');
  const la = Math.min(da.length, MAX_COMPARE);
  const lb = Math.min(db.length, MAX_COMPARE);
  let spelling = 0;
  if (onlyA.length === 1 && onlyB.length === 1 && Math.min(la, lb) / Math.max(la, lb) > 0.6) {
    const ed = editSim(da, db);
    spelling = ed > 0.6 ? (ed - 0.6) / 0.4 : 0;
  }
  const eff = common + spelling * Math.min(onlyA.length, onlyB.length);
  const dice = (2 * eff) / (wa.length + wb.length);
  return spelling > 0 ? dice : dice * dice;
}

/**
 * Identifier similarity (ids, name attributes, test ids): exact 1; otherwise the Dice overlap of their
 * words (split at separators and camelCase, digits masked) — `ctl00_Main_btnSubmit` ≈ `ctl00_ctl41_Main_btnSubmit`.
 */
export function identSim(a: string | undefined, b: string | undefined): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return 0.95;
  return 0.9 * diceTokens(idWords(a), idWords(b));
}

/** href: same path 1; same after masking id-like segments 0.85; else shared segments; query keys 15 % */
export function hrefSim(a: Href, b: Href): number {
  let p: number;
  if (a.path === b.path) p = 1;
  else {
    const sa = maskedSegments(a.path);
    const sb = maskedSegments(b.path);
    if (sa.join('/') === sb.join('/')) p = 0.85;
    else p = 0.7 * diceTokens(sa, sb);
  }
  if (!a.queryKeys.length && !b.queryKeys.length) return p;
  return 0.85 * p + 0.15 * jaccard(a.queryKeys, b.queryKeys);
}

const CLICKABLE_TAGS = new Set(['a', 'button', 'summary', 'input', 'area', 'label']);
const FIELD_TAGS = new Set(['input', 'textarea', 'select']);

/** tag: equal 1; both clickable (`a` ↔ `button`) 0.6; both form fields 0.5; else 0 */
export function tagSim(a: string, b: string): number {
  if (a === b) return 1;
  if (CLICKABLE_TAGS.has(a) && CLICKABLE_TAGS.has(b)) return 0.6;
  if (FIELD_TAGS.has(a) && FIELD_TAGS.has(b)) return 0.5;
  return 0;
}

const ROLE_GROUPS: string[][] = [
  ['button', 'link', 'menuitem', 'tab', 'option', 'treeitem', 'menuitemradio', 'menuitemcheckbox', 'switch'],
  ['textbox', 'searchbox', 'combobox', 'spinbutton'],
  ['checkbox', 'switch', 'radio', 'menuitemcheckbox', 'menuitemradio'],
  ['heading', 'banner'],
  ['listbox', 'combobox', 'menu'],
];

/** role: equal 1; `link` ↔ `button` 0.7; same family (clickables, text fields, toggles) 0.5; else 0 */
export function roleSim(a: string | undefined, b: string | undefined): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  if ((a === 'link' && b === 'button') || (a === 'button' && b === 'link')) return 0.7;
  for (const g of ROLE_GROUPS) if (g.includes(a) && g.includes(b)) return 0.5;
  return 0;
}

/** one ancestor against another: tag, role, id words, stable classes, test id (over what `a` has) */
function ancestorSim(a: Ancestor, b: Ancestor): number {
  let w = 1;
  let s = a.tag === b.tag ? 1 : 0;
  if (a.role) {
    w += 1;
    s += a.role === b.role ? 1 : 0;
  }
  if (a.id) {
    w += 1.5;
    s += 1.5 * identSim(a.id, b.id);
  }
  if (a.testId) {
    w += 1.5;
    s += 1.5 * identSim(a.testId, b.testId);
  }
  if (a.classes?.length) {
    w += 1.5;
    s += 1.5 * (b.classes?.length ? jaccard(a.classes, b.classes) : 0);
  }
  return s / w;
}

const STRUCTURAL = new Set([
  'nav',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'form',
  'header',
  'footer',
  'aside',
  'main',
  'section',
  'article',
  'dialog',
  'fieldset',
  'label',
]);

function isStructural(a: Ancestor): boolean {
  return STRUCTURAL.has(a.tag) || !!a.role || !!a.testId;
}

/**
 * Ancestor chains (nearest first): an order-preserving alignment that may skip ancestors on either side,
 * so 1–3 inserted wrapper divs cost a little, not everything. Nearer ancestors weigh more.
 */
export function ancestorsSim(a: readonly Ancestor[], b: readonly Ancestor[]): number {
  if (!a.length) return 1;
  if (!b.length) return 0;
  const n = a.length;
  const m = b.length;
  // dp[i][j]: best weighted sum aligning a[0..i) with b[0..j)
  const dp: number[] = new Array<number>((n + 1) * (m + 1)).fill(0);
  const W = (i: number) => 1 / (1 + 0.35 * i);
  let total = 0;
  for (let i = 0; i < n; i++) total += W(i);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      if (j < i - 2 || j > i + 4) {
        // outside the band of plausible shifts (up to 4 inserted, 2 removed levels): carry the best
        dp[i * (m + 1) + j] = Math.max(dp[(i - 1) * (m + 1) + j]!, dp[i * (m + 1) + j - 1]!);
        continue;
      }
      const skipA = dp[(i - 1) * (m + 1) + j]!;
      // skipping a structural ancestor of the candidate (nav, li, form, table, a role …) is evidence of a
      // different place; plain wrappers were already dropped when the chain was recorded
      const skipB = dp[i * (m + 1) + j - 1]! - (isStructural(b[j - 1]!) ? 0.25 * W(i) : 0);
      const sim = ancestorSim(a[i - 1]!, b[j - 1]!);
      // an ancestor far from its original depth counts a bit less
      const shift = Math.abs(i - j);
      const pair =
        dp[(i - 1) * (m + 1) + j - 1]! +
        (sim > 0.3 ? W(i - 1) * sim * (shift ? Math.max(0.6, 1 - 0.1 * shift) : 1) : 0);
      dp[i * (m + 1) + j] = Math.max(skipA, skipB, pair);
    }
  }
  return Math.max(0, dp[n * (m + 1) + m]!) / total;
}

const STOP = new Set([
  '#',
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'der',
  'die',
  'das',
  'und',
  'oder',
  'von',
  'zu',
  'im',
  'in',
  'mit',
]);

const wordsCache = new WeakMap<readonly string[], string[]>();

/** words of a list of snippets (for neighbour text), stop-words and counters dropped (memoised per array) */
export function bagOfWords(snippets: readonly string[]): string[] {
  const hit = wordsCache.get(snippets);
  if (hit) return hit;
  const out: string[] = [];
  wordsCache.set(snippets, out);
  for (const s of snippets) for (const t of folded(s).split(' ')) if (t.length > 1 && !STOP.has(t)) out.push(t);
  return out;
}

/**
 * Neighbour text, level by level. The snippets were recorded with their DOM level (0: siblings, 1: the
 * parent's siblings, …; by index when the levels are unknown). Each recorded level is aligned with a
 * level of the candidate, in order — a deeper recorded level maps to a deeper candidate level, each at
 * most once — and scores by how much of its text is found there: every snippet's best counterpart
 * (squared Dice of IDF-weighted words), weighted by the snippet's IDF mass. Levels count by proximity
 * ({@link NEIGHBOUR_DECAY}^level); an alignment across levels costs a little ({@link LEVEL_STEP} per
 * level).
 *
 * It measures recall — is the recorded context still around the candidate? — so siblings inserted next
 * to the element, or a new level of siblings (a promo block, copies of the card), cost little. A twin in
 * a neighbouring list item sees our item's text one level up and the rest of the list at the same level
 * as we do: in-order alignment cannot use that one level for both, so the twin loses. With `idf`, words
 * every candidate shares ("Comment", "Send") say little about which of several identical buttons is meant.
 */
export function neighboursSim(
  a: readonly string[],
  b: readonly string[],
  idf?: (w: string) => number,
  depthA?: readonly number[],
  depthB?: readonly number[],
): number {
  const from = snippetsOf(a, depthA);
  if (!from.length) return 1;
  const to = snippetsOf(b, depthB);
  if (!to.length) return 0;
  return alignLevels(from, to, idf ?? one);
}

/** weight of neighbour level k: NEIGHBOUR_DECAY^k */
export const NEIGHBOUR_DECAY = 0.7;
/** factor per level between a recorded level and the candidate level it is aligned with */
export const LEVEL_STEP = 0.85;
const one = () => 1;

interface Snippet {
  /** distinct words (folded, stop-words and counters dropped) */
  words: string[];
  level: number;
}

const snippetCache = new WeakMap<readonly string[], Snippet[]>();

/** the snippets' words with their levels (memoised per array; snippets without words dropped) */
function snippetsOf(snippets: readonly string[], depth: readonly number[] | undefined): Snippet[] {
  const hit = snippetCache.get(snippets);
  if (hit) return hit;
  const useDepth = !!depth && depth.length === snippets.length;
  const out: Snippet[] = [];
  for (let i = 0; i < snippets.length; i++) {
    const words: string[] = [];
    for (const t of folded(snippets[i]!).split(' '))
      if (t.length > 1 && !STOP.has(t) && !words.includes(t)) words.push(t);
    if (words.length) out.push({ words, level: useDepth ? depth[i]! : i });
  }
  snippetCache.set(snippets, out);
  return out;
}

interface SnippetIndex {
  levels: number[];
  mass: Float64Array;
  level: Int32Array;
}
/** remembered per snippet list and IDF: the target's is the same for every candidate it is compared with */
const indexCache = new WeakMap<readonly Snippet[], { idf: (w: string) => number; index: SnippetIndex }>();

/** the sorted distinct levels of the snippets, and per snippet its IDF mass and the index of its level */
function indexSnippets(snippets: readonly Snippet[], idf: (w: string) => number): SnippetIndex {
  const hit = indexCache.get(snippets);
  if (hit && hit.idf === idf) return hit.index;
  const levels: number[] = [];
  for (const x of snippets) if (!levels.includes(x.level)) levels.push(x.level);
  levels.sort((p, q) => p - q);
  const mass = new Float64Array(snippets.length);
  const level = new Int32Array(snippets.length);
  for (let i = 0; i < snippets.length; i++) {
    const s = snippets[i]!;
    for (const w of s.words) mass[i]! += idf(w);
    level[i] = levels.indexOf(s.level);
  }
  const index = { levels, mass, level };
  indexCache.set(snippets, { idf, index });
  return index;
}

/** How much of `from` is found in `to`, levels aligned in order (see {@link neighboursSim}); 0..1. */
function alignLevels(from: readonly Snippet[], to: readonly Snippet[], idf: (w: string) => number): number {
  // plain loops and typed arrays: this runs for every candidate of every resolve
  const { levels: fl, mass: fromMass, level: fromLevel } = indexSnippets(from, idf);
  const { levels: tl, mass: toMass, level: toLevel } = indexSnippets(to, idf);
  const n = fl.length;
  const m = tl.length;
  // sim[l·m + k]: the share of from-level fl[l]'s IDF mass found in to-level tl[k], each snippet counting
  // with its best counterpart there
  const sim = new Float64Array(n * m);
  const levelMass = new Float64Array(n);
  const best = new Float64Array(m);
  for (let i = 0; i < from.length; i++) {
    const s = from[i]!;
    best.fill(0);
    for (let j = 0; j < to.length; j++) {
      let common = 0;
      for (const w of to[j]!.words) if (s.words.includes(w)) common += idf(w);
      if (!common) continue;
      // squared: a snippet sharing some words (another person with the same surname, a reworded copy)
      // counts little — in short snippets the differing word is the meaning
      const dice = (2 * common) / (fromMass[i]! + toMass[j]!);
      const k = toLevel[j]!;
      if (dice * dice > best[k]!) best[k] = dice * dice;
    }
    const l = fromLevel[i]!;
    levelMass[l]! += fromMass[i]!;
    for (let k = 0; k < m; k++) sim[l * m + k]! += fromMass[i]! * best[k]!;
  }
  const dp = new Float64Array((n + 1) * (m + 1));
  let weights = 0;
  for (let i = 1; i <= n; i++) {
    const w = Math.pow(NEIGHBOUR_DECAY, fl[i - 1]!);
    const total = levelMass[i - 1]! || 1;
    weights += w;
    for (let j = 1; j <= m; j++) {
      const pair = ((w * sim[(i - 1) * m + j - 1]!) / total) * Math.pow(LEVEL_STEP, Math.abs(fl[i - 1]! - tl[j - 1]!));
      const diag = dp[(i - 1) * (m + 1) + j - 1]! + pair;
      const up = dp[(i - 1) * (m + 1) + j]!;
      const left = dp[i * (m + 1) + j - 1]!;
      dp[i * (m + 1) + j] = diag > up ? (diag > left ? diag : left) : up > left ? up : left;
    }
  }
  return weights > 0 ? dp[n * (m + 1) + m]! / weights : 1;
}

/** inverse document frequency of neighbour words over the target and its candidates */
export function neighbourIdf(
  target: readonly string[],
  candidates: readonly (readonly string[] | undefined)[],
): (w: string) => number {
  const df = new Map<string, number>();
  const addDoc = (snips: readonly string[]) => {
    for (const w of new Set(bagOfWords(snips))) df.set(w, (df.get(w) ?? 0) + 1);
  };
  addDoc(target);
  let n = 1;
  for (const c of candidates) {
    if (!c) continue;
    addDoc(c);
    n++;
  }
  const memo = new Map<string, number>();
  return (w) => {
    let v = memo.get(w);
    if (v === undefined) {
      v = Math.log(1 + n / (df.get(w) ?? 1));
      memo.set(w, v);
    }
    return v;
  };
}

/**
 * Geometry relative to the viewport: size ratio (in CSS px) and distance of the centres (in viewport
 * fractions; 0 at a quarter viewport). Position is only compared when both viewports are about equal.
 */
export function rectSim(a: Rect, va: Viewport | undefined, b: Rect, vb: Viewport | undefined): number {
  const aw = a.w * (va?.w ?? 1);
  const ah = a.h * (va?.h ?? 1);
  const bw = b.w * (vb?.w ?? 1);
  const bh = b.h * (vb?.h ?? 1);
  const ratio = (x: number, y: number) => (x <= 0 && y <= 0 ? 1 : Math.min(x, y) / Math.max(x, y, 1e-9));
  const size = Math.sqrt(ratio(aw, bw) * ratio(ah, bh));
  const sameViewport = !va || !vb || (Math.abs(va.w - vb.w) / va.w < 0.1 && Math.abs(va.h - vb.h) / va.h < 0.25);
  if (!sameViewport) return size;
  const dx = a.x + a.w / 2 - (b.x + b.w / 2);
  const dy = a.y + a.h / 2 - (b.y + b.h / 2);
  const pos = Math.max(0, 1 - Math.hypot(dx, dy) / 0.25);
  return 0.5 * size + 0.5 * pos;
}

/** shadow-host and frame chains: equal 1, same depth 0.5, else 0 */
export function scopeSim(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return 0.5;
  return 1;
}
