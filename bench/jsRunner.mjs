// The measuring half of `npm run bench`, run by tools/bench.mjs as its own node process
// (with --expose-gc and the allocator settings described in BENCHMARKS.md): loads the engine
// bundle and the peers, finds the optional engine parts (matmul, random) that exist today,
// checks once that the engine and the plain loop agree, times every case's JS contenders,
// then times the engine's call again alone in a process of its own and runs that case's NumPy
// process (bench/numpy.mjs), and writes the raw figures as JSON. It prints progress to stderr
// and makes no tables; the caller does.
//
//   node --expose-gc bench/jsRunner.mjs '{"bundle": "...", "out": "...", "timing": {...}, "filter": null,
//                                         "numpy": {"enabled": true, "openblasDir": null, "alone": true}}'
//   node --expose-gc bench/jsRunner.mjs '{"bundle": "...", "timing": {...}, "alone": "<case name>"}'
//
// The second form is the "ours alone" figure NumPy is compared with: NumPy's process times one
// op back to back with nothing else in it, so ours is timed the same way, in a new process that
// loads no peer and runs only the engine's call. In the round-robin, each of our samples
// follows the peers' (a naive 512² matmul is 250-650 ms of other work), which leaves our
// operands and buffers out of cache: in one run, matmul 512² float32 read 5.0 ms alone and
// 6.3 ms in the round-robin.

import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadPeers, noPeers } from './peers.mjs';
import { buildCases } from './cases.mjs';
import { childAnswer, measure } from './harness.mjs';
import { runPython } from './numpy.mjs';

const opts = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
const mod = require(opts.bundle);
const np = mod.np;

/** The optional engine parts: each through the most public surface that has it. */
function engineParts() {
  const notes = {}, parts = {};
  const pyHas = (surface, name) => surface && typeof surface.hasFunction === 'function' && surface.hasFunction(name);
  if (typeof np.matmul === 'function') { parts.matmul = (a, b) => np.matmul(a, b); notes.matmulVia = 'engine/index.ts matmul'; }
  else if (pyHas(np.pycall, 'matmul')) { parts.matmul = (a, b) => np.pycall.callFunction('matmul', [a, b]); notes.matmulVia = 'engine/pycall.ts matmul'; }
  else if (mod.linalgPycall && typeof mod.linalgPycall.callMatmulFunction === 'function') { parts.matmul = (a, b) => mod.linalgPycall.callMatmulFunction('matmul', [a, b]); notes.matmulVia = 'engine/linalgPycall.ts callMatmulFunction(\'matmul\') (the `@` operator\'s entry point)'; }
  else if (mod.matmulOps && typeof mod.matmulOps.matmul === 'function') { parts.matmul = mod.matmulOps.matmul; notes.matmulVia = 'engine/ops/matmul.ts matmul (not yet in index.ts/pycall.ts)'; }
  else notes.matmul = 'no matmul in the engine yet (engine/ops/matmul.ts / engine/linalgPycall.ts not present or not building)';

  const N = 1_000_000;
  const R = np.random;
  if (R && typeof R.callRandom === 'function') {
    // the public np.random surface (engine/index.ts → engine/random/pycall.ts)
    parts.randn = () => { const rs = R.callRandom('RandomState', [0]); return () => R.callRandomMethod(rs, 'randn', [N]); };
    parts.standardNormal = () => { const g = R.callRandom('default_rng', [0]); return () => R.callRandomMethod(g, 'standard_normal', [N]); };
    notes.randnVia = "np.random RandomState(0).randn (engine/random/pycall.ts)";
    notes.standardNormalVia = "np.random default_rng(0).standard_normal (engine/random/pycall.ts)";
  } else {
    const L = mod.randomLegacy, G = mod.randomGenerator;
    if (L && typeof L.RandomState === 'function') {
      parts.randn = () => { const rs = new L.RandomState(0); return () => rs.standardNormal([N]); };
      notes.randnVia = 'engine/random/legacy.ts RandomState.standardNormal';
    } else notes.randn = 'no legacy RandomState in the engine yet (engine/random/legacy.ts)';
    if (G && typeof G.Generator === 'function' && mod.randomPcg64?.PCG64 && mod.randomSeedSequence?.SeedSequence) {
      parts.standardNormal = () => {
        const g = new G.Generator(new mod.randomPcg64.PCG64(new mod.randomSeedSequence.SeedSequence(0)));
        return () => g.standardNormal([N]);
      };
      notes.standardNormalVia = 'engine/random/generator.ts Generator(PCG64).standardNormal';
    } else notes.standardNormal = 'no Generator/PCG64 in the engine yet (engine/random/generator.ts)';
  }
  return { parts, notes };
}

function valuesOf(x) {
  if (x instanceof np.NDArray) return x.toArray();
  if (typeof x === 'number') return [x];
  if (x && typeof x.length === 'number') return Array.from(x);
  return null;
}

/** Ours and the plain loop must compute the same thing, or the comparison means nothing. */
function agree(ours, limit, f32) {
  const a = valuesOf(ours), b = valuesOf(limit);
  if (!a || !b) return 'cannot compare';
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  const tol = f32 ? 1e-4 : 1e-9;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= tol * Math.max(1, Math.abs(b[i])))) return `element ${i}: ${a[i]} vs ${b[i]}`;
  }
  return null;
}

