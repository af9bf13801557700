// gemm's second thread: a helper worker_threads Worker that runs the macro-kernel over a block
// of output rows while the calling thread runs the others, both on one shared WebAssembly
// memory. Node only: where there is no worker_threads, no SharedArrayBuffer or shared
// WebAssembly memory, no Atomics.wait on this thread, one core, or the worker fails to start,
// `gemmHelper` answers null and gemm runs on one thread as before.
//
// Protocol (synchronous, on Int32 words at the start of the shared memory): the caller writes
// a job's parameters, sets STATE to POSTED and notifies; the helper runs it, sets DONE and
// notifies; the caller, having done its own rows meanwhile, waits for DONE with a timeout. A
// helper that dies or hangs is given up on for good (the product is then redone on one thread
// by gemmWasm.ts). The worker is unref()'d, so it never keeps a process alive, and it is a
// child of the thread that started it: terminating that thread (the interpreter's worker on
// its time limit) ends the helper with it (test/engine/gemmThreads.test.ts).
//
// Results are bit-identical to one thread: each C element is still computed by one macro-kernel
// call sequence over the same packed panels, k chunks in order; only which thread runs the
// tile differs (gemmWasm.ts splits rows at a multiple of the micro-tile's height).

import { GEMM_WASM_BASE64 } from './gemmWasmBytes';
import { fromBase64 } from '../../wasm/base64';
import { KC, MB, MC, NC } from './gemmWasmLayout';

/** Bytes at the start of the shared memory kept for the control words (16-byte aligned). */
export const CONTROL_BYTES = 64;

/**
 * Control word indices (Int32). State: the current job's number (1…0x7fff, cycling; 0: none
 * yet). Ready: 0 while the helper starts, READY once it takes jobs, FAILED if it could not.
 * Claim: (job << 16) | the next unclaimed chunk; Packed: chunks whose A rows are packed;
 * Finished: chunks computed. Then the job's parameters: chunks, rows per chunk, padded rows,
 * float32 flag, nc, kc, A, B, C (bytes), C's row stride (bytes), first.
 */
export const Ctl = {
  State: 0, Ready: 1, Claim: 2, Packed: 3, Finished: 4,
  Chunks: 5, ChunkRows: 6, Rows: 7, F32: 8, Nc: 9, Kc: 10, APtr: 11, BPtr: 12, CPtr: 13, Ldc: 14, First: 15,
} as const;
export const READY = 1, FAILED = 2;

/**
 * The largest memory gemmWasm.ts's two-thread layout asks for (float64: a whole C block's A
 * rows, two B panels, the C block, staged A rows and B panel), in 64 KiB pages: a shared
 * memory needs a maximum.
 */
export const SHARED_MAX_PAGES = Math.ceil((CONTROL_BYTES + 8 * (MB * KC + 2 * KC * NC + MB * NC + MC * KC + KC * NC)) / 65536);

/**
 * For tests and A/B runs: whether products use the helper at all, whether the caller claims
 * chunks too (false: the helper computes every chunk), how
 * long the caller waits for the helper's chunks of one block before giving the helper up, and
 * whether it backs off from a helper that does not pay (see `productDone`).
 */
export const gemmThreadsTesting = { enabled: true, callerClaims: true, timeoutMs: 10_000, backOff: true };

/** Counts, so tests can tell the helper took part: jobs posted, their chunks, the chunks the caller computed. */
export const gemmThreadsStats = { jobs: 0, chunks: 0, byCaller: 0 };

/**
 * Polls of a control word before sleeping on it (tens of microseconds): waking a sleeping
 * thread costs about as much on these machines, which matters for products of a fraction of
 * a millisecond.
 */
const SPINS = 20_000;

/**
 * The helper's side, run by `new Worker(source, { eval: true })` (so no extra bundle file).
 * For each new job it claims chunks once their A rows are packed (compare-exchange on Claim,
 * which carries the job's number, so a late wake-up never takes a chunk of a later job with an
 * earlier job's parameters), runs the macro-kernel on each and counts it Finished.
 */
