// The host side of the array inspector, without VS Code: turns arrays into the messages of
// webview/protocol.ts — metadata on open, binary chunks of a slice on request, statistics,
// per-axis summaries — and answers the view's (validated) requests. Values come from an
// ArraySource (inspectorSource.ts): an engine NDArray here (LocalArraySource), or a paused
// program's array read window by window (debug/remoteSource.ts). It caps what it sends at the
// `shapeLens.inspector.maxElements` setting; beyond it the view samples. It owns no panel and
// imports no `vscode`: the extension passes the setting in and posts what `handle` resolves to.

import { NDArray } from '../../engine/core/ndarray';
import { NumpyError } from '../../engine/core/errors';
import { amax, amin, mean, std, sum } from '../../engine/ops/reduction';
import { array } from '../../engine/ops/creation';
import { reshape } from '../../engine/ops/manipulation';
import type { DType } from '../../engine/core/dtype';
import {
  ArrayMeta, AxisSummaryMessage, ChunkMessage, DEFAULT_MAX_ELEMENTS, DTypeName, ErrorMessage, Highlight, HostToView, INSPECTOR_MAX_ELEMENTS_SETTING,
  LayoutHint, LIMITS, OpenMessage, RequestAxisSummaryMessage, RequestChunkMessage, RequestStatsMessage, SliceSpec, sliceKey, sliceProblem, sliceShape, StatsMessage, SummaryOp, validateViewMessage,
  ValueArray, ValueType, ViewKind, ViewToHost,
} from '../../webview/protocol';
import type { ArraySource, SourceBlock, SourceInfo } from './inspectorSource';

export interface InspectorSettings {
  /** values per chunk, statistics sample size and summary length (`shapeLens.inspector.maxElements`) */
  readonly maxElements?: number;
  /**
   * Prefix of this session's array ids. Random by default, so a view restored after a reload
   * never applies its saved settings to a different array that happens to get the same id.
   */
  readonly idPrefix?: string;
}

export interface OpenOptions {
  readonly source?: 'numpy' | 'torch';
  readonly layout?: LayoutHint;
  readonly highlight?: Highlight;
  readonly view?: ViewKind;
  /** where the values come from, when not this process (`debugpy: train_step, read on demand`) */
  readonly origin?: string;
}

/** A setting value made safe: an integer in [1, the protocol's hard ceiling]. */
export function clampMaxElements(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_MAX_ELEMENTS;
  return Math.max(1, Math.min(Math.floor(n), LIMITS.maxChunkBytes / 8));
}

/** The protocol's value type of an engine storage array (int64 lives in a Float64Array). */
export function valueTypeOfData(d: NDArray['data']): ValueType {
  if (d instanceof Float64Array) return 'float64';
  if (d instanceof Float32Array) return 'float32';
  if (d instanceof Int32Array) return 'int32';
  if (d instanceof Int16Array) return 'int16';
  if (d instanceof Int8Array) return 'int8';
  if (d instanceof Uint32Array) return 'uint32';
  if (d instanceof Uint16Array) return 'uint16';
  return 'uint8';
}

function allocLike(vt: ValueType, n: number): ValueArray {
  switch (vt) {
    case 'float64': return new Float64Array(n);
    case 'float32': return new Float32Array(n);
    case 'int32': return new Int32Array(n);
    case 'int16': return new Int16Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'uint8': return new Uint8Array(n);
  }
}

/** The header facts of an engine array: `x.shape`, `x.strides` (bytes), `x.flags`. */
export function infoOf(a: NDArray): SourceInfo {
  return {
    dtype: a.dtype as DTypeName, shape: [...a.shape], strides: a.byteStrides, itemsize: a.itemsize,
    nbytes: a.nbytes, contiguous: { c: a.isCContiguous, f: a.isFContiguous },
  };
}

