// NumPy 1.24's float-to-text: a port of numpy/core/src/multiarray/dragon4.c (Dragon4 with
// NumPy's options: unique/exact digits, precision and min_digits cutoffs, trim modes, padding)
// for IEEE binary32 and binary64, plus the FloatingFormat column logic of arrayprint.py
// (positional vs scientific choice, shared precision, sign and nan/inf padding) and NumPy's
// float scalar str/repr. Digits are generated exactly with BigInt, so float32 gets its own
// shortest digits and every tie rounds the way NumPy's C code does. This file knows nothing of
// arrays, shapes or line wrapping (arrayFormat.ts), and handles no float16/longdouble/complex.

/** NumPy's `trim` argument: 'k' keep all, '.' trim zeros keep point, '0' keep one zero, '-' trim point too. */
export type TrimMode = 'k' | '.' | '0' | '-';
export type FloatKind = 'float32' | 'float64';
export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';
export type SignMode = '-' | '+' | ' ';

/** Keyword arguments of NumPy's `dragon4_positional` / `dragon4_scientific`; -1 means "not given". */
export interface Dragon4Options {
  precision?: number;
  minDigits?: number;
  unique?: boolean;
  /** positional only: precision counts digits after the point (true) or significant digits */
  fractional?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  padLeft?: number;
  padRight?: number;
  expDigits?: number;
}

// ---- decomposition ------------------------------------------------------------------------

interface FloatParts {
  negative: boolean;
  /** 'finite', or the special value */
  special: 'finite' | 'inf' | 'nan';
  mantissa: bigint;
  exponent: number;
  mantissaBit: number;
  unequalMargins: boolean;
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const f32Word = new Uint32Array(f32.buffer);
// Float64Array shares the platform's byte order with Uint32Array; find the high word once.
const HI = (() => { f64[0] = 1; return f64Words[1] === 0x3ff00000 ? 1 : 0; })();
const LO = 1 - HI;

function decompose(x: number, kind: FloatKind): FloatParts {
  if (kind === 'float32') {
    f32[0] = x;
    const bits = f32Word[0];
    const frac = bits & 0x7fffff, exp = (bits >>> 23) & 0xff, negative = bits >>> 31 !== 0;
    if (exp === 0xff) return { negative, special: frac === 0 ? 'inf' : 'nan', mantissa: 0n, exponent: 0, mantissaBit: 0, unequalMargins: false };
    if (exp !== 0) {
      return { negative, special: 'finite', mantissa: BigInt((1 << 23) | frac), exponent: exp - 127 - 23, mantissaBit: 23, unequalMargins: exp !== 1 && frac === 0 };
    }
    return { negative, special: 'finite', mantissa: BigInt(frac), exponent: 1 - 127 - 23, mantissaBit: frac === 0 ? 0 : Math.floor(Math.log2(frac)), unequalMargins: false };
  }
  f64[0] = x;
  const hi = f64Words[HI], lo = f64Words[LO];
  const exp = (hi >>> 20) & 0x7ff, negative = hi >>> 31 !== 0;
  const fracHi = hi & 0xfffff;
  const frac = (BigInt(fracHi) << 32n) | BigInt(lo >>> 0);
  if (exp === 0x7ff) return { negative, special: frac === 0n ? 'inf' : 'nan', mantissa: 0n, exponent: 0, mantissaBit: 0, unequalMargins: false };
  if (exp !== 0) {
    return { negative, special: 'finite', mantissa: (1n << 52n) | frac, exponent: exp - 1023 - 52, mantissaBit: 52, unequalMargins: exp !== 1 && frac === 0n };
  }
  const bit = frac === 0n ? 0 : frac.toString(2).length - 1;
  return { negative, special: 'finite', mantissa: frac, exponent: 1 - 1023 - 52, mantissaBit: bit, unequalMargins: false };
}

// ---- Dragon4 ------------------------------------------------------------------------------

/** The scratch buffer size of NumPy's C code; only bounds digit output when nothing else does. */
const BUFFER_SIZE = 16384;
const LOG10_2 = 0.30102999566398119521373889472449;
const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

interface Digits { digits: number[]; exponent: number }

/**
 * Dragon4 digit generation exactly as NumPy's C: returns the digits and the base-10
 * exponent of the first one. `cutoffMax`/`cutoffMin` are -1 when absent; `total` says they
 * count significant digits (else digits after the point).
 */
function dragon4(p: FloatParts, unique: boolean, total: boolean, cutoffMax: number, cutoffMin: number, bufferSize: number): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = p;
  if (mantissa === 0n) return { digits: [0], exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;
  let scale: bigint, value: bigint, marginLow: bigint, marginHigh: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2); scale = 4n;
      marginLow = 1n << BigInt(exponent); marginHigh = 1n << BigInt(exponent + 1);
    } else {
      value = mantissa << 2n; scale = 1n << BigInt(-exponent + 2); marginLow = 1n; marginHigh = 2n;
    }
  } else {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 1); scale = 2n; marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 1n; scale = 1n << BigInt(-exponent + 1); marginLow = 1n;
    }
    marginHigh = marginLow;
  }
  const high2 = (): bigint => (unequalMargins ? marginLow * 2n : marginLow);

  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && !total && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;
  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p10 = pow10(-digitExponent);
    value *= p10; marginLow *= p10; marginHigh = high2();
  }
  if (value >= scale) {
    digitExponent += 1;
  } else {
    value *= 10n; marginLow *= 10n; marginHigh = high2();
  }

  let cutoffMaxExponent = digitExponent - bufferSize;
  if (cutoffMax >= 0) {
    const desired = total ? digitExponent - cutoffMax : -cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = total ? digitExponent - cutoffMin : -cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  let outExponent = digitExponent - 1;

  const digits: number[] = [];
  let low = false, high = false, digit = 0;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      const valueHigh = value + marginHigh;
      low = isEven ? value <= marginLow : value < marginLow;
      high = isEven ? valueHigh >= scale : valueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      digits.push(digit);
      value *= 10n; marginLow *= 10n; marginHigh = high2();
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || digitExponent === cutoffMaxExponent) break;
      digits.push(digit);
      value *= 10n;
    }
  }

  // round the last digit: down if only the low side is allowed, else to nearest (ties to even)
  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }
  if (roundDown) {
    digits.push(digit);
  } else if (digit === 9) {
    for (;;) {
      if (digits.length === 0) { digits.push(1); outExponent += 1; break; }
      const d = digits.pop() as number;
      if (d !== 9) { digits.push(d + 1); break; }
    }
  } else {
    digits.push(digit + 1);
  }
  return { digits, exponent: outExponent };
}

