// gemm's second thread (engine/ops/linalg/gemmThreads.ts): products split into row chunks
// between the caller and a helper worker must be the one-thread products bit for bit (every
// C element is computed by the same operations; only the thread differs), for every shape,
// layout and input type gemm meets; where the helper cannot run (no worker_threads, no shared
// memory, a worker that fails to start or hangs) gemm silently keeps to one thread; and the
// helper dies with the thread that started it (the interpreter's worker on its time limit).

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { gemmWasm, THREADS_MIN } from '../../engine/ops/linalg/gemmWasm';
import {
  awaitGemmHelper, Ctl, gemmThreadsStats, gemmThreadsTesting, SHARED_MAX_PAGES, sharedModuleBytes,
} from '../../engine/ops/linalg/gemmThreads';
import { GEMM_WASM_BASE64 } from '../../engine/ops/linalg/gemmWasmBytes';
import { fromBase64 } from '../../engine/wasm/base64';
import { KC, MB, MC, NC } from '../../engine/ops/linalg/gemmWasmLayout';
import { TypedArray } from '../../engine/core/dtype';
import { cStrides, NDArray } from '../../engine/core/ndarray';
import { matmul } from '../../engine/ops/matmul';
import { runInWorker } from '../../src/interpreter/host';
import { buildBundles } from '../interpreter/workerBundle';
import { rng } from './seededRandom';

/** The WebAssembly API used here (the project's lib settings carry no DOM types). */
const WA = (globalThis as unknown as { WebAssembly: {
  Module: { new (bytes: Uint8Array): object; imports(m: object): unknown[] };
  Instance: new (m: object, imports: object) => object;
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => object;
} }).WebAssembly;


interface Operand { data: TypedArray; off: number; rs: number; cs: number }
type Layout = 'c' | 't' | 's' | 'r';

/** A rows×cols operand: row-major, transposed, every other column with rows reversed, or contiguous rows reversed after an offset. */
function operand(r: () => number, rows: number, cols: number, layout: Layout, make: (n: number) => TypedArray, f32: boolean): Operand {
  const fill = (d: TypedArray): TypedArray => {
    for (let i = 0; i < d.length; i++) {
      const u = r(), v = u < 0.02 ? -0 : u < 0.03 ? Infinity : u < 0.035 ? NaN : (r() - 0.5) * 2 ** Math.floor(r() * 20 - 10);
      d[i] = f32 ? Math.fround(v) : v;
    }
    return d;
  };
  if (layout === 'c') return { data: fill(make(rows * cols)), off: 0, rs: cols, cs: 1 };
  if (layout === 't') return { data: fill(make(rows * cols)), off: 0, rs: 1, cs: rows };
  const ld = 2 * cols + 3, off = 5;
  return { data: fill(make(off + rows * ld)), off: off + (rows - 1) * ld, rs: -ld, cs: layout === 's' ? 2 : 1 };
}

/** The first element whose bits differ (NaN payloads included), or null. */
function firstDifference(a: Float64Array, b: Float64Array): string | null {
  const x = new BigUint64Array(a.buffer, a.byteOffset, a.length), y = new BigUint64Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `element ${i}: two threads ${a[i]} vs one ${b[i]}`;
  return null;
}

const f64 = (n: number): TypedArray => new Float64Array(n);
const f32 = (n: number): TypedArray => new Float32Array(n);

