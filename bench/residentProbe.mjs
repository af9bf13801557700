// Whether arrays living in WebAssembly memory would pay: the one way left for WebAssembly SIMD
// to beat a JS loop on elementwise ops (today each wasm kernel must first copy its operands
// into the module's memory, and those copies alone outlast NumPy's whole add). Not part of
// `npm run bench`; run by hand, it prints one JSON line:
//
//   node --expose-gc bench/residentProbe.mjs
//
// 1. speed: add of two 1e6 float64 arrays already in a module's memory (an f64x2 loop made
//    with engine/wasm/encoder.ts) against the plain JS loop over Float64Arrays, both into a
//    reused output.
// 2. reclaiming: arrays carved out of one fixed 1 GiB memory can only be freed when the GC
//    reports their views dead (a FinalizationRegistry). A loop that makes a new 8 MB temporary
//    per iteration, as `y = y + 1` does, shows how many blocks come back while it runs, and
//    how many allocations must fall back to ordinary buffers once the memory is used up.

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { median } from './harness.mjs';

const n = 1_000_000, BYTES = 8 * n;

// ---- a module with add(a, b, out, aEnd): out[i] = a[i] + b[i], four f64x2 per iteration ----
// written with the engine's own encoder (engine/wasm/encoder.ts), bundled here in memory
const encoderJs = (await build({
  entryPoints: [fileURLToPath(new URL('../engine/wasm/encoder.ts', import.meta.url))],
  bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning',
})).outputFiles[0].text;
const { block, brIf, encodeModule, get, i32, loop, Op, set, Simd, v128Load, v128Store } =
  await import(`data:text/javascript;base64,${Buffer.from(encoderJs).toString('base64')}`);
const [A, B, O, END] = [0, 1, 2, 3];
const UNROLL = 4;
const lanes = Array.from({ length: UNROLL }, (_, k) => [get(O), get(A), v128Load(16 * k), get(B), v128Load(16 * k), Simd.f64x2Add, v128Store(16 * k)]).flat();
const bump = (p) => [get(p), i32(16 * UNROLL), [Op.i32Add], set(p)];
const add = {
  name: 'add', params: ['i32', 'i32', 'i32', 'i32'], results: [], locals: [],
  body: [block(loop(get(A), get(END), [Op.i32GeU], brIf(1), ...lanes, ...bump(A), ...bump(B), ...bump(O), [Op.br, 0]))],
};
const moduleBytes = encodeModule([], [add], Math.ceil((3 * BYTES) / 65536), null);
const wasm = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes), {}).exports;

const inMemory = new Float64Array(wasm.memory.buffer, 0, 3 * n);
const x = new Float64Array(n), y = new Float64Array(n), z = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.sin(i); y[i] = Math.cos(i); }
inMemory.set(x, 0);
inMemory.set(y, n);

function timeIt(fn) {
  for (let i = 0; i < 50; i++) fn();
  const ms = [];
  for (let r = 0; r < 21; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) fn();
    ms.push((performance.now() - t0) / 5);
  }
  return median(ms);
}
const wasmAdd = () => wasm.add(0, BYTES, 2 * BYTES, BYTES);
const jsAdd = () => { for (let i = 0; i < n; i++) z[i] = x[i] + y[i]; };
const speed = { residentWasmMs: timeIt(wasmAdd), jsLoopMs: timeIt(jsAdd) };
wasmAdd();
jsAdd();
for (let i = 0; i < n; i++) if (inMemory[2 * n + i] !== z[i]) throw new Error(`the wasm add differs at ${i}`);

// ---- reclaiming ------------------------------------------------------------------------
const arena = new WebAssembly.Memory({ initial: 16384 }); // 1 GiB, never grown (growing would detach every view)
const slots = Math.floor(arena.buffer.byteLength / BYTES);
const free = Array.from({ length: slots }, (_, i) => i);
let freed = 0, fallbacks = 0;
const registry = new FinalizationRegistry((slot) => { free.push(slot); freed++; });
function allocate() {
  const s = free.pop();
  if (s === undefined) { fallbacks++; return new Float64Array(n); }
  const a = new Float64Array(arena.buffer, s * BYTES, n);
  registry.register(a, s);
  return a;
}
const ITERATIONS = 1000;
let v = allocate();
v.fill(1);
for (let i = 0; i < ITERATIONS; i++) {
  const w = allocate();
  for (let j = 0; j < n; j += 512) w[j] = v[j] + 1; // touch a page's worth at a time
  v = w;
}
const duringLoop = freed;
// after the loop: what a full GC and a turn of the event loop give back
globalThis.gc?.();
await new Promise((r) => setTimeout(r, 50));
console.log(JSON.stringify({
  speed, reclaim: { slots, iterations: ITERATIONS, freedDuringLoop: duringLoop, fallbacks, freedAfterFullGcAndATurn: freed },
}));
