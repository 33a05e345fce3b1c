/** build.<entrypoint>.gzipKB: gzip size of each built entrypoint (its JS and CSS, shared chunks included). */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchModule, BenchResults } from './types';

const gzipKB = (files: string[]) =>
  Math.round((files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024) * 10) / 10;

/** Files an HTML entrypoint loads: its scripts, stylesheets and their static imports (chunks). */
function htmlAssets(dir: string, html: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const abs = join(dir, rel.replace(/^\//, ''));
    if (seen.has(abs) || !existsSync(abs)) return;
    seen.add(abs);
    if (abs.endsWith('.js')) {
      const src = readFileSync(abs, 'utf8');
      for (const m of src.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
        const spec = m[1]!;
        visit(spec.startsWith('/') ? spec : join(rel, '..', spec));
      }
    }
  };
  const text = readFileSync(join(dir, html), 'utf8');
  for (const m of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) visit(m[1]!);
  return [...seen];
}

const run: BenchModule = async ({ root, log }) => {
  const dir = join(root, '.output/chrome-mv3');
  log('building the production extension …');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  const out: BenchResults = {};
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const name = html.replace(/\.html$/, '');
    out[`build.${name}.gzipKB`] = { value: gzipKB(htmlAssets(dir, html)), unit: 'KB gzip', target: 'report' };
  }
  out['build.background.gzipKB'] = { value: gzipKB([join(dir, 'background.js')]), unit: 'KB gzip', target: 'report' };
  const cs = readdirSync(join(dir, 'content-scripts')).map((f) => join(dir, 'content-scripts', f));
  const csKB = gzipKB(cs);
  out['build.lotse-content.gzipKB'] = { value: csKB, unit: 'KB gzip', target: 'report' };
  out['contentScript.gzipKB'] = { value: csKB, unit: 'KB gzip', target: '≤ 80', ok: csKB <= 80 };
  return out;
};
export default run;
