// Every message between the extension host and the inspector webview, in both directions,
// as TypeScript types plus runtime validators. Both sides validate what they receive: a
// malformed or oversized message is rejected with a reason (logged by the receiver), never
// acted on. Large data travels as binary chunks the view asks for (`requestChunk` → `chunk`),
// never as one JSON document. Pure: no DOM, no `vscode`, no Node APIs; shared by
// src/extension/ (host) and webview/ (view). No other file defines webview messages.

// ---- limits ------------------------------------------------------------------------------

export const LIMITS = {
  /** NumPy's NPY_MAXDIMS */
  maxNdim: 32,
  maxNameLength: 256,
  maxTextLength: 4096,
  maxIdLength: 64,
  /** hard ceiling on one chunk, whatever the host's setting says (8M float64 values) */
  maxChunkBytes: 64 * 1024 * 1024,
  maxHistogramBins: 1024,
  maxRequestId: Number.MAX_SAFE_INTEGER,
} as const;

/** Default for the host setting `shapeLens.inspector.maxElements` (values per chunk). */
export const DEFAULT_MAX_ELEMENTS = 1_000_000;
export const INSPECTOR_MAX_ELEMENTS_SETTING = 'shapeLens.inspector.maxElements';

// ---- types -------------------------------------------------------------------------------

export type DTypeName =
  | 'bool' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'float32' | 'float64';
export const DTYPE_NAMES: readonly DTypeName[] = [
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
];

/** The element type of a chunk's binary payload (little-endian, as typed arrays are here). */
export type ValueType = 'float64' | 'float32' | 'int32' | 'int16' | 'int8' | 'uint32' | 'uint16' | 'uint8';
export const VALUE_TYPE_BYTES: Readonly<Record<ValueType, number>> = {
  float64: 8, float32: 4, int32: 4, int16: 2, int8: 1, uint32: 4, uint16: 2, uint8: 1,
};

/** One axis of a slice: a fixed index, or a range `start:stop:step` (step ≥ 1). */
export type AxisSel =
  | { readonly index: number }
  | { readonly start: number; readonly stop: number; readonly step: number };
/** One entry per axis of the array, like `x[3, 0:28, 0:28:2, 0]`. */
export type SliceSpec = readonly AxisSel[];

/** How a batch's axes are named: torch's channels-first or NumPy/TF's channels-last. */
export type LayoutHint = 'NCHW' | 'NHWC';

/** Rows `start:stop` along `axis` that one batch of a loop like `X[i:i+bs]` takes. */
export interface Highlight {
  readonly axis: number;
  readonly start: number;
  readonly stop: number;
  readonly label: string;
}

export interface ArrayMeta {
  /** the host's handle for this array in this panel */
  readonly id: string;
  /** the expression the user sees (`x`, `batch`, `model.weight`) */
  readonly name: string;
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  /** NumPy's byte strides */
  readonly strides: readonly number[];
  readonly itemsize: number;
  readonly nbytes: number;
  readonly contiguous: { readonly c: boolean; readonly f: boolean };
  /** 'torch' names batches NCHW by default, 'numpy' NHWC */
  readonly source: 'numpy' | 'torch';
  /** the host answers chunks of at most this many values; the view samples beyond it */
  readonly maxChunkElements: number;
  readonly layout?: LayoutHint;
  readonly highlight?: Highlight;
  /**
   * Where the values live when not in the host's own memory (`the paused program (debugpy),
   * read on demand`): each window is read from there when the view asks for it.
   */
  readonly origin?: string;
}

export type ViewKind = 'table' | 'heatmap' | 'image' | 'batch' | 'stats' | 'explain';
export const VIEW_KINDS: readonly ViewKind[] = ['table', 'heatmap', 'image', 'batch', 'stats', 'explain'];

/** A binary payload: an ArrayBuffer (or a typed array view) or, for hosts that can only send JSON, base64. */
export type Payload = ArrayBuffer | ArrayBufferView | string;

export type SummaryOp = 'mean' | 'std' | 'min' | 'max' | 'sum';
export const SUMMARY_OPS: readonly SummaryOp[] = ['mean', 'std', 'min', 'max', 'sum'];

