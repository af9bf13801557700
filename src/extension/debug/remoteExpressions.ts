// The Python expressions Shape Lens evaluates in a paused program through the debug adapter,
// and the parsing of their answers. Two kinds, both read-only and free of imports beyond
// `base64` from the standard library:
//  - metadata: `'SLMETA;numpy;float32;<f4;64,1,28,28;3136,3136,112,4;;ndarray'` (kind, dtype
//    name, NumPy type string with byte order, shape, byte strides, device, type name);
//  - a chunk: `'SLDATA;<f4;200704;<base64 of tobytes()>'` for one C-order block of the array,
//    or for one window `x[3, 0:64, 0:32:2]` the inspector asks for (windowExpression).
// Fields are `;`-separated: NumPy type strings contain `|` (`|b1`).
// The user's part is always checked by readOnlyProblem first. Pure: no `vscode`.
import { readOnlyProblem } from './readOnlyExpression';
import { blockSelection, type Block, type WindowAxis } from './chunks';

export type RemoteKind = 'numpy' | 'torch';

/** What the paused program says about an array or tensor. */
export interface RemoteArrayMeta {
  readonly kind: RemoteKind;
  /** NumPy's dtype name (`float32`, `int64`, `bool`, `float16`…); torch's without `torch.` */
  readonly dtype: string;
  /** NumPy's type string (`<f4`, `>i8`, `|b1`); `=` for torch (it reports no byte order) */
  readonly typestr: string;
  readonly shape: readonly number[];
  /** byte strides */
  readonly strides: readonly number[];
  /** torch's device (`cpu`, `cuda:0`); '' for NumPy */
  readonly device: string;
  /** the value's class name (`ndarray`, `Tensor`, `Parameter`, `memmap`) */
  readonly typeName: string;
  /** a list or tuple of same-shape, same-dtype arrays: shape[0] is its length, the rest each element's shape */
  readonly listOf?: 'list' | 'tuple';
}

export type MetaAnswer =
  | { readonly ok: true; readonly meta: RemoteArrayMeta }
  | { readonly ok: false; readonly typeName: string };

/** The one expression whose value holds `expr`'s metadata, or NOT an array's type name. */
export function metaExpression(expr: string): string {
  const problem = readOnlyProblem(expr);
  if (problem) throw new Error(problem);
  const join = (parts: string[]): string => `';'.join([${parts.join(', ')}])`;
  const shape = `','.join(map(str, v.shape))`;
  const numpy = join([`'SLMETA'`, `'numpy'`, 'v.dtype.name', 'v.dtype.str', shape, `','.join(map(str, v.strides))`, `''`, 'type(v).__name__']);
  const torch = join([`'SLMETA'`, `'torch'`, `str(v.dtype).replace('torch.', '')`, `'='`, shape,
    `','.join(str(s * v.element_size()) for s in v.stride())`, 'str(v.device)', 'type(v).__name__']);
  const other = join([`'SLMETA'`, `'other'`, `''`, `''`, `''`, `''`, `''`, `type(v).__module__ + '.' + type(v).__qualname__`]);
  // the class's MRO names decide, so subclasses (memmap, Parameter) count and nothing is called on v first
  const mro = `[c.__module__ + '.' + c.__name__ for c in type(v).__mro__]`;
  const describe = `(lambda v: (lambda m: ${numpy} if 'numpy.ndarray' in m else ${torch} if 'torch.Tensor' in m else ${other})(${mro}))`;
  // a list/tuple of arrays of one type, shape and dtype: its length, then its first element's metadata
  const isList = `type(v) in (list, tuple) and 0 < len(v) <= ${MAX_LIST_LENGTH} and d(v[0])[7:12] in ('numpy', 'torch') `
    + 'and all(type(e) is type(v[0]) and e.shape == v[0].shape and e.dtype == v[0].dtype for e in v)';
  // the user's expression stays at the top level: inside a lambda body a frame's locals are not visible
  return `(lambda d, v: 'SLLIST;' + str(len(v)) + ';' + type(v).__name__ + ';' + d(v[0]) if ${isList} else d(v))(${describe}, ${expr.trim()})`;
}

