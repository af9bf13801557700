// The engine benchmarks, one row per op of issue 8: for each, how the engine does it through
// its public API (engine/index.ts, engine/pycall.ts), the limit (a plain hand-written loop
// over a typed array), each JS peer's idiomatic call, and the NumPy statement that
// bench/numpyBench.py times. Every contender allocates its result afresh on each call,
// exactly as `np.add(a, b)` does, so all of them pay the same allocation. A peer that has
// no such op is listed in `omit` with the reason. Nothing here times or prints anything.

const N = 1_000_000;
const R = 1000; // (R, R) matrices

/** Deterministic uniform values in [lo, hi) (xorshift32); NumPy gets the same distribution. */
function rand(n, seed, lo = 0, hi = 1, T = Float64Array) {
  let s = (seed * 2654435761) >>> 0 || 1;
  const o = new T(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    o[i] = lo + (hi - lo) * ((s >>> 0) / 4294967296);
  }
  return o;
}
function randInts(n, seed, hi) {
  const u = rand(n, seed);
  const o = new Float64Array(n);
  for (let i = 0; i < n; i++) o[i] = Math.floor(u[i] * hi);
  return o;
}

/** tfjs takes float32 data only (it has no float64 dtype). */
const f32 = (x) => (x instanceof Float32Array ? x : Float32Array.from(x));

/**
 * `ctx`: { np (engine/index.ts), matmul?, randn?, standardNormal?, engineNotes, peers }.
 * Returns [{ name, kind, numpy: { setup, stmt, openblas? }, skip?, make() }] where make()
 * gives { ours, limit, peers: { label: fn }, omit: { peer: reason }, cleanup?, check? }.
 */