/** Runs M×K · K×N on two threads and on one (ldc wider than N, NaN-filled, to catch stray writes); expects the same bits and the helper's part in it. */
function check(seed: number, M: number, N: number, K: number, acc: 'float32' | 'float64', la: Layout, lb: Layout, make: (n: number) => TypedArray): void {
  const r = rng(seed), single = acc === 'float32';
  const A = operand(r, M, K, la, make, single), B = operand(r, K, N, lb, make, single);
  const ldc = N + 3;
  const two = new Float64Array(M * ldc).fill(NaN), one = new Float64Array(M * ldc).fill(NaN);
  const jobs = gemmThreadsStats.jobs;
  expect(gemmWasm(M, N, K, A.data, A.off, A.rs, A.cs, B.data, B.off, B.rs, B.cs, two, 0, ldc, single)).toBe(true);
  expect(gemmThreadsStats.jobs, 'the product went through the helper').toBeGreaterThan(jobs);
  expect(gemmWasm(M, N, K, A.data, A.off, A.rs, A.cs, B.data, B.off, B.rs, B.cs, one, 0, ldc, single, false)).toBe(true);
  const where = firstDifference(two, one);
  expect(where, `${acc} ${M}×${K}·${K}×${N} ${la}${lb} seed ${seed}`).toBeNull();
}

describe('gemm on two threads', () => {
  // no backing off here: every product above the threshold must take the helper, however busy the machine
  beforeAll(() => { gemmThreadsTesting.backOff = false; expect(awaitGemmHelper(20_000), 'the helper starts in Node').not.toBeNull(); });
  afterAll(() => { gemmThreadsTesting.callerClaims = true; gemmThreadsTesting.backOff = true; });

  it('shares the memory the helper runs on: a shared import, up to the two-thread layout\'s maximum', () => {
    const bytes = sharedModuleBytes(fromBase64(GEMM_WASM_BASE64), SHARED_MAX_PAGES);
    const imports = WA.Module.imports(new WA.Module(bytes));
    expect(imports).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    // A rows of a C block, two B panels and a staged one, the C block and staged A rows: float64s after the control words
    expect(SHARED_MAX_PAGES * 65536).toBeGreaterThanOrEqual(64 + 8 * (MB * KC + 3 * KC * NC + MB * NC + MC * KC));
    const instance = (memory: object): object => new WA.Instance(new WA.Module(bytes), { env: { memory } });
    expect(instance(new WA.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true }))).toBeTruthy();
    expect(() => instance(new WA.Memory({ initial: 1, maximum: SHARED_MAX_PAGES + 1, shared: true }))).toThrow();
    expect(() => instance(new WA.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: false }))).toThrow();
  });

  // threshold edges, odd sizes (row chunks not multiples of the tile), several row blocks,
  // column panels and k chunks, the largest memory layout
  const shapes: [number, number, number][] = [
    [160, 160, 160], [8, 64000, 8], [9, 97, 4700], [159, 161, 161], [130, 9, 3600], [37, 61, 1820], [128, 128, 251],
    [MC + 3, 122, KC + 1], [MB + 5, 33, 241], [70, NC + 13, 57], [100, 80, 2 * KC + 7], [2 * MB + 1, NC + 1, KC + 1],
  ];
  for (const callerClaims of [true, false]) {
    for (const acc of ['float64', 'float32'] as const) {
      it(`${acc}, ${callerClaims ? 'chunks claimed by both threads' : 'every chunk on the helper'}: shapes × layouts`, () => {
        gemmThreadsTesting.callerClaims = callerClaims;
        const byCaller = gemmThreadsStats.byCaller, chunks = gemmThreadsStats.chunks;
        try {
          for (const [M, N, K] of shapes) {
            const big = M * N * K > 4e7;
            for (const [la, lb] of big ? [['c', 'c'], ['t', 's']] as const : (['c', 't', 's', 'r'] as const).flatMap((a) => (['c', 't', 's', 'r'] as const).map((b) => [a, b] as const))) {
              check(M * 7919 + N * 31 + K, M, N, K, acc, la, lb, acc === 'float32' ? f32 : f64);
            }
          }
        } finally {
          gemmThreadsTesting.callerClaims = true;
        }
        if (!callerClaims) expect(gemmThreadsStats.byCaller).toBe(byCaller);
        expect(gemmThreadsStats.chunks - (gemmThreadsStats.byCaller - byCaller)).toBeGreaterThan(chunks); // the helper computed some
      });
    }
  }

  it('inputs of other types (converted while packing) and random shapes', () => {
    gemmThreadsTesting.callerClaims = false;
    try {
      const r = rng(11);
      for (let t = 0; t < 40; t++) {
        const M = 8 + Math.floor(r() * 150), N = 2 + Math.floor(r() * 150), K = Math.max(1, Math.ceil(THREADS_MIN / (M * N)) + Math.floor(r() * 200));
        const acc = r() < 0.5 ? 'float32' : 'float64';
        const make = [f64, f32, (n: number): TypedArray => acc === 'float32' ? new Int16Array(n) : new Int32Array(n)][t % 3];
        const layouts = ['c', 't', 's', 'r'] as const;
        check(500 + t, M, N, K, acc, layouts[Math.floor(r() * 4)], layouts[Math.floor(r() * 4)], make);
      }
    } finally {
      gemmThreadsTesting.callerClaims = true;
    }
  });

  it('just below the threshold stays on one thread', () => {
    const jobs = gemmThreadsStats.jobs;
    const M = 159, N = 160, K = 161; // 4,095,840 < 160³
    expect(M * N * K).toBeLessThan(THREADS_MIN);
    const A = new Float64Array(M * K).fill(1), B = new Float64Array(K * N).fill(2), C = new Float64Array(M * N);
    gemmWasm(M, N, K, A, 0, K, 1, B, 0, N, 1, C, 0, N, false);
    expect(gemmThreadsStats.jobs).toBe(jobs);
    expect(C.every((v) => v === 322)).toBe(true);
  });

  it('batched matmul (each product split) equals one thread per batch, float64 and float32', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const [b, m, k, n] = [3, 160, 161, 160];
      const r = rng(3);
      const mk = (shape: number[]): NDArray => {
        const data = dtype === 'float64' ? new Float64Array(shape.reduce((p, q) => p * q)) : new Float32Array(shape.reduce((p, q) => p * q));
        for (let i = 0; i < data.length; i++) data[i] = Math.fround(r() - 0.5);
        return new NDArray(data, dtype, shape, cStrides(shape), 0);
      };
      const x = mk([b, m, k]), y = mk([b, k, n]);
      const jobs = gemmThreadsStats.jobs;
      const z = matmul(x, y);
      expect(gemmThreadsStats.jobs - jobs).toBeGreaterThanOrEqual(b);
      for (let i = 0; i < b; i++) {
        const one = new Float64Array(m * n);
        gemmWasm(m, n, k, x.data, i * m * k, k, 1, y.data, i * k * n, n, 1, one, 0, n, dtype === 'float32', false);
        const got = Float64Array.from(z.data.subarray(i * m * n, (i + 1) * m * n) as Float64Array);
        expect(firstDifference(got, dtype === 'float32' ? Float64Array.from(one, Math.fround) : one)).toBeNull();
      }
    }
  });
});

