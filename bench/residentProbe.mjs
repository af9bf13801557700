// Whether arrays living in WebAssembly memory would pay: the one way left for WebAssembly SIMD
// to beat a JS loop on elementwise ops (today each wasm kernel must first copy its operands
// into the module's memory, and those copies alone outlast NumPy's whole add). Not part of
// `npm run bench`; run by hand, it prints one JSON line:
//
//   node --expose-gc bench/residentProbe.mjs
//
// 1. speed: add of two 1e6 float64 arrays already in a module's memory (an f64x2 loop written
//    out below) against the plain JS loop over Float64Arrays, both into a reused output.
// 2. reclaiming: arrays carved out of one fixed 1 GiB memory can only be freed when the GC
//    reports their views dead (a FinalizationRegistry). A loop that makes a new 8 MB temporary
//    per iteration, as `y = y + 1` does, shows how many blocks come back while it runs, and
//    how many allocations must fall back to ordinary buffers once the memory is used up.

import { performance } from 'node:perf_hooks';
import { median } from './harness.mjs';

const n = 1_000_000, BYTES = 8 * n;

// ---- a module with add(a, b, out, aEnd): out[i] = a[i] + b[i], four f64x2 per iteration ----
const uleb = (v) => { const out = []; do { let b = v & 0x7f; v >>>= 7; if (v) b |= 0x80; out.push(b); } while (v); return out; };
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const name = (s) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const get = (i) => [0x20, i], set = (i) => [0x21, i];
const bump = (i) => [...get(i), 0x41, 0xc0, 0x00, 0x6a, ...set(i)]; // i += 64 (i32.const's operand is a signed LEB: 64 is 0xc0 0x00)
const v128Load = (off) => [0xfd, 0x00, 4, ...uleb(off)], v128Store = (off) => [0xfd, 0x0b, 4, ...uleb(off)];
const f64x2Add = [0xfd, 0xf0, 0x01];
const [A, B, O, END] = [0, 1, 2, 3];
const lanes = [0, 16, 32, 48].flatMap((off) => [...get(O), ...get(A), ...v128Load(off), ...get(B), ...v128Load(off), ...f64x2Add, ...v128Store(off)]);
const body = [
  0x00, // no locals
  0x02, 0x40, 0x03, 0x40, // block, loop
  ...get(A), ...get(END), 0x4f, 0x0d, 1, // if a >= end: break
  ...lanes, ...bump(A), ...bump(B), ...bump(O),
  0x0c, 0, 0x0b, 0x0b, // br loop; end loop; end block
  0x0b,
];
const moduleBytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 0]])), // (i32 i32 i32 i32) -> ()
  ...section(3, vec([[0]])),
  ...section(5, vec([[0x00, ...uleb(Math.ceil((3 * BYTES) / 65536))]])),
  ...section(7, vec([[...name('memory'), 0x02, 0], [...name('add'), 0x00, 0]])),
  ...section(10, vec([[...uleb(body.length), ...body]])),
]);
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