export function buildCases(ctx) {
  const { np, peers } = ctx;
  const { tf, ndarray, ops, Matrix, nj } = peers;
  const nd = (data, shape, dtype = data instanceof Float32Array ? 'float32' : 'float64') => {
    const strides = [];
    let s = 1;
    for (let i = shape.length - 1; i >= 0; i--) { strides[i] = s; s *= shape[i]; }
    return new np.NDArray(data, dtype, shape, strides, 0);
  };
  const missing = (lib) => (peers.failed[lib] ? `not loaded: ${peers.failed[lib]}` : null);
  const tfLabel = (dtype) => (dtype === 'float32' ? 'tfjs-core-cpu' : 'tfjs-core-cpu (float32)');
  /** Runs a tfjs op and frees its result (the CPU backend computes eagerly). */
  const tfRun = (f) => () => { const r = f(); (Array.isArray(r) ? r : [r]).forEach((t) => t.dispose()); return null; };

  /**
   * Builds the peers map, dropping peers that failed to load (their reason goes to omit).
   * `spec`: { tf?: [label, fn], ndarray?: fn, mlMatrix?: fn, numjs?: fn } — a string value
   * instead of a function is the reason that peer cannot run the op.
   */
  function peerSet(spec) {
    const out = {}, omit = {};
    const add = (lib, id, v) => {
      const why = missing(lib);
      if (why) omit[id] = why;
      else if (typeof v === 'string') omit[id] = v;
      else if (typeof v === 'function') out[id] = v;
    };
    if (spec.tf !== undefined) {
      if (typeof spec.tf === 'string') add('@tensorflow/tfjs-core', 'tfjs-core-cpu', spec.tf);
      else add('@tensorflow/tfjs-core', spec.tf[0], spec.tf[1]);
    }
    add('ndarray', 'ndarray-ops', spec.ndarray);
    add('ml-matrix', 'ml-matrix', spec.mlMatrix);
    add('numjs', 'numjs', spec.numjs);
    return { peers: out, omit };
  }

  const cases = [];

  // ---- elementwise --------------------------------------------------------------------

  for (const dtype of ['float64', 'float32']) {
    const T = dtype === 'float64' ? Float64Array : Float32Array;
    for (const [op, sym, mlName, njName, opsName] of [['add', '+', 'add', 'add', 'add'], ['multiply', '*', 'mul', 'multiply', 'mul']]) {
      cases.push({
        name: `${op} 1e6 ${dtype}`, kind: 'elementwise',
        numpy: { setup: `a = rng.random(N).astype('${dtype}'); b = rng.random(N).astype('${dtype}')`, stmt: `np.${op}(a, b)` },
        make() {
          const a = rand(N, 1, 0, 1, T), b = rand(N, 2, 0, 1, T);
          const A = nd(a, [N]), B = nd(b, [N]);
          const limit = op === 'add'
            ? () => { const o = new T(N); for (let i = 0; i < N; i++) o[i] = a[i] + b[i]; return o; }
            : () => { const o = new T(N); for (let i = 0; i < N; i++) o[i] = a[i] * b[i]; return o; };
          let ta, tb;
          const p = peerSet({
            tf: [tfLabel(dtype), () => { ta ??= tf.tensor1d(f32(a), 'float32'); tb ??= tf.tensor1d(f32(b), 'float32'); return tfRun(() => tf[op === 'add' ? 'add' : 'mul'](ta, tb))(); }],
            ndarray: ndarray && (() => { const x = ndarray(a), y = ndarray(b); return () => ops[opsName](ndarray(new T(N)), x, y); })(),
            mlMatrix: dtype === 'float32' ? 'ml-matrix stores float64 only'
              : Matrix && (() => { const x = Matrix.from1DArray(R, R, a), y = Matrix.from1DArray(R, R, b); return () => Matrix[mlName](x, y); })(),
            numjs: nj && (() => { const x = new nj.NdArray(ndarray(a, [N])), y = new nj.NdArray(ndarray(b, [N])); return () => nj[njName](x, y); })(),
          });
          return {
            ours: () => np.ufunc(op, A, B), limit, ...p,
            notes: { 'ml-matrix': 'as a (1000,1000) Matrix' },
            check: 'values', cleanup: () => { ta?.dispose(); tb?.dispose(); },
            sym,
          };
        },
      });
    }
  }

  for (const [label, vshape] of [['(1000,1000)+(1000,)', [R]], ['(1000,1000)+(1000,1)', [R, 1]]]) {
    const row = vshape.length === 1;
    cases.push({
      name: `broadcast add ${label}`, kind: 'elementwise',
      numpy: { setup: `m = rng.random((1000, 1000)); v = rng.random(${row ? '1000' : '(1000, 1)'})`, stmt: 'np.add(m, v)' },
      make() {
        const m = rand(R * R, 3), v = rand(R, 4);
        const M = nd(m, [R, R]), V = nd(v, vshape);
        const limit = row
          ? () => { const o = new Float64Array(R * R); for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) o[b + j] = m[b + j] + v[j]; } return o; }
          : () => { const o = new Float64Array(R * R); for (let i = 0; i < R; i++) { const b = i * R, s = v[i]; for (let j = 0; j < R; j++) o[b + j] = m[b + j] + s; } return o; };
        let tm, tv;
        const p = peerSet({
          tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); tv ??= tf.tensor(f32(v), vshape, 'float32'); return tfRun(() => tf.add(tm, tv))(); }],
          ndarray: ndarray && (() => {
            const x = ndarray(m, [R, R]), y = ndarray(v, [R, R], row ? [0, 1] : [1, 0]);
            return () => ops.add(ndarray(new Float64Array(R * R), [R, R]), x, y);
          })(),
          mlMatrix: Matrix && (() => {
            const x = Matrix.from1DArray(R, R, m);
            return row ? () => x.clone().addRowVector(Array.from(v)) : () => x.clone().addColumnVector(Array.from(v));
          })(),
          numjs: 'no broadcasting: add requires equal shapes',
        });
        return { ours: () => np.ufunc('add', M, V), limit, ...p, check: 'values', cleanup: () => { tm?.dispose(); tv?.dispose(); } };
      },
    });
  }

  cases.push({
    name: 'exp 1e6 float64', kind: 'elementwise',
    numpy: { setup: 'a = rng.random(N) * 2 - 1', stmt: 'np.exp(a)' },
    make() {
      const a = rand(N, 5, -1, 1), A = nd(a, [N]);
      let ta;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { ta ??= tf.tensor1d(f32(a), 'float32'); return tfRun(() => tf.exp(ta))(); }],
        ndarray: ndarray && (() => { const x = ndarray(a); return () => ops.exp(ndarray(new Float64Array(N)), x); })(),
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, a); return () => Matrix.exp(x); })(),
        numjs: nj && (() => { const x = new nj.NdArray(ndarray(a, [N])); return () => nj.exp(x); })(),
      });
      return {
        ours: () => np.ufunc('exp', A), limit: () => { const o = new Float64Array(N); for (let i = 0; i < N; i++) o[i] = Math.exp(a[i]); return o; },
        ...p, check: 'values', cleanup: () => ta?.dispose(),
      };
    },
  });

  // ---- reductions ---------------------------------------------------------------------

  cases.push({
    name: 'sum 1e6 float64', kind: 'reduction',
    numpy: { setup: 'a = rng.random(N)', stmt: 'a.sum()' },
    make() {
      const a = rand(N, 6), A = nd(a, [N]);
      let ta;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { ta ??= tf.tensor1d(f32(a), 'float32'); return tfRun(() => tf.sum(ta))(); }],
        ndarray: ndarray && (() => { const x = ndarray(a); return () => ops.sum(x); })(),
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, a); return () => x.sum(); })(),
        numjs: nj && (() => { const x = new nj.NdArray(ndarray(a, [N])); return () => x.sum(); })(),
      });
      return {
        ours: () => np.sum(A), limit: () => { let s = 0; for (let i = 0; i < N; i++) s += a[i]; return s; },
        ...p, check: 'scalar', cleanup: () => ta?.dispose(),
        notes: { 'plain loop': 'a naive left-to-right sum; NumPy and the engine sum pairwise (more accurate)' },
      };
    },
  });

  for (const axis of [0, 1]) {
    cases.push({
      name: `sum axis ${axis} of (1000,1000)`, kind: 'reduction',
      numpy: { setup: 'm = rng.random((1000, 1000))', stmt: `m.sum(axis=${axis})` },
      make() {
        const m = rand(R * R, 7), M = nd(m, [R, R]);
        const limit = axis === 0
          ? () => { const o = new Float64Array(R); for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) o[j] += m[b + j]; } return o; }
          : () => { const o = new Float64Array(R); for (let i = 0; i < R; i++) { const b = i * R; let s = 0; for (let j = 0; j < R; j++) s += m[b + j]; o[i] = s; } return o; };
        let tm;
        const p = peerSet({
          tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); return tfRun(() => tf.sum(tm, axis))(); }],
          ndarray: ndarray && (() => {
            const x = ndarray(m, [R, R]);
            return () => { const o = new Float64Array(R); for (let k = 0; k < R; k++) o[k] = ops.sum(axis === 0 ? x.pick(null, k) : x.pick(k, null)); return o; };
          })(),
          mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, m); return () => x.sum(axis === 0 ? 'column' : 'row'); })(),
          numjs: 'no axis argument (whole-array sum only)',
        });
        return {
          ours: () => np.sum(M, { axis }), limit, ...p, check: 'values', cleanup: () => tm?.dispose(),
          notes: { 'ndarray-ops': 'ops.sum over each pick() view' },
        };
      },
    });
  }

  cases.push({
    name: 'mean axis 0 of (1000,1000)', kind: 'reduction',
    numpy: { setup: 'm = rng.random((1000, 1000))', stmt: 'm.mean(axis=0)' },
    make() {
      const m = rand(R * R, 8), M = nd(m, [R, R]);
      let tm;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); return tfRun(() => tf.mean(tm, 0))(); }],
        ndarray: ndarray && (() => {
          const x = ndarray(m, [R, R]);
          return () => { const o = new Float64Array(R); for (let k = 0; k < R; k++) o[k] = ops.sum(x.pick(null, k)) / R; return o; };
        })(),
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, m); return () => x.mean('column'); })(),
        numjs: 'no axis argument (whole-array mean only)',
      });
      return {
        ours: () => np.mean(M, { axis: 0 }),
        limit: () => { const o = new Float64Array(R); for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) o[j] += m[b + j]; } for (let j = 0; j < R; j++) o[j] /= R; return o; },
        ...p, check: 'values', cleanup: () => tm?.dispose(), notes: { 'ndarray-ops': 'ops.sum over each pick() view, divided' },
      };
    },
  });

  cases.push({
    name: 'std axis 0 of (1000,1000)', kind: 'reduction',
    numpy: { setup: 'm = rng.random((1000, 1000))', stmt: 'm.std(axis=0)' },
    make() {
      const m = rand(R * R, 9), M = nd(m, [R, R]);
      let tm;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); return tfRun(() => { const { mean, variance } = tf.moments(tm, 0); const s = tf.sqrt(variance); return [mean, variance, s]; })(); }],
        ndarray: 'no variance op',
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, m); return () => x.standardDeviation('column', { unbiased: false }); })(),
        numjs: 'no axis argument (whole-array std only)',
      });
      const limit = () => {
        const mu = new Float64Array(R), o = new Float64Array(R);
        for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) mu[j] += m[b + j]; }
        for (let j = 0; j < R; j++) mu[j] /= R;
        for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) { const d = m[b + j] - mu[j]; o[j] += d * d; } }
        for (let j = 0; j < R; j++) o[j] = Math.sqrt(o[j] / R);
        return o;
      };
      return { ours: () => np.std(M, { axis: 0 }), limit, ...p, check: 'values', cleanup: () => tm?.dispose(), notes: { 'tfjs-core-cpu (float32)': 'tf.moments then sqrt' } };
    },
  });

  cases.push({
    name: 'argmax axis 1 of (1000,1000)', kind: 'reduction',
    numpy: { setup: 'm = rng.random((1000, 1000))', stmt: 'm.argmax(axis=1)' },
    make() {
      const m = rand(R * R, 10), M = nd(m, [R, R]);
      let tm;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); return tfRun(() => tf.argMax(tm, 1))(); }],
        ndarray: ndarray && (() => {
          const x = ndarray(m, [R, R]);
          return () => { const o = new Float64Array(R); for (let k = 0; k < R; k++) o[k] = ops.argmax(x.pick(k, null))[0]; return o; };
        })(),
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, m); return () => { const o = new Float64Array(R); for (let k = 0; k < R; k++) o[k] = x.maxRowIndex(k)[1]; return o; }; })(),
        numjs: 'no axis argument',
      });
      const limit = () => {
        const o = new Float64Array(R);
        for (let i = 0; i < R; i++) { const b = i * R; let best = m[b], k = 0; for (let j = 1; j < R; j++) if (m[b + j] > best) { best = m[b + j]; k = j; } o[i] = k; }
        return o;
      };
      return {
        ours: () => np.argExtreme(M, 'max', 1), limit, ...p, check: 'values', cleanup: () => tm?.dispose(),
        notes: { 'ndarray-ops': 'ops.argmax over each pick() view', 'ml-matrix': 'maxRowIndex per row' },
      };
    },
  });

  // ---- copies, views, indexing ----------------------------------------------------------

  cases.push({
    name: 'transpose (1000,1000) made contiguous', kind: 'copy',
    numpy: { setup: 'm = rng.random((1000, 1000))', stmt: 'np.ascontiguousarray(m.T)' },
    make() {
      const m = rand(R * R, 11), M = nd(m, [R, R]);
      let tm;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tm ??= tf.tensor2d(f32(m), [R, R], 'float32'); return tfRun(() => tf.transpose(tm))(); }],
        ndarray: ndarray && (() => { const x = ndarray(m, [R, R]).transpose(1, 0); return () => ops.assign(ndarray(new Float64Array(R * R), [R, R]), x); })(),
        mlMatrix: Matrix && (() => { const x = Matrix.from1DArray(R, R, m); return () => x.transpose(); })(),
        // not x.T.clone(): clone() copies the buffer as it is and keeps the transposed strides,
        // so it makes nothing contiguous; assign() into a fresh array is numjs's way to
        numjs: nj && (() => { const x = new nj.NdArray(ndarray(m, [R, R])); return () => nj.zeros([R, R], 'float64').assign(x.T, false); })(),
      });
      const limit = () => { const o = new Float64Array(R * R); for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < R; j++) o[j * R + i] = m[b + j]; } return o; };
      return {
        ours: () => np.copy(np.transpose(M)), limit, ...p, check: 'values', cleanup: () => tm?.dispose(),
        notes: { numjs: "nj.zeros(...).assign(x.T, false) (x.T.clone() keeps the transposed strides: a buffer copy, not made contiguous)" },
      };
    },
  });

  cases.push({
    name: 'reshape of a contiguous view (800,1000)->(800,10,100)', kind: 'view',
    numpy: { setup: 'm = rng.random((1000, 1000)); v = m[100:900]', stmt: 'v.reshape(800, 10, 100)' },
    make() {
      const m = rand(R * R, 12), M = nd(m, [R, R]);
      const V = np.pycall.getItem(M, new np.Slice(100, 900, null));
      let tv;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tv ??= tf.tensor2d(f32(m.subarray(100 * R, 900 * R)), [800, R], 'float32'); return tfRun(() => tf.reshape(tv, [800, 10, 100]))(); }],
        ndarray: ndarray && (() => { const x = ndarray(m, [R, R]).lo(100, 0).hi(800, R); return () => ndarray(x.data, [800, 10, 100], [R, 100, 1], x.offset); })(),
        mlMatrix: 'two-dimensional only',
        numjs: nj && (() => { const x = new nj.NdArray(ndarray(m, [R, R]).lo(100, 0).hi(800, R)); return () => x.reshape(800, 10, 100); })(),
      });
      return {
        ours: () => np.reshape(V, [800, 10, 100]), limit: null, ...p,
        notes: {
          'plain loop': 'an O(1) metadata change: nothing to loop over',
          'ndarray-ops': 'no reshape: a new ndarray() over the same buffer', 'tfjs-core-cpu (float32)': 'tensors have no views: reshape of a sliced tensor',
          numjs: 'reshape copies here (flatten first)',
        },
        cleanup: () => tv?.dispose(),
      };
    },
  });

  // m[:, :500] (not m[:, ::2], which is evenly strided and reshapes to a view): must copy
  cases.push({
    name: 'reshape of a non-contiguous view (1000,500)->(500000,)', kind: 'copy',
    numpy: { setup: 'm = rng.random((1000, 1000)); v = m[:, :500]', stmt: 'v.reshape(-1)' },
    make() {
      const m = rand(R * R, 13), M = nd(m, [R, R]), H = 500;
      const V = np.pycall.getItem(M, new np.PyTuple([new np.Slice(null, null, null), new np.Slice(null, H, null)]));
      const p = peerSet({
        tf: 'tensors are always contiguous: no views',
        ndarray: ndarray && (() => { const x = ndarray(m, [R, R]).hi(R, H); return () => { const o = ndarray(new Float64Array(R * H), [R, H]); ops.assign(o, x); return ndarray(o.data, [R * H]); }; })(),
        mlMatrix: 'no views',
        numjs: nj && (() => { const x = new nj.NdArray(ndarray(m, [R, R]).hi(R, H)); return () => x.reshape(-1); })(),
      });
      const limit = () => { const o = new Float64Array(R * H); let k = 0; for (let i = 0; i < R; i++) { const b = i * R; for (let j = 0; j < H; j++) o[k++] = m[b + j]; } return o; };
      return { ours: () => np.reshape(V, [-1]), limit, ...p, check: 'values', notes: { 'ndarray-ops': 'ops.assign into a fresh array, then a flat view' } };
    },
  });

  cases.push({
    name: 'fancy indexing of 1e5 rows from (10000,16)', kind: 'copy',
    numpy: { setup: 'x = rng.random((10000, 16)); idx = rng.integers(0, 10000, 100000)', stmt: 'x[idx]' },
    make() {
      const C = 16, ROWS = 10000, K = 100_000;
      const x = rand(ROWS * C, 14), idx = randInts(K, 15, ROWS);
      const X = nd(x, [ROWS, C]), IDX = nd(idx, [K], 'int64');
      let tx, ti;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tx ??= tf.tensor2d(f32(x), [ROWS, C], 'float32'); ti ??= tf.tensor1d(Int32Array.from(idx), 'int32'); return tfRun(() => tf.gather(tx, ti))(); }],
        ndarray: 'no gather / integer-array indexing',
        mlMatrix: Matrix && (() => { const mx = Matrix.from1DArray(ROWS, C, x), rows = Array.from(idx); return () => mx.subMatrixRow(rows); })(),
        numjs: 'no integer-array indexing',
      });
      const limit = () => { const o = new Float64Array(K * C); for (let r = 0; r < K; r++) { const s = idx[r] * C, d = r * C; for (let j = 0; j < C; j++) o[d + j] = x[s + j]; } return o; };
      return {
        ours: () => np.pycall.getItem(X, IDX), limit, ...p, check: 'values',
        cleanup: () => { tx?.dispose(); ti?.dispose(); }, notes: { 'ml-matrix': 'subMatrixRow(indices)' },
      };
    },
  });

  cases.push({
    name: 'boolean mask of 1e6', kind: 'copy',
    numpy: { setup: 'a = rng.random(N); mask = a > 0.5', stmt: 'a[mask]' },
    make() {
      const a = rand(N, 16), mask = new Uint8Array(N);
      for (let i = 0; i < N; i++) mask[i] = a[i] > 0.5 ? 1 : 0;
      const A = nd(a, [N]), MASK = new np.NDArray(mask, 'bool', [N], [1], 0);
      const p = peerSet({
        tf: 'only the async booleanMaskAsync',
        ndarray: 'no boolean indexing', mlMatrix: 'no boolean indexing', numjs: 'no boolean indexing',
      });
      const limit = () => {
        let k = 0;
        for (let i = 0; i < N; i++) k += mask[i];
        const o = new Float64Array(k);
        k = 0;
        for (let i = 0; i < N; i++) if (mask[i]) o[k++] = a[i];
        return o;
      };
      return { ours: () => np.pycall.getItem(A, MASK), limit, ...p, check: 'values' };
    },
  });

  cases.push({
    name: 'np.eye(10)[labels] with 1e5 labels', kind: 'copy',
    numpy: { setup: 'labels = rng.integers(0, 10, 100000)', stmt: 'np.eye(10)[labels]' },
    make() {
      const K = 100_000, labels = randInts(K, 17, 10);
      const L = nd(labels, [K], 'int64');
      let tl;
      const p = peerSet({
        tf: ['tfjs-core-cpu (int32)', () => { tl ??= tf.tensor1d(Int32Array.from(labels), 'int32'); return tfRun(() => tf.oneHot(tl, 10))(); }],
        ndarray: 'no integer-array indexing', mlMatrix: 'no integer-array indexing', numjs: 'no integer-array indexing',
      });
      const limit = () => { const o = new Float64Array(K * 10); for (let i = 0; i < K; i++) o[i * 10 + labels[i]] = 1; return o; };
      return {
        ours: () => np.pycall.getItem(np.eye(10), L), limit, ...p, check: 'values', cleanup: () => tl?.dispose(),
        notes: { 'tfjs-core-cpu (int32)': 'tf.oneHot (int32 result)' },
      };
    },
  });

  // ---- matmul ---------------------------------------------------------------------------

  const matmulSkip = ctx.matmul ? undefined : ctx.engineNotes.matmul;
  for (const dtype of ['float64', 'float32']) {
    const T = dtype === 'float64' ? Float64Array : Float32Array;
    for (const n of [64, 256, 512]) {
      cases.push({
        name: `matmul ${n}x${n} ${dtype}`, kind: 'matmul', skip: matmulSkip,
        numpy: { setup: `a = rng.random((${n}, ${n})).astype('${dtype}'); b = rng.random((${n}, ${n})).astype('${dtype}')`, stmt: 'a @ b', openblas: true },
        make() {
          const a = rand(n * n, 18, 0, 1, T), b = rand(n * n, 19, 0, 1, T);
          const A = nd(a, [n, n]), B = nd(b, [n, n]);
          let ta, tb;
          const p = peerSet({
            tf: [tfLabel(dtype), () => { ta ??= tf.tensor2d(f32(a), [n, n], 'float32'); tb ??= tf.tensor2d(f32(b), [n, n], 'float32'); return tfRun(() => tf.matMul(ta, tb))(); }],
            ndarray: 'no matrix product in ndarray-ops',
            mlMatrix: dtype === 'float32' ? 'ml-matrix stores float64 only'
              : Matrix && (() => { const x = Matrix.from1DArray(n, n, a), y = Matrix.from1DArray(n, n, b); return () => x.mmul(y); })(),
            numjs: nj && (() => { const x = new nj.NdArray(ndarray(a, [n, n])), y = new nj.NdArray(ndarray(b, [n, n])); return () => nj.dot(x, y); })(),
          });
          const limit = () => {
            const o = new T(n * n);
            for (let i = 0; i < n; i++) {
              const ob = i * n;
              for (let k = 0; k < n; k++) { const s = a[i * n + k], bb = k * n; for (let j = 0; j < n; j++) o[ob + j] += s * b[bb + j]; }
            }
            return o;
          };
          return {
            ours: () => ctx.matmul(A, B), limit, ...p, check: 'values', cleanup: () => { ta?.dispose(); tb?.dispose(); },
            notes: { 'plain loop': 'i-k-j triple loop', numjs: 'nj.dot (ndarray-gemm)' },
          };
        },
      });
    }
  }
  cases.push({
    name: 'batched matmul (32,128,128) float64', kind: 'matmul', skip: matmulSkip,
    numpy: { setup: 'a = rng.random((32, 128, 128)); b = rng.random((32, 128, 128))', stmt: 'a @ b', openblas: true },
    make() {
      const Bt = 32, n = 128, a = rand(Bt * n * n, 20), b = rand(Bt * n * n, 21);
      const A = nd(a, [Bt, n, n]), B = nd(b, [Bt, n, n]);
      let ta, tb;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { ta ??= tf.tensor3d(f32(a), [Bt, n, n], 'float32'); tb ??= tf.tensor3d(f32(b), [Bt, n, n], 'float32'); return tfRun(() => tf.matMul(ta, tb))(); }],
        ndarray: 'no matrix product in ndarray-ops', mlMatrix: 'two-dimensional only', numjs: 'dot is two-dimensional only',
      });
      const limit = () => {
        const o = new Float64Array(Bt * n * n);
        for (let t = 0; t < Bt; t++) {
          const base = t * n * n;
          for (let i = 0; i < n; i++) {
            const ob = base + i * n;
            for (let k = 0; k < n; k++) { const s = a[base + i * n + k], bb = base + k * n; for (let j = 0; j < n; j++) o[ob + j] += s * b[bb + j]; }
          }
        }
        return o;
      };
      return { ours: () => ctx.matmul(A, B), limit, ...p, check: 'values', cleanup: () => { ta?.dispose(); tb?.dispose(); }, notes: { 'plain loop': 'i-k-j triple loop per batch' } };
    },
  });

  // ---- random ---------------------------------------------------------------------------

  /** The limit for a million normals: Marsaglia's polar method over Math.random. */
  const polar = () => {
    const o = new Float64Array(N);
    for (let i = 0; i < N; i += 2) {
      let x, y, r;
      do { x = 2 * Math.random() - 1; y = 2 * Math.random() - 1; r = x * x + y * y; } while (r >= 1 || r === 0);
      const f = Math.sqrt(-2 * Math.log(r) / r);
      o[i] = f * x;
      if (i + 1 < N) o[i + 1] = f * y;
    }
    return o;
  };
  for (const [name, key, stmtSetup, stmt] of [
    ['randn 1e6 (legacy RandomState)', 'randn', 'rs = np.random.RandomState(0)', 'rs.randn(N)'],
    ['standard_normal 1e6 (default_rng)', 'standardNormal', 'g = np.random.default_rng(0)', 'g.standard_normal(N)'],
  ]) {
    cases.push({
      name, kind: 'random', skip: ctx[key] ? undefined : ctx.engineNotes[key],
      numpy: { setup: stmtSetup, stmt },
      make() {
        const draw = ctx[key]();
        const p = peerSet({
          tf: [tfLabel('float64'), () => tfRun(() => tf.randomNormal([N], 0, 1, 'float32', 0))()],
          ndarray: 'no random numbers', mlMatrix: 'uniform random only (Matrix.rand)', numjs: 'uniform random only (nj.random)',
        });
        return {
          ours: draw, limit: polar, ...p,
          notes: { 'plain loop': "Marsaglia's polar method over Math.random (V8's xorshift128+), not NumPy's stream" },
        };
      },
    });
  }

  // ---- printing -------------------------------------------------------------------------

  cases.push({
    name: 'print a (100,100) float64 array', kind: 'print',
    numpy: { setup: 'p = rng.random((100, 100))', stmt: 'str(p)' },
    make() {
      const x = rand(100 * 100, 22), X = nd(x, [100, 100]);
      let tp;
      const p = peerSet({
        tf: [tfLabel('float64'), () => { tp ??= tf.tensor2d(f32(x), [100, 100], 'float32'); return tp.toString(); }],
        ndarray: 'no printer',
        mlMatrix: Matrix && (() => { const mx = Matrix.from1DArray(100, 100, x); return () => mx.toString(); })(),
        numjs: nj && (() => { const jx = new nj.NdArray(ndarray(x, [100, 100])); return () => jx.toString(); })(),
      });
      return {
        ours: () => np.arrayStr(X), limit: null, ...p, cleanup: () => tp?.dispose(),
        notes: { 'plain loop': 'no hand-written equivalent of NumPy\'s formatting' },
      };
    },
  });

  return cases;
}
