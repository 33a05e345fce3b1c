import { load, precompute, fastDecisions, evaluate } from './calibrate';
import { WEIGHTS, DEFAULT_THRESHOLDS } from '../../lib/locator/rank';
const [file, wj, f, m] = process.argv.slice(2);
const lines = load(file!);
const w = { ...WEIGHTS, ...JSON.parse(wj || '{}') };
const ds = fastDecisions(lines, precompute(lines), w);
const th = { ...DEFAULT_THRESHOLDS, found: Number(f), margin: Number(m) };
const kinds = [...new Set(lines.map((l) => l.kind))];
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
for (const k of kinds) { const x = evaluate(ds.filter((d) => d.d.kind === k), th); console.log(k.padEnd(14), 'correct', pct(x.correct, x.pos), 'amb', pct(x.ambiguous, x.pos), 'nf', pct(x.notFound, x.pos), 'wrong', pct(x.wrong, x.pos), 'declined', pct(x.neg - x.negWrong, x.neg)); }
const a = evaluate(ds, th); console.log('ALL correct', pct(a.correct, a.pos), 'wrong', pct(a.wrong, a.pos), 'declined', pct(a.neg - a.negWrong, a.neg), 'precision', pct(a.correct, a.correct + a.wrong + a.negWrong));
