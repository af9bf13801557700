// `npm run bench [-- --quick] [--filter REGEX] [--profile REGEX] [--no-numpy]`: the engine against its peers and the
// limit (issue 8). Installs the peers into bench/node_modules on first use (never into the
// extension's dependencies), bundles the engine with esbuild, runs the JS cases in one child
// process (bench/jsRunner.mjs) and NumPy once per op (bench/numpyBench.py), then prints the
// table and writes bench/results.json and BENCHMARKS.md. Figures are medians of timed
// samples after warm-up; every ratio compares figures from this one invocation.
// The analyzer and interpreter rows come from bench/analyzer.mjs, the inspector's from
// bench/inspector.mjs, the editor's (real VS Code: activation, keystroke-to-hints; sizes) from bench/editor.mjs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PYTHON, runPython } from '../bench/numpy.mjs';
import { benchInspector } from '../bench/inspector.mjs';
import { benchEditor } from '../bench/editor.mjs';
import { median } from '../bench/harness.mjs';
import { benchAnalyzer } from '../bench/analyzer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const buildDir = path.join(benchDir, '.build');
const cacheDir = path.join(benchDir, '.cache');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const filterAt = argv.indexOf('--filter');
const filter = filterAt >= 0 ? argv[filterAt + 1] : null;
const skipNumpy = argv.includes('--no-numpy');
const profileAt = argv.indexOf('--profile');
const profile = profileAt >= 0 ? argv[profileAt + 1] : null;
const started = Date.now();
const loadAtStart = os.loadavg()[0];
const log = (s) => process.stderr.write(`${s}\n`);
mkdirSync(buildDir, { recursive: true });

// ---- peers: bench/package.json, installed on first use ---------------------------------

