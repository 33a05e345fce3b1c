/**
 * Offline calibration of the locator's decision rule (and a weight explorer).
 *
 *   LOCATOR_BENCH_DUMP=/tmp/loc-seed1.jsonl npx tsx scripts/bench.ts locator   # record candidate sets
 *   npx tsx bench/locator/calibrate.ts /tmp/loc-seed1.jsonl [--sweep] [--explain N] [--kind K]
 *
 * Every dump line is one resolve: the recorded fingerprint, the fingerprints of the candidates the
 * resolver described in full, and which of them is the right element (-1: none, the target is gone).
 * `rank` is pure, so re-ranking these with other thresholds or weights reproduces the resolver's decision.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_THRESHOLDS,
  combine,
  plausibility,
  type ScoreDetail,
  WEIGHTS,
  rank,
  scoreDetail,
  type Thresholds,
  type Weights,
} from '../../lib/locator/rank';
import { neighbourIdf } from '../../lib/locator/similarity';
import type { Dump } from './harness';

type Line = Dump & { source: string; i: number };

/** dumps written before heading/landmark were always recorded: absent meant empty */
function upgrade(fp: Line['target']): void {
  fp.heading ??= '';
  fp.landmark ??= '';
}

export function load(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const d = JSON.parse(l) as Line;
      upgrade(d.target);
      d.fps.forEach(upgrade);
      return d;
    });
}

interface Decision {
  d: Line;
  best: number;
  bestScore: number;
  runnerUp: number;
  /** weighted mean of the best's context fields (heading, landmark, neighbours, ancestors, rect, scope) */
  context?: number;
  /** the best's score without the context gate (decides ambiguous vs not-found) */
  plausible?: number;
  /** consistency of the best's advantage over the runner-up: Σw·(s1−s2) / Σw·|s1−s2| (1: better on every differing field) */
  consistency?: number;
}

/** per dump and candidate: [field, weight multiplier, similarity][] (independent of the weights) */
type Parts = [keyof Weights, number, number][][];

export function precompute(lines: Line[]): Parts[] {
  return lines.map((d) => {
    const idf =
      d.target.neighbours?.length && d.fps.length > 1
        ? neighbourIdf(
            d.target.neighbours,
            d.fps.map((c) => c.neighbours),
          )
        : undefined;
    return d.fps.map((c) =>
      Object.entries(scoreDetail(d.target, c, WEIGHTS, idf).parts).map(
        ([k, [w, sim]]) =>
          [k as keyof Weights, w / WEIGHTS[k as keyof Weights], sim] as [keyof Weights, number, number],
      ),
    );
  });
}

/** the decisions for weights `w`, from precomputed parts (same result as `decisions`, much faster) */
export function fastDecisions(lines: Line[], parts: Parts[], w: Weights): Decision[] {
  return lines.map((d, i) => {
    let best = -1;
    let bs = -1;
    let ru = 0;
    let ruIdx = -1;
    const ps = parts[i]!;
    let plausible = 0;
    for (let j = 0; j < ps.length; j++) {
      const obj: ScoreDetail['parts'] = {};
      for (const [k, m, sim] of ps[j]!) obj[k] = [w[k] * m, sim];
      const c = combine(obj);
      const sc = c.score;
      if (sc > bs) plausible = plausibility(c);
      if (sc > bs) {
        if (bs > ru) {
          ru = bs;
          ruIdx = best;
        }
        bs = sc;
        best = j;
      } else if (sc > ru) {
        ru = sc;
        ruIdx = j;
      }
    }
    let cw = 0;
    let cs = 0;
    if (best >= 0)
      for (const [k, m, sim] of ps[best]!) {
        if (!CONTEXT_KEYS.includes(k)) continue;
        cw += w[k] * m;
        cs += w[k] * m * sim;
      }
    const context = cw > 0 ? cs / cw : 1;
    let consistency = 1;
    if (ruIdx >= 0) {
      const a = new Map(ps[best]!.map(([k, m, sim]) => [k, [w[k] * m, sim] as const]));
      let adv = 0;
      let dis = 0;
      for (const [k, m, sim] of ps[ruIdx]!) {
        const x = a.get(k);
        if (!x) continue;
        const ww = Math.min(x[0], w[k] * m);
        adv += ww * (x[1] - sim);
        dis += ww * Math.abs(x[1] - sim);
      }
      consistency = dis > 0 ? adv / dis : 0;
    }
    return { d, best, bestScore: Math.max(0, bs), runnerUp: ru, consistency, context, plausible };
  });
}

