/** npm run bench [-- filter]: run every bench/*.bench.ts module, print a table, write bench/results.json. */
import { readdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResults } from '../bench/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2];
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const resultsPath = join(root, 'bench/results.json');
// A filtered run updates its own keys and keeps the others.
const all: BenchResults = filter && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults) : {};
let failed = false;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(root, 'bench', f)).href)) as { default: BenchModule };
  console.log(`\n▶ ${f}`);
  try {
    Object.assign(all, await mod.default({ root, chromePath, log: (l) => console.log(`  ${l}`) }));
  } catch (err) {
    failed = true;
    console.error(`  ✖ ${f} failed:`, err);
  }
}
writeFileSync(resultsPath, JSON.stringify(all, null, 2) + '\n');

const rows = Object.entries(all).map(([k, v]) => [k, String(v.value), v.unit, v.target, v.ok === undefined ? '' : v.ok ? '✔' : '✖']);
const head = ['key', 'value', 'unit', 'target', 'ok'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log('\n' + line(head) + '\n' + widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\nwrote ${resultsPath}`);
process.exit(failed ? 1 : 0);