function ensurePeers() {
  const marker = path.join(benchDir, 'node_modules', '.package-lock.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(path.join(benchDir, 'package.json')).mtimeMs;
  if (fresh) return null;
  log('bench: installing the peers into bench/node_modules (first use; --ignore-scripts) …');
  // --ignore-scripts: numjs pulls in sharp, whose install script fails here; nothing we time needs it
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: benchDir, stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0 ? null : `npm install in bench/ exited with ${r.status}: peers that did not install are omitted`;
}

// ---- OpenBLAS for NumPy's matmul rows, for the NumPy command only ---------------------

/** A directory holding OpenBLAS's libblas.so.3 (for LD_LIBRARY_PATH), or a reason why not. */
function findOpenblas() {
  const system = '/usr/lib/x86_64-linux-gnu/openblas-pthread';
  if (existsSync(path.join(system, 'libblas.so.3'))) return { dir: system, source: 'Debian libopenblas0-pthread (installed)' };
  const local = path.join(cacheDir, 'openblas', 'usr', 'lib', 'x86_64-linux-gnu', 'openblas-pthread');
  if (existsSync(path.join(local, 'libblas.so.3'))) return { dir: local, source: 'Debian libopenblas0-pthread, unpacked into bench/.cache' };
  mkdirSync(cacheDir, { recursive: true });
  log('bench: fetching Debian\'s libopenblas0-pthread into bench/.cache (first use; not installed system-wide) …');
  const dl = spawnSync('apt-get', ['download', 'libopenblas0-pthread'], { cwd: cacheDir, encoding: 'utf8', timeout: 120_000 });
  const deb = existsSync(cacheDir) ? readdirSync(cacheDir).find((f) => f.startsWith('libopenblas0-pthread') && f.endsWith('.deb')) : undefined;
  if (!deb) return { reason: `apt-get download libopenblas0-pthread failed (${(dl.stderr || dl.error?.message || '').trim().split('\n').pop()}); run apt-get update first` };
  const x = spawnSync('dpkg-deb', ['-x', path.join(cacheDir, deb), path.join(cacheDir, 'openblas')], { encoding: 'utf8' });
  if (x.status !== 0 || !existsSync(path.join(local, 'libblas.so.3'))) return { reason: `dpkg-deb -x failed: ${x.stderr}` };
  return { dir: local, source: `${deb}, unpacked into bench/.cache` };
}

// ---- the engine bundle -----------------------------------------------------------------

/** Optional parts of the engine that other work is adding: bundled when present and building. */
const OPTIONAL = [
  ['matmulOps', 'engine/ops/matmul.ts'],
  ['linalgPycall', 'engine/linalgPycall.ts'],
  ['randomLegacy', 'engine/random/legacy.ts'],
  ['randomGenerator', 'engine/random/generator.ts'],
  ['randomPcg64', 'engine/random/pcg64.ts'],
  ['randomSeedSequence', 'engine/random/seedSequence.ts'],
];

async function bundleEngine() {
  const outfile = path.join(buildDir, 'engine.cjs');
  const entry = (names) => [
    "export * as np from './engine/index';",
    ...OPTIONAL.filter(([n]) => names.includes(n)).map(([n, f]) => `export * as ${n} from './${f.replace(/\.ts$/, '')}';`),
  ].join('\n');
  const attempt = (names) => build({
    stdin: { contents: entry(names), resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile, logLevel: 'silent',
  }).then(() => true, () => false);
  const present = OPTIONAL.filter(([, f]) => existsSync(path.join(root, f))).map(([n]) => n);
  const notes = {};
  let ok = present;
  if (!(await attempt(present))) {
    // some work in progress does not build: keep the parts that build on their own
    ok = [];
    for (const n of present) {
      if (await attempt([n])) ok.push(n);
      else notes[n] = 'present but does not build yet';
    }
    if (!(await attempt(ok))) throw new Error('engine/index.ts does not build');
  }
  return { outfile, parts: ok, notes };
}

// ---- running ----------------------------------------------------------------------------

/** glibc settings for the JS child: freed buffers are recycled instead of unmapped (see BENCHMARKS.md). */
const ALLOC_ENV = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: String(256 * 1024 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(1024 * 1024 * 1024),
  MALLOC_TOP_PAD_: String(256 * 1024 * 1024),
};

/**
 * --expose-gc: the harness collects between samples. --no-flush-bytecode: V8 otherwise drops
 * the bytecode of functions idle across several full GCs, and a contender waiting its turn in
 * the round-robin would be re-compiled and timed cold.
 */
const NODE_FLAGS = ['--expose-gc', '--no-flush-bytecode'];

function runNode(script, args, env) {
  const r = spawnSync(process.execPath, [...NODE_FLAGS, script, ...args], {
    cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${path.basename(script)} exited with ${r.status}`);
  return r.stdout;
}

// ---- main -------------------------------------------------------------------------------

const setupNotes = [];
const installProblem = ensurePeers();
if (installProblem) setupNotes.push(installProblem);
const bundle = await bundleEngine();
log(`bench: engine bundled (${['index', ...bundle.parts].join(', ')})`);

let numpyInfo = null, openblas = null;
if (skipNumpy) setupNotes.push('NumPy rows skipped (--no-numpy)');
else if (!existsSync(PYTHON)) setupNotes.push(`NumPy rows skipped: ${PYTHON} not found`);
else {
  numpyInfo = runPython(['info']);
  if (numpyInfo.error) { setupNotes.push(`NumPy rows skipped: ${numpyInfo.error}`); numpyInfo = null; }
}
if (numpyInfo && !numpyInfo.blas.some((b) => b.internal_api === 'openblas')) {
  openblas = findOpenblas();
  if (openblas.dir) {
    openblas.info = runPython(['info'], openblas.dir);
    if (!openblas.info.blas?.some((b) => b.internal_api === 'openblas')) openblas = { reason: 'NumPy did not pick up OpenBLAS through LD_LIBRARY_PATH' };
  }
}
// --quick leaves out the "ours alone" processes (about 20 s): its 50 ms warm-up is too short for
// a new process (V8 still runs the gemm kernel in its baseline compiler, and the first 8 MB
// results land on untouched memory), so NumPy is then compared with the round-robin figure
const numpyOpts = { enabled: Boolean(numpyInfo), openblasDir: openblas?.dir ?? null, alone: !quick };

/** Warm-up: at least `warmup` calls and `warmupMs`; then `runs` samples of at least `minSampleMs`. */
const timing = quick ? { warmup: 1, warmupMs: 50, runs: 7, minSampleMs: 1, slowMs: 50, slowRuns: 3 } : { warmup: 3, warmupMs: 500, runs: 11, minSampleMs: 5 };
if (profile) {
  // `--profile REGEX`: where the engine's time goes in the matching cases; no tables, no files
  // (the bundle keeps function names; sourcemaps are not applied, so lines are the bundle's)
  runNode(path.join(benchDir, 'jsRunner.mjs'), [JSON.stringify({ bundle: bundle.outfile, profile })], ALLOC_ENV);
  process.exit(0);
}
const rawFile = path.join(buildDir, 'js.json');
log(`bench: cases, each followed by its NumPy process (${quick ? 'quick' : 'full'}: warm-up >= ${timing.warmup} calls and ${timing.warmupMs} ms, then ${timing.runs} timed samples of >= ${timing.minSampleMs} ms) …`);
runNode(path.join(benchDir, 'jsRunner.mjs'), [JSON.stringify({ bundle: bundle.outfile, out: rawFile, timing, filter, numpy: numpyOpts })], ALLOC_ENV);
const js = JSON.parse(readFileSync(rawFile, 'utf8'));

log('bench: allocation probe …');
const probe = {
  default: JSON.parse(runNode(path.join(benchDir, 'allocProbe.mjs'), [JSON.stringify({ gc: false })], {})),
  bench: JSON.parse(runNode(path.join(benchDir, 'allocProbe.mjs'), [JSON.stringify({ gc: true })], ALLOC_ENV)),
};

// ---- rows, table, files ------------------------------------------------------------------

const sig = (x) => Number(x.toPrecision(4));
const NUMPY_PEERS = ['numpy', 'numpy+openblas'];
/**
 * The figure of ours a peer is compared with: NumPy times itself alone in its own process, so
 * it is compared with ours timed alone in its own process (jsRunner.mjs); the JS peers with
 * ours in the same round-robin as them.
 */
/** A row's figures are ours ('ours', 'ours alone') and the peers' (every other key, the plain loop and NumPy included). */
const isPeer = (id) => id !== 'ours' && id !== 'ours alone';
const oursFor = (r, peer) => (NUMPY_PEERS.includes(peer) && r.figures['ours alone']?.ms !== undefined ? r.figures['ours alone'] : r.figures.ours);
const rows = [];
for (const r of js.results) {
  if (r.figures?.ours?.ms === undefined) continue;
  for (const [peer, f] of Object.entries(r.figures)) {
    if (!isPeer(peer) || f.ms === undefined) continue;
    const ours = oursFor(r, peer);
    rows.push({
      name: r.name, ours_ms: sig(ours.ms), peer, peer_ms: sig(f.ms), ratio: Number((f.ms / ours.ms).toFixed(3)),
      ...(ours !== r.figures.ours ? { ours_timed: 'alone, in its own process, as NumPy is' } : {}),
    });
  }
}

const JS_PEERS = ['tfjs-core-cpu', 'ndarray-ops', 'ml-matrix', 'numjs'];
const COLUMNS = ['plain loop', 'numpy', 'numpy+openblas', ...JS_PEERS];
const base = (peer) => peer.replace(/ \(.*\)$/, '');
/** Interquartile range over median of a figure's samples: how far to trust it. */
function spread(f) {
  const xs = [...(f?.samples ?? [])].sort((a, b) => a - b);
  if (xs.length < 4) return 0;
  const q = (p) => xs[Math.min(xs.length - 1, Math.round(p * (xs.length - 1)))];
  return (q(0.75) - q(0.25)) / q(0.5);
}
const NOISY = 0.25;
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms >= 0.01 ? ms.toFixed(3) : ms.toPrecision(2));

function wideTable() {
  const head = ['benchmark', 'ours ms', 'ours alone ms', ...COLUMNS.map((c) => `${c} ms (ratio)`)];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`];
  for (const r of js.results) {
    const ours = r.figures?.ours;
    if (r.skip) { lines.push(`| ${r.name} | skipped: ${r.skip} |${' |'.repeat(COLUMNS.length + 1)}`); continue; }
    if (ours?.ms === undefined) { lines.push(`| ${r.name} | error: ${ours?.error} |${' |'.repeat(COLUMNS.length + 1)}`); continue; }
    const cells = COLUMNS.map((c) => {
      const hit = Object.entries(r.figures).find(([p]) => isPeer(p) && base(p) === c);
      if (!hit) return '—';
      const [p, f] = hit;
      if (f.ms === undefined) return `error`;
      const tag = p !== c ? ` ${p.slice(c.length + 1)}` : '';
      const vs = oursFor(r, p);
      const noisy = spread(f) > NOISY || spread(vs) > NOISY ? '~' : '';
      return `${fmtMs(f.ms)} (${noisy}${(f.ms / vs.ms).toFixed(2)})${tag}`;
    });
    const alone = r.figures['ours alone'];
    const aloneCell = alone === undefined ? '—' : alone.ms === undefined ? 'error' : fmtMs(alone.ms);
    lines.push(`| ${r.name}${r.mismatch ? ' ⚠' : ''} | ${fmtMs(ours.ms)} | ${aloneCell} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const table = wideTable();
const cellCount = rows.length;
const noisyCount = js.results.reduce((k, r) => k + Object.entries(r.figures ?? {})
  .filter(([p, f]) => isPeer(p) && f.ms !== undefined && r.figures.ours?.ms !== undefined && (spread(f) > NOISY || spread(oursFor(r, p)) > NOISY)).length, 0);
console.log(table);

// targets
const fig = (r, peer) => r.figures?.[peer]?.ms;
const measured = js.results.filter((r) => fig(r, 'ours') !== undefined);
function targetTable(title, list, cols, pass) {
  const ok = list.filter(pass).length;
  const head = `### ${title} — ${list.length === 0 ? 'not measurable in this run' : `met on ${ok} of ${list.length}`}`;
  if (list.length === 0) return head;
  const lines = [head, '', `| ${cols.map((c) => c[0]).join(' | ')} | met |`, `|${cols.map(() => '---').join('|')}|---|`];
  for (const r of list) lines.push(`| ${cols.map((c) => c[1](r)).join(' | ')} | ${pass(r) ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
const fastestJs = (r) => Object.entries(r.figures).filter(([p, f]) => JS_PEERS.includes(base(p)) && f.ms !== undefined).sort((a, b) => a[1].ms - b[1].ms)[0];
const t1 = targetTable('ratio ≥ 1.0 against the fastest JS peer on every op', measured.filter(fastestJs), [
  ['benchmark', (r) => r.name], ['fastest JS peer', (r) => fastestJs(r)[0]], ['peer ms', (r) => fmtMs(fastestJs(r)[1].ms)],
  ['ours ms', (r) => fmtMs(fig(r, 'ours'))], ['ratio', (r) => (fastestJs(r)[1].ms / fig(r, 'ours')).toFixed(2)],
], (r) => fastestJs(r)[1].ms / fig(r, 'ours') >= 1);
/** Under a missed row: how the plain loop (the issue's limit) did against the same mark in the same run. */
function limitNote(rows, what) {
  const lines = rows.filter((r) => fig(r, 'plain loop') !== undefined).map((r) => `- ${r.name}: the plain loop took ${fmtMs(fig(r, 'plain loop'))} ms, ${what(r)}.`);
  return lines.length ? `\n\nThe limit on the missed rows:\n\n${lines.join('\n')}` : '';
}
const t1limit = limitNote(measured.filter((r) => fastestJs(r) && fastestJs(r)[1].ms < fig(r, 'ours')),
  (r) => `ratio ${(fastestJs(r)[1].ms / fig(r, 'plain loop')).toFixed(2)} against ${fastestJs(r)[0]}`);
const t2 = targetTable('elementwise within 1.5× of the plain loop', measured.filter((r) => r.kind === 'elementwise' && fig(r, 'plain loop') !== undefined), [
  ['benchmark', (r) => r.name], ['ours ms', (r) => fmtMs(fig(r, 'ours'))], ['plain loop ms', (r) => fmtMs(fig(r, 'plain loop'))],
  ['ours / loop', (r) => `${(fig(r, 'ours') / fig(r, 'plain loop')).toFixed(2)}×`],
], (r) => fig(r, 'ours') <= 1.5 * fig(r, 'plain loop'));
/** Ours as compared with `peer` (NumPy: ours alone), and the round-robin figure beside it when that differs. */
const vsMs = (r, peer) => oursFor(r, peer).ms;
const timedAlone = measured.some((r) => fig(r, 'ours alone') !== undefined);
const oursCols = (peer) => (timedAlone
  ? [['ours alone ms', (r) => fmtMs(vsMs(r, peer))], ['ours in the round-robin ms', (r) => fmtMs(fig(r, 'ours'))]]
  : [['ours ms', (r) => fmtMs(fig(r, 'ours'))]]);
const t3 = targetTable('elementwise and reductions within 2× of NumPy', measured.filter((r) => ['elementwise', 'reduction'].includes(r.kind) && fig(r, 'numpy') !== undefined), [
  ['benchmark', (r) => r.name], ...oursCols('numpy'), ['NumPy ms', (r) => fmtMs(fig(r, 'numpy'))],
  ['ours / NumPy', (r) => `${(vsMs(r, 'numpy') / fig(r, 'numpy')).toFixed(2)}×`],
], (r) => vsMs(r, 'numpy') <= 2 * fig(r, 'numpy'));
const t3limit = limitNote(measured.filter((r) => ['elementwise', 'reduction'].includes(r.kind) && fig(r, 'numpy') !== undefined && vsMs(r, 'numpy') > 2 * fig(r, 'numpy')),
  (r) => `${(fig(r, 'plain loop') / fig(r, 'numpy')).toFixed(2)}× NumPy (timed in the round-robin)`);
const mm512 = measured.filter((r) => r.name.startsWith('matmul 512x512') && fig(r, 'numpy+openblas') !== undefined);
const t4 = targetTable('matmul 512² within 4× of NumPy with OpenBLAS', mm512, [
  ['benchmark', (r) => r.name], ...oursCols('numpy+openblas'), ['NumPy+OpenBLAS ms', (r) => fmtMs(fig(r, 'numpy+openblas'))],
  ['ours / NumPy', (r) => `${(vsMs(r, 'numpy+openblas') / fig(r, 'numpy+openblas')).toFixed(2)}×`],
], (r) => vsMs(r, 'numpy+openblas') <= 4 * fig(r, 'numpy+openblas'));
const mmSkip = js.results.find((r) => r.kind === 'matmul' && r.skip);
const t4note = mm512.length ? '' : `\n\nNot measurable in this run: ${mmSkip ? `the engine has no matmul yet (${mmSkip.skip})` : openblas?.reason ?? 'no NumPy with OpenBLAS'}.`;

/** How far the two figures of ours lie apart in this run: the median and the widest ratio of round-robin over alone. */
function aloneGap() {
  const ratios = measured.filter((r) => fig(r, 'ours alone') !== undefined).map((r) => [r.name, fig(r, 'ours') / fig(r, 'ours alone')]);
  if (ratios.length === 0) return '';
  const widest = ratios.reduce((a, b) => (b[1] > a[1] ? b : a));
  return ` Round-robin over alone in this run: median ${median(ratios.map((x) => x[1])).toFixed(2)}×, at most ${widest[1].toFixed(2)}× (${widest[0]}).`;
}

/** Wall time of this run, and the CPU time of its children (node and python) from /proc. */
function runDuration() {
  const wall = `${((Date.now() - started) / 1000).toFixed(0)} s wall`;
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    const ticks = Number(f[13]) + Number(f[14]); // cutime + cstime (fields 16, 17), 100 Hz on Linux
    const own = process.cpuUsage();
    return `${wall}, ${(ticks / 100 + (own.user + own.system) / 1e6).toFixed(0)} s CPU (on an idle machine wall ≈ CPU)`;
  } catch {
    return wall;
  }
}

// machine and versions
const gitRev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'engine'], { cwd: root, encoding: 'utf8' }).stdout.trim() ? ' (engine/ has uncommitted changes)' : '';
const esbuildVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version;
const blasText = (info) => [...new Set(info.blas.map((b) => `${b.internal_api}${b.version ? ` (${b.version})` : ''}${b.architecture ? `, kernel ${b.architecture}` : ''}${b.num_threads ? `, ${b.num_threads} threads` : ''}`))].join('; ')
  + ` — ${info.blas.map((b) => path.basename(b.filepath)).join(', ')}`;
const machine = [
  ['date', new Date().toISOString().replace(/\.\d+Z$/, 'Z')],
  ['mode', `${quick ? '`npm run bench -- --quick`' : '`npm run bench`'}: warm-up ≥ ${js.timing.warmup} calls and ≥ ${js.timing.warmupMs} ms, then ${js.timing.runs} timed samples${js.timing.slowRuns ? ` (${js.timing.slowRuns} of a contender whose call takes over ${js.timing.slowMs} ms)` : ''}, each ≥ ${js.timing.minSampleMs} ms (repeating the call); median per call${filter ? `; filter /${filter}/` : ''}`],
  ['commit', `${gitRev}${dirty}`],
  ['duration', runDuration()],
  ['CPU', `${os.cpus()[0].model}, ${os.cpus().length} cores`],
  ['memory', `${Math.round(os.totalmem() / 2 ** 30)} GiB`],
  ['load average', `${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end (1-minute; other work on the machine adds noise)`],
  ['OS', `${os.type()} ${os.release()}`],
  ['node', `${js.node} (V8 ${js.v8}), engine bundled with esbuild ${esbuildVersion}`],
  ...Object.entries(js.peers).map(([k, v]) => [k, v]),
  ...Object.entries(js.peersFailed).map(([k, v]) => [k, `not loaded: ${v}`]),
  ['NumPy', numpyInfo ? `${numpyInfo.numpy} on Python ${numpyInfo.python} (${PYTHON}); BLAS: ${blasText(numpyInfo)}` : setupNotes.filter((n) => n.startsWith('NumPy')).join('; ')],
  ['NumPy+OpenBLAS', openblas?.info ? `same NumPy with LD_LIBRARY_PATH=${path.relative(root, openblas.dir) || openblas.dir} (${openblas.source}); BLAS: ${blasText(openblas.info)}` : openblas?.reason ?? (numpyInfo ? 'the system NumPy already uses OpenBLAS' : '—')],
];

const omitted = [];
for (const r of js.results) {
  for (const [p, why] of Object.entries(r.omit || {})) omitted.push(`| ${r.name} | ${p} | ${why} |`);
  for (const [p, f] of Object.entries(r.figures || {})) if (f.error) omitted.push(`| ${r.name} | ${p} | failed: ${f.error} |`);
}
const notes = [];
for (const r of js.results) for (const [p, n] of Object.entries(r.notes || {})) notes.push(`| ${r.name} | ${p} | ${n} |`);
const mismatches = js.results.filter((r) => r.mismatch).map((r) => `- ⚠ ${r.name}: the engine and the plain loop disagree (${r.mismatch})`);

// allocation parity: page faults per call, ours vs the plain loop
const faultRows = js.results.filter((r) => fig(r, 'ours') !== undefined && fig(r, 'plain loop') !== undefined)
  .map((r) => [r.name, r.figures.ours.faults, r.figures['plain loop'].faults, r.figures.numpy?.faults]);
const maxFaults = (i) => Math.max(0, ...faultRows.map((f) => f[i] ?? 0));
/** Which op had the most faults per call (when any had): the row to distrust first. */
const worstFaults = (i) => { const w = faultRows.filter((f) => (f[i] ?? 0) > 0).sort((a, b) => b[i] - a[i])[0]; return w ? ` (${w[0]})` : ''; };
const p = probe;

// analyzer (parse, full, incremental, vs pyright) and the interpreter loop (bench/analyzer.mjs)
const analyzer = await benchAnalyzer({ quick, filter, log });
rows.push(...analyzer.rows);

// inspector first paint in headless Chromium (bench/inspector.mjs; skipped when --filter matches none of its rows)
const inspector = await benchInspector({ quick, filter, log });
rows.push(...inspector.rows);

// editor: activation and keystroke-to-hints in the real VS Code harness, bundle and .vsix sizes (bench/editor.mjs)
const editor = await benchEditor({ quick, filter, log });
rows.push(...editor.rows);

const md = `# Benchmarks

Written by \`npm run bench\` (tools/bench.mjs) — rerun it rather than editing this file. Issue 8
asks for the engine, the analyzer and the extension against the best peers; the engine, the
analyzer, scratch evaluation, the editor and the inspector have rows here.

**How to read.** Each cell is a median time per call in milliseconds and, in brackets, the
ratio \`peer_ms / ours_ms\` measured in this same run: above 1 means the engine is faster. The
plain loop is the limit: a hand-written loop over a \`Float64Array\` (or \`Float32Array\`) that
allocates its output the way the engine does. \`bench/results.json\` holds the same figures as
rows \`{name, ours_ms, peer, peer_ms, ratio}\`.

## Machine and versions

| | |
|---|---|
${machine.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}

## Engine, against peers and the limit

${table}

— : the peer has no such op (reasons below). tfjs has no float64 dtype, so its float64 rows run
in float32. ~ marks a ratio where either figure's samples spread by more than ${NOISY * 100}% (interquartile
range over median; ${noisyCount} of ${cellCount} here): machine noise, treat it as approximate${mismatches.length ? `\n\n${mismatches.join('\n')}` : ''}.

## Targets

${t1}${t1limit}

${t2}

${t3}${t3limit}

${t4}${t4note}

## Peers omitted, and how peers were called

| benchmark | peer | why omitted |
|---|---|---|
${omitted.join('\n')}

| benchmark | contender | how |
|---|---|---|
${notes.join('\n')}

Engine parts: matmul ${js.engineNotes.matmulVia ?? `— ${js.engineNotes.matmul}`}; legacy randn ${js.engineNotes.randnVia ?? `— ${js.engineNotes.randn}`}; default_rng ${js.engineNotes.standardNormalVia ?? `— ${js.engineNotes.standardNormal}`}.${Object.keys(bundle.notes).length ? ` Not bundled: ${Object.entries(bundle.notes).map(([k, v]) => `${k} (${v})`).join(', ')}.` : ''}${setupNotes.length ? `\n\nSetup: ${setupNotes.join('; ')}.` : ''}

## Method and fairness

- **Same allocation for everyone.** Every contender returns a freshly allocated result on
  every call, as \`np.add(a, b)\` does; the plain loop does \`new Float64Array(n)\` per call too.
  On this VM the first touch of fresh memory is expensive, and whether a call touches fresh
  memory depends on when V8 last collected: with node's defaults, ${p.default.fresh.faultedCalls} of ${p.default.fresh.calls} calls of a plain
  add of 1e6 float64 into a new 8 MB array page-faulted (${Math.round(p.default.fresh.faultsPerFaultedCall)} faults, ${p.default.fresh.faultedMs === null ? '—' : fmtMs(p.default.fresh.faultedMs)} ms per such call)
  against ${p.default.fresh.cleanMs === null ? '—' : fmtMs(p.default.fresh.cleanMs)} ms for the others and ${fmtMs(p.default.reused.ms)} ms into a reused buffer — so untreated medians
  flip between the two. The JS cases therefore run in one node process
  (\`${NODE_FLAGS.join(' ')}\`) with a young-generation GC before each sample (outside the timing)
  and glibc told to recycle freed memory rather than return it
  (\`${Object.entries(ALLOC_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}\`). Under these settings
  ${p.bench.fresh.faultedCalls} of ${p.bench.fresh.calls} calls faulted and the fresh-output loop took ${fmtMs(p.bench.fresh.ms)} ms (reused buffer: ${fmtMs(p.bench.reused.ms)} ms).
  NumPy's process recycles memory this way by itself (glibc's adaptive mmap threshold). Median
  page faults per call over all ops: NumPy at most ${maxFaults(3).toFixed(0)}, the engine at most ${maxFaults(1).toFixed(0)}${worstFaults(1)}, the plain
  loop at most ${maxFaults(2).toFixed(0)}${worstFaults(2)}.
- **Timing.** For each benchmark the contenders are timed round-robin (sample k of each before
  sample k+1 of any), so drift hits all alike. A sample repeats the call until it lasts at least
  ${js.timing.minSampleMs} ms and records the mean per call; the figure is the median of ${js.timing.runs} samples, taken after a
  warm-up of at least ${js.timing.warmup} call(s) and ${js.timing.warmupMs} ms per contender (JIT-compiled code needs the time). NumPy runs as one \`${PYTHON}\` process per op, started right after that op's JS contenders
  (so both see the same machine load), timing itself with \`time.perf_counter\` under
  the same protocol (gc.collect before each sample), with \`OPENBLAS_CORETYPE\` and \`OPENBLAS_L2_SIZE\`
  unset for that command only.
- **Ours alone, for NumPy.** NumPy's process runs one op back to back and nothing else, while
  in the round-robin each of our samples follows the peers' (a naive 512² matmul is hundreds of
  milliseconds of other work, which leaves our operands and buffers out of cache). So just
  before each NumPy process the engine's call is timed again the same way NumPy is: in a new
  node process (same flags and allocator settings) that loads no peer and runs only that call,
  under the same protocol. The NumPy ratios and the NumPy targets use that figure ("ours
  alone"); the JS peers and the plain loop are compared with ours in their round-robin ("ours").
  Both figures are in the table.${quick ? ' (`--quick` does not time ours alone: its warm-up is too short for a new process, so there NumPy is compared with the round-robin figure.)' : aloneGap()}
- **Checked.** Before timing, the engine's result is compared with the plain loop's (values within
  1e-9 relative, 1e-4 for float32); a ⚠ marks a disagreement.
- **Inputs.** Uniform values in [0, 1) (exp: [-1, 1)) from a fixed xorshift in JS and from
  \`default_rng(0)\` in NumPy: the same distribution, not the same numbers.
- **BLAS.** Debian's NumPy here is linked to the reference BLAS (\`libblas3\`), which is why
  matmul rows also show NumPy with OpenBLAS (Debian's build, loaded through \`LD_LIBRARY_PATH\` for
  that command only; it uses every core, the engine one).

${analyzer.markdown}
${editor.markdown}
${inspector.markdown}
## Running it

\`npm run bench\` (a few minutes) or \`npm run bench -- --quick\`
(under two minutes). \`--filter REGEX\` runs some benchmarks and writes to bench/.build/ instead;
\`--profile REGEX\` prints where the engine's time goes in matching benchmarks (V8 CPU profile,
self time per function); \`--no-numpy\` skips NumPy. The peers live in bench/package.json and
are installed into bench/node_modules on first use; OpenBLAS for the NumPy matmul rows is
unpacked into bench/.cache (Debian's libopenblas0-pthread, via \`apt-get download\`) when the
system NumPy does not already use it.
`;

if (filter) {
  writeFileSync(path.join(buildDir, 'results.json'), `${JSON.stringify(rows, null, 1)}\n`);
  writeFileSync(path.join(buildDir, 'BENCHMARKS.md'), md);
  log('bench: --filter given: wrote bench/.build/results.json and bench/.build/BENCHMARKS.md (the committed files are left alone)');
} else {
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(rows, null, 1)}\n`);
  writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
  log('bench: wrote bench/results.json and BENCHMARKS.md');
}
log(`bench: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