/** The open message's array facts, from an engine array or a source's header facts. */
export function arrayMeta(id: string, name: string, a: NDArray | SourceInfo, settings: InspectorSettings = {}, opts: OpenOptions = {}): ArrayMeta {
  const info = a instanceof NDArray ? infoOf(a) : a;
  return {
    id,
    name: name.slice(0, LIMITS.maxNameLength),
    dtype: info.dtype,
    shape: [...info.shape],
    strides: [...info.strides],
    itemsize: info.itemsize,
    nbytes: info.nbytes,
    contiguous: { c: info.contiguous.c, f: info.contiguous.f },
    source: opts.source ?? 'numpy',
    maxChunkElements: clampMaxElements(settings.maxElements),
    ...(opts.layout ? { layout: opts.layout } : {}),
    ...(opts.highlight ? { highlight: opts.highlight } : {}),
    ...(opts.origin ? { origin: opts.origin.slice(0, LIMITS.maxNameLength) } : {}),
  };
}

/**
 * The values of `a[slice]` in C order, as a fresh typed array of the array's storage type.
 * `slice` must fit the shape (see sliceProblem). One pass over the inner axis per row.
 *
 *   extractBlock(x, [{ index: 1 }, { start: 0, stop: 5, step: 2 }]) → the 3 values of x[1, 0:5:2]
 */