export function decisions(lines: Line[], weights: Weights = WEIGHTS): Decision[] {
  return lines.map((d) => {
    const r = rank(d.target, d.fps, { weights });
    const best = r.candidates[0];
    return { d, best: best?.index ?? -1, bestScore: best?.score ?? 0, runnerUp: r.runnerUp };
  });
}

export interface Metrics {
  pos: number;
  neg: number;
  correct: number;
  wrong: number;
  negWrong: number;
  ambiguous: number;
  notFound: number;
}

const CONTEXT_KEYS: (keyof Weights)[] = ['heading', 'landmark', 'neighbours', 'ancestors', 'rect', 'scope'];

export interface Rule {
  /** alternative: found at this lower score when the runner-up is at most `lonelyRunnerUp` */
  lonely?: number;
  lonelyRunnerUp?: number;
  /** minimum context score of the best for found */
  minContext?: number;
  /** alternative margin when the best is better on (nearly) every differing field */
  consistentMargin?: number;
  consistency?: number;
}

export function isFound(x: Decision, th: Thresholds, rule: Rule = {}): boolean {
  if (rule.lonely !== undefined && x.bestScore >= rule.lonely && x.runnerUp <= (rule.lonelyRunnerUp ?? 0)) return true;
  if (x.bestScore < th.found) return false;
  if (rule.minContext !== undefined && (x.context ?? 1) < rule.minContext) return false;
  const gap = x.bestScore - x.runnerUp;
  if (gap >= th.margin) return true;
  return (
    rule.consistentMargin !== undefined &&
    (x.consistency ?? 0) >= (rule.consistency ?? 1) &&
    gap >= rule.consistentMargin
  );
}

export function evaluate(ds: Decision[], th: Thresholds, rule: Rule = {}): Metrics {
  const m: Metrics = { pos: 0, neg: 0, correct: 0, wrong: 0, negWrong: 0, ambiguous: 0, notFound: 0 };
  for (const x of ds) {
    const positive = x.d.expected >= 0 || x.d.missed;
    const found = isFound(x, th, rule);
    if (positive) {
      m.pos++;
      if (found) {
        if (x.best === x.d.expected) m.correct++;
        else m.wrong++;
      } else if ((x.plausible ?? x.bestScore) >= th.ambiguous) m.ambiguous++;
      else m.notFound++;
    } else {
      m.neg++;
      if (found) m.negWrong++;
    }
  }
  return m;
}

/** Constraints of the decision rule (from the issue: found ≥ 99 % precise, ≤ 0.5 % wrong, ≥ 99 % declined). */
export const LIMITS = { precision: 99.5, wrongPos: 0.3, declined: 99.2 };

/**
 * What a decision rule is worth: found-correct, minus WRONG_COST for every confident wrong answer (on
 * positives and negatives) — a wrong highlight costs the mentee's trust, an "is it this one?" a click.
 */
export const WRONG_COST = 3;
const utility = (m: Metrics) => m.correct - WRONG_COST * (m.wrong + m.negWrong);

/** The (found, margin) pair with the highest {@link utility} under LIMITS; null when none satisfies them. */
export function bestThresholds(
  ds: Decision[],
  base: Thresholds = DEFAULT_THRESHOLDS,
  rules: Rule[] = [{}],
): { th: Thresholds; m: Metrics; rule: Rule } | null {
  let best: { th: Thresholds; m: Metrics; rule: Rule } | null = null;
  for (const rule of rules)
    for (let f = 0.6; f <= 0.951; f += 0.01) {
      for (let mg = 0; mg <= 0.201; mg += 0.01) {
        const th = { ...base, found: Math.round(f * 100) / 100, margin: Math.round(mg * 100) / 100 };
        const m = evaluate(ds, th, rule);
        const found = m.correct + m.wrong + m.negWrong;
        const ok =
          (found ? (100 * m.correct) / found : 100) >= LIMITS.precision &&
          (100 * m.wrong) / Math.max(1, m.pos) <= LIMITS.wrongPos &&
          (100 * (m.neg - m.negWrong)) / Math.max(1, m.neg) >= LIMITS.declined;
        if (ok && (!best || utility(m) > utility(best.m))) best = { th, m, rule };
      }
    }
  return best;
}