describe('gemm where the helper cannot run', () => {
  const A = Float64Array.from({ length: 200 * 150 }, (_, i) => Math.sin(i)), B = Float64Array.from({ length: 150 * 170 }, (_, i) => Math.cos(i));
  const expected = new Float64Array(200 * 170);
  beforeAll(() => { gemmWasm(200, 170, 150, A, 0, 150, 1, B, 0, 170, 1, expected, 0, 170, false, false); });

  type Fresh = { threads: typeof import('../../engine/ops/linalg/gemmThreads'); wasm: typeof import('../../engine/ops/linalg/gemmWasm') };
  /** Fresh modules (no helper started yet), then the stubbed runtime the helper would start in. */
  async function fresh(stub: () => void): Promise<Fresh> {
    vi.resetModules();
    const f = { threads: await import('../../engine/ops/linalg/gemmThreads'), wasm: await import('../../engine/ops/linalg/gemmWasm') };
    stub();
    return f;
  }
  function productOnOneThread(f: Fresh): void {
    const C = new Float64Array(200 * 170);
    expect(f.wasm.gemmWasm(200, 170, 150, A, 0, 150, 1, B, 0, 170, 1, C, 0, 170, false)).toBe(true);
    expect(firstDifference(C, expected)).toBeNull();
    expect(f.threads.gemmThreadsStats.jobs).toBe(0);
  }
  const realGetBuiltin = process.getBuiltinModule;
  const restore = (): void => { process.getBuiltinModule = realGetBuiltin; vi.unstubAllGlobals(); vi.resetModules(); };
  /** worker_threads replaced by `Worker` (other built-ins as they are). */
  const withWorker = (Worker: unknown) => (): void => {
    process.getBuiltinModule = ((id: string) => id === 'node:worker_threads' ? { Worker } : realGetBuiltin(id)) as typeof process.getBuiltinModule;
  };

  const cases: [string, () => void][] = [
    ['not Node (a browser)', () => { vi.stubGlobal('process', { env: {} }); }],
    ['no SharedArrayBuffer', () => { vi.stubGlobal('SharedArrayBuffer', undefined); }],
    ['one thread asked for (SHAPE_LENS_GEMM_THREADS=1)', () => { vi.stubEnv('SHAPE_LENS_GEMM_THREADS', '1'); }],
    ['a worker that cannot be created', withWorker(class { constructor() { throw new Error('ERR_WORKER_INIT_FAILED'); } })],
    ['a worker that never gets ready', withWorker(class { unref(): void {} on(): void {} terminate(): Promise<number> { return Promise.resolve(0); } })],
  ];
  for (const [name, stub] of cases) {
    it(`${name}: one thread, same result`, async () => {
      try {
        const f = await fresh(stub);
        expect(f.threads.awaitGemmHelper(50)).toBeNull();
        productOnOneThread(f);
      } finally {
        vi.unstubAllEnvs();
        restore();
      }
    });
  }

  it('a helper that stops answering: given up after the timeout, the product redone on one thread, never used again', async () => {
    let terminated = 0;
    try {
      // says it is ready, then never computes a chunk (and the caller leaves every chunk to it)
      const f = await fresh(withWorker(class {
        constructor(_src: string, opts: { workerData: { memory: { buffer: SharedArrayBuffer } } }) {
          Atomics.store(new Int32Array(opts.workerData.memory.buffer, 0, 16), Ctl.Ready, 1);
        }
        unref(): void {}
        on(): void {}
        terminate(): Promise<number> { terminated++; return Promise.resolve(0); }
      }));
      f.threads.gemmThreadsTesting.timeoutMs = 200;
      f.threads.gemmThreadsTesting.callerClaims = false;
      expect(f.threads.awaitGemmHelper(50)).not.toBeNull();
      const C = new Float64Array(200 * 170);
      const t0 = Date.now();
      expect(f.wasm.gemmWasm(200, 170, 150, A, 0, 150, 1, B, 0, 170, 1, C, 0, 170, false)).toBe(true);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(firstDifference(C, expected)).toBeNull();
      expect(f.threads.gemmThreadsStats.jobs).toBe(1);
      expect(terminated).toBe(1);
      expect(f.threads.gemmHelper()).toBeNull();
      const again = new Float64Array(200 * 170);
      f.wasm.gemmWasm(200, 170, 150, A, 0, 150, 1, B, 0, 170, 1, again, 0, 170, false);
      expect(firstDifference(again, expected)).toBeNull();
      expect(f.threads.gemmThreadsStats.jobs).toBe(1);
    } finally {
      restore();
    }
  });
  it('backs off from a helper that does not pay (slow to finish its chunks), pausing longer each time', async () => {
    const workers: Worker[] = [];
    try {
      // the real protocol, but 10 ms late with every chunk (a helper whose core is busy elsewhere)
      const slow = `
        const { workerData } = require('worker_threads');
        const { module, memory } = workerData;
        const ctl = new Int32Array(memory.buffer, 0, 16), nap = new Int32Array(new SharedArrayBuffer(4));
        const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
        Atomics.store(ctl, ${Ctl.Ready}, 1); Atomics.notify(ctl, ${Ctl.Ready});
        let seen = 0;
        for (;;) {
          const job = Atomics.load(ctl, ${Ctl.State});
          if (job === seen) { Atomics.wait(ctl, ${Ctl.State}, job); continue; }
          seen = job;
          for (;;) {
            const c = Atomics.load(ctl, ${Ctl.Claim}), i = c & 0xffff;
            if ((c >>> 16) !== job || i >= ctl[${Ctl.Chunks}]) break;
            const ch = ctl[${Ctl.ChunkRows}], rows = ctl[${Ctl.Rows}], nc = ctl[${Ctl.Nc}], kc = ctl[${Ctl.Kc}], a = ctl[${Ctl.APtr}], b = ctl[${Ctl.BPtr}], cp = ctl[${Ctl.CPtr}], ldc = ctl[${Ctl.Ldc}], first = ctl[${Ctl.First}];
            if (Atomics.load(ctl, ${Ctl.Packed}) <= i) { Atomics.wait(ctl, ${Ctl.Packed}, Atomics.load(ctl, ${Ctl.Packed}), 5); continue; }
            if (Atomics.compareExchange(ctl, ${Ctl.Claim}, c, c + 1) !== c) continue;
            Atomics.wait(nap, 0, 0, 10);
            k.gemmF64(Math.min(ch, rows - i * ch), nc, kc, a + i * ch * kc * 8, b, cp + i * ch * ldc, ldc, first);
            Atomics.add(ctl, ${Ctl.Finished}, 1); Atomics.notify(ctl, ${Ctl.Finished});
          }
        }`;
      const f = await fresh(withWorker(class {
        private readonly w: Worker;
        constructor(_src: string, opts: { workerData: object }) { this.w = new Worker(slow, { eval: true, workerData: opts.workerData }); workers.push(this.w); }
        unref(): void { this.w.unref(); }
        on(): void {}
        terminate(): Promise<number> { return this.w.terminate(); }
      }));
      expect(f.threads.awaitGemmHelper(20_000)).not.toBeNull();
      // the helper computes every chunk, so each product waits for it: with the caller claiming
      // too, a loaded machine could leave the helper asleep through a product, which rightly
      // does not count against it, and the pauses came out one product short (CI of 70cdf25)
      f.threads.gemmThreadsTesting.callerClaims = false;
      const jobsAfter: number[] = [];
      for (let p = 0; p < 7; p++) {
        const C = new Float64Array(200 * 170);
        f.wasm.gemmWasm(200, 170, 150, A, 0, 150, 1, B, 0, 170, 1, C, 0, 170, false);
        expect(firstDifference(C, expected)).toBeNull();
        jobsAfter.push(f.threads.gemmThreadsStats.jobs);
      }
      // two threads, then 1 product on one, two threads, 2 on one, two threads, 4 on one…
      expect(jobsAfter).toEqual([1, 1, 2, 2, 2, 3, 3]);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
      restore();
    }
  });
});