/** Longest list of arrays inspected as one array (checking each element is one pass over the list). */
export const MAX_LIST_LENGTH = 100_000;

/** The string a debug adapter returned for a str value: its repr (`'…'`) or the text itself. */
export function unquote(result: string): string {
  const s = result.trim();
  if (s.length >= 2 && (s[0] === '\'' || s[0] === '"') && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

function ints(csv: string): number[] | undefined {
  if (csv === '') return [];
  const out = csv.split(',').map((t) => Number(t));
  return out.every((n) => Number.isSafeInteger(n)) ? out : undefined;
}

/** Parses metaExpression's answer; `undefined` when it is not one (an adapter's error text, truncation). */
export function parseMeta(result: string): MetaAnswer | undefined {
  const text = unquote(result);
  const list = /^SLLIST;(\d+);(list|tuple);(.*)$/.exec(text);
  if (list) {
    const inner = parseMeta(list[3]);
    if (!inner?.ok || inner.meta.listOf) return undefined;
    const shape = [Number(list[1]), ...inner.meta.shape];
    const item = inner.meta.shape.length ? Math.abs(inner.meta.strides[inner.meta.strides.length - 1]) || 1 : 1;
    const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1) * item);
    return { ok: true, meta: { ...inner.meta, shape, strides, listOf: list[2] as 'list' | 'tuple', typeName: `${list[2]} of ${inner.meta.typeName}` } };
  }
  const f = text.split(';');
  if (f.length !== 8 || f[0] !== 'SLMETA') return undefined;
  const [, kind, dtype, typestr, shapeCsv, stridesCsv, device, typeName] = f;
  if (kind === 'other') return { ok: false, typeName: typeName.replace(/^builtins\./, '') };
  if (kind !== 'numpy' && kind !== 'torch') return undefined;
  const shape = ints(shapeCsv), strides = ints(stridesCsv);
  if (!shape || !strides || shape.length !== strides.length || shape.some((d) => d < 0)) return undefined;
  return { ok: true, meta: { kind, dtype, typestr, shape, strides, device, typeName } };
}

/** `(64, 1, 28, 28)`, `(10,)`, `()` — Python's tuple spelling. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `shape (64, 1, 28, 28) float32`; torch: `shape (64, 10) torch.float32`, plus the device when not the CPU. */
export function describeMeta(m: RemoteArrayMeta): string {
  const list = m.listOf ? ` (${m.listOf} of ${m.shape[0]})` : '';
  if (m.kind === 'numpy') return `shape ${shapeText(m.shape)} ${m.dtype}${list}`;
  return `shape ${shapeText(m.shape)} torch.${m.dtype}${m.device && m.device !== 'cpu' ? ` ${m.device}` : ''}${list}`;
}

/** Dtypes the inspector shows as they are; the 16-bit floats travel as float32. */
const AS_IS = new Set(['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64']);
const WIDENED = new Set(['float16', 'bfloat16']);

/** `undefined` when Shape Lens can fetch this dtype's values, else why not. */
export function dtypeProblem(m: RemoteArrayMeta): string | undefined {
  if (AS_IS.has(m.dtype) || WIDENED.has(m.dtype)) return undefined;
  return `the inspector shows bool, integer and float arrays; this one is ${m.dtype}`;
}

/** `x[sel]` converted to a NumPy array the inspector can read, as a Python expression. */
function blockExpression(expr: string, m: RemoteArrayMeta, sel: string): string {
  const widen = WIDENED.has(m.dtype);
  // torch: slice first so only the block is copied off the device
  if (m.kind === 'torch') return `(${expr}).detach()[${sel}].cpu()${widen ? '.float()' : ''}.numpy()`;
  return `(${expr})[${sel}]${widen ? `.astype('float32')` : ''}`;
}

/** One element of a list of arrays converted as blockExpression converts a block. */
function elementConversion(m: RemoteArrayMeta): string {
  return blockExpression('x', m, '...');
}

/**
 * The expression whose value is one chunk: the block `expr[sel]` of a planned block (see
 * chunks.ts: `3, 0:16`, or `...` for a 0-d array) as `SLDATA;typestr;nbytes;base64`. For a list
 * of arrays, a range over the list joins its elements' bytes; deeper blocks index one element.
 */
