// str() and repr() of arrays and scalars exactly as NumPy 1.24 prints them: a port of
// arrayprint.py's array2string/_formatArray (wrapping at linewidth, NumPy's continuation
// indent, blank lines between blocks, `...` summaries), array_repr's `dtype=` placement and
// the 0-d/empty special cases, plus the module's print options (`np.set_printoptions`).
// It walks any strides/offset, so views print without copying. It does not implement the
// `formatter`, `legacy`, `nanstr`/`infstr` options, or dtypes we do not store.

import { DType, dtypeInfo } from '../core/dtype';
import { assertNever, typeError, valueError } from '../core/errors';
import { NDArray } from '../core/ndarray';
import { FloatingFormat, floatScalarRepr, FloatMode, SignMode } from './floatFormat';

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  floatmode: FloatMode;
  sign: SignMode;
}

const DEFAULTS: Readonly<PrintOptions> = {
  precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, floatmode: 'maxprec', sign: '-',
};

const current: PrintOptions = { ...DEFAULTS };

/** The live module-level options (read-only view; change them with setPrintOptions). */
export const printOptions: Readonly<PrintOptions> = current;

const FLOATMODES: readonly FloatMode[] = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

/** Checks overrides the way NumPy's `_make_options_dict` does; throws NumPy's errors. */
function checked(opts: Partial<PrintOptions>): Partial<PrintOptions> {
  const out: Partial<PrintOptions> = {};
  for (const [k, v] of Object.entries(opts) as [keyof PrintOptions, unknown][]) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  if (out.floatmode !== undefined && !FLOATMODES.includes(out.floatmode)) {
    throw valueError('floatmode option must be one of ' + FLOATMODES.map((m) => `"${m}"`).join(', '));
  }
  if (out.sign !== undefined && !['-', '+', ' '].includes(out.sign)) {
    throw valueError("sign option must be one of ' ', '+', or '-'");
  }
  if (out.threshold !== undefined && Number.isNaN(out.threshold)) {
    throw valueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
  }
  if (out.precision !== undefined) {
    if (!Number.isInteger(out.precision)) throw typeError('precision must be an integer');
    if (out.precision < 0) throw valueError('precision must be >= 0');
  }
  if (out.suppress !== undefined) out.suppress = Boolean(out.suppress);
  return out;
}

/** `np.set_printoptions(...)`: only the given options change. */
export function setPrintOptions(opts: Partial<PrintOptions>): void {
  Object.assign(current, checked(opts));
}

/** `np.get_printoptions()` (a copy). */
export function getPrintOptions(): PrintOptions {
  return { ...current };
}

/** Back to NumPy's defaults (precision=8, threshold=1000, edgeitems=3, linewidth=75, …). */
export function resetPrintOptions(): void {
  Object.assign(current, DEFAULTS);
}

function resolve(overrides?: Partial<PrintOptions>): PrintOptions {
  return overrides ? { ...current, ...checked(overrides) } : { ...current };
}

// ---- element formatters -------------------------------------------------------------------

type ElementFormat = (v: number) => string;

/** Python's str(int) of a stored integer (int64/uint64 beyond 2**53 are exact doubles). */
function intText(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : Number.isInteger(v) ? BigInt(v).toString() : String(v);
}

function elementFormat(dtype: DType, shown: ArrayLike<number>, zeroD: boolean, opts: PrintOptions): ElementFormat {
  const kind = dtypeInfo(dtype).kind;
  switch (kind) {
    case 'b': {
      const trueStr = zeroD ? 'True' : ' True';
      return (v) => (v ? trueStr : 'False');
    }
    case 'i':
    case 'u': {
      let width = 0;
      if (shown.length > 0) {
        let max = -Infinity, min = Infinity;
        for (let i = 0; i < shown.length; i++) { max = Math.max(max, shown[i]); min = Math.min(min, shown[i]); }
        width = Math.max(intText(max).length, intText(min).length);
      }
      return (v) => intText(v).padStart(width);
    }
    case 'f': {
      const ff = new FloatingFormat(shown, dtype === 'float32' ? 'float32' : 'float64', opts);
      return (v) => ff.format(v);
    }
    default: return assertNever(kind);
  }
}

// ---- scalars ------------------------------------------------------------------------------

/**
 * str() of a NumPy scalar of `dtype`: np.float64(0.1) → `0.1`, np.float32(1/3) → `0.33333334`,
 * np.int32(3) → `3`, np.bool_(1) → `True`. float32 values are rounded to float32 first.
 */
export function scalarStr(dtype: DType, value: number): string {
  const kind = dtypeInfo(dtype).kind;
  switch (kind) {
    case 'b': return value ? 'True' : 'False';
    case 'i': case 'u': return intText(value);
    case 'f': return floatScalarRepr(value, dtype === 'float32' ? 'float32' : 'float64');
    default: return assertNever(kind);
  }
}

/** repr() of a NumPy scalar; in NumPy 1.24 it is the same text as str() for our dtypes. */
export function scalarRepr(dtype: DType, value: number): string {
  return scalarStr(dtype, value);
}