/** Digits as text: what formatPositional's fast path hands over instead of Digits. */
interface DigitText { text: string; exponent: number }

/**
 * dragon4(p, unique=true, total=false, cutoffMax, cutoffMin) for a float64 0 < |x| < 1, as
 * text, from V8's exact shortest round-trip digits (String(x): closest to x, ties to even,
 * as Dragon4's unique mode). Cut at cutoffMax fraction digits it rounds those digits half
 * up: x and its shortest digits round alike there, and neither can be a tie, because a
 * decimal one digit longer than the cut that lay between them (or equalled them) would be
 * a shorter round-trip representation. Dragon4 keeps the zeros it generated but not those
 * a rounding carry made; so does this. Undefined (Dragon4 decides) for |x| < 1e-6
 * (String() switches to exponents), a cutoffMin that could matter, a cut one digit short of
 * the shortest digits, a cut at the point, or a cut that leaves only zeros.
 */
function fastFractionDigits(x: number, cutoffMax: number, cutoffMin: number): DigitText | undefined {
  const ax = Math.abs(x);
  if (!(ax >= 1e-6 && ax < 1) || cutoffMin > 0) return undefined;
  const s = String(ax); // "0.000ddd"
  let z = 2;
  while (s.charCodeAt(z) === 48) z++;
  const fraction = s.length - 2;
  if (cutoffMax < 0 || fraction <= cutoffMax) return { text: s.slice(z), exponent: 1 - z };
  const end = 2 + cutoffMax; // s[2, end) are the kept fraction digits
  if (fraction === cutoffMax + 1 || cutoffMax === 0 || z >= end) return undefined;
  if (s.charCodeAt(end) < 53) return { text: s.slice(z, end), exponent: 1 - z };
  // round up: trailing 9s carry away, the digit before them goes up by one
  let k = end - 1;
  while (k >= 2 && s.charCodeAt(k) === 57) k--;
  if (k < 2) return { text: '1', exponent: 0 };
  const up = String.fromCharCode(s.charCodeAt(k) + 1);
  return k < z ? { text: up, exponent: 1 - k } : { text: s.slice(z, k) + up, exponent: 1 - z };
}

