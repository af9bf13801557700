// An array of a paused program as the inspector's ArraySource: the header facts come from the
// metadata read at open; each window the view asks for is read then, through DAP `evaluate`
// on the paused frame, as base64 of `tobytes()` in answers of at most the adapter's chunk
// size (planWindow). Requests run one at a time, in order; a request for an array the panel
// no longer shows, or after the program resumed, is never sent. Statistics and per-axis
// summaries need the whole array: they read it whole when it fits the limit, else statistics
// read an evenly strided sample (flagged) and summaries say plainly that the array is too large.
// Pure: no `vscode` (the adapter is an Evaluator; staleness a callback).
import { NDArray, cStrides } from '../../../engine/core/ndarray';
import { allocate, type DType } from '../../../engine/core/dtype';
import type { ArraySource, SourceBlock, SourceInfo } from '../inspectorSource';
import { loadInspectorData } from '../inspectorDataBundle';
import type { AxisSummaryMessage, DTypeName, ErrorMessage, SliceSpec, StatsMessage, SummaryOp } from '../../../webview/protocol';
import { decodeInto, parseTypestr, planWindow } from './chunks';
import { CHUNK_TIMEOUT_MS, itemsizeOf, plainEvaluationError, RemoteArrayError, withTimeout, type Evaluator } from './remoteArray';
import { dtypeProblem, parseChunk, windowExpression, windowSelection, type RemoteArrayMeta } from './remoteExpressions';

/** 16-bit floats travel (and are shown) as float32. */
const WIDENED: Record<string, DType> = { float16: 'float32', bfloat16: 'float32' };

export interface RemoteSourceOptions {
  /** why the paused frame can no longer be read (resumed, ended), or undefined while it can */
  readonly staleReason?: () => string | undefined;
  /** called with each evaluate's expression and answer size (tests and logs) */
  readonly onEvaluate?: (expression: string, answerChars: number) => void;
}

function cContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  let want = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && strides[i] !== want) return false;
    want *= shape[i];
  }
  return true;
}

function fContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  let want = itemsize;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1 && strides[i] !== want) return false;
    want *= shape[i];
  }
  return true;
}

export class RemoteArraySource implements ArraySource {
  readonly info: SourceInfo;
  /** the dtype the values are shown as (16-bit floats widened) */
  readonly dtype: DType;
  /** bytes per value as they travel */
  private readonly wireItemsize: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** evaluate requests sent for values (not counting the metadata read at open) */
  requests = 0;

  constructor(private readonly ev: Evaluator, readonly expression: string, readonly meta: RemoteArrayMeta, private readonly opts: RemoteSourceOptions = {}) {
    const problem = dtypeProblem(meta);
    if (problem) throw new RemoteArrayError(`\`${expression}\`: ${problem}`);
    this.dtype = (WIDENED[meta.dtype] ?? meta.dtype) as DType;
    const itemsize = itemsizeOf(meta);
    this.wireItemsize = meta.dtype in WIDENED ? 4 : itemsize;
    const size = meta.shape.reduce((p, d) => p * d, 1);
    // a list of arrays has no strides of its own: parseMeta gives it C strides of its elements
    this.info = {
      dtype: this.dtype as DTypeName, shape: [...meta.shape], strides: [...meta.strides], itemsize,
      nbytes: size * itemsize,
      contiguous: { c: cContiguous(meta.shape, meta.strides, itemsize), f: fContiguous(meta.shape, meta.strides, itemsize) },
    };
  }

  staleReason(): string | undefined {
    if (this.closed) return `\`${this.expression}\` is no longer shown`;
    return this.opts.staleReason?.();
  }

  /** Stops every request not yet sent (the panel shows another array now). */
  close(): void {
    this.closed = true;
  }

  /** Runs `f` after every earlier request has finished: one evaluate at a time, in order. */
  private serial<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  readBlock(slice: SliceSpec): Promise<SourceBlock> {
    return this.serial(() => this.read(slice));
  }