export function extractBlock(a: NDArray, slice: SliceSpec): { shape: number[]; valueType: ValueType; values: ValueArray } {
  const shape = sliceShape(slice);
  const valueType = valueTypeOfData(a.data);
  const n = shape.reduce((p, d) => p * d, 1);
  const out = allocLike(valueType, n);
  if (n === 0) return { shape, valueType, values: out };
  let base = a.offset;
  const lens: number[] = [], steps: number[] = [];
  slice.forEach((s, i) => {
    if ('index' in s) { base += s.index * a.strides[i]; return; }
    base += s.start * a.strides[i];
    lens.push(shape[lens.length]);
    steps.push(s.step * a.strides[i]);
  });
  const data = a.data;
  if (lens.length === 0) { out[0] = data[base]; return { shape, valueType, values: out }; }
  const nd = lens.length, last = nd - 1, lastLen = lens[last], lastStep = steps[last];
  const idx = new Array<number>(nd).fill(0);
  // unit inner stride: copy whole rows (memcpy-speed); int64/uint64 share Float64Array storage
  const rowCopy = lastStep === 1;
  let o = 0, row = base;
  for (;;) {
    if (rowCopy) {
      out.set(data.subarray(row, row + lastLen), o);
      o += lastLen;
    } else {
      let p = row;
      for (let i = 0; i < lastLen; i++, p += lastStep) out[o++] = data[p];
    }
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      row += steps[d];
      if (idx[d] < lens[d]) break;
      row -= steps[d] * lens[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return { shape, valueType, values: out };
}

/** A typed array's bytes as an ArrayBuffer of exactly its length (what postMessage transfers). */
export function exactBuffer(v: ValueArray): ArrayBuffer {
  if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) return v.buffer as ArrayBuffer;
  return (v.buffer as ArrayBuffer).slice(v.byteOffset, v.byteOffset + v.byteLength);
}

/** Calls fn with each value in C order, or every k-th (in C order) when the array is larger than `limit`. */
function forEachSampled(a: NDArray, limit: number, fn: (v: number) => void): { count: number; sampled: boolean } {
  const size = a.size;
  if (size === 0) return { count: 0, sampled: false };
  const data = a.data;
  if (size <= limit) {
    const full: SliceSpec = a.shape.map((d) => ({ start: 0, stop: d, step: 1 }));
    // contiguous fast path avoids a copy
    if (a.isCContiguous && a.strides.every((s) => s >= 0)) {
      for (let i = 0; i < size; i++) fn(data[a.offset + i]);
    } else {
      const vals = extractBlock(a, full).values;
      for (let i = 0; i < vals.length; i++) fn(vals[i]);
    }
    return { count: size, sampled: false };
  }
  const k = Math.ceil(size / limit);
  let n = 0;
  const nd = a.ndim;
  for (let flat = 0; flat < size; flat += k) {
    let rem = flat, off = a.offset;
    for (let d = nd - 1; d >= 0; d--) {
      const i = rem % a.shape[d];
      rem = (rem - i) / a.shape[d];
      off += i * a.strides[d];
    }
    fn(data[off]);
    n++;
  }
  return { count: n, sampled: true };
}

/** Pairwise summation (as NumPy sums), so long float sums do not drift. */
function pairwiseSum(v: Float64Array, lo: number, hi: number, f: (x: number) => number): number {
  if (hi - lo <= 128) {
    let s = 0;
    for (let i = lo; i < hi; i++) s += f(v[i]);
    return s;
  }
  const mid = lo + ((hi - lo) >> 1);
  return pairwiseSum(v, lo, mid, f) + pairwiseSum(v, mid, hi, f);
}

/**
 * min, max, mean, std (ddof=0) over the finite values — what np.nanmin … np.nanstd give once
 * infinities are excluded — NaN/±inf counts and a histogram of the finite values over
 * [min, max]. Arrays larger than `limit` are summarised from a strided sample (`sampled: true`).
 * Two passes like NumPy's var: the mean, then the squared deviations.
 */
export function computeStats(a: NDArray, id: string, requestId: number, limit: number, bins: number): StatsMessage {
  let nan = 0, pinf = 0, ninf = 0, n = 0, lo = Infinity, hi = -Infinity;
  const finiteVals = new Float64Array(Math.min(a.size, limit));
  const { count, sampled } = forEachSampled(a, limit, (v) => {
    if (v !== v) { nan++; return; }
    if (v === Infinity) { pinf++; return; }
    if (v === -Infinity) { ninf++; return; }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    finiteVals[n++] = v;
  });
  const counts = new Array<number>(bins).fill(0);
  let hlo = 0, hhi = 1, mean: number | null = null, sd: number | null = null;
  if (n > 0) {
    mean = pairwiseSum(finiteVals, 0, n, (x) => x) / n;
    const m = mean;
    sd = Math.sqrt(pairwiseSum(finiteVals, 0, n, (x) => (x - m) * (x - m)) / n);
    hlo = lo; hhi = hi;
    if (hlo === hhi) { hlo -= 0.5; hhi += 0.5; }
    const scale = bins / (hhi - hlo);
    for (let i = 0; i < n; i++) {
      let b = Math.floor((finiteVals[i] - hlo) * scale);
      if (b >= bins) b = bins - 1;
      if (b < 0) b = 0;
      counts[b]++;
    }
  }
  return {
    type: 'stats', id, requestId, count, sampled, size: a.size,
    min: n ? lo : null, max: n ? hi : null, mean, std: sd,
    nanCount: nan, posInfCount: pinf, negInfCount: ninf,
    histogram: { lo: hlo, hi: hhi, counts },
  };
}

const SUMMARY: Record<SummaryOp, (a: NDArray, axis: number) => NDArray> = {
  mean: (a, axis) => mean(a, { axis }),
  std: (a, axis) => std(a, { axis }),
  min: (a, axis) => amin(a, { axis }),
  max: (a, axis) => amax(a, { axis }),
  sum: (a, axis) => sum(a, { axis }),
};

/** `x.mean(axis=0)` and friends through the engine (NumPy's values and dtypes), capped at `limit` values. */
export function axisSummary(a: NDArray, name: string, id: string, requestId: number, axis: number, op: SummaryOp, limit: number): AxisSummaryMessage | ErrorMessage {
  const expression = `${name}.${op}(axis=${axis})`;
  if (axis >= a.ndim) {
    return { type: 'error', id, requestId, message: `AxisError: axis ${axis} is out of bounds for array of dimension ${a.ndim}` };
  }
  let r: NDArray;
  try {
    r = SUMMARY[op](a, axis);
  } catch (e) {
    if (e instanceof NumpyError) return { type: 'error', id, requestId, message: `${expression}: ${e.pyType}: ${e.message}` };
    throw e;
  }
  const all = extractBlock(r, r.shape.map((d) => ({ start: 0, stop: d, step: 1 })));
  const n = Math.min(all.values.length, limit);
  const values = n === all.values.length ? all.values : all.values.slice(0, n);
  return {
    type: 'axisSummary', id, requestId, axis, op, expression, dtype: r.dtype as DTypeName, shape: [...r.shape],
    count: n, valueType: all.valueType, data: exactBuffer(values),
  };
}

/**
 * The evenly strided sample `x[::k, ::k, …]` (one step on every axis) with at most `limit`
 * values and the smallest such k — what the host fetches when a whole remote array is needed.
 *
 *   sampleSlice([2000, 2000], 1_000_000) → x[0:2000:2, 0:2000:2]  (k = 2: 1000 × 1000)
 */
export function sampleSlice(shape: readonly number[], limit: number): { slice: SliceSpec; step: number } {
  const count = (k: number): number => shape.reduce((p, d) => p * Math.ceil(d / k), 1);
  let lo = 1, hi = Math.max(1, ...shape);
  if (count(1) <= limit) hi = 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (count(mid) <= limit) hi = mid; else lo = mid + 1;
  }
  return { slice: shape.map((d) => ({ start: 0, stop: d, step: lo })), step: lo };
}

