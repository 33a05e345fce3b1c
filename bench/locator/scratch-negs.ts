import { load, decisions } from '/work/main/bench/locator/calibrate';
const lines = load(process.argv[2] ?? '/tmp/loc-s1b.jsonl');
const ds = decisions(lines).filter((x) => !(x.d.expected >= 0 || x.d.missed) && x.bestScore >= 0.8 && x.bestScore - x.runnerUp >= 0.03);
console.log(ds.length);
const seen = new Set<string>();
for (const x of ds) {
  const k = x.d.source + '#' + x.d.i; if (seen.has(k)) continue; seen.add(k);
  const b = x.d.fps[x.best]!;
  console.log(`${x.d.source} #${x.d.i} ${x.d.kind} ${x.bestScore.toFixed(3)}/${x.runnerUp.toFixed(3)} target <${x.d.target.tag}> "${x.d.target.name}" | best <${b.tag}> "${b.name}" id=${x.d.target.id}/${b.id} href=${x.d.target.href?.path}/${b.href?.path}`);
}
