/**
 * The pure core: weighted similarity of a recorded fingerprint to candidate fingerprints, and the
 * found / ambiguous / not-found decision. No DOM; see README.md for the weights and their calibration.
 */
import type { ElementFingerprint } from './fingerprint';
import {
  ancestorsSim,
  hasWords,
  hrefSim,
  identSim,
  jaccard,
  neighbourIdf,
  neighboursSim,
  rectSim,
  roleSim,
  scopeSim,
  tagSim,
  textSim,
} from './similarity';

export type Status = 'found' | 'ambiguous' | 'not-found';

export interface Thresholds {
  /** minimum score for `found` */
  found: number;
  /** minimum lead of the best over the runner-up for `found` */
  margin: number;
  /** minimum score to offer the best candidate as a question (`ambiguous`) instead of `not-found` */
  ambiguous: number;
  /** minimum score of the stored-selector fast path (accepted without looking at other candidates) */
  fastPath: number;
}

/** Calibrated on the mutation benchmark (bench/locator.bench.ts); see README.md. */
export const DEFAULT_THRESHOLDS: Thresholds = { found: 0.78, margin: 0.05, ambiguous: 0.5, fastPath: 0.9 };

/** Field weights. Identity fields say what the element is, context fields where it is. */
export const WEIGHTS = {
  testId: 3,
  id: 1.01,
  idGenerated: 0.4,
  name: 2.03,
  text: 0.75,
  directText: 0.5,
  attrName: 2.03,
  groupName: 0.61,
  type: 0.38,
  placeholder: 3,
  ariaLabel: 0.5,
  title: 0.75,
  alt: 1,
  label: 0.75,
  href: 1.01,
  role: 0.75,
  tag: 0.5,
  classesStable: 0.69,
  classesHashed: 0.13,
  heading: 0.75,
  landmark: 1,
  neighbours: 3.65,
  ancestors: 0.5,
  rect: 0.56,
  scope: 0.25,
} as const;

export type Weights = { -readonly [K in keyof typeof WEIGHTS]: number };

/** Fields that name the element itself; the identity gate looks at the best of them. */
export const IDENTITY_KEYS: readonly (keyof typeof WEIGHTS)[] = [
  'name',
  'testId',
  'id',
  'attrName',
  'href',
  'label',
  'placeholder',
  'ariaLabel',
  'alt',
  'title',
];

/**
 * Identity gate: the weighted score is multiplied by (1 − GATE + GATE · best identity similarity), so an
 * element that matches none of the target's identifiers (a sibling link with another name and URL)
 * cannot be found on shared context alone; one strong identifier (same `name` attribute after the label
 * was reworded) is enough to pass.
 */
export const GATE = 0.25;

/**
 * Context gate, its counterpart: the score is also multiplied by (1 − CONTEXT_GATE + CONTEXT_GATE ·
 * weighted mean of the context fields — heading, landmark, neighbours, ancestors, position). An element
 * with the right name in the wrong place (the breadcrumb's "Home" when the nav's "Home" was recorded)
 * cannot be found on its identity alone, so `found` needs both: what it is and where it is.
 */
export const CONTEXT_GATE = 0.3;

/**
 * Similarity credited when the candidate lacks an identifier the target had (aria-label, id, test id,
 * title, …, or any accessible name): a removed attribute is weaker evidence against the candidate than
 * a different value. Calibrated with the weights.
 */
export const MISSING = 0.5;

export interface ScoreDetail {
  score: number;
  /** the identity-gate factor applied to the weighted mean */
  gate: number;
  /** the context-gate factor applied to the weighted mean */
  contextGate: number;
  /** per field: [weight, similarity] */
  parts: Partial<Record<keyof typeof WEIGHTS, [number, number]>>;
}

/**
 * Score a candidate against the target: Σ wᵢ·simᵢ / Σ wᵢ over the fields the target has. A field the
 * target lacks is left out; a context field the candidate lacks entirely (not computed, e.g. no geometry)
 * is left out too; an attribute the target has and the candidate lacks scores 0.
 */
export function scoreDetail(
  t: ElementFingerprint,
  c: ElementFingerprint,
  weights: Weights = WEIGHTS,
  idf?: (w: string) => number,
): ScoreDetail {
  return scoreInto(t, c, weights, idf, {});
}

/**
 * neighboursSim, remembered per candidate: resolve scores a candidate's bound and then its full
 * description, whose neighbours are the same (the alignment is the costliest similarity)
 */
const neighbourMemo = new WeakMap<
  readonly string[],
  { t: readonly string[]; idf: ((w: string) => number) | undefined; v: number }
>();
function neighbours(t: ElementFingerprint, c: ElementFingerprint, idf: ((w: string) => number) | undefined): number {
  const hit = neighbourMemo.get(c.neighbours!);
  if (hit && hit.t === t.neighbours && hit.idf === idf) return hit.v;
  const v = neighboursSim(t.neighbours!, c.neighbours!, idf, t.neighbourDepth, c.neighbourDepth);
  neighbourMemo.set(c.neighbours!, { t: t.neighbours!, idf, v });
  return v;
}