function infNan(p: FloatParts, sign: boolean): string {
  if (p.special === 'nan') return 'nan';
  return (p.negative ? '-' : sign ? '+' : '') + 'inf';
}

const NONE = -1;

/** NumPy's `np.format_float_positional`-level primitive (`dragon4_positional`). */
export function formatPositional(x: number, kind: FloatKind, opts: Dragon4Options = {}): string {
  const precision = opts.precision ?? NONE, minDigits = opts.minDigits ?? NONE;
  const unique = opts.unique ?? true, total = !(opts.fractional ?? true), trim = opts.trim ?? 'k';
  const padLeft = opts.padLeft ?? NONE, padRight = opts.padRight ?? NONE;
  const fast = kind === 'float64' && unique && !total ? fastFractionDigits(x, precision, minDigits) : undefined;
  let negative: boolean, ds: string, printExponent: number;
  if (fast) {
    negative = x < 0;
    ds = fast.text;
    printExponent = fast.exponent;
  } else {
    const p = decompose(x, kind);
    if (p.special !== 'finite') return infNan(p, opts.sign ?? false);
    negative = p.negative;
    const d = dragon4(p, unique, total, precision, minDigits, BUFFER_SIZE - 1 - (negative || opts.sign ? 1 : 0));
    ds = d.digits.join('');
    printExponent = d.exponent;
  }
  const signStr = negative ? '-' : opts.sign ? '+' : '';
  const hasSign = signStr.length;
  const numDigits = ds.length;
  let body: string;
  let numWholeDigits: number, numFractionDigits = 0;
  if (printExponent >= 0) {
    numWholeDigits = printExponent + 1;
    if (numDigits <= numWholeDigits) {
      body = ds + '0'.repeat(numWholeDigits - numDigits);
    } else {
      numFractionDigits = numDigits - numWholeDigits;
      body = ds.slice(0, numWholeDigits) + '.' + ds.slice(numWholeDigits);
    }
  } else {
    const zeros = -(printExponent + 1);
    body = '0.' + '0'.repeat(zeros) + ds;
    numFractionDigits = numDigits + zeros;
    numWholeDigits = 1;
  }
  if (trim !== '-' && numFractionDigits === 0) body += '.';

  const addDigits = unique ? minDigits : precision;
  let desiredFractional = addDigits < 0 ? 0 : addDigits;
  if (total) desiredFractional = addDigits - numWholeDigits;
  if (trim === '0') {
    if (numFractionDigits === 0) { body += '0'; numFractionDigits++; }
  } else if (trim === 'k' && desiredFractional > numFractionDigits) {
    body += '0'.repeat(desiredFractional - numFractionDigits);
    numFractionDigits = desiredFractional;
  }
  if (trim !== 'k' && numFractionDigits > 0) {
    let end = body.length;
    while (body[end - 1] === '0') { end--; numFractionDigits--; }
    body = body.slice(0, end);
    if (body.endsWith('.')) {
      if (trim === '0') { body += '0'; numFractionDigits++; }
      else if (trim === '-') body = body.slice(0, -1);
    }
  }
  if (padRight >= numFractionDigits) {
    if (trim === '-' && numFractionDigits === 0) body += ' ';
    body += ' '.repeat(padRight - numFractionDigits);
  }
  let out = signStr + body;
  if (padLeft > numWholeDigits + hasSign) out = ' '.repeat(padLeft - numWholeDigits - hasSign) + out;
  return out;
}