/** A dim the analyzer may know only as a symbol (`B`, `n*3`). */
export type ExplainDim = number | string;
export interface ExplainOperand {
  readonly label: string;
  readonly shape: readonly ExplainDim[];
}

// host → view

export interface OpenMessage {
  readonly type: 'open';
  readonly array: ArrayMeta;
  /** the view to start on; the view picks one when absent */
  readonly view?: ViewKind;
}
export interface ChunkMessage {
  readonly type: 'chunk';
  readonly id: string;
  readonly requestId: number;
  readonly slice: SliceSpec;
  /** the shape of the block: the lengths of the slice's ranges, in axis order */
  readonly shape: readonly number[];
  readonly valueType: ValueType;
  /** C-order values of the block */
  readonly data: Payload;
}
export interface Histogram {
  readonly lo: number;
  readonly hi: number;
  readonly counts: readonly number[];
}
export interface StatsMessage {
  readonly type: 'stats';
  readonly id: string;
  readonly requestId: number;
  /** elements the statistics were computed over */
  readonly count: number;
  /** true when `count` is a strided sample of a larger array */
  readonly sampled: boolean;
  readonly size: number;
  /** over finite values; null when there are none */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly std: number | null;
  readonly nanCount: number;
  readonly posInfCount: number;
  readonly negInfCount: number;
  readonly histogram: Histogram;
}
export interface AxisSummaryMessage {
  readonly type: 'axisSummary';
  readonly id: string;
  readonly requestId: number;
  readonly axis: number;
  readonly op: SummaryOp;
  /** NumPy's spelling of what was computed: `x.mean(axis=0)` */
  readonly expression: string;
  readonly dtype: DTypeName;
  readonly shape: readonly number[];
  /** how many leading values (C order) `data` holds; less than the size when capped */
  readonly count: number;
  readonly valueType: ValueType;
  readonly data: Payload;
}
export interface ExplainBroadcastMessage {
  readonly type: 'explainBroadcast';
  readonly op: string;
  readonly a: ExplainOperand;
  readonly b: ExplainOperand;
}
export interface ExplainMatmulMessage {
  readonly type: 'explainMatmul';
  readonly a: ExplainOperand;
  readonly b: ExplainOperand;
}
export interface ErrorMessage {
  readonly type: 'error';
  readonly id?: string;
  readonly requestId?: number;
  readonly message: string;
}

export type HostToView =
  | OpenMessage | ChunkMessage | StatsMessage | AxisSummaryMessage
  | ExplainBroadcastMessage | ExplainMatmulMessage | ErrorMessage;

// view → host

export interface ReadyMessage {
  readonly type: 'ready';
  /** the array the view showed before it was hidden or reloaded (from getState) */
  readonly restoreId?: string;
}
export interface RequestChunkMessage {
  readonly type: 'requestChunk';
  readonly id: string;
  readonly requestId: number;
  readonly slice: SliceSpec;
}
export interface RequestStatsMessage {
  readonly type: 'requestStats';
  readonly id: string;
  readonly requestId: number;
  readonly bins: number;
}
export interface RequestAxisSummaryMessage {
  readonly type: 'requestAxisSummary';
  readonly id: string;
  readonly requestId: number;
  readonly axis: number;
  readonly op: SummaryOp;
}
export interface LogMessage {
  readonly type: 'log';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

export type ViewToHost = ReadyMessage | RequestChunkMessage | RequestStatsMessage | RequestAxisSummaryMessage | LogMessage;

// ---- validation --------------------------------------------------------------------------

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

class Reject extends Error {}

function reject(path: string, what: string): never {
  throw new Reject(`${path}: ${what}`);
}

function record(x: unknown, path: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) reject(path, 'expected an object');
  return x as Record<string, unknown>;
}

function str(x: unknown, path: string, max: number = LIMITS.maxTextLength): string {
  if (typeof x !== 'string') reject(path, 'expected a string');
  if (x.length > max) reject(path, `string longer than ${max}`);
  return x;
}

