/**
 * npm run build:locator → dist/locator/lotse-locator.js: an IIFE that sets
 * `globalThis.LotseLocator = { describe, rank, resolve, version }`, loadable into any page with a script tag.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildLocator(
  outfile = join(root, 'dist/locator/lotse-locator.js'),
  minify = true,
): Promise<string> {
  await build({
    entryPoints: [join(root, 'lib/locator/standalone.ts')],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115'],
    minify,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildLocator();
  console.log(`wrote ${out} (${(statSync(out).size / 1024).toFixed(1)} KB)`);
}