/** The hand-set weights before any calibration (Similo-like priorities); the search stays within [½, 2] × these. */
export const PRIOR: Weights = {
  testId: 3,
  id: 2,
  idGenerated: 0.3,
  name: 3,
  text: 1.5,
  directText: 0.5,
  attrName: 1.5,
  groupName: 0.45,
  type: 0.75,
  placeholder: 1.5,
  ariaLabel: 1,
  title: 0.75,
  alt: 1,
  label: 1.5,
  href: 1.5,
  role: 1.5,
  tag: 1,
  classesStable: 1,
  classesHashed: 0.25,
  heading: 1.5,
  landmark: 0.5,
  neighbours: 2,
  ancestors: 1,
  rect: 0.75,
  scope: 0.5,
};

/** Coordinate search over the weights (multiplicative steps), each scored by bestThresholds. */
export function optimize(lines: Line[], passes = 2, log: (s: string) => void = console.log): Weights {
  let w: Weights = { ...WEIGHTS };
  const parts = precompute(lines);
  const value = (ww: Weights) => {
    const b = bestThresholds(fastDecisions(lines, parts, ww));
    return b ? utility(b.m) : -Infinity;
  };
  let cur = value(w);
  log(`start: utility ${cur} (correct − ${WRONG_COST} × wrong) of ${lines.filter((l) => l.expected >= 0 || l.missed).length}`);
  const keys = Object.keys(w) as (keyof Weights)[];
  for (let p = 0; p < passes; p++) {
    for (const k of keys) {
      for (const f of [0.5, 0.75, 1.35, 2]) {
        // bounded to [½, 2] × the prior: calibration, not a free fit to the benchmark
        const v0 = Math.min(2 * PRIOR[k], Math.max(0.5 * PRIOR[k], w[k] * f));
        if (v0 === w[k]) continue;
        const cand = { ...w, [k]: Math.round(v0 * 100) / 100 };
        const v = value(cand);
        if (v > cur) {
          cur = v;
          w = cand;
          log(`  ${k} → ${w[k]}: ${v}`);
        }
      }
    }
  }
  return w;
}

/**
 * Decision-rule variants compared by `--best` (see README "What did not help"): the plain rule, a minimum
 * context score, a smaller margin when the best wins on every differing field, and a lower threshold
 * without any competitor. Only the plain rule is shipped.
 */
export const RULES: Rule[] = [
  {},
  ...[0.6, 0.7, 0.8].map((c) => ({ minContext: c })),
  ...[0.01, 0.02].map((cm) => ({ consistentMargin: cm, consistency: 0.9 })),
  ...[0.74, 0.77].map((l) => ({ lonely: l, lonelyRunnerUp: 0.45 })),
];

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');