function bool(x: unknown, path: string): boolean {
  if (typeof x !== 'boolean') reject(path, 'expected a boolean');
  return x;
}

function num(x: unknown, path: string): number {
  if (typeof x !== 'number') reject(path, 'expected a number');
  return x;
}

function finite(x: unknown, path: string): number {
  const n = num(x, path);
  if (!Number.isFinite(n)) reject(path, 'expected a finite number');
  return n;
}

/** A non-negative safe integer. */
function count(x: unknown, path: string): number {
  const n = num(x, path);
  if (!Number.isSafeInteger(n) || n < 0) reject(path, 'expected a non-negative integer');
  return n;
}

function int(x: unknown, path: string): number {
  const n = num(x, path);
  if (!Number.isSafeInteger(n)) reject(path, 'expected an integer');
  return n;
}

function nullableFinite(x: unknown, path: string): number | null {
  return x === null ? null : finite(x, path);
}

function oneOf<T extends string>(x: unknown, path: string, options: readonly T[]): T {
  if (typeof x !== 'string' || !(options as readonly string[]).includes(x)) reject(path, `expected one of ${options.join(', ')}`);
  return x as T;
}

function list<T>(x: unknown, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(x)) reject(path, 'expected an array');
  if (x.length > max) reject(path, `more than ${max} items`);
  return x.map((v, i) => item(v, `${path}[${i}]`));
}

function optional<T>(o: Record<string, unknown>, key: string, path: string, f: (v: unknown, p: string) => T): T | undefined {
  return o[key] === undefined ? undefined : f(o[key], `${path}.${key}`);
}

const tag = (x: unknown): string => Object.prototype.toString.call(x);

/** Byte length of a payload, checking its kind; base64 is measured decoded. */
function payload(x: unknown, path: string): Payload {
  if (typeof x === 'string') {
    if (x.length > Math.ceil(LIMITS.maxChunkBytes / 3) * 4) reject(path, 'payload too large');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(x) || x.length % 4 !== 0) reject(path, 'invalid base64');
    return x;
  }
  if (tag(x) === '[object ArrayBuffer]') {
    if ((x as ArrayBuffer).byteLength > LIMITS.maxChunkBytes) reject(path, 'payload too large');
    return x as ArrayBuffer;
  }
  if (ArrayBuffer.isView(x)) {
    if (x.byteLength > LIMITS.maxChunkBytes) reject(path, 'payload too large');
    return x;
  }
  return reject(path, 'expected an ArrayBuffer, a typed array or a base64 string');
}

export function payloadByteLength(p: Payload): number {
  if (typeof p === 'string') {
    const pad = p.endsWith('==') ? 2 : p.endsWith('=') ? 1 : 0;
    return (p.length / 4) * 3 - pad;
  }
  return p.byteLength;
}

function checkPayloadSize(p: Payload, n: number, vt: ValueType, path: string): void {
  const want = n * VALUE_TYPE_BYTES[vt];
  if (payloadByteLength(p) !== want) reject(path, `payload has ${payloadByteLength(p)} bytes, expected ${want}`);
}

function shape(x: unknown, path: string): number[] {
  const s = list(x, path, LIMITS.maxNdim, count);
  let n = 1;
  for (const d of s) n *= d;
  if (!Number.isSafeInteger(n)) reject(path, 'size is not a safe integer');
  return s;
}

function axisSel(x: unknown, path: string): AxisSel {
  const o = record(x, path);
  if ('index' in o) return { index: count(o.index, `${path}.index`) };
  const start = count(o.start, `${path}.start`), stop = count(o.stop, `${path}.stop`), step = count(o.step, `${path}.step`);
  if (step < 1) reject(`${path}.step`, 'step must be at least 1');
  if (stop < start) reject(path, 'stop before start');
  return { start, stop, step };
}

function sliceSpec(x: unknown, path: string): AxisSel[] {
  const s = list(x, path, LIMITS.maxNdim, axisSel);
  let n = 1;
  for (const a of s) n *= 'index' in a ? 1 : rangeLength(a);
  if (n * 8 > LIMITS.maxChunkBytes) reject(path, 'slice too large for one chunk');
  return s;
}

