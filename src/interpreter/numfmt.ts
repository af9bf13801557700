// Python's arithmetic on ints and floats and its number formatting: arbitrary-precision ints
// (integral JS numbers, bigint past 2**53), CPython's float floor-division/modulo/round,
// and the format-spec mini-language for int and float (`.3f`, `>10`, `,`, `e`, `%`, `g`)
// computed from the exact binary value (ties to even), as CPython's dtoa does.
// Values only: no Python objects beyond numbers, and no str/container formatting.

import { pyFloatRepr } from '../../engine/format';
import { pyError } from './errors';

export type PyInt = number | bigint;

/** bigint → number when exactly representable as a safe integer (the canonical form). */
export function normBig(b: bigint): PyInt {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export const toBig = (a: PyInt): bigint => (typeof a === 'bigint' ? a : BigInt(a));

export function intAdd(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(toBig(a) + toBig(b));
}

export function intSub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(toBig(a) - toBig(b));
}

export function intMul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return normBig(toBig(a) * toBig(b));
}

export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  if (b === 0 || b === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') return Math.floor(a / b) + 0;
  const A = toBig(a), B = toBig(b);
  let q = A / B;
  if ((A % B !== 0n) && ((A < 0n) !== (B < 0n))) q -= 1n;
  return normBig(q);
}

export function intMod(a: PyInt, b: PyInt): PyInt {
  if (b === 0 || b === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return (r !== 0 && (r < 0) !== (b < 0) ? r + b : r) + 0;
  }
  const A = toBig(a), B = toBig(b);
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return normBig(r);
}

export function intNeg(a: PyInt): PyInt {
  return typeof a === 'number' ? 0 - a : normBig(-a);
}

/** Python int → float, with CPython's OverflowError. */
export function intToFloat(a: PyInt): number {
  const f = Number(a);
  if (!Number.isFinite(f)) throw pyError('OverflowError', 'int too large to convert to float');
  return f;
}

/** `a ** b` on ints (b >= 0); callers handle negative exponents as floats. */
export function intPow(a: PyInt, b: PyInt, bitBudget: number): PyInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  const A = toBig(a), B = toBig(b);
  if (A === 0n || A === 1n) return normBig(A);
  if (A === -1n) return B % 2n === 0n ? 1 : -1;
  const bits = Number(B) * Math.log2(Math.abs(Number(A)) || 2);
  if (!(bits <= bitBudget)) throw pyError('MemoryError', `integer result too large (about ${bitsToDigits(bits)} digits)`);
  return normBig(A ** B);
}

function bitsToDigits(bits: number): string {
  const d = bits * Math.log10(2);
  return d > 1e15 ? d.toExponential(2) : String(Math.ceil(d));
}

export function intShift(a: PyInt, b: PyInt, left: boolean, bitBudget: number): PyInt {
  if (b < 0) throw pyError('ValueError', 'negative shift count');
  if (left) {
    if (Number(b) > bitBudget) throw pyError('MemoryError', 'integer result too large');
    return normBig(toBig(a) << toBig(b));
  }
  return normBig(toBig(a) >> toBig(b));
}

export function intBitOp(a: PyInt, b: PyInt, op: '&' | '|' | '^'): PyInt {
  const A = toBig(a), B = toBig(b);
  return normBig(op === '&' ? A & B : op === '|' ? A | B : A ^ B);
}

export function intCompare(a: PyInt, b: PyInt): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = toBig(a), B = toBig(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/** Exact comparison of an int and a float (CPython compares exactly, not via rounding). */
export function intFloatCompare(a: PyInt, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (typeof a === 'number') return a < f ? -1 : a > f ? 1 : 0;
  if (!Number.isFinite(f)) return f > 0 ? -1 : 1;
  const fi = Math.trunc(f);
  const B = BigInt(fi);
  if (a < B) return -1;
  if (a > B) return 1;
  return fi < f ? -1 : fi > f ? 1 : 0;
}

/** float → int as `int(x)` does (truncation), with CPython's errors. */
export function floatToInt(x: number): PyInt {
  if (Number.isNaN(x)) throw pyError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x) + 0;
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

// ---- float arithmetic as CPython does it ---------------------------------------------------

export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw pyError('ZeroDivisionError', 'float divmod()');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) { mod += wx; div -= 1.0; }
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw pyError('ZeroDivisionError', 'float floor division by zero');
  return floatDivmod(a, b)[0];
}

