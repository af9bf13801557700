// Regenerates the engine fuzz fixtures: builds the case specs with the fast-check generator
// (test/reliability/fuzzGen.ts, fixed seeds), has real NumPy answer them
// (tools/fuzz_numpy.py under /usr/bin/python3) and writes test/fixtures/fuzz_<family>.json.
//   node tools/fuzz.mjs            all families
//   node tools/fuzz.mjs views      one family
// Tests never run this; they read the JSON.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'shape-lens-fuzz-'));
try {
  const bundle = join(tmp, 'fuzzGen.mjs');
  await build({
    entryPoints: [join(root, 'test/reliability/fuzzGen.ts')], bundle: true, platform: 'node', format: 'esm',
    outfile: bundle, logLevel: 'error',
  });
  const gen = await import(pathToFileURL(bundle).href);
  const wanted = process.argv.slice(2);
  const families = gen.FAMILIES.filter((f) => wanted.length === 0 || wanted.includes(f.name));
  const specs = families.map((f) => ({ family: f.name, seed: f.seed, count: f.count, cases: gen.generateFamily(f) }));
  const specFile = join(tmp, 'specs.json');
  writeFileSync(specFile, gen.toJson(specs));
  execFileSync('/usr/bin/python3', [join(root, 'tools/fuzz_numpy.py'), specFile, join(root, 'test/fixtures')], { stdio: 'inherit' });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
