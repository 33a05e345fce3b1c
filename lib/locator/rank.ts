/**
 * The pure core: weighted similarity of a recorded fingerprint to candidate fingerprints, and the
 * found / ambiguous / not-found decision. No DOM; see README.md for the weights and their calibration.
 */
import type { ElementFingerprint } from './fingerprint';
import {
  ancestorsSim,
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
export const DEFAULT_THRESHOLDS: Thresholds = { found: 0.83, margin: 0.05, ambiguous: 0.5, fastPath: 0.9 };

/** Field weights. Identity fields say what the element is, context fields where it is. */
export const WEIGHTS = {
  testId: 3,
  id: 1.01,
  idGenerated: 0.4,
  name: 2.03,
  text: 0.75,
  directText: 0.5,
  attrName: 2.03,
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
 * Similarity credited when the candidate lacks an identifier the target had (aria-label, id, test id,
 * title, …, or any accessible name): a removed attribute is weaker evidence against the candidate than
 * a different value. Calibrated with the weights.
 */
export let MISSING = 0.3;
/** for calibration experiments only */
export function setMissingCredit(v: number): void {
  MISSING = v;
}

/** the gate factor for per-field similarities (undefined when the target has no identifier) */
export function gateFactor(sims: Partial<Record<keyof typeof WEIGHTS, number>>, gate: number = GATE): number {
  let best = -1;
  for (const k of IDENTITY_KEYS) {
    const v = sims[k];
    if (v !== undefined && v > best) best = v;
  }
  return best < 0 ? 1 : 1 - gate + gate * best;
}

export interface ScoreDetail {
  score: number;
  /** the identity-gate factor applied to the weighted mean */
  gate?: number;
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
  let sw = 0;
  let ss = 0;
  let ident = -1;
  const add = (k: keyof typeof WEIGHTS, sim: number, w: number = weights[k]) => {
    if (IDENTITY_KEYS.includes(k) && sim > ident) ident = sim;
    if (w <= 0) return;
    if (parts) parts[k] = [w, sim];
    sw += w;
    ss += w * sim;
  };
  add('tag', tagSim(t.tag, c.tag));
  if (t.role) add('role', roleSim(t.role, c.role));
  const miss = (v: string | undefined, sim: number) => (v ? sim : MISSING);
  if (t.name !== undefined) add('name', t.name ? miss(c.name, textSim(t.name, c.name)) : c.name ? 0 : 1);
  if (t.text) add('text', textSim(t.text, c.text), t.text === t.name ? weights.text / 2 : weights.text);
  if (t.directText && t.directText !== t.text) add('directText', textSim(t.directText, c.directText));
  if (t.id) add(t.idGenerated ? 'idGenerated' : 'id', miss(c.id, identSim(t.id, c.id)));
  const ta = t.attrs;
  if (ta) {
    const ca = c.attrs ?? {};
    if (ta.testId) add('testId', miss(ca.testId, identSim(ta.testId, ca.testId)));
    // a radio's (or a checkbox group's) name attribute names the group, not the option: low weight and no
    // say in the identity gate
    const group = ta.type === 'radio' || ta.type === 'checkbox';
    if (ta.name) {
      if (group) {
        const w = weights.attrName * 0.3;
        const sim = miss(ca.name, identSim(ta.name, ca.name));
        if (parts) parts.attrName = [w, sim];
        sw += w;
        ss += w * sim;
      } else add('attrName', miss(ca.name, identSim(ta.name, ca.name)));
    }
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
  if (t.neighbours?.length && c.neighbours)
    add('neighbours', neighboursSim(t.neighbours, c.neighbours, idf, t.neighbourDepth, c.neighbourDepth));
  if (t.ancestors?.length && c.ancestors) add('ancestors', ancestorsSim(t.ancestors, c.ancestors));
  if (t.rect && c.rect) add('rect', rectSim(t.rect, t.viewport, c.rect, c.viewport));
  add('scope', scopeSim(scopeKey(t), scopeKey(c)));
  const gate = ident < 0 ? 1 : 1 - GATE + GATE * ident;
  return { score: sw > 0 ? (ss / sw) * gate : 0, parts: parts ?? {}, gate };
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
 * otherwise `ambiguous` when the best score ≥ `ambiguous`; otherwise `not-found`.
 */
export function decide(best: number, runnerUp: number, th: Thresholds): Status {
  if (best >= th.found && best - runnerUp >= th.margin) return 'found';
  if (best >= th.ambiguous) return 'ambiguous';
  return 'not-found';
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
  if (deferred.has('ancestors') && t.ancestors?.length && !c.ancestors && weights.ancestors > 0)
    parts.ancestors = [weights.ancestors, 1];
  let sw = 0;
  let ss = 0;
  let ident = -1;
  for (const k of Object.keys(parts) as (keyof typeof WEIGHTS)[]) {
    const [w, sim0] = parts[k]!;
    const sim = deferred.has(k) ? 1 : sim0;
    if (IDENTITY_KEYS.includes(k) && sim > ident) ident = sim;
    sw += w;
    ss += w * sim;
  }
  for (const k of IDENTITY_KEYS)
    if (deferred.has(k) && (k === 'name' ? t.name !== undefined : k === 'label' && t.label)) ident = 1;
  const gate = ident < 0 ? 1 : 1 - GATE + GATE * ident;
  return sw > 0 ? (ss / sw) * gate : 0;
}

/** best first (ties: lower index first), the runner-up for the margin and the decision, from scores */
export function rankScores(
  scores: readonly { index: number; score: number }[],
  th: Thresholds,
  sameTarget?: (i: number, j: number) => boolean,
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
  return { status: decide(best.score, runnerUp, th), candidates: scored, runnerUp };
}

export function rank(target: ElementFingerprint, candidates: ElementFingerprint[], opts: RankOptions = {}): RankResult {
  const th = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
  const weights = opts.weights ? { ...WEIGHTS, ...opts.weights } : WEIGHTS;
  const idf = idfFor(
    target,
    candidates.map((c) => c.neighbours),
  );
  const scored = candidates.map((c, index) => ({ index, score: scoreInto(target, c, weights, idf, null).score }));
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const best = scored[0];
  if (!best) return { status: 'not-found', candidates: [], runnerUp: 0 };
  let runnerUp = 0;
  for (let k = 1; k < scored.length; k++) {
    const c = scored[k]!;
    if (opts.sameTarget?.(best.index, c.index)) continue;
    runnerUp = c.score;
    break;
  }
  return { status: decide(best.score, runnerUp, th), candidates: scored, runnerUp };
}