export function floatMod(a: number, b: number): number {
  if (b === 0) throw pyError('ZeroDivisionError', 'float modulo');
  return floatDivmod(a, b)[1];
}

export function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) {
    throw pyError('ValueError', 'negative number cannot be raised to a fractional power (complex results are not supported)');
  }
  if (a === 1 || b === 0) return 1;
  const r = powCorrect(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw pyError('OverflowError', "(34, 'Numerical result out of range')");
  return r;
}

/**
 * x ** y, correctly rounded when y is a small integer (C's pow is; V8's `**` is not:
 * 10 ** -5 gives 9.999999999999999e-06 in JS, 1e-05 in Python). Other cases use `**`.
 */
export function powCorrect(x: number, y: number): number {
  if (!Number.isInteger(y) || Math.abs(y) > 256 || !Number.isFinite(x) || x === 0) return x ** y;
  const fast = x ** y;
  if (y >= 0 && Number.isFinite(fast) && Math.abs(fast) < 2 ** 53 && Number.isInteger(x)) return fast;
  const [m, e] = decompose(x);
  const n = Math.abs(y);
  const mn = m ** BigInt(n);
  const e2 = e * n;
  let num: bigint, den: bigint;
  if (y > 0) {
    num = e2 >= 0 ? mn << BigInt(e2) : mn;
    den = e2 >= 0 ? 1n : 1n << BigInt(-e2);
  } else {
    num = e2 <= 0 ? 1n << BigInt(-e2) : 1n;
    den = e2 <= 0 ? mn : mn << BigInt(e2);
  }
  const mag = ratioToDouble(num, den);
  return x < 0 && n % 2 === 1 ? -mag : mag;
}

/** The double nearest num/den (num, den > 0), ties to even. */
export function ratioToDouble(num: bigint, den: bigint): number {
  const nb = num.toString(2).length, db = den.toString(2).length;
  const s = 55 - (nb - db);
  let q: bigint, sticky: boolean;
  if (s >= 0) { const t = num << BigInt(s); q = t / den; sticky = t % den !== 0n; }
  else { const d = den << BigInt(-s); q = num / d; sticky = num % d !== 0n; }
  const qb = q.toString(2).length;
  const e2 = qb - 1 - s;
  if (e2 > 1023) return Infinity;
  let keep = 53;
  if (e2 < -1022) keep = 53 - (-1022 - e2);
  if (keep <= 0) {
    // below half the smallest subnormal (or exactly at it: ties to even gives 0)
    return keep === 0 && (q > (1n << BigInt(qb - 1)) || sticky) ? 5e-324 : 0;
  }
  const drop = qb - keep;
  let m = q >> BigInt(drop);
  const rem = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rem > half || (rem === half && (sticky || (m & 1n) === 1n))) m += 1n;
  const exp = e2 - keep + 1;
  // scale in two steps so neither factor under/overflows
  const h = Math.trunc(exp / 2);
  return Number(m) * 2 ** h * 2 ** (exp - h);
}