const EMPTY: readonly string[] = [];
const scopeCache = new WeakMap<ElementFingerprint, string[]>();
function scopeKey(fp: ElementFingerprint): string[] {
  let v = scopeCache.get(fp);
  if (!v) {
    v = [...(fp.framePath ?? EMPTY), '|', ...(fp.shadowHosts ?? EMPTY)];
    scopeCache.set(fp, v);
  }
  return v;
}

function scoreInto(
  t: ElementFingerprint,
  c: ElementFingerprint,
  weights: Weights,
  idf: ((w: string) => number) | undefined,
  parts: ScoreDetail['parts'] | null,
): ScoreDetail {
  const p: ScoreDetail['parts'] = parts ?? {};
  const add = (k: keyof typeof WEIGHTS, sim: number, w: number = weights[k]) => {
    p[k] = [w, sim];
  };
  add('tag', tagSim(t.tag, c.tag));
  if (t.role) add('role', roleSim(t.role, c.role));
  // the candidate lacks the value, or has only symbols where the target had words (an icon button whose
  // aria-label was removed is named by its `⋯`): credited MISSING, not the 0 of a different value
  const miss = (v: string | undefined, sim: number) => (v && (sim > 0 || hasWords(v)) ? sim : MISSING);
  if (t.name !== undefined) add('name', t.name ? miss(c.name, textSim(t.name, c.name)) : c.name ? 0 : 1);
  if (t.text) add('text', textSim(t.text, c.text), t.text === t.name ? weights.text / 2 : weights.text);
  if (t.directText && t.directText !== t.text) add('directText', textSim(t.directText, c.directText));
  if (t.id) add(t.idGenerated ? 'idGenerated' : 'id', miss(c.id, identSim(t.id, c.id)));
  const ta = t.attrs;
  if (ta) {
    const ca = c.attrs ?? {};
    if (ta.testId) add('testId', miss(ca.testId, identSim(ta.testId, ca.testId)));
    // a radio's (or a checkbox group's) name attribute names the group, not the option
    if (ta.name)
      add(
        ta.type === 'radio' || ta.type === 'checkbox' ? 'groupName' : 'attrName',
        miss(ca.name, identSim(ta.name, ca.name)),
      );
    if (ta.type) add('type', ta.type === ca.type ? 1 : 0);
    if (ta.placeholder) add('placeholder', miss(ca.placeholder, textSim(ta.placeholder, ca.placeholder)));
    if (ta.ariaLabel) add('ariaLabel', miss(ca.ariaLabel, textSim(ta.ariaLabel, ca.ariaLabel)));
    if (ta.title) add('title', miss(ca.title, textSim(ta.title, ca.title)));
    if (ta.alt) add('alt', miss(ca.alt, textSim(ta.alt, ca.alt)));
  }
  if (t.label) add('label', textSim(t.label, c.label));
  if (t.href) add('href', c.href ? hrefSim(t.href, c.href) : 0);
  if (t.classes) {
    if (t.classes.stable.length) add('classesStable', c.classes ? jaccard(t.classes.stable, c.classes.stable) : 0);
    if (t.classes.hashed.length) add('classesHashed', c.classes ? jaccard(t.classes.hashed, c.classes.hashed) : 0);
  }
  // an empty heading / landmark is recorded as a fact ("not inside any landmark"), like an empty name
  if (t.heading !== undefined) add('heading', t.heading ? textSim(t.heading, c.heading) : c.heading ? 0 : 1);
  if (t.landmark !== undefined) add('landmark', t.landmark ? textSim(t.landmark, c.landmark) : c.landmark ? 0 : 1);
  if (t.neighbours?.length && c.neighbours) add('neighbours', neighbours(t, c, idf));
  if (t.ancestors?.length && c.ancestors) add('ancestors', ancestorsSim(t.ancestors, c.ancestors));
  if (t.rect && c.rect) add('rect', rectSim(t.rect, t.viewport, c.rect, c.viewport));
  add('scope', scopeSim(scopeKey(t), scopeKey(c)));
  return { ...combine(p), parts: p };
}

const CONTEXT_KEYS: readonly Field[] = ['heading', 'landmark', 'neighbours', 'ancestors', 'rect'];
type Field = keyof typeof WEIGHTS;

/**
 * The score from per-field [weight, similarity] pairs: the weighted mean, times the identity gate (and
 * the context gate). Shared by `rank` and the offline calibration, so both compute the same number.
 */
export function combine(parts: ScoreDetail['parts']): { score: number; gate: number; contextGate: number } {
  let sw = 0;
  let ss = 0;
  let ident = -1;
  let cw = 0;
  let cs = 0;
  // own keys only: pages pollute Object.prototype with enumerable junk
  for (const k of Object.keys(parts)) {
    const [w, sim] = parts[k as Field]!;
    if (IDENTITY_KEYS.includes(k as Field) && sim > ident) ident = sim;
    if (w <= 0) continue;
    sw += w;
    ss += w * sim;
    if (CONTEXT_KEYS.includes(k as Field)) {
      cw += w;
      cs += w * sim;
    }
  }
  const gate = ident < 0 ? 1 : 1 - GATE + GATE * ident;
  const contextGate = cw > 0 ? 1 - CONTEXT_GATE + CONTEXT_GATE * (cs / cw) : 1;
  return { score: sw > 0 ? (ss / sw) * gate * contextGate : 0, gate, contextGate };
}

