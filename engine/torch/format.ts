// str()/repr() of tensors exactly as torch 1.13 prints them: a port of torch/_tensor_str.py
// (_Formatter's int/fixed/scientific modes, _vector_str's line filling at linewidth 80,
// summarisation past `threshold` elements with `...`, the `dtype=`/`size=`/`grad_fn=`
// suffixes and their wrapping), plus torch.Size, dtype, device and return_types text.
// Python's `'{:.4f}'`/`'{:.4e}'` are reproduced with exact (BigInt) round-half-even on the
// double value, as CPython formats it. Complex, sparse and quantized tensors do not exist here.

import { NDArray } from '../core/ndarray';
import { NumpyError } from '../core/errors';
import { getDefaultDType, isFloatDType } from './dtype';
import { ReturnTypes, Tensor, TorchSize } from './tensor';

// ---- print options --------------------------------------------------------------------------

export interface TorchPrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  sciMode: boolean | null;
}

const DEFAULTS: Readonly<TorchPrintOptions> = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sciMode: null };
const opts: TorchPrintOptions = { ...DEFAULTS };

/** `torch.set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)`. */
export function setTorchPrintOptions(o: Partial<TorchPrintOptions> & { profile?: string | null }): void {
  if (o.profile === 'default') Object.assign(opts, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
  else if (o.profile === 'short') Object.assign(opts, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
  else if (o.profile === 'full') Object.assign(opts, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
  for (const k of ['precision', 'threshold', 'edgeitems', 'linewidth'] as const) {
    const v = o[k];
    if (v !== undefined && v !== null) opts[k] = v;
  }
  // like torch, sci_mode is reset to None whenever it is not given
  opts.sciMode = o.sciMode ?? null;
}

export function resetTorchPrintOptions(): void { Object.assign(opts, DEFAULTS); }
export function getTorchPrintOptions(): Readonly<TorchPrintOptions> { return { ...opts }; }

// ---- Python float formatting ------------------------------------------------------------------

/** x = mant * 2**exp exactly (finite, non-zero x; sign dropped). */
function decompose(x: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else { mant |= 1n << 52n; exp = biased - 1075; }
  return { mant, exp };
}

/** round(num / den) with ties to even. */
function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den, r = num % den;
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

const negative = (x: number): boolean => x < 0 || Object.is(x, -0);

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/** Python's `'{:.{p}f}'.format(x)`. */
export function formatFixed(x: number, p: number): string {
  const nf = nonFinite(x);
  if (nf) return nf;
  const sign = negative(x) ? '-' : '';
  let q: bigint;
  if (x === 0) {
    q = 0n;
  } else {
    const { mant, exp } = decompose(x);
    const scale = 10n ** BigInt(p);
    q = exp >= 0 ? (mant << BigInt(exp)) * scale : roundDiv(mant * scale, 1n << BigInt(-exp));
  }
  let digits = q.toString();
  if (p === 0) return sign + digits;
  if (digits.length <= p) digits = '0'.repeat(p + 1 - digits.length) + digits;
  return `${sign}${digits.slice(0, -p)}.${digits.slice(-p)}`;
}

/** Python's `'{:.{p}e}'.format(x)`: `1.2346e+03`, at least two exponent digits. */
export function formatExp(x: number, p: number): string {
  const nf = nonFinite(x);
  if (nf) return nf;
  const sign = negative(x) ? '-' : '';
  let digits: string, e: number;
  if (x === 0) {
    digits = '0'.repeat(p + 1);
    e = 0;
  } else {
    const { mant, exp } = decompose(x);
    e = Math.floor(Math.log10(Math.abs(x)));
    const lo = 10n ** BigInt(p), hi = lo * 10n;
    let q = 0n;
    for (let guard = 0; guard < 4; guard++) {
      let num = mant, den = 1n;
      if (exp >= 0) num <<= BigInt(exp); else den <<= BigInt(-exp);
      const shift = p - e;
      if (shift >= 0) num *= 10n ** BigInt(shift); else den *= 10n ** BigInt(-shift);
      const fl = num / den;
      if (fl < lo) { e--; continue; }
      if (fl >= hi) { e++; continue; }
      q = roundDiv(num, den);
      if (q === hi) { q = lo; e++; }
      break;
    }
    digits = q.toString();
  }
  const mantissa = p > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  const es = Math.abs(e) < 10 ? `0${Math.abs(e)}` : String(Math.abs(e));
  return `${sign}${mantissa}e${e < 0 ? '-' : '+'}${es}`;
}

const pad = (s: string, width: number): string => (s.length < width ? ' '.repeat(width - s.length) + s : s);

// ---- _Formatter -------------------------------------------------------------------------------

class Formatter {
  private readonly floating: boolean;
  private intMode = true;
  private sciMode = false;
  private maxWidth = 1;

  constructor(values: readonly number[], dtype: string) {
    this.floating = isFloatDType(dtype as never);
    const P = opts.precision;
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, intText(v, dtype).length);
      return;
    }
    const nz = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (nz.length === 0) return;
    let mn = Infinity, mx = -Infinity;
    for (const v of nz) { const a = Math.abs(v); if (a < mn) mn = a; if (a > mx) mx = a; }
    for (const v of nz) if (v !== Math.ceil(v)) { this.intMode = false; break; }
    if (this.intMode) {
      if (mx / mn > 1000 || mx > 1e8) {
        this.sciMode = true;
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatExp(v, P).length);
      } else {
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, 0).length + 1);
      }
    } else if (mx / mn > 1000 || mx > 1e8 || mn < 1e-4) {
      this.sciMode = true;
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatExp(v, P).length);
    } else {
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, P).length);
    }
    if (opts.sciMode !== null) this.sciMode = opts.sciMode;
  }

  width(): number { return this.maxWidth; }

  format(v: number, dtype: string): string {
    let ret: string;
    if (this.floating) {
      if (this.sciMode) ret = pad(formatExp(v, opts.precision), this.maxWidth);
      else if (this.intMode) ret = formatFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
      else ret = formatFixed(v, opts.precision);
    } else {
      ret = intText(v, dtype);
    }
    return pad(ret, this.maxWidth);
  }
}