const HELPER_SOURCE = `
const { workerData } = require('worker_threads');
const { module, memory } = workerData;
const ctl = new Int32Array(memory.buffer, 0, ${CONTROL_BYTES / 4});
let k;
try {
  k = new WebAssembly.Instance(module, { env: { memory } }).exports;
} catch (e) {
  Atomics.store(ctl, ${Ctl.Ready}, ${FAILED}); Atomics.notify(ctl, ${Ctl.Ready});
  throw e;
}
Atomics.store(ctl, ${Ctl.Ready}, ${READY}); Atomics.notify(ctl, ${Ctl.Ready});
let seen = 0;
for (;;) {
  const job = Atomics.load(ctl, ${Ctl.State});
  if (job === seen) {
    // the next job often follows within microseconds (batched products): look before sleeping
    let spin = ${SPINS};
    while (spin-- > 0 && Atomics.load(ctl, ${Ctl.State}) === job);
    if (spin < 0) Atomics.wait(ctl, ${Ctl.State}, job);
    continue;
  }
  seen = job;
  for (let spin = ${SPINS}; ; ) {
    const c = Atomics.load(ctl, ${Ctl.Claim});
    if ((c >>> 16) !== job) break;
    const i = c & 0xffff, n = ctl[${Ctl.Chunks}];
    if (i >= n) break;
    // only a packed chunk is claimed: one claimed early and slept on would make the caller wait out our wake-up
    const p = Atomics.load(ctl, ${Ctl.Packed});
    if (p <= i) { if (--spin < 0) Atomics.wait(ctl, ${Ctl.Packed}, p); continue; }
    const ch = ctl[${Ctl.ChunkRows}], rows = ctl[${Ctl.Rows}], f32 = ctl[${Ctl.F32}], nc = ctl[${Ctl.Nc}], kc = ctl[${Ctl.Kc}];
    const a = ctl[${Ctl.APtr}], b = ctl[${Ctl.BPtr}], cp = ctl[${Ctl.CPtr}], ldc = ctl[${Ctl.Ldc}], first = ctl[${Ctl.First}];
    if (Atomics.compareExchange(ctl, ${Ctl.Claim}, c, c + 1) !== c) continue;
    const es = f32 ? 4 : 8, r = i * ch;
    (f32 ? k.gemmF32 : k.gemmF64)(Math.min(ch, rows - r), nc, kc, a + r * kc * es, b, cp + r * ldc, ldc, first);
    Atomics.add(ctl, ${Ctl.Finished}, 1); Atomics.notify(ctl, ${Ctl.Finished});
  }
}
`;

/** The module with its memory imported as env.memory, shared, pages 1…SHARED_MAX_PAGES (the engine's bytes define their own). */
export function sharedModuleBytes(bytes: Uint8Array, maxPages: number): Uint8Array {
  const uleb = (n: number): number[] => { const out: number[] = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const out: number[] = Array.from(bytes.subarray(0, 8));
  let p = 8, inserted = false;
  while (p < bytes.length) {
    const id = bytes[p];
    let size = 0, shift = 0, q = p + 1;
    for (;;) { const b = bytes[q++]; size |= (b & 0x7f) << shift; shift += 7; if (!(b & 0x80)) break; }
    if (id === 2) throw new Error('gemm wasm: the module already imports something');
    if (!inserted && id > 2 && id !== 0) {
      // one import: memory 0, shared (limits flag 3: minimum and maximum)
      const imp = [1, ...str('env'), ...str('memory'), 0x02, 0x03, ...uleb(1), ...uleb(maxPages)];
      out.push(2, ...uleb(imp.length), ...imp);
      inserted = true;
    }
    if (id !== 5) out.push(...bytes.subarray(p, q + size));
    p = q + size;
  }
  return new Uint8Array(out);
}

interface NodeWorker { unref(): void; terminate(): Promise<number>; on(event: string, f: (...args: unknown[]) => void): void }
interface WorkerThreads { Worker: new (src: string, opts: object) => NodeWorker }
interface WasmThreadsApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => { buffer: ArrayBuffer; grow(pages: number): number };
}

/** What gemmWasm.ts drives: the instance on the shared memory, and the helper's control words. */
export interface Helper {
  readonly exports: unknown;
  readonly ctl: Int32Array;
  /** set when the helper failed, died or timed out: never used again */
  dead: boolean;
  readonly worker: NodeWorker;
}

/** undefined: not started; null: unavailable here. */
let helper: Helper | null | undefined;

/** worker_threads when this is Node and lets us reach it without a static import (the engine also bundles for browsers). */
function workerThreads(): WorkerThreads | null {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.versions?.node !== 'string') return null;
  try {
    if (typeof proc.getBuiltinModule === 'function') return (proc.getBuiltinModule('node:worker_threads') as WorkerThreads | undefined) ?? null;
    // Node before 20.16: a CommonJS bundle's own require (an indirect call, which esbuild leaves alone)
    const req = typeof require === 'function' ? require : undefined;
    return req ? req('node:worker_threads') as WorkerThreads : null;
  } catch {
    return null;
  }
}

function cores(): number {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number; cpus(): unknown[] } | undefined;
    return os ? (os.availableParallelism?.() ?? os.cpus().length) : 2;
  } catch {
    return 2;
  }
}

function start(): Helper | null {
  // SHAPE_LENS_GEMM_THREADS=1 keeps gemm on one thread (A/B measurements)
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.SHAPE_LENS_GEMM_THREADS === '1') return null;
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics?.wait !== 'function') return null;
  const wasm = (globalThis as unknown as { WebAssembly?: WasmThreadsApi }).WebAssembly;
  const wt = workerThreads();
  if (wasm === undefined || wt === null || cores() < 2) return null;
  try {
    const memory = new wasm.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true });
    if (!(memory.buffer instanceof SharedArrayBuffer)) return null;
    const ctl = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
    Atomics.wait(ctl, Ctl.First, 1, 0); // throws where this thread may not block (a browser's main thread)
    const module = new wasm.Module(sharedModuleBytes(fromBase64(GEMM_WASM_BASE64), SHARED_MAX_PAGES));
    const { exports } = new wasm.Instance(module, { env: { memory } });
    const worker = new wt.Worker(HELPER_SOURCE, { eval: true, workerData: { module, memory }, stdout: false, stderr: false });
    worker.unref();
    const h: Helper = { exports, ctl, dead: false, worker };
    const die = (): void => { h.dead = true; };
    worker.on('error', die);
    worker.on('exit', die);
    return h;
  } catch {
    return null;
  }
}