function explain(x: Decision, weights: Weights): void {
  const d = x.d;
  const idf =
    d.target.neighbours?.length && d.fps.length > 1
      ? neighbourIdf(
          d.target.neighbours,
          d.fps.map((c) => c.neighbours),
        )
      : undefined;
  const show = (label: string, idx: number) => {
    if (idx < 0) return;
    const c = d.fps[idx]!;
    const det = scoreDetail(d.target, c, weights, idf);
    const parts = Object.entries(det.parts)
      .map(([k, [w, s]]) => `${k}:${s.toFixed(2)}${w !== WEIGHTS[k as keyof Weights] ? `(w${w})` : ''}`)
      .join(' ');
    console.log(`   ${label} #${idx} ${det.score.toFixed(3)} <${c.tag}> name="${c.name ?? ''}" ${parts}`);
    console.log(`      neighbours: ${JSON.stringify(c.neighbours)}`);
  };
  console.log(
    `\n${d.source} #${d.i} ${d.kind}${d.negative ? ' (negative)' : ''} best ${x.bestScore.toFixed(3)} runner-up ${x.runnerUp.toFixed(3)} expected ${d.expected}${d.missed ? ' (missed by pre-score)' : ''}`,
  );
  console.log(
    `   target <${d.target.tag}> name="${d.target.name ?? ''}" text="${d.target.text ?? ''}" id=${d.target.id ?? ''} heading="${d.target.heading ?? ''}"`,
  );
  console.log(`      neighbours: ${JSON.stringify(d.target.neighbours)}`);
  show('best', x.best);
  if (d.expected >= 0 && d.expected !== x.best) show('expected', d.expected);
  const r = rank(d.target, d.fps, { weights });
  const ru = r.candidates.find((c) => c.index !== x.best && c.index !== d.expected);
  if (ru) show('runner-up', ru.index);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: calibrate.ts dump.jsonl [--sweep] [--explain N] [--kind K]');
  const args = process.argv.slice(3);
  const flag = (n: string) => {
    const i = args.indexOf(n);
    return i >= 0 ? (args[i + 1] ?? '') : undefined;
  };
  let lines = load(file);
  const kind = flag('--kind');
  if (kind) lines = lines.filter((l) => l.kind === kind);
  const ds = decisions(lines);
  const th = { ...DEFAULT_THRESHOLDS, ...(flag('--th') ? (JSON.parse(flag('--th')!) as Partial<Thresholds>) : {}) };
  const kinds = [...new Set(lines.map((l) => l.kind))];
  console.log(`${lines.length} decisions; thresholds ${JSON.stringify(th)}`);
  console.log('kind            n   correct  ambiguous  not-found  wrong   | negatives: declined');
  for (const k of kinds) {
    const m = evaluate(
      ds.filter((x) => x.d.kind === k),
      th,
    );
    console.log(
      `${k.padEnd(14)} ${String(m.pos + m.neg).padStart(4)}  ${pct(m.correct, m.pos).padStart(6)}  ${pct(m.ambiguous, m.pos).padStart(8)}  ${pct(m.notFound, m.pos).padStart(8)}  ${pct(m.wrong, m.pos).padStart(6)}   | ${pct(m.neg - m.negWrong, m.neg)}`,
    );
  }
  const all = evaluate(ds, th);
  console.log(
    `ALL: correct ${pct(all.correct, all.pos)} wrong ${pct(all.wrong, all.pos)} declined ${pct(all.neg - all.negWrong, all.neg)} precision ${pct(all.correct, all.correct + all.wrong + all.negWrong)}`,
  );
  console.log(`missed by pre-score: ${lines.filter((l) => l.missed).length}`);

  if (args.includes('--sweep')) {
    console.log('\nfound  margin  correct  wrong  declined  precision');
    for (const f of [0.6, 0.65, 0.7, 0.72, 0.75, 0.78, 0.8, 0.82, 0.85, 0.88, 0.9]) {
      for (const mg of [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15]) {
        const m = evaluate(ds, { ...th, found: f, margin: mg });
        console.log(
          `${f.toFixed(2)}   ${mg.toFixed(2)}    ${pct(m.correct, m.pos).padStart(5)}  ${pct(m.wrong + m.negWrong, m.pos + m.neg).padStart(5)}  ${pct(m.neg - m.negWrong, m.neg).padStart(6)}    ${pct(m.correct, m.correct + m.wrong + m.negWrong)}`,
        );
      }
    }
  }
  if (args.includes('--best')) {
    const parts = precompute(lines);
    const w = flag('--weights')
      ? ({ ...WEIGHTS, ...(JSON.parse(flag('--weights')!) as Partial<Weights>) } as Weights)
      : WEIGHTS;
    const fds = fastDecisions(lines, parts, w);
    for (const rule of RULES) {
      const b = bestThresholds(fds, DEFAULT_THRESHOLDS, [rule]);
      console.log(
        'rule',
        JSON.stringify(rule),
        b ? JSON.stringify(b.th) : 'none',
        b
          ? `correct ${pct(b.m.correct, b.m.pos)} wrong ${pct(b.m.wrong, b.m.pos)} declined ${pct(b.m.neg - b.m.negWrong, b.m.neg)}`
          : '',
      );
    }
  }
  if (args.includes('--optimize')) {
    const w = optimize(lines, Number(flag('--passes') ?? 2));
    console.log(JSON.stringify(w));
    const b = bestThresholds(decisions(lines, w));
    console.log(
      'thresholds',
      b && JSON.stringify(b.th),
      b &&
        `correct ${pct(b.m.correct, b.m.pos)} wrong ${pct(b.m.wrong, b.m.pos)} declined ${pct(b.m.neg - b.m.negWrong, b.m.neg)}`,
    );
  }
  const n = flag('--explain');
  if (n !== undefined) {
    const bad = ds.filter((x) => {
      const found = x.bestScore >= th.found && x.bestScore - x.runnerUp >= th.margin;
      const positive = x.d.expected >= 0 || x.d.missed;
      return (found && (!positive || x.best !== x.d.expected)) || (args.includes('--ambiguous') && positive && !found);
    });
    for (const x of bad.slice(0, Number(n) || 10)) explain(x, WEIGHTS);
  }
}