export function chunkExpression(expr: string, m: RemoteArrayMeta, b: Block): string {
  const problem = readOnlyProblem(expr);
  if (problem) throw new Error(problem);
  const e = expr.trim();
  const b64 = (bytes: string): string => `__import__('base64').b64encode(${bytes}).decode('ascii')`;
  if (m.listOf && b.axis === 0) {
    return `(lambda c, xs: ';'.join(['SLDATA', c(xs[0]).dtype.str, str(sum(c(x).nbytes for x in xs)), ${b64(`b''.join(c(x).tobytes() for x in xs)`)}]))`
      + `(lambda x: ${elementConversion(m)}, (${e})[${b.start}:${b.stop}])`;
  }
  const block = m.listOf
    ? blockExpression(`(${e})[${b.prefix[0]}]`, m, blockSelection({ ...b, prefix: b.prefix.slice(1), axis: b.axis - 1 }))
    : blockExpression(e, m, blockSelection(b));
  return `(lambda a: ';'.join(['SLDATA', a.dtype.str, str(a.nbytes), ${b64('a.tobytes()')}]))(${block})`;
}

export interface ChunkAnswer {
  /** NumPy type string of the bytes (`<f4`, `|b1`) */
  readonly typestr: string;
  readonly bytes: Uint8Array;
}

/** Parses chunkExpression's answer; an Error's message says what was wrong (truncated, not a chunk). */
export function parseChunk(result: string): ChunkAnswer | Error {
  const f = unquote(result).split(';');
  if (f.length !== 4 || f[0] !== 'SLDATA') return new Error(`unexpected answer from the debug adapter: ${result.slice(0, 200)}`);
  const n = Number(f[2]);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f[3])) return new Error('the debug adapter returned a chunk that is not base64');
  const bytes = Buffer.from(f[3], 'base64');
  if (!Number.isSafeInteger(n) || bytes.length !== n) {
    return new Error(`the debug adapter returned ${bytes.length} of ${f[2]} bytes (it truncated the answer)`);
  }
  return { typestr: f[1], bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** Python's spelling of a window selection: `3, 0:64, 0:32:2`; `...` when it has no axes. */
export function windowSelection(sel: readonly WindowAxis[]): string {
  if (sel.length === 0) return '...';
  return sel.map((a) => ('index' in a ? String(a.index) : `${a.start}:${a.stop}${a.step === 1 ? '' : `:${a.step}`}`)).join(', ');
}

/**
 * The expression whose value is the window `expr[sel]` (one entry per axis of the array) as
 * `SLDATA;typestr;nbytes;base64`, in C order. For a list of arrays the first entry selects
 * from the list: an index picks one element, a range joins its elements' bytes.
 *
 *   windowExpression('x', numpyMeta, [{ index: 3 }, { start: 0, stop: 64, step: 1 }]) → …(x)[3, 0:64]…
 */
export function windowExpression(expr: string, m: RemoteArrayMeta, sel: readonly WindowAxis[]): string {
  const problem = readOnlyProblem(expr);
  if (problem) throw new Error(problem);
  const e = expr.trim();
  const b64 = (bytes: string): string => `__import__('base64').b64encode(${bytes}).decode('ascii')`;
  if (m.listOf && sel.length > 0) {
    const first = sel[0], rest = windowSelection(sel.slice(1));
    if (!('index' in first)) {
      return `(lambda c, xs: ';'.join(['SLDATA', c(xs[0]).dtype.str if xs else '|u1', str(sum(c(x).nbytes for x in xs)), ${b64(`b''.join(c(x).tobytes() for x in xs)`)}]))`
        + `(lambda x: ${blockExpression('x', m, rest)}, (${e})[${windowSelection([first])}])`;
    }
    return `(lambda a: ';'.join(['SLDATA', a.dtype.str, str(a.nbytes), ${b64('a.tobytes()')}]))(${blockExpression(`(${e})[${first.index}]`, m, rest)})`;
  }
  return `(lambda a: ';'.join(['SLDATA', a.dtype.str, str(a.nbytes), ${b64('a.tobytes()')}]))(${blockExpression(e, m, windowSelection(sel))})`;
}
