// What a fresh 8 MB output costs in this node process: a plain add loop into a newly
// allocated Float64Array(1e6) versus into one reused buffer, per call, with the minor page
// faults per call and how many calls faulted. tools/bench.mjs runs it twice: as a program
// runs by default (no forced GC, default allocator) and under the benchmark's settings
// (young-generation GC before each call, glibc recycling). Prints one JSON line.
//
//   node --expose-gc bench/allocProbe.mjs '{"gc": false}'

import { performance } from 'node:perf_hooks';
import { median } from './harness.mjs';

const { gc } = JSON.parse(process.argv[2]);
const collect = gc ? () => globalThis.gc({ type: 'minor' }) : () => {};
const n = 1_000_000, CALLS = 40;
const a = new Float64Array(n).map((_, i) => Math.sin(i)), b = new Float64Array(n).map((_, i) => Math.cos(i));
const reused = new Float64Array(n);
let sink = null;

function probe(fn) {
  for (let i = 0; i < 5; i++) sink = fn();
  const ms = [], faults = [];
  for (let i = 0; i < CALLS; i++) {
    collect();
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
    faults.push(process.resourceUsage().minorPageFault - f0);
  }
  sink = null;
  const hit = ms.filter((_, i) => faults[i] > 100), clean = ms.filter((_, i) => faults[i] <= 100);
  return {
    ms: median(ms), calls: CALLS, faultedCalls: hit.length,
    faultedMs: hit.length ? median(hit) : null, faultsPerFaultedCall: hit.length ? median(faults.filter((f) => f > 100)) : 0,
    cleanMs: clean.length ? median(clean) : null,
  };
}

const fresh = probe(() => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; return o; });
const reuse = probe(() => { const o = reused; for (let i = 0; i < n; i++) o[i] = a[i] + b[i]; return o; });
console.log(JSON.stringify({ fresh, reused: reuse }));