/** NumPy's `np.format_float_scientific`-level primitive (`dragon4_scientific`). */
export function formatScientific(x: number, kind: FloatKind, opts: Dragon4Options = {}): string {
  const precision = opts.precision ?? NONE, minDigits = opts.minDigits ?? NONE;
  const unique = opts.unique ?? true, trim = opts.trim ?? 'k';
  const padLeft = opts.padLeft ?? NONE;
  let expDigits = opts.expDigits ?? NONE;
  const p = decompose(x, kind);
  if (p.special !== 'finite') return infNan(p, opts.sign ?? false);
  const signStr = p.negative ? '-' : opts.sign ? '+' : '';
  const leftChars = 1 + signStr.length;
  const pad = padLeft > leftChars ? ' '.repeat(padLeft - leftChars) : '';

  const { digits, exponent: printExponent } = dragon4(
    p, unique, true, precision < 0 ? NONE : precision + 1, minDigits < 0 ? NONE : minDigits + 1,
    BUFFER_SIZE - pad.length - signStr.length);
  const ds = digits.join('');
  let body = ds[0];
  let numFractionDigits = ds.length - 1;
  if (numFractionDigits > 0) body += '.' + ds.slice(1);
  if (trim !== '-' && numFractionDigits === 0) body += '.';

  const addDigits = Math.max(unique ? minDigits : precision, 0);
  if (trim === '0') {
    if (numFractionDigits === 0) { body += '0'; numFractionDigits++; }
  } else if (trim === 'k' && addDigits > numFractionDigits) {
    body += '0'.repeat(addDigits - numFractionDigits);
    numFractionDigits = addDigits;
  }
  if (trim !== 'k' && numFractionDigits > 0) {
    // NumPy strips zeros but (unlike positional) never the point itself here
    let end = body.length;
    while (body[end - 1] === '0') end--;
    body = body.slice(0, end);
    if (trim === '0' && body.endsWith('.')) body += '0';
  }

  if (expDigits > 5) expDigits = 5;
  if (expDigits < 0) expDigits = 2;
  const e = Math.abs(printExponent);
  const expStr = 'e' + (printExponent >= 0 ? '+' : '-') + String(e).padStart(expDigits, '0');
  return pad + signStr + body + expStr;
}

// ---- scalars ------------------------------------------------------------------------------

/**
 * str()/repr() of a NumPy float scalar (identical in 1.24), e.g. np.float32(0.1) → `0.1`,
 * np.float64(1e16) → `1e+16`, 1e-5 → `1e-05`, 3.0 → `3.0`. Positional for 1e-4 <= |x| < 1e16.
 */
export function floatScalarRepr(x: number, kind: FloatKind): string {
  const v = kind === 'float32' ? Math.fround(x) : x;
  const abs = Math.abs(v);
  const positional = Number.isNaN(v) || v === 0 || (abs < 1e16 && abs >= 1e-4);
  return positional
    ? formatPositional(v, kind, { fractional: false, trim: '0' })
    : formatScientific(v, kind, { trim: '-' });
}

/** Python's own `repr(float)`: `1.0`, `0.1`, `1e-05`, `1e+16`, `inf`, `nan` (np.float64 prints the same). */
export function pyFloatRepr(x: number): string {
  return floatScalarRepr(x, 'float64');
}

// ---- FloatingFormat -----------------------------------------------------------------------

export interface FloatFormatOptions {
  precision: number;
  floatmode: FloatMode;
  suppress: boolean;
  sign: SignMode;
}

/**
 * arrayprint.FloatingFormat: looks at every value that will be shown once, then formats each
 * to a common width. `values` are the shown values only (the corners when summarised).
 * Example: new FloatingFormat([1, 2.5, -0.125], 'float64', opts).format(1) === ' 1.   '.
 */
export class FloatingFormat {
  private readonly floatmode: FloatMode;
  private readonly sign: SignMode;
  private precision: number;
  private expFormat = false;
  private padLeft = 0;
  private padRight = 0;
  private trim: TrimMode = '.';
  private expSize = -1;
  private unique = true;
  private minDigits = NONE;

