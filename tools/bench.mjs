// `npm run bench`: a first engine benchmark (the full suite against peers is its own issue).
// Each figure is the median of 9 timed runs after warm-up; ratios are measured in this run.
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

await build({ entryPoints: ['engine/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'out/engine.cjs', logLevel: 'warning' });
const np = createRequire(import.meta.url)('../out/engine.cjs');

function median(fn, runs = 9) {
  for (let i = 0; i < 3; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return t[Math.floor(runs / 2)];
}

const n = 1_000_000;
const a = np.ufunc('sin', np.arange(n)), b = np.ufunc('cos', np.arange(n));
const fa = a.data, fb = b.data;
const rows = [];
const loop = (op) => () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = op(fa[i], fb[i]); return o; };
const addLoop = () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = fa[i] + fb[i]; return o; };
const sumLoop = () => { let s = 0; for (let i = 0; i < n; i++) s += fa[i]; return s; };
void loop;
const m = np.reshape(a, [1000, 1000]), v = np.reshape(np.arange(1000), [1000]);
rows.push(['add 1e6 float64', median(() => np.ufunc('add', a, b)), 'plain loop', median(addLoop)]);
rows.push(['sum 1e6 float64', median(() => np.sum(a)), 'plain loop', median(sumLoop)]);
rows.push(['broadcast add (1000,1000)+(1000,)', median(() => np.ufunc('add', m, v)), 'plain loop', median(addLoop)]);
rows.push(['sum axis 0 of (1000,1000)', median(() => np.sum(m, { axis: 0 })), 'plain loop', median(sumLoop)]);
rows.push(['exp 1e6 float64', median(() => np.ufunc('exp', a)), 'plain loop', median(() => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = Math.exp(fa[i]); return o; })]);
console.log('| benchmark | ours ms | peer | peer ms | ratio (peer/ours) |');
console.log('|---|---|---|---|---|');
for (const [name, ours, peer, peerMs] of rows) {
  console.log(`| ${name} | ${ours.toFixed(2)} | ${peer} | ${peerMs.toFixed(2)} | ${(peerMs / ours).toFixed(2)} |`);
}