export function score(t: ElementFingerprint, c: ElementFingerprint, weights: Weights = WEIGHTS): number {
  return scoreInto(t, c, weights, undefined, null).score;
}

export interface RankOptions {
  thresholds?: Partial<Thresholds>;
  weights?: Partial<Weights>;
  /**
   * Candidates i and j are the same target for the user (one contains the other, e.g. `li[role=menuitem] > a`):
   * the runner-up for the margin is the best candidate that is not the same target as the best.
   */
  sameTarget?: (i: number, j: number) => boolean;
}

export interface RankResult {
  status: Status;
  /** best first; `index` points into the input array */
  candidates: { index: number; score: number }[];
  /** score of the runner-up used for the margin (0 when none) */
  runnerUp: number;
}

/**
 * The decision rule: `found` when the best score ≥ `found` and it leads the runner-up by ≥ `margin`;
 * otherwise `ambiguous` when the best is plausible (`plausible` ≥ `ambiguous`); otherwise `not-found`.
 * `plausible` is the best's score without the context gate (default: its score): the context gate keeps
 * an element in another place from being found, but the same element moved elsewhere (the "Edit
 * profile" link now in the sidebar) is worth a question — "is it this one?".
 */
export function decide(best: number, runnerUp: number, th: Thresholds, plausible: number = best): Status {
  if (best >= th.found && best - runnerUp >= th.margin) return 'found';
  if (plausible >= th.ambiguous) return 'ambiguous';
  return 'not-found';
}

/** a candidate's score without the context gate (see {@link decide}) */
export function plausibility(d: Pick<ScoreDetail, 'score' | 'contextGate'>): number {
  return d.contextGate > 0 ? d.score / d.contextGate : d.score;
}

/** the neighbour-word IDF `rank` uses for these candidates (undefined when it uses none) */
export function idfFor(
  target: ElementFingerprint,
  neighbours: readonly (readonly string[] | undefined)[],
): ((w: string) => number) | undefined {
  return target.neighbours?.length && neighbours.length > 1 ? neighbourIdf(target.neighbours, neighbours) : undefined;
}

/** the score `rank` gives a candidate, with the IDF of the whole candidate set (see {@link idfFor}) */
export function scoreWithIdf(
  t: ElementFingerprint,
  c: ElementFingerprint,
  idf: ((w: string) => number) | undefined,
  weights: Weights = WEIGHTS,
): number {
  return scoreInto(t, c, weights, idf, null).score;
}

/**
 * An upper bound of the score of a partly described candidate: the fields in `deferred` (not yet read
 * from the DOM) count as perfect matches, also in the identity gate. Every similarity is ≤ 1 and the
 * gate grows with the best identity similarity, so the full score can never exceed this bound.
 */
export function scoreBound(
  t: ElementFingerprint,
  c: ElementFingerprint,
  deferred: ReadonlySet<keyof typeof WEIGHTS>,
  idf: ((w: string) => number) | undefined,
  weights: Weights = WEIGHTS,
): number {
  const parts = scoreInto(t, c, weights, idf, {}).parts;
  // ancestors are only scored when the candidate has them: a full description always does
  if (deferred.has('ancestors') && t.ancestors?.length && !c.ancestors) parts.ancestors = [weights.ancestors, 1];
  for (const k of deferred) {
    const part = parts[k];
    if (part) part[1] = 1;
  }
  return combine(parts).score;
}

/**
 * best first (ties: lower index first), the runner-up for the margin and the decision, from scores;
 * `plausible(index)` is the candidate's {@link plausibility} (default: its score)
 */
export function rankScores(
  scores: readonly { index: number; score: number }[],
  th: Thresholds,
  sameTarget?: (i: number, j: number) => boolean,
  plausible?: (index: number) => number,
): RankResult {
  const scored = scores.slice().sort((a, b) => b.score - a.score || a.index - b.index);
  const best = scored[0];
  if (!best) return { status: 'not-found', candidates: [], runnerUp: 0 };
  let runnerUp = 0;
  for (let k = 1; k < scored.length; k++) {
    const c = scored[k]!;
    if (sameTarget?.(best.index, c.index)) continue;
    runnerUp = c.score;
    break;
  }
  const status = decide(best.score, runnerUp, th, plausible ? plausible(best.index) : best.score);
  return { status, candidates: scored, runnerUp };
}

export function rank(target: ElementFingerprint, candidates: ElementFingerprint[], opts: RankOptions = {}): RankResult {
  const th = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
  const weights = opts.weights ? { ...WEIGHTS, ...opts.weights } : WEIGHTS;
  const idf = idfFor(
    target,
    candidates.map((c) => c.neighbours),
  );
  const details = candidates.map((c) => scoreInto(target, c, weights, idf, null));
  return rankScores(
    details.map((d, index) => ({ index, score: d.score })),
    th,
    opts.sameTarget,
    (i) => plausibility(details[i]!),
  );
}