const { parts, notes: engineNotes } = engineParts();
// the alone run loads no peer
const peers = opts.alone ? noPeers('not loaded in the alone run') : await loadPeers();
const cases = buildCases({ np, ...parts, engineNotes, peers });
const filter = opts.filter ? new RegExp(opts.filter) : null;
const timing = opts.timing;

if (opts.alone) {
  const c = cases.find((x) => x.name === opts.alone);
  const made = c.make();
  const figures = measure([{ id: 'ours', fn: made.ours }], timing);
  made.cleanup?.();
  process.stdout.write(`${JSON.stringify(figures.ours)}\n`);
  process.exit(0);
}

/** The engine's call for case `name`, timed by a new process of this script (same flags, same environment). */
function timeAlone(name) {
  return childAnswer(spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), JSON.stringify({ bundle: opts.bundle, timing, alone: name })],
    { encoding: 'utf8', timeout: 300_000 }));
}

/** esbuild marks each bundled module with a `// engine/…` comment: bundle line → source file. */
let moduleStarts = null;
function where(frame) {
  if (!frame.url) return '';
  if (!frame.url.endsWith('.cjs')) return `${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
  if (!moduleStarts) {
    moduleStarts = [];
    readFileSync(opts.bundle, 'utf8').split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:engine|src)\/\S+\.ts)$/.exec(line);
      if (m) moduleStarts.push([i, m[1]]);
    });
  }
  let file = 'bundle';
  for (const [i, f] of moduleStarts) if (i <= frame.lineNumber) file = f;
  return `${file} (bundle line ${frame.lineNumber + 1})`;
}

/** `--profile REGEX`: CPU-profile the engine's call for the matching cases and print the hot functions. */
async function profileOurs(c) {
  const { Session } = await import('node:inspector/promises');
  const made = c.make();
  const t0 = performance.now();
  while (performance.now() - t0 < 300) made.ours(); // warm
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const t1 = performance.now();
  let calls = 0;
  while (performance.now() - t1 < 2000) { made.ours(); calls++; }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  made.cleanup?.();
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  let total = 0;
  for (const n of profile.nodes) {
    const us = dt.get(n.id) || 0;
    total += us;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${where(f)}`.trim();
    self.set(key, (self.get(key) || 0) + us);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  process.stderr.write(`\nprofile of ours: ${c.name} — ${calls} calls, ${((performance.now() - t1) / calls).toFixed(3)} ms per call\n`);
  for (const [k, us] of top) process.stderr.write(`  ${(100 * us / total).toFixed(1).padStart(5)}%  ${k}\n`);
}

if (opts.profile) {
  const re = new RegExp(opts.profile);
  for (const c of cases) if (re.test(c.name) && !c.skip) await profileOurs(c);
  process.exit(0);
}

const results = [];
for (const c of cases) {
  if (filter && !filter.test(c.name)) continue;
  const row = { name: c.name, kind: c.kind, numpy: c.numpy };
  if (c.skip) {
    row.skip = c.skip;
    results.push(row);
    process.stderr.write(`  skip  ${c.name}: ${c.skip}\n`);
    continue;
  }
  const t0 = Date.now();
  const made = c.make();
  const contenders = [{ id: 'ours', fn: made.ours }];
  if (made.limit) contenders.push({ id: 'plain loop', fn: made.limit });
  for (const [id, fn] of Object.entries(made.peers)) contenders.push({ id, fn });
  if (made.check === 'values' || made.check === 'scalar') {
    try {
      const bad = agree(made.ours(), made.limit(), c.name.includes('float32'));
      if (bad) row.mismatch = bad;
    } catch (e) {
      row.mismatch = String(e.message || e);
    }
  }
  row.figures = measure(contenders, timing);
  row.omit = made.omit;
  row.notes = made.notes || {};
  made.cleanup?.();
  globalThis.gc?.(); // a full GC between benchmarks, untimed
  if (opts.numpy?.enabled && c.numpy) {
    // right after the JS contenders, so NumPy sees the same machine load; ours alone just before it
    if (opts.numpy.alone) row.figures['ours alone'] = timeAlone(c.name);
    const spec = JSON.stringify({ ...c.numpy, ...timing });
    row.figures.numpy = runPython(['case', spec]);
    if (c.numpy.openblas && opts.numpy.openblasDir) row.figures['numpy+openblas'] = runPython(['case', spec], opts.numpy.openblasDir);
  }
  results.push(row);
  const fmt = (f) => (f === undefined ? '' : f.ms !== undefined ? `${f.ms.toFixed(3)} ms` : f.error);
  process.stderr.write(`  ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s ${c.name}: ours ${fmt(row.figures.ours)}${row.figures['ours alone'] ? ` (alone ${fmt(row.figures['ours alone'])})` : ''}${row.figures.numpy ? `, numpy ${fmt(row.figures.numpy)}` : ''}${row.mismatch ? `  MISMATCH ${row.mismatch}` : ''}\n`);
}

writeFileSync(opts.out, JSON.stringify({
  node: process.version, v8: process.versions.v8, peers: peers.versions, peersFailed: peers.failed,
  engineNotes, timing, results,
}, null, 1));