function intText(v: number, dtype: string): string {
  if (dtype === 'bool') return v !== 0 ? 'True' : 'False';
  return Number.isInteger(v) ? BigInt(v).toString() : String(v);
}

// ---- layout -----------------------------------------------------------------------------------

/** The sub-array `a[i]` as a view (no copy). */
function row(a: NDArray, i: number): NDArray {
  return a.view(a.shape.slice(1), a.strides.slice(1), a.offset + i * a.strides[0]);
}

/** Indices of dim 0 that get printed (all, or the first and last edgeitems). */
function shownRows(n: number, summarize: boolean): { head: number[]; tail: number[] } {
  const e = opts.edgeitems;
  if (summarize && n > 2 * e) {
    return { head: Array.from({ length: e }, (_, i) => i), tail: Array.from({ length: e }, (_, i) => n - e + i) };
  }
  return { head: Array.from({ length: n }, (_, i) => i), tail: [] };
}

/** Values of get_summarized_data (what _Formatter sees). */
function summarizedValues(a: NDArray, summarize: boolean, out: number[]): void {
  if (a.ndim === 0) { out.push(a.data[a.offset]); return; }
  const { head, tail } = shownRows(a.shape[0], summarize);
  for (const i of [...head, ...tail]) {
    if (a.ndim === 1) out.push(a.data[a.offset + i * a.strides[0]]);
    else summarizedValues(row(a, i), summarize, out);
  }
}

function vectorStr(a: NDArray, indent: number, summarize: boolean, f: Formatter): string {
  const elementLength = f.width() + 2;
  const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength));
  const { head, tail } = shownRows(a.shape[0], summarize);
  const val = (i: number) => f.format(a.data[a.offset + i * a.strides[0]], a.dtype);
  const data = tail.length ? [...head.map(val), ' ...', ...tail.map(val)] : head.map(val);
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

function tensorStrWithFormatter(a: NDArray, indent: number, summarize: boolean, f: Formatter): string {
  if (a.ndim === 0) return f.format(a.data[a.offset], a.dtype);
  if (a.ndim === 1) return vectorStr(a, indent, summarize, f);
  const { head, tail } = shownRows(a.shape[0], summarize);
  const sub = (i: number) => tensorStrWithFormatter(row(a, i), indent + 1, summarize, f);
  const slices = tail.length ? [...head.map(sub), '...', ...tail.map(sub)] : head.map(sub);
  return `[${slices.join(`,${'\n'.repeat(a.ndim - 1)}${' '.repeat(indent + 1)}`)}]`;
}

/** torch/_tensor_str.py's `_tensor_str(self, indent)`. */
function tensorBody(a: NDArray, indent: number): string {
  if (a.size === 0) return '[]';
  const summarize = a.size > opts.threshold;
  const values: number[] = [];
  summarizedValues(a, summarize, values);
  return tensorStrWithFormatter(a, indent, summarize, new Formatter(values, a.dtype));
}

function addSuffixes(tensorStr: string, suffixes: readonly string[], indent: number): string {
  const parts = [tensorStr];
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const s of suffixes) {
    if (lastLineLen + s.length + 2 > opts.linewidth) {
      parts.push(`,\n${' '.repeat(indent)}${s}`);
      lastLineLen = indent + s.length;
    } else {
      parts.push(`, ${s}`);
      lastLineLen += s.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** Python's str of a shape tuple: `(0, 2)`, `(0,)`. */
function tupleText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** `repr(t)` (and `str(t)`, which torch makes the same). */
export function tensorRepr(t: Tensor): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const a = t.arr;
  const suffixes: string[] = [];
  const isDefault = t.dtype === getDefaultDType() || t.dtype === 'int64' || t.dtype === 'bool';
  let body: string;
  if (a.size === 0) {
    if (a.ndim !== 1) suffixes.push(`size=${tupleText(a.shape)}`);
    if (t.dtype !== getDefaultDType()) suffixes.push(`dtype=torch.${t.dtype}`);
    body = '[]';
  } else {
    if (!isDefault) suffixes.push(`dtype=torch.${t.dtype}`);
    body = tensorBody(a, indent);
  }
  if (t.gradFn !== null) suffixes.push(`grad_fn=<${t.gradFn}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  const s = addSuffixes(prefix + body, suffixes, indent);
  return t.isParameter ? `Parameter containing:\n${s}` : s;
}

export const tensorStr = tensorRepr;

/** `torch.Size([2, 3])`. */
export function sizeRepr(s: TorchSize): string {
  return `torch.Size([${s.dims.join(', ')}])`;
}

/** `torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))`. */
export function returnTypesRepr(r: ReturnTypes, itemRepr: (x: unknown) => string = defaultItemRepr): string {
  const fields = r.names.map((n, i) => `${n}=${itemRepr(r.items[i])}`);
  return `${r.typeName}(\n${fields.join(',\n')})`;
}

function defaultItemRepr(x: unknown): string {
  if (x instanceof Tensor) return tensorRepr(x);
  throw new NumpyError('TypeError', 'return_types item is not a tensor');
}