/** An engine array in this process (a scratch evaluation): every answer is computed at once. */
export class LocalArraySource implements ArraySource {
  readonly info: SourceInfo;

  constructor(readonly array: NDArray) {
    this.info = infoOf(array);
  }

  async readBlock(slice: SliceSpec): Promise<SourceBlock> {
    return extractBlock(this.array, slice);
  }

  async stats(id: string, requestId: number, limit: number, bins: number): Promise<StatsMessage> {
    return computeStats(this.array, id, requestId, limit, bins);
  }

  async axisSummary(name: string, id: string, requestId: number, axis: number, op: SummaryOp, limit: number): Promise<AxisSummaryMessage | ErrorMessage> {
    return axisSummary(this.array, name, id, requestId, axis, op, limit);
  }
}

export interface HandleResult {
  /** messages to post to the webview, in order */
  readonly replies: HostToView[];
  /** log lines for the extension's output channel (rejected messages, the view's own logs) */
  readonly log: string[];
  /** the validated message, when it was one (the extension may act on `ready`) */
  readonly message?: ViewToHost;
}

interface Entry {
  readonly name: string;
  readonly source: ArraySource;
  readonly open: OpenMessage;
}

/** A scratch run's values of a variable (C order) as the engine array the inspector shows. */
export function arrayOfValues(values: readonly number[], dtype: DType, shape: readonly number[]): NDArray {
  const flat = array(values as number[], dtype);
  return shape.length === 1 && shape[0] === values.length ? flat : reshape(flat, shape);
}

/**
 * One inspector panel's arrays and its answers to the view. The extension calls `open` to
 * show an array (an engine NDArray or any ArraySource), posts the returned message, and passes
 * every message from the view to `handle`, posting its replies:
 *
 *   const s = new InspectorSession({ maxElements: config.get(INSPECTOR_MAX_ELEMENTS_SETTING) });
 *   panel.webview.postMessage(s.open('x', arr));
 *   panel.webview.onDidReceiveMessage(async (m) => { const r = await s.handle(m); r.replies.forEach(post); r.log.forEach(out.appendLine); });
 *
 * Answers are asynchronous: one that arrives after its array was closed (the user opened
 * another) is dropped, and one from a source gone stale (the debugged program resumed) becomes
 * an error that says so — stale values are never sent.
 */
export class InspectorSession {
  private readonly arrays = new Map<string, Entry>();
  private nextId = 1;
  private readonly idPrefix: string;
  readonly maxElements: number;

  constructor(settings: InspectorSettings = {}) {
    this.maxElements = clampMaxElements(settings.maxElements);
    this.idPrefix = (settings.idPrefix ?? Math.random().toString(36).slice(2, 8)).slice(0, 32);
  }