// ---- exact decimal conversion -------------------------------------------------------------

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** |x| = mant * 2**exp exactly (x finite, non-zero). */
function decompose(x: number): [bigint, number] {
  F64[0] = Math.abs(x);
  const hi = U32[1], lo = U32[0];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) exp = -1074;
  else { mant |= 1n << 52n; exp = bexp - 1075; }
  return [mant, exp];
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** round(num/den) with ties to even. */
function divRound(num: bigint, den: bigint): bigint {
  const q = num / den, r = num % den;
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| rounded to `prec` decimals, as an integer (|x| * 10**prec rounded half-even). */
function scaledRound(x: number, prec: number): bigint {
  const [m, e] = decompose(x);
  if (prec >= 0) {
    const num = m * pow10(prec);
    return e >= 0 ? num << BigInt(e) : divRound(num, 1n << BigInt(-e));
  }
  const den = pow10(-prec);
  return e >= 0 ? divRound(m << BigInt(e), den) : divRound(m, den << BigInt(-e));
}

/** Fixed notation with `prec` decimals of |x| (no sign), e.g. (0.125, 2) → "0.12". */
export function absFixed(x: number, prec: number): string {
  if (x === 0) return prec > 0 ? `0.${'0'.repeat(prec)}` : '0';
  const q = scaledRound(x, prec).toString();
  if (prec === 0) return q;
  const padded = q.padStart(prec + 1, '0');
  return `${padded.slice(0, padded.length - prec)}.${padded.slice(padded.length - prec)}`;
}

/** |x| as `prec+1` significant digits and a decimal exponent: 123.456, 2 → ["123", 2]. */
export function absExpDigits(x: number, prec: number): [string, number] {
  if (x === 0) return ['0'.repeat(prec + 1), 0];
  let E = Math.floor(Math.log10(Math.abs(x)));
  for (let tries = 0; tries < 3; tries++) {
    const q = scaledRound(x, prec - E);
    const s = q.toString();
    if (s.length === prec + 2) { E++; continue; }
    if (s.length < prec + 1) { E--; continue; }
    return [s, E];
  }
  const s = scaledRound(x, prec - E).toString();
  return [s.slice(0, prec + 1), E];
}

function expSuffix(E: number): string {
  return `e${E < 0 ? '-' : '+'}${String(Math.abs(E)).padStart(2, '0')}`;
}

export function absExp(x: number, prec: number, alt = false): string {
  const [d, E] = absExpDigits(x, prec);
  const mant = prec > 0 ? `${d[0]}.${d.slice(1)}` : alt ? `${d[0]}.` : d[0];
  return mant + expSuffix(E);
}

/** '%g'-style: `prec` significant digits, trailing zeros removed unless `alt`. */
export function absGeneral(x: number, prec: number, alt = false, addDot0 = false): string {
  if (prec === 0) prec = 1;
  if (x === 0) {
    // dtoa gives "0" with the decimal point after it, so it follows the same threshold as 1.0
    if (0 >= (addDot0 ? prec - 1 : prec)) return alt ? `0.${'0'.repeat(prec - 1)}e+00` : '0e+00';
    const z = alt ? `0.${'0'.repeat(prec - 1)}` : '0';
    return addDot0 && !z.includes('.') ? `${z}.0` : z;
  }
  const [, E] = absExpDigits(x, prec - 1);
  let s: string;
  // CPython: fixed notation unless decpt <= -4 or decpt > precision (precision - 1 with ADD_DOT_0)
  if (E >= -4 && E < (addDot0 ? prec - 1 : prec)) {
    s = absFixed(x, prec - 1 - E);
    if (!alt && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    if (addDot0 && !s.includes('.')) s += '.0';
  } else {
    const [d, E2] = absExpDigits(x, prec - 1);
    let mant = prec > 1 ? `${d[0]}.${d.slice(1)}` : d[0];
    if (!alt && mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + expSuffix(E2);
  }
  return s;
}

/** Python's repr(float). */
export function floatRepr(x: number): string {
  return pyFloatRepr(x);
}

/** round(x, ndigits) for floats: correctly rounded (half-even on the exact value). */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0 * Math.sign(x);
  const q = scaledRound(x, ndigits);
  const s = ndigits >= 0 ? `${q}e-${ndigits}` : `${q}e${-ndigits}`;
  const r = Number(s);
  if (!Number.isFinite(r)) throw pyError('OverflowError', 'rounded value too large to represent');
  return x < 0 ? -r : r;
}

/** round(int, ndigits) with ndigits < 0: half-even at 10**-ndigits. */
export function roundInt(a: PyInt, ndigits: number): PyInt {
  if (ndigits >= 0) return a;
  const A = toBig(a), p = pow10(-ndigits);
  const neg = A < 0n;
  const q = divRound(neg ? -A : A, p) * p;
  return normBig(neg ? -q : q);
}

/** Banker's rounding of a float to an int (`round(x)`). */
export function roundHalfEven(x: number): PyInt {
  if (Number.isNaN(x)) throw pyError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
  const f = Math.floor(x);
  const diff = x - f;
  let r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  r += 0;
  return Number.isSafeInteger(r) ? r : BigInt(r);
}

// ---- the format-spec mini-language --------------------------------------------------------

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '^' | '=' | '';
  sign: '+' | '-' | ' ' | '';
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number;
  type: string;
}

export function parseFormatSpec(spec: string): FormatSpec {
  const out: FormatSpec = { fill: ' ', align: '', sign: '', z: false, alt: false, zero: false, width: -1, grouping: '', precision: -1, type: '' };
  let i = 0;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '^' || c === '=';
  const chars = [...spec];
  if (chars.length >= 2 && isAlign(chars[1])) { out.fill = chars[0]; out.align = chars[1] as FormatSpec['align']; i = 2; }
  else if (isAlign(chars[0])) { out.align = chars[0] as FormatSpec['align']; i = 1; }
  if (chars[i] === '+' || chars[i] === '-' || chars[i] === ' ') out.sign = chars[i++] as FormatSpec['sign'];
  if (chars[i] === 'z') { out.z = true; i++; }
  if (chars[i] === '#') { out.alt = true; i++; }
  if (chars[i] === '0') {
    out.zero = true;
    if (!out.align) { out.fill = '0'; out.align = '='; }
    i++;
  }
  let w = '';
  while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') w += chars[i++];
  if (w) out.width = Number(w);
  if (chars[i] === ',' || chars[i] === '_') out.grouping = chars[i++] as ',' | '_';
  if (chars[i] === ',' || chars[i] === '_') throw pyError('ValueError', 'Cannot specify both \',\' and \'_\'.');
  if (chars[i] === '.') {
    i++;
    let p = '';
    while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') p += chars[i++];
    if (!p) throw pyError('ValueError', 'Format specifier missing precision');
    out.precision = Number(p);
  }
  if (chars.length - i > 1) throw pyError('ValueError', 'Invalid format specifier');
  if (i < chars.length) out.type = chars[i];
  return out;
}

function group(intDigits: string, sep: string, every: number): string {
  if (!sep) return intDigits;
  let out = '';
  for (let i = intDigits.length; i > 0; i -= every) {
    const start = Math.max(0, i - every);
    out = intDigits.slice(start, i) + (out ? sep + out : '');
  }
  return out;
}

/** Pads `sign+prefix` and `body` to the spec's width with its fill and alignment. */
function pad(spec: FormatSpec, signPrefix: string, body: string, defaultAlign: '<' | '>'): string {
  const total = [...signPrefix].length + [...body].length;
  if (spec.width <= total) return signPrefix + body;
  const n = spec.width - total;
  const align = spec.align || defaultAlign;
  const fill = spec.fill;
  switch (align) {
    case '<': return signPrefix + body + fill.repeat(n);
    case '>': return fill.repeat(n) + signPrefix + body;
    case '^': return fill.repeat(Math.floor(n / 2)) + signPrefix + body + fill.repeat(n - Math.floor(n / 2));
    case '=': return signPrefix + fill.repeat(n) + body;
  }
}

/** Zero-padding with grouping pads digits through the separators (format(1234, '010,')). */
function zeroPadGrouped(spec: FormatSpec, signPrefix: string, intPart: string, rest: string, every: number): string {
  const sep = spec.grouping;
  let grouped = group(intPart, sep, every);
  if (spec.fill === '0' && spec.align === '=' && spec.width > 0 && sep) {
    const target = spec.width - [...signPrefix].length - rest.length;
    let digits = intPart;
    while (grouped.length < target) {
      digits = '0' + digits;
      grouped = group(digits, sep, every);
    }
  }
  return grouped + rest;
}

const signOf = (neg: boolean, spec: FormatSpec): string => (neg ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '');

/** CPython 3.11's default sys.get_int_max_str_digits(): decimal text of longer ints raises. */
export const MAX_STR_DIGITS = 4300;
const TEN_TO_MAX_DIGITS = 10n ** BigInt(MAX_STR_DIGITS);

/** int → decimal text with CPython's digit limit (an int of 4301+ digits raises ValueError). */
export function decimalText(v: PyInt): string {
  if (typeof v === 'bigint' && (v >= TEN_TO_MAX_DIGITS || v <= -TEN_TO_MAX_DIGITS)) {
    throw pyError('ValueError', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return String(v);
}

export function formatInt(v: PyInt, spec: FormatSpec, typeName = 'int'): string {
  let t = spec.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(intToFloat(v), spec);
  if (spec.precision >= 0) throw pyError('ValueError', 'Precision not allowed in integer format specifier');
  if (t === '') t = 'd';
  if (t === 'c') {
    if (spec.sign) throw pyError('ValueError', "Sign not allowed with integer format specifier 'c'");
    const n = Number(v);
    if (n < 0 || n > 0x10ffff) throw pyError('OverflowError', '%c arg not in range(0x110000)');
    return pad(spec, '', String.fromCodePoint(n), '<');
  }
  const big = toBig(v);
  const neg = big < 0n;
  const mag = neg ? -big : big;
  let digits: string, prefix = '', every = 3;
  switch (t) {
    case 'd': case 'n': digits = decimalText(mag); break;
    case 'b': digits = mag.toString(2); prefix = spec.alt ? '0b' : ''; every = 4; break;
    case 'o': digits = mag.toString(8); prefix = spec.alt ? '0o' : ''; every = 4; break;
    case 'x': digits = mag.toString(16); prefix = spec.alt ? '0x' : ''; every = 4; break;
    case 'X': digits = mag.toString(16).toUpperCase(); prefix = spec.alt ? '0X' : ''; every = 4; break;
    default: throw pyError('ValueError', `Unknown format code '${t}' for object of type '${typeName}'`);
  }
  if (spec.grouping === ',' && t !== 'd' && t !== 'n') throw pyError('ValueError', `Cannot specify ',' with '${t}'.`);
  const sp = signOf(neg, spec) + prefix;
  return pad(spec, sp, zeroPadGrouped(spec, sp, digits, '', every), '>');
}

export function formatFloat(x: number, spec: FormatSpec, typeName = 'float'): string {
  const t = spec.type;
  if (!['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'].includes(t)) {
    throw pyError('ValueError', `Unknown format code '${t}' for object of type '${typeName}'`);
  }
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  if (Number.isNaN(x) || !Number.isFinite(x)) {
    body = Number.isNaN(x) ? 'nan' : 'inf';
    if (t === 'E' || t === 'F' || t === 'G') body = body.toUpperCase();
    if (t === '%') body += '%';
    return pad(spec, signOf(neg && !Number.isNaN(x), spec), body, '>');
  }
  const prec = spec.precision;
  switch (t) {
    case '': body = prec < 0 ? floatRepr(ax) : absGeneral(ax, prec, spec.alt, true); break;
    case 'e': case 'E': body = absExp(ax, prec < 0 ? 6 : prec, spec.alt); break;
    case 'f': case 'F': body = absFixed(ax, prec < 0 ? 6 : prec); if (spec.alt && !body.includes('.')) body += '.'; break;
    case 'g': case 'G': case 'n': body = absGeneral(ax, prec < 0 ? 6 : prec, spec.alt); break;
    case '%': body = absFixed(ax * 100, prec < 0 ? 6 : prec) + '%'; break;
    default: throw new Error('unreachable');
  }
  if (t === 'E' || t === 'G') body = body.toUpperCase();
  let isNeg = neg;
  if (spec.z && isNeg && /^[0.]*(e|%|$)/i.test(body.replace(/[eE][+-]\d+$/, ''))) isNeg = false;
  const m = /^(\d*)(.*)$/s.exec(body)!;
  const sp = signOf(isNeg, spec);
  return pad(spec, sp, zeroPadGrouped(spec, sp, m[1], m[2], 3), '>');
}

export function formatStr(s: string, spec: FormatSpec, typeName = 'str'): string {
  if (spec.type !== '' && spec.type !== 's') throw pyError('ValueError', `Unknown format code '${spec.type}' for object of type '${typeName}'`);
  if (spec.sign) throw pyError('ValueError', 'Sign not allowed in string format specifier');
  if (spec.alt) throw pyError('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw pyError('ValueError', "'=' alignment not allowed in string format specifier");
  let body = s;
  if (spec.precision >= 0) body = [...s].slice(0, spec.precision).join('');
  return pad(spec, '', body, '<');
}