const id = (x: unknown, path: string): string => str(x, path, LIMITS.maxIdLength);
const requestId = (x: unknown, path: string): number => count(x, path);

function operand(x: unknown, path: string): ExplainOperand {
  const o = record(x, path);
  return {
    label: str(o.label, `${path}.label`, LIMITS.maxNameLength),
    shape: list(o.shape, `${path}.shape`, LIMITS.maxNdim, (d, p) => (typeof d === 'string' ? str(d, p, 64) : count(d, p))),
  };
}

function arrayMeta(x: unknown, path: string): ArrayMeta {
  const o = record(x, path);
  const s = shape(o.shape, `${path}.shape`);
  const strides = list(o.strides, `${path}.strides`, LIMITS.maxNdim, int);
  if (strides.length !== s.length) reject(`${path}.strides`, 'length differs from shape');
  const c = record(o.contiguous, `${path}.contiguous`);
  const hl = optional(o, 'highlight', path, (h, p) => {
    const r = record(h, p);
    const v = {
      axis: count(r.axis, `${p}.axis`), start: count(r.start, `${p}.start`), stop: count(r.stop, `${p}.stop`),
      label: str(r.label, `${p}.label`, LIMITS.maxNameLength),
    };
    if (v.axis >= s.length) reject(`${p}.axis`, 'axis out of range');
    if (v.stop < v.start) reject(p, 'stop before start');
    return v;
  });
  const maxChunkElements = count(o.maxChunkElements, `${path}.maxChunkElements`);
  if (maxChunkElements < 1) reject(`${path}.maxChunkElements`, 'must be at least 1');
  return {
    id: id(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`, LIMITS.maxNameLength),
    dtype: oneOf(o.dtype, `${path}.dtype`, DTYPE_NAMES),
    shape: s,
    strides,
    itemsize: count(o.itemsize, `${path}.itemsize`),
    nbytes: count(o.nbytes, `${path}.nbytes`),
    contiguous: { c: bool(c.c, `${path}.contiguous.c`), f: bool(c.f, `${path}.contiguous.f`) },
    source: oneOf(o.source, `${path}.source`, ['numpy', 'torch'] as const),
    maxChunkElements,
    ...(o.layout !== undefined ? { layout: oneOf(o.layout, `${path}.layout`, ['NCHW', 'NHWC'] as const) } : {}),
    ...(hl ? { highlight: hl } : {}),
    ...(o.origin !== undefined ? { origin: str(o.origin, `${path}.origin`, LIMITS.maxNameLength) } : {}),
  };
}

function hostMessage(x: unknown): HostToView {
  const o = record(x, 'message');
  switch (o.type) {
    case 'open': {
      const view = optional(o, 'view', 'open', (v, p) => oneOf(v, p, VIEW_KINDS));
      return { type: 'open', array: arrayMeta(o.array, 'open.array'), ...(view ? { view } : {}) };
    }
    case 'chunk': {
      const slice = sliceSpec(o.slice, 'chunk.slice');
      const s = shape(o.shape, 'chunk.shape');
      const ranges = slice.filter((a) => !('index' in a)) as { start: number; stop: number; step: number }[];
      if (ranges.length !== s.length || ranges.some((r, i) => rangeLength(r) !== s[i])) {
        reject('chunk.shape', 'does not match the slice');
      }
      const valueType = oneOf(o.valueType, 'chunk.valueType', Object.keys(VALUE_TYPE_BYTES) as ValueType[]);
      const data = payload(o.data, 'chunk.data');
      checkPayloadSize(data, s.reduce((p, d) => p * d, 1), valueType, 'chunk.data');
      return { type: 'chunk', id: id(o.id, 'chunk.id'), requestId: requestId(o.requestId, 'chunk.requestId'), slice, shape: s, valueType, data };
    }
    case 'stats': {
      const h = record(o.histogram, 'stats.histogram');
      return {
        type: 'stats', id: id(o.id, 'stats.id'), requestId: requestId(o.requestId, 'stats.requestId'),
        count: count(o.count, 'stats.count'), sampled: bool(o.sampled, 'stats.sampled'), size: count(o.size, 'stats.size'),
        min: nullableFinite(o.min, 'stats.min'), max: nullableFinite(o.max, 'stats.max'),
        mean: nullableFinite(o.mean, 'stats.mean'), std: nullableFinite(o.std, 'stats.std'),
        nanCount: count(o.nanCount, 'stats.nanCount'), posInfCount: count(o.posInfCount, 'stats.posInfCount'),
        negInfCount: count(o.negInfCount, 'stats.negInfCount'),
        histogram: {
          lo: finite(h.lo, 'stats.histogram.lo'), hi: finite(h.hi, 'stats.histogram.hi'),
          counts: list(h.counts, 'stats.histogram.counts', LIMITS.maxHistogramBins, count),
        },
      };
    }
    case 'axisSummary': {
      const s = shape(o.shape, 'axisSummary.shape');
      const n = count(o.count, 'axisSummary.count');
      if (n > s.reduce((p, d) => p * d, 1)) reject('axisSummary.count', 'more values than the shape holds');
      const valueType = oneOf(o.valueType, 'axisSummary.valueType', Object.keys(VALUE_TYPE_BYTES) as ValueType[]);
      const data = payload(o.data, 'axisSummary.data');
      checkPayloadSize(data, n, valueType, 'axisSummary.data');
      return {
        type: 'axisSummary', id: id(o.id, 'axisSummary.id'), requestId: requestId(o.requestId, 'axisSummary.requestId'),
        axis: count(o.axis, 'axisSummary.axis'), op: oneOf(o.op, 'axisSummary.op', SUMMARY_OPS),
        expression: str(o.expression, 'axisSummary.expression', LIMITS.maxNameLength + 64),
        dtype: oneOf(o.dtype, 'axisSummary.dtype', DTYPE_NAMES), shape: s, count: n, valueType, data,
      };
    }
    case 'explainBroadcast':
      return { type: 'explainBroadcast', op: str(o.op, 'explainBroadcast.op', 8), a: operand(o.a, 'explainBroadcast.a'), b: operand(o.b, 'explainBroadcast.b') };
    case 'explainMatmul':
      return { type: 'explainMatmul', a: operand(o.a, 'explainMatmul.a'), b: operand(o.b, 'explainMatmul.b') };
    case 'error': {
      const eid = optional(o, 'id', 'error', id);
      const rid = optional(o, 'requestId', 'error', requestId);
      return {
        type: 'error', message: str(o.message, 'error.message'),
        ...(eid !== undefined ? { id: eid } : {}), ...(rid !== undefined ? { requestId: rid } : {}),
      };
    }
    default:
      return reject('message.type', `unknown message type ${JSON.stringify(String(o.type)).slice(0, 40)}`);
  }
}

function viewMessage(x: unknown): ViewToHost {
  const o = record(x, 'message');
  switch (o.type) {
    case 'ready': {
      const r = optional(o, 'restoreId', 'ready', id);
      return r === undefined ? { type: 'ready' } : { type: 'ready', restoreId: r };
    }
    case 'requestChunk':
      return { type: 'requestChunk', id: id(o.id, 'requestChunk.id'), requestId: requestId(o.requestId, 'requestChunk.requestId'), slice: sliceSpec(o.slice, 'requestChunk.slice') };
    case 'requestStats': {
      const bins = count(o.bins, 'requestStats.bins');
      if (bins < 1 || bins > LIMITS.maxHistogramBins) reject('requestStats.bins', `expected 1..${LIMITS.maxHistogramBins}`);
      return { type: 'requestStats', id: id(o.id, 'requestStats.id'), requestId: requestId(o.requestId, 'requestStats.requestId'), bins };
    }
    case 'requestAxisSummary':
      return {
        type: 'requestAxisSummary', id: id(o.id, 'requestAxisSummary.id'), requestId: requestId(o.requestId, 'requestAxisSummary.requestId'),
        axis: count(o.axis, 'requestAxisSummary.axis'), op: oneOf(o.op, 'requestAxisSummary.op', SUMMARY_OPS),
      };
    case 'log':
      return { type: 'log', level: oneOf(o.level, 'log.level', ['info', 'warn', 'error'] as const), message: str(o.message, 'log.message') };
    default:
      return reject('message.type', `unknown message type ${JSON.stringify(String(o.type)).slice(0, 40)}`);
  }
}

function validate<T>(x: unknown, f: (x: unknown) => T): Validated<T> {
  try {
    return { ok: true, value: f(x) };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, error: e.message };
    return { ok: false, error: `message: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** What the view runs on every message it receives. */
export const validateHostMessage = (x: unknown): Validated<HostToView> => validate(x, hostMessage);
/** What the host runs on every message it receives. */
export const validateViewMessage = (x: unknown): Validated<ViewToHost> => validate(x, viewMessage);

// ---- helpers shared by both sides --------------------------------------------------------

export function rangeLength(r: { readonly start: number; readonly stop: number; readonly step: number }): number {
  return r.stop <= r.start ? 0 : Math.ceil((r.stop - r.start) / r.step);
}

/** The block shape a slice selects: the lengths of its ranges, in axis order. */
export function sliceShape(slice: SliceSpec): number[] {
  return slice.filter((a) => !('index' in a)).map((a) => rangeLength(a as { start: number; stop: number; step: number }));
}

/** Checks a slice against an array's shape; returns a reason or undefined when it fits. */
export function sliceProblem(slice: SliceSpec, arrayShape: readonly number[]): string | undefined {
  if (slice.length !== arrayShape.length) return `slice has ${slice.length} axes, the array ${arrayShape.length}`;
  for (let i = 0; i < slice.length; i++) {
    const a = slice[i], d = arrayShape[i];
    if ('index' in a) {
      if (a.index >= d) return `index ${a.index} is out of bounds for axis ${i} with size ${d}`;
    } else if (a.stop > d) {
      return `stop ${a.stop} is beyond axis ${i} with size ${d}`;
    }
  }
  return undefined;
}

export function sliceKey(slice: SliceSpec): string {
  return slice.map((a) => ('index' in a ? String(a.index) : `${a.start}:${a.stop}:${a.step}`)).join(',');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    line += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    if (line.length >= 8192) { parts.push(line); line = ''; }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    line += `${B64[n >> 18]}${B64[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    line += `${B64[n >> 18]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
  }
  parts.push(line);
  return parts.join('');
}

export function decodeBase64(s: string): Uint8Array {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const a = B64_INDEX[s.charCodeAt(i)], b = B64_INDEX[s.charCodeAt(i + 1)];
    const c = s[i + 2] === '=' ? 0 : B64_INDEX[s.charCodeAt(i + 2)];
    const d = s[i + 3] === '=' ? 0 : B64_INDEX[s.charCodeAt(i + 3)];
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export type ValueArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** The typed array a (validated) payload holds. Copies only when alignment or base64 requires it. */
export function payloadValues(p: Payload, vt: ValueType): ValueArray {
  let buf: ArrayBuffer, off = 0, len: number;
  if (typeof p === 'string') {
    const bytes = decodeBase64(p);
    buf = bytes.buffer as ArrayBuffer; len = bytes.byteLength;
  } else if (ArrayBuffer.isView(p)) {
    buf = p.buffer as ArrayBuffer; off = p.byteOffset; len = p.byteLength;
  } else {
    buf = p; len = p.byteLength;
  }
  const size = VALUE_TYPE_BYTES[vt];
  if (off % size !== 0) {
    buf = buf.slice(off, off + len); off = 0;
  }
  const n = len / size;
  switch (vt) {
    case 'float64': return new Float64Array(buf, off, n);
    case 'float32': return new Float32Array(buf, off, n);
    case 'int32': return new Int32Array(buf, off, n);
    case 'int16': return new Int16Array(buf, off, n);
    case 'int8': return new Int8Array(buf, off, n);
    case 'uint32': return new Uint32Array(buf, off, n);
    case 'uint16': return new Uint16Array(buf, off, n);
    case 'uint8': return new Uint8Array(buf, off, n);
  }
}
