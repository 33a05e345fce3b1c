/** Aggregation and the per-kind table of the locator benchmark. */
import type { Kind, TrialResult } from './harness';

export const KINDS: Kind[] = [
  'rehash',
  'wrap',
  'shuffle',
  'insert',
  'text',
  'drop-attrs',
  'tag-swap',
  'layout',
  'viewport',
  'late',
  'decoys',
  'combined',
  'negative',
  'negative-card',
];

export interface KindRow {
  kind: string;
  n: number;
  correct: number;
  nested: number;
  ambiguous: number;
  ambiguousTop: number;
  notFound: number;
  wrong: number;
  negative: boolean;
  msMean: number;
}

export interface Summary {
  rows: KindRow[];
  total: {
    pos: number;
    neg: number;
    correctPct: number;
    wrongPct: number;
    declinedPct: number;
    precisionPct: number;
    ambiguousPct: number;
    notFoundPct: number;
  };
}

const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 0);

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}

export function summarise(trials: TrialResult[]): Summary {
  const rows: KindRow[] = [];
  for (const kind of KINDS) {
    const ts = trials.filter((t) => t.kind === kind && t.outcome !== 'n/a');
    if (!ts.length) continue;
    rows.push({
      kind,
      n: ts.length,
      correct: ts.filter((t) => t.outcome === 'correct').length,
      nested: ts.filter((t) => t.outcome === 'nested').length,
      ambiguous: ts.filter((t) => t.outcome === 'ambiguous').length,
      ambiguousTop: ts.filter((t) => t.outcome === 'ambiguous-top').length,
      notFound: ts.filter((t) => t.outcome === 'not-found').length,
      wrong: ts.filter((t) => t.outcome === 'wrong').length,
      negative: ts[0]!.negative,
      msMean: ts.reduce((n, t) => n + t.ms, 0) / ts.length,
    });
  }
  const pos = rows.filter((r) => !r.negative);
  const neg = rows.filter((r) => r.negative);
  const sum = (rs: KindRow[], f: (r: KindRow) => number) => rs.reduce((n, r) => n + f(r), 0);
  const nPos = sum(pos, (r) => r.n);
  const nNeg = sum(neg, (r) => r.n);
  const correct = sum(pos, (r) => r.correct + r.nested);
  const wrongPos = sum(pos, (r) => r.wrong);
  const wrongNeg = sum(neg, (r) => r.wrong);
  return {
    rows,
    total: {
      pos: nPos,
      neg: nNeg,
      correctPct: pct(correct, nPos),
      wrongPct: pct(wrongPos, nPos),
      declinedPct: pct(nNeg - wrongNeg, nNeg),
      precisionPct: pct(correct, correct + wrongPos + wrongNeg),
      ambiguousPct: pct(
        sum(pos, (r) => r.ambiguous + r.ambiguousTop),
        nPos,
      ),
      notFoundPct: pct(
        sum(pos, (r) => r.notFound),
        nPos,
      ),
    },
  };
}

export function formatTable(s: Summary): string[] {
  const head = ['kind', 'n', 'found-correct', 'ambiguous (top ok)', 'not-found', 'wrong', 'mean ms'];
  const lines: string[][] = [head];
  for (const r of s.rows) {
    if (r.negative) {
      lines.push([
        r.kind + ' (target deleted)',
        String(r.n),
        `declined ${pct(r.n - r.wrong, r.n)} %`,
        `${pct(r.ambiguous, r.n)} %`,
        `${pct(r.notFound, r.n)} %`,
        `${pct(r.wrong, r.n)} %`,
        r.msMean.toFixed(1),
      ]);
    } else {
      lines.push([
        r.kind,
        String(r.n),
        `${pct(r.correct + r.nested, r.n)} %`,
        `${pct(r.ambiguous + r.ambiguousTop, r.n)} % (${pct(r.ambiguousTop, r.n)} %)`,
        `${pct(r.notFound, r.n)} %`,
        `${pct(r.wrong, r.n)} %`,
        r.msMean.toFixed(1),
      ]);
    }
  }
  const t = s.total;
  lines.push([
    'all positives',
    String(t.pos),
    `${t.correctPct} %`,
    `${t.ambiguousPct} %`,
    `${t.notFoundPct} %`,
    `${t.wrongPct} %`,
    '',
  ]);
  lines.push([
    'all negatives',
    String(t.neg),
    `declined ${t.declinedPct} %`,
    '',
    '',
    `${Math.round((100 - t.declinedPct) * 10) / 10} %`,
    '',
  ]);
  lines.push(['found precision', '', `${t.precisionPct} %`, '', '', '', '']);
  const w = head.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map(
    (l, k) =>
      l.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ') +
      (k === 0 ? '\n' + w.map((x) => '─'.repeat(x)).join('  ') : ''),
  );
}