  open(name: string, array: NDArray | ArraySource, opts: OpenOptions = {}): OpenMessage {
    const id = `${this.idPrefix}a${this.nextId++}`;
    const source = array instanceof NDArray ? new LocalArraySource(array) : array;
    const open: OpenMessage = {
      type: 'open', array: arrayMeta(id, name, source.info, { maxElements: this.maxElements }, opts),
      ...(opts.view ? { view: opts.view } : {}),
    };
    this.arrays.set(id, { name, source, open });
    return open;
  }

  close(id: string): void {
    this.arrays.get(id)?.source.close?.();
    this.arrays.delete(id);
  }

  get openIds(): string[] {
    return [...this.arrays.keys()];
  }

  /** The source of an open array (the extension asks it whether it went stale). */
  sourceOf(id: string): ArraySource | undefined {
    return this.arrays.get(id)?.source;
  }

  async handle(raw: unknown): Promise<HandleResult> {
    const v = validateViewMessage(raw);
    if (!v.ok) return { replies: [], log: [`[inspector] rejected message from view: ${v.error}`] };
    const m = v.value;
    const err = (id: string, requestId: number, message: string): HandleResult =>
      ({ replies: [{ type: 'error', id, requestId, message }], log: [`[inspector] ${message}`], message: m });
    switch (m.type) {
      case 'ready': {
        const e = m.restoreId !== undefined ? this.arrays.get(m.restoreId) : undefined;
        return { replies: e ? [e.open] : [], log: [], message: m };
      }
      case 'log':
        return { replies: [], log: [`[inspector view] ${m.level}: ${m.message}`], message: m };
      case 'requestChunk': case 'requestStats': case 'requestAxisSummary': {
        const e = this.arrays.get(m.id);
        if (!e) return err(m.id, m.requestId, `no array ${m.id} in this panel (closed or from an earlier run)`);
        if (m.type === 'requestChunk') {
          const problem = sliceProblem(m.slice, e.source.info.shape);
          if (problem) return err(m.id, m.requestId, `bad chunk request: ${problem}`);
          const n = sliceShape(m.slice).reduce((p, d) => p * d, 1);
          if (n > this.maxElements) {
            return err(m.id, m.requestId, `chunk of ${n} values exceeds the limit of ${this.maxElements} (${INSPECTOR_MAX_ELEMENTS_SETTING})`);
          }
        }
        const before = e.source.staleReason?.();
        if (before) return err(m.id, m.requestId, before);
        let reply: HostToView;
        try {
          reply = await this.answer(e, m);
        } catch (x) {
          if (this.arrays.get(m.id) !== e) return dropped(m.id);
          return err(m.id, m.requestId, e.source.staleReason?.() ?? (x instanceof Error ? x.message : String(x)));
        }
        // the user moved on while the values travelled: nobody shows this array any more
        if (this.arrays.get(m.id) !== e) return dropped(m.id);
        const after = e.source.staleReason?.();
        if (after) return err(m.id, m.requestId, after);
        return { replies: [reply], log: [], message: m };
      }
    }
  }

  private async answer(e: Entry, m: RequestChunkMessage | RequestStatsMessage | RequestAxisSummaryMessage): Promise<HostToView> {
    switch (m.type) {
      case 'requestChunk': {
        const b = await e.source.readBlock(m.slice);
        const want = sliceShape(m.slice);
        if (b.shape.join() !== want.join() || b.values.length !== want.reduce((p, d) => p * d, 1)) {
          throw new Error(`the values read for ${sliceKey(m.slice)} have shape (${b.shape.join(', ')}), expected (${want.join(', ')})`);
        }
        const chunk: ChunkMessage = {
          type: 'chunk', id: m.id, requestId: m.requestId, slice: m.slice, shape: b.shape, valueType: b.valueType, data: exactBuffer(b.values),
        };
        return chunk;
      }
      case 'requestStats':
        return e.source.stats(m.id, m.requestId, this.maxElements, m.bins);
      case 'requestAxisSummary':
        return e.source.axisSummary(e.name, m.id, m.requestId, m.axis, m.op, this.maxElements);
    }
  }
}

function dropped(id: string): HandleResult {
  return { replies: [], log: [`[inspector] dropped an answer for ${id}: the panel shows another array now`] };
}