/** Large products to run on one thread before trying the helper again, and the next such pause. */
let skip = 0, pause = 1;
/** The current product's account: caller time the helper's chunks saved, and caller time spent waiting for them. */
let saved = 0, waited = 0;

/** The helper, once it is ready; null while it starts (started on the first call), where it cannot run, and while backing off. */
export function gemmHelper(): Helper | null {
  if (helper === undefined) helper = start();
  const h = helper;
  if (h === null || h.dead || !gemmThreadsTesting.enabled || Atomics.load(h.ctl, Ctl.Ready) !== READY) return null;
  if (skip > 0 && gemmThreadsTesting.backOff) { skip--; return null; }
  saved = waited = 0;
  return h;
}

/**
 * One job's account: the caller computed `mine` of `chunks` chunks in `computeMs`, then waited
 * `waitMs` for the helper's. The helper's chunks saved about as long as the caller takes per chunk.
 */
export function jobDone(mine: number, chunks: number, computeMs: number, waitMs: number): void {
  if (mine > 0) saved += (chunks - mine) * computeMs / mine;
  waited += waitMs;
}

/**
 * Waiting that never counts against the helper: a product it slept through (woken too late to
 * take a chunk) saves nothing but costs only the look at the Finished word, and must not pause it.
 */
const WAIT_SLACK_MS = 0.02;

/**
 * After a product on two threads: when waiting for the helper cost more than its chunks saved
 * (its core busy with other processes, which a shared machine's scheduler makes us wait out),
 * the next `pause` large products run on one thread, the pause doubling (up to 16: a noisy
 * moment must not keep a long run on one thread) while the helper keeps not paying, back to 1
 * once it pays.
 */
export function productDone(): void {
  if (waited > saved + WAIT_SLACK_MS) { skip = pause; pause = Math.min(2 * pause, 16); } else pause = 1;
}

/** Starts the helper and waits up to `ms` for it to be ready (tests; the bench's warm-up gives it time). */
export function awaitGemmHelper(ms: number): Helper | null {
  if (helper === undefined) helper = start();
  const h = helper;
  if (h === null) return null;
  if (Atomics.load(h.ctl, Ctl.Ready) === 0) Atomics.wait(h.ctl, Ctl.Ready, 0, ms);
  return gemmHelper();
}

let job = 0;

/**
 * Posts a job of `chunks` chunks whose parameters (from Ctl.ChunkRows on) are already in the
 * control words; the caller then packs chunks (`packed`), claims and runs chunks (`claim`,
 * `finished`) and waits for the rest (`finish`).
 */
export function post(h: Helper, chunks: number): void {
  job = (job % 0x7fff) + 1;
  gemmThreadsStats.jobs++;
  gemmThreadsStats.chunks += chunks;
  const c = h.ctl;
  c[Ctl.Chunks] = chunks;
  Atomics.store(c, Ctl.Packed, 0);
  Atomics.store(c, Ctl.Finished, 0);
  Atomics.store(c, Ctl.Claim, job << 16);
  Atomics.store(c, Ctl.State, job);
  Atomics.notify(c, Ctl.State);
  Atomics.notify(c, Ctl.Packed); // a helper asleep on an earlier job's Packed looks again
}

/** Chunks 0…n-1 are packed. */
export function packed(h: Helper, n: number): void {
  Atomics.store(h.ctl, Ctl.Packed, n);
  Atomics.notify(h.ctl, Ctl.Packed);
}

/** The next unclaimed chunk of the current job, now this thread's, or -1 when none is left. */
export function claim(h: Helper): number {
  const c = h.ctl;
  if (!gemmThreadsTesting.callerClaims) return -1;
  for (;;) {
    const w = Atomics.load(c, Ctl.Claim), i = w & 0xffff;
    if (i >= c[Ctl.Chunks]) return -1;
    if (Atomics.compareExchange(c, Ctl.Claim, w, w + 1) === w) { gemmThreadsStats.byCaller++; return i; }
  }
}

/** A chunk this thread claimed is computed. */
export function finished(h: Helper): void {
  Atomics.add(h.ctl, Ctl.Finished, 1);
}

/** Waits until every chunk is computed; false (and the helper given up on) when that takes too long. */
export function finish(h: Helper): boolean {
  const c = h.ctl, n = c[Ctl.Chunks], deadline = Date.now() + gemmThreadsTesting.timeoutMs;
  for (let spin = SPINS; ; ) {
    const f = Atomics.load(c, Ctl.Finished);
    if (f >= n) return true;
    if (--spin > 0) continue; // the helper is usually finishing its last chunk: a futex wake costs more
    const left = deadline - Date.now();
    if (h.dead || left <= 0) break;
    Atomics.wait(c, Ctl.Finished, f, left);
  }
  h.dead = true;
  void h.worker.terminate();
  return false;
}