  private async read(slice: SliceSpec): Promise<SourceBlock> {
    const shape = slice.filter((a) => !('index' in a)).map((a) => {
      const r = a as { start: number; stop: number; step: number };
      return r.stop <= r.start ? 0 : Math.ceil((r.stop - r.start) / r.step);
    });
    const n = shape.reduce((p, d) => p * d, 1);
    const values = allocate(this.dtype, n);
    let at = 0;
    for (const part of planWindow(slice, this.wireItemsize, this.ev.maxChunkBytes)) {
      // checked before each request: nothing is read after the program resumed or the user moved on
      const stale = this.staleReason();
      if (stale) throw new RemoteArrayError(stale);
      const expression = windowExpression(this.expression, this.meta, part.sel);
      let text: string;
      try {
        this.requests++;
        text = await withTimeout(this.ev.evaluate(expression, { timeoutMs: CHUNK_TIMEOUT_MS, bulk: true }), CHUNK_TIMEOUT_MS,
          `reading \`${this.expression}[${windowSelection(part.sel)}]\``);
      } catch (e) {
        if (e instanceof RemoteArrayError) throw e;
        throw new RemoteArrayError(this.staleReason() ?? plainEvaluationError(this.expression, e instanceof Error ? e.message : String(e)));
      }
      this.opts.onEvaluate?.(expression, text.length);
      const c = parseChunk(text);
      if (c instanceof Error) throw new RemoteArrayError(c.message);
      const t = parseTypestr(c.typestr);
      if (t instanceof Error) throw new RemoteArrayError(t.message);
      if (t.dtype !== this.dtype) throw new RemoteArrayError(`\`${this.expression}\` now holds ${t.dtype} values, not ${this.dtype} (it changed since it was opened?)`);
      if (c.bytes.byteLength !== part.size * t.size) {
        throw new RemoteArrayError(`\`${this.expression}[${windowSelection(part.sel)}]\` gave ${c.bytes.byteLength} bytes, expected ${part.size} values of ${t.size} bytes (it changed since it was opened?)`);
      }
      at += decodeInto(c.bytes, t, values, at);
    }
    return { shape, valueType: (await loadInspectorData()).valueTypeOfData(values), values };
  }

  /** The values of `slice` as a C-contiguous engine array. */
  private async readArray(slice: SliceSpec): Promise<NDArray> {
    const b = await this.readBlock(slice);
    return new NDArray(b.values, this.dtype, b.shape, cStrides(b.shape), 0);
  }

  async stats(id: string, requestId: number, limit: number, bins: number): Promise<StatsMessage> {
    const size = this.meta.shape.reduce((p, d) => p * d, 1);
    const { sampleSlice, computeStats } = await loadInspectorData();
    const { slice } = sampleSlice(this.meta.shape, limit);
    const s = computeStats(await this.readArray(slice), id, requestId, limit, bins);
    return { ...s, size, sampled: s.sampled || s.count < size };
  }

  async axisSummary(name: string, id: string, requestId: number, axis: number, op: SummaryOp, limit: number): Promise<AxisSummaryMessage | ErrorMessage> {
    const size = this.meta.shape.reduce((p, d) => p * d, 1);
    if (axis >= this.meta.shape.length) {
      return { type: 'error', id, requestId, message: `AxisError: axis ${axis} is out of bounds for array of dimension ${this.meta.shape.length}` };
    }
    if (size > limit) {
      return {
        type: 'error', id, requestId,
        message: `${name}.${op}(axis=${axis}) needs all ${size} values of the paused program's array, more than shapeLens.inspector.maxElements (${limit}); inspect a slice such as ${name}[0] to summarise it`,
      };
    }
    const whole = await this.readArray(this.meta.shape.map((d) => ({ start: 0, stop: d, step: 1 })));
    return (await loadInspectorData()).axisSummary(whole, name, id, requestId, axis, op, limit);
  }
}