// ---- array2string -------------------------------------------------------------------------

/** Indices shown along an axis: all, or the first and last `edge` when summarising. */
function shownIndices(n: number, summarise: boolean, edge: number): number[] {
  const out: number[] = [];
  if (summarise && n > 2 * edge) {
    for (let i = 0; i < edge; i++) out.push(i);
    for (let i = n - edge; i < n; i++) out.push(i);
  } else {
    for (let i = 0; i < n; i++) out.push(i);
  }
  return out;
}

/** The values NumPy's `_leading_trailing` keeps (what the element formatter measures). */
function shownValues(a: NDArray, summarise: boolean, edge: number): number[] {
  const axes = a.shape.map((n) => shownIndices(n, summarise, edge));
  const out: number[] = [];
  const walk = (axis: number, off: number): void => {
    if (axis === a.ndim) { out.push(a.data[off]); return; }
    for (const i of axes[axis]) walk(axis + 1, off + i * a.strides[axis]);
  };
  walk(0, a.offset);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, nextLinePrefix: string): [string, string] {
  let needsWrap = line.length + word.length > width;
  if (line.length <= nextLinePrefix.length) needsWrap = false; // wrapping would not help
  if (needsWrap) {
    s += line.trimEnd() + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/** `np.array2string(a, separator=..., prefix=..., suffix=...)` with resolved options. */
function array2string(a: NDArray, opts: PrintOptions, separator: string, prefix: string, suffix: string): string {
  const lineWidth = opts.linewidth - suffix.length;
  if (a.size === 0) return '[]';
  const summarise = a.size > opts.threshold;
  const edge = opts.edgeitems;
  const fmt = elementFormat(a.dtype, shownValues(a, summarise, edge), a.ndim === 0, opts);
  const sepTrim = separator.trimEnd();
  const { data, shape, strides } = a;

  const recurse = (off: number, axis: number, hanging: string, width: number): string => {
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return fmt(data[off]);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const n = shape[axis], st = strides[axis];
    const showSummary = summarise && 2 * edge < n;
    const leading = showSummary ? edge : 0;
    const trailing = showSummary ? edge : n;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(sepTrim.length, 1);
      let line = hanging;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, recurse(off + i * st, axis + 1, nextHanging, nextWidth), elemWidth, hanging);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, '...', elemWidth, hanging);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, recurse(off + (n - i) * st, axis + 1, nextHanging, nextWidth), elemWidth, hanging);
        line += separator;
      }
      [s, line] = extendLine(s, line, recurse(off + (n - 1) * st, axis + 1, nextHanging, nextWidth), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = sepTrim + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hanging + recurse(off + i * st, axis + 1, nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hanging + '...' + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + recurse(off + (n - i) * st, axis + 1, nextHanging, nextWidth) + lineSep;
      s += hanging + recurse(off + (n - 1) * st, axis + 1, nextHanging, nextWidth);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(a.offset, 0, ' ' + ' '.repeat(prefix.length), lineWidth);
}

// ---- public entry points ------------------------------------------------------------------

/**
 * `str(a)` / `print(a)` / `np.array_str(a)`. Example: a float64 array of shape (2, 2)
 * holding 0, 0.5, 1, 1.5 prints `[[0.  0.5]\n [1.  1.5]]`; a 0-d array prints like its scalar.
 */
export function arrayStr(a: NDArray, overrides?: Partial<PrintOptions>): string {
  const opts = resolve(overrides);
  if (a.ndim === 0) return scalarStr(a.dtype, a.data[a.offset]);
  return array2string(a, opts, ' ', '', '');
}

/** dtypes whose values already imply them (NumPy's `_typelessdata` for what we store). */
const IMPLIED: ReadonlySet<DType> = new Set<DType>(['int64', 'float64', 'bool']);

function pyTupleRepr(shape: readonly number[]): string {
  return '(' + shape.join(', ') + (shape.length === 1 ? ',' : '') + ')';
}

/**
 * `repr(a)` / `np.array_repr(a)`. Example: int32 [1, 2, 3] → `array([1, 2, 3], dtype=int32)`;
 * float64 of shape (0, 3) → `array([], shape=(0, 3), dtype=float64)`; 0-d int64 → `array(5)`.
 */
export function arrayRepr(a: NDArray, overrides?: Partial<PrintOptions>): string {
  const opts = resolve(overrides);
  const skipDtype = IMPLIED.has(a.dtype) && a.size > 0;
  const prefix = 'array(';
  const suffix = skipDtype ? ')' : ',';
  let lst: string;
  if (a.size > 0 || (a.ndim === 1 && a.shape[0] === 0)) {
    lst = array2string(a, opts, ', ', prefix, suffix);
  } else {
    lst = '[], shape=' + pyTupleRepr(a.shape);
  }
  const arrStr = prefix + lst + suffix;
  if (skipDtype) return arrStr;
  const dtypeStr = `dtype=${a.dtype})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + dtypeStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + dtypeStr;
}