describe('the helper and the thread that started it', () => {
  let bundle = '';
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-gemm-threads-'));
    bundle = path.join(dir, 'outer.js');
    // an outer worker like the interpreter's: starts the helper, hands back the control words, then multiplies until terminated
    const entry = `
      import { parentPort } from 'node:worker_threads';
      import { awaitGemmHelper } from './engine/ops/linalg/gemmThreads';
      import { gemmWasm } from './engine/ops/linalg/gemmWasm';
      const h = awaitGemmHelper(20000);
      parentPort.postMessage(h ? h.ctl.buffer : null);
      parentPort.once('message', (m) => {
        if (m !== 'spin') return;
        const n = 300, A = new Float64Array(n * n).fill(1), C = new Float64Array(n * n);
        for (;;) gemmWasm(n, n, n, A, 0, n, 1, A, 0, n, 1, C, 0, n, false);
      });
    `;
    await build({
      stdin: { contents: entry, resolveDir: path.join(__dirname, '..', '..'), loader: 'ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: bundle, logLevel: 'error',
    });
  });

  /** Posts a tiny job (4×1 · 1×4 at scratch offsets of the first page) and says whether the helper computed it within `ms`. */
  function helperAnswers(buffer: SharedArrayBuffer, ms: number): boolean {
    const c = new Int32Array(buffer, 0, 16);
    const job = 0x7000 + (Atomics.load(c, Ctl.State) & 0xff) + 1;
    const f = new Float64Array(buffer);
    f.fill(0.5, 256 / 8, 256 / 8 + 4); f.fill(2, 512 / 8, 512 / 8 + 4); f.fill(0, 1024 / 8, 1024 / 8 + 16);
    c[Ctl.Chunks] = 1; c[Ctl.ChunkRows] = 4; c[Ctl.Rows] = 4; c[Ctl.F32] = 0; c[Ctl.Nc] = 4; c[Ctl.Kc] = 1;
    c[Ctl.APtr] = 256; c[Ctl.BPtr] = 512; c[Ctl.CPtr] = 1024; c[Ctl.Ldc] = 32; c[Ctl.First] = 1;
    Atomics.store(c, Ctl.Packed, 1);
    Atomics.store(c, Ctl.Finished, 0);
    Atomics.store(c, Ctl.Claim, job << 16);
    Atomics.store(c, Ctl.State, job);
    Atomics.notify(c, Ctl.State);
    Atomics.wait(c, Ctl.Finished, 0, ms);
    const answered = Atomics.load(c, Ctl.Finished) === 1;
    if (answered) expect(Array.from(f.subarray(1024 / 8, 1024 / 8 + 16))).toEqual(Array(16).fill(1));
    return answered;
  }

  for (const busy of [false, true]) {
    it(`dies when that thread is terminated ${busy ? 'in the middle of products' : 'while idle'} (with the interpreter's resource limits)`, async () => {
      const outer = new Worker(bundle, { resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 64 } });
      const buffer = await new Promise<SharedArrayBuffer | null>((resolve, reject) => { outer.once('message', resolve); outer.once('error', reject); });
      expect(buffer).toBeInstanceOf(SharedArrayBuffer);
      const sab = buffer as SharedArrayBuffer;
      if (busy) {
        outer.postMessage('spin');
        await new Promise((r) => setTimeout(r, 300));
      } else {
        expect(helperAnswers(sab, 5000), 'alive before').toBe(true);
      }
      const t0 = Date.now();
      await outer.terminate();
      expect(Date.now() - t0).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 200));
      expect(helperAnswers(sab, 1000), 'gone after').toBe(false);
    });
  }
  it.skipIf(!fs.existsSync('/proc/self/task'))('ends with the interpreter\'s worker when a scratch run hits its time limit (Linux: threads counted)', async () => {
    const { worker } = await buildBundles();
    const threads = (): number => fs.readdirSync('/proc/self/task').length;
    await new Promise((r) => setTimeout(r, 300));
    const before = threads();
    let peak = before;
    const sample = setInterval(() => { peak = Math.max(peak, threads()); }, 25);
    const src = 'import numpy as np\na = np.ones((300, 300))\nb = a @ a\nprint(b[0, 0])\nwhile True:\n    b = a @ a\n';
    const r = await runInWorker(src, 'mm.py', { workerPath: worker, limits: { timeLimitMs: 1500 }, variables: false });
    clearInterval(sample);
    expect(r.stdout).toBe('300.0\n');
    expect(r.error?.kind).toBe('timeout');
    expect(peak, 'the interpreter\'s worker and its gemm helper ran').toBeGreaterThanOrEqual(before + 2);
    let after = threads();
    for (let i = 0; i < 40 && after > before; i++) { await new Promise((res) => setTimeout(res, 100)); after = threads(); }
    expect(after).toBeLessThanOrEqual(before);
  });
});