  constructor(values: ArrayLike<number>, private readonly kind: FloatKind, opts: FloatFormatOptions) {
    this.floatmode = opts.floatmode;
    this.sign = opts.sign;
    this.precision = opts.floatmode === 'unique' ? NONE : opts.precision;
    this.fill(values, opts.suppress);
  }

  private fill(data: ArrayLike<number>, suppress: boolean): void {
    const finite: number[] = [];
    let nonFinite = 0, negInf = false;
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (Number.isFinite(v)) finite.push(v);
      else { nonFinite++; if (v === -Infinity) negInf = true; }
    }
    let maxVal = -Infinity, minVal = Infinity;
    for (const v of finite) {
      if (v === 0) continue;
      const a = Math.abs(v);
      if (a > maxVal) maxVal = a;
      if (a < minVal) minVal = a;
    }
    if (maxVal !== -Infinity) {
      // NumPy divides in the array's dtype (float32 overflows to inf) but compares with the
      // Python float thresholds in float64.
      const ratio = this.kind === 'float32' ? Math.fround(maxVal / minVal) : maxVal / minVal;
      if (maxVal >= 1e8 || (!suppress && (minVal < 0.0001 || ratio > 1000))) this.expFormat = true;
    }

    const plusSign = this.sign === '+';
    if (finite.length === 0) {
      this.padLeft = 0; this.padRight = 0; this.trim = '.'; this.expSize = -1; this.unique = true; this.minDigits = NONE;
    } else if (this.expFormat) {
      let trim: TrimMode = '.', unique = true;
      if (this.floatmode === 'fixed') { trim = 'k'; unique = false; }
      let expLen = 0, fracLen = 0, intLen = 0;
      for (const x of finite) {
        const s = formatScientific(x, this.kind, { precision: this.precision, unique, trim, sign: plusSign });
        const e = s.indexOf('e');
        const mant = s.slice(0, e), dot = mant.indexOf('.');
        expLen = Math.max(expLen, s.length - e - 1);
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, mant.length - dot - 1);
      }
      this.expSize = expLen - 1;
      this.trim = 'k';
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.unique = unique;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      let trim: TrimMode = '.', unique = true;
      if (this.floatmode === 'fixed') { trim = 'k'; unique = false; }
      let intLen = 0, fracLen = 0;
      for (const x of finite) {
        const s = formatPositional(x, this.kind, { precision: this.precision, fractional: true, unique, trim, sign: plusSign });
        const dot = s.indexOf('.');
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, s.length - dot - 1);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      this.expSize = -1;
      this.unique = unique;
      if (this.floatmode === 'fixed' || this.floatmode === 'maxprec_equal') {
        this.precision = this.minDigits = this.padRight;
        this.trim = 'k';
      } else {
        this.trim = '.';
        this.minDigits = 0;
      }
    }

    // sign=' ' reserves a column for the sign when no shown value has its sign bit set
    if (this.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) this.padLeft += 1;

    if (nonFinite > 0) {
      const neginf = this.sign !== '-' || negInf;
      const nanLen = 3, infLen = 3 + (neginf ? 1 : 0);
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, nanLen - offset, infLen - offset);
    }
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x)
        ? (this.sign === '+' ? '+' : '') + 'nan'
        : (x < 0 ? '-' : this.sign === '+' ? '+' : '') + 'inf';
      return ' '.repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret;
    }
    if (this.expFormat) {
      return formatScientific(x, this.kind, {
        precision: this.precision, minDigits: this.minDigits, unique: this.unique, trim: this.trim,
        sign: this.sign === '+', padLeft: this.padLeft, expDigits: this.expSize,
      });
    }
    return formatPositional(x, this.kind, {
      precision: this.precision, minDigits: this.minDigits, unique: this.unique, fractional: true,
      trim: this.trim, sign: this.sign === '+', padLeft: this.padLeft, padRight: this.padRight,
    });
  }
}
