// Triage for the engine fuzz fixtures, outside vitest: replays every case of
// test/fixtures/fuzz_*.json through the engine (test/reliability/fuzzReplay.ts, bundled with
// esbuild), prints the slowest cases and the mismatches grouped by their first problem line.
//   node tools/fuzzTriage.mjs [family] [--show N]   (N examples per group, default 2)
// It only reports; the test suite is what fails.

import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 2;
const family = args.find((a, i) => !a.startsWith('--') && (showAt < 0 || i !== showAt + 1));
const tmp = mkdtempSync(join(tmpdir(), 'shape-lens-triage-'));
try {
  const bundle = join(tmp, 'replay.mjs');
  await build({ entryPoints: [join(root, 'test/reliability/fuzzReplay.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
  const { loadFuzzFiles, runCase } = await import(pathToFileURL(bundle).href);
  const groups = new Map();
  const slow = [];
  let n = 0, bad = 0;
  for (const f of loadFuzzFiles(join(root, 'test/fixtures'))) {
    if (family && f.family !== family) continue;
    for (const c of f.cases) {
      const t0 = performance.now();
      let problems;
      try {
        problems = runCase(c);
      } catch (e) {
        problems = [`harness threw: ${e}`];
      }
      const ms = performance.now() - t0;
      slow.push([ms, c.id]);
      n++;
      if (problems.length === 0) continue;
      bad++;
      const key = problems[0].replace(/-?\d+(\.\d+)?(e[-+]\d+)?/g, 'N').slice(0, 140);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ c, problems });
    }
  }
  slow.sort((a, b) => b[0] - a[0]);
  console.log(`${n} cases, ${bad} mismatches; slowest: ${slow.slice(0, 5).map(([ms, id]) => `${id} ${ms.toFixed(1)}ms`).join(', ')}`);
  for (const [key, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n== ${items.length} × ${key}`);
    for (const { c, problems } of items.slice(0, show)) {
      console.log(`  ${c.id}: ${problems.slice(0, 3).join(' | ')}`);
      console.log(`    ${JSON.stringify({ inputs: c.inputs, steps: c.steps, trace: c.trace }).slice(0, 900)}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
