// `import`: the modules a program may import (numpy and the small standard-library subset
// NumPy learners use: math, random, time, sys, typing, collections, itertools, functools,
// copy, dataclasses, warnings). Anything else is `ModuleNotFoundError: No module named 'x'`,
// which is also the sandbox boundary: there is no os, subprocess, socket or io here.
// `random` is CPython's Mersenne Twister, bit-exact for seeded programs.

import { pyError, PyRaise, newException } from './errors';
import { floatToInt, intToFloat, normBig, powCorrect, PyInt, toBig } from './numfmt';
import {
  callValue, dictGet, dictSet, getAttr, getAttrOrUndefined, getItem, hashKey, isInstance, iterate, iterToArray, lessThan,
  lookupSpecial, newDict, pyEq, pyLen, setItem, toFloat, toIndex, toIndexValue, truth, typeName, typeOf, binaryOp, getIterator,
} from './objects';
import { makeNumpyModule, linalgModule, randomModule, NUMPY_FILE, jsContext } from './npbind';
import { pyRepr, pyStr } from './repr';
import { rt } from './runtime';
import {
  EXC, Kwargs, NDArray, NpScalar, PyBoundMethod, PyBuiltin, PyClass, PyDefaultDict, PyDict, PyFloat, PyFunction, PyGenericAlias,
  PyInstance, PyIterator, PyModule, PyProperty, PySet, PyTuple, T_DICT, T_FLOAT, T_INT, T_LIST, T_OBJECT, T_TUPLE, Value, ELLIPSIS,
} from './values';
import { T_DEFAULTDICT } from './objects';
import { TORCH_MODULE_NAMES, torchSubmodule } from './torchbind';

type Fn = (args: Value[], kw: Kwargs | null) => Value;
const fn = (name: string, impl: Fn, qual = name): PyBuiltin => new PyBuiltin(name, impl, false, undefined, qual);

function mod(name: string, entries: Record<string, Value>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of Object.entries(entries)) m.dict.set(k, v);
  return m;
}

const FACTORIES: Record<string, () => PyModule> = {
  numpy: makeNumpyModule,
  'numpy.linalg': linalgModule,
  'numpy.random': randomModule,
  math: mathModule,
  random: randomPyModule,
  time: timeModule,
  sys: sysModule,
  typing: typingModule,
  collections: collectionsModule,
  itertools: itertoolsModule,
  functools: functoolsModule,
  copy: copyModule,
  dataclasses: dataclassesModule,
  warnings: warningsModule,
  string: stringModule,
  ...Object.fromEntries(TORCH_MODULE_NAMES.map((n) => [n, () => torchSubmodule(n)])),
};

export function importModule(name: string): PyModule {
  const cached = rt.modules.get(name);
  if (cached) return cached;
  const f = FACTORIES[name];
  if (!f) {
    const r = pyError('ModuleNotFoundError', `No module named '${name}'`);
    r.exc.dict.set('name', name);
    throw r;
  }
  const m = f();
  rt.modules.set(name, m);
  return m;
}

/** `from mod import name` (and `*`, which returns [name, value] pairs). */
export function importFrom(m: PyModule, name: string): Value {
  if (name === '*') {
    if (m.name === 'numpy') throw pyError('NotImplementedError', "'from numpy import *' is not supported by Shape Lens; use 'import numpy as np'");
    return [...m.dict.entries()].filter(([k]) => !k.startsWith('_'));
  }
  const v = getAttrOrUndefined(m, name);
  if (v !== undefined) return v;
  if (FACTORIES[`${m.name}.${name}`]) return importModule(`${m.name}.${name}`);
  const where = m.file ? m.file : 'unknown location';
  const r = pyError('ImportError', `cannot import name '${name}' from '${m.name}' (${where})`);
  throw r;
}

export { NUMPY_FILE };

// ---- math ------------------------------------------------------------------------------------------

const domain = (): PyRaise => pyError('ValueError', 'math domain error');
const range = (): PyRaise => pyError('OverflowError', 'math range error');

function mathArg(v: Value, fname: string): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NpScalar) return v.value;
  if (v instanceof NDArray) {
    if (v.size !== 1) throw pyError('TypeError', 'only size-1 arrays can be converted to Python scalars');
    return v.toArray()[0];
  }
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__float__');
    if (f !== undefined) return mathArg(callValue(f, [v], null), fname);
  }
  throw pyError('TypeError', `must be real number, not ${typeName(v)}`);
}

function m1(name: string, f: (x: number) => number, check?: (x: number) => void): PyBuiltin {
  return fn(name, (args) => {
    if (args.length !== 1) throw pyError('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
    const x = mathArg(args[0], name);
    check?.(x);
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw domain();
    if (!Number.isFinite(r) && Number.isFinite(x)) throw range();
    return new PyFloat(r);
  }, `math.${name}`);
}

function isIntLike(v: Value): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || (v instanceof NpScalar && !v.dtype.startsWith('float'));
}

function bigIntArg(v: Value): bigint {
  if (!isIntLike(v) && !(v instanceof PyInstance)) throw pyError('TypeError', `'${typeName(v)}' object cannot be interpreted as an integer`);
  return toBig(toIndexValue(v));
}

function erf(x: number): number {
  // CPython's pre-libm implementation: series for |x| < 1.5, continued fraction beyond
  const ax = Math.abs(x);
  if (Number.isNaN(x)) return x;
  if (ax < 1.5) {
    const x2 = x * x;
    let acc = 0, fk = 25 + 0.5;
    for (let i = 0; i < 25; i++) { acc = 2.0 + x2 * acc / fk; fk -= 1.0; }
    return acc * x * Math.exp(-x2) / 1.7724538509055160272981674833;
  }
  const r = erfcContfrac(ax);
  return x > 0 ? 1 - r : r - 1;
}

function erfcContfrac(x: number): number {
  if (x >= 30) return 0;
  const x2 = x * x;
  let a = 0, da = 0.5, p = 1, pLast = 0, q = da + x2, qLast = 1;
  for (let i = 0; i < 50; i++) {
    a += da;
    da += 2;
    const b = da + x2;
    let t = p; p = b * p - a * pLast; pLast = t;
    t = q; q = b * q - a * qLast; qLast = t;
  }
  return p / q * x * Math.exp(-x2) / 1.7724538509055160272981674833;
}

function erfc(x: number): number {
  if (Math.abs(x) < 1.5) return 1 - erf(x);
  const r = erfcContfrac(Math.abs(x));
  return x > 0 ? r : 2 - r;
}

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_NUM = [23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];

function lanczosSum(x: number): number {
  let num = 0, den = 0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) { num = num * x + LANCZOS_NUM[i]; den = den * x + LANCZOS_DEN[i]; }
  } else {
    for (let i = 0; i < 13; i++) { num = num / x + LANCZOS_NUM[i]; den = den / x + LANCZOS_DEN[i]; }
  }
  return num / den;
}

const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const sinpi = (x: number): number => Math.sin(Math.PI * x);

/** CPython's m_tgamma (Lanczos, with its error correction). */
function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    throw domain();
  }
  if (x === 0) throw domain();
  if (x === Math.floor(x)) {
    if (x < 0) throw domain();
    if (x <= 23) { let r = 1; for (let i = 2; i < x; i++) r *= i; return r; }
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1 / x;
  if (absx > 200) {
    if (x < 0) return 0 / sinpi(x);
    throw range();
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z = absx > LANCZOS_G_MINUS_HALF ? (y - absx) - LANCZOS_G_MINUS_HALF : (y - LANCZOS_G_MINUS_HALF) - absx;
  z = z * LANCZOS_G / y;
  let r: number;
  if (x < 0) {
    r = -Math.PI / sinpi(absx) / absx * Math.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) r /= y ** (absx - 0.5);
    else { const sq = y ** (absx / 2 - 0.25); r /= sq; r /= sq; }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140) r *= y ** (absx - 0.5);
    else { const sq = y ** (absx / 2 - 0.25); r *= sq; r *= sq; }
  }
  if (!Number.isFinite(r)) throw range();
  return r;
}

/** CPython's m_lgamma. */
function lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) throw domain();
    return 0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = Math.log(Math.PI) - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  if (!Number.isFinite(r)) throw range();
  return r;
}

/** Shewchuk's exact summation (math.fsum). */
function fsum(values: number[]): number {
  const partials: number[] = [];
  let special = 0, infSum = 0;
  for (let x of values) {
    if (!Number.isFinite(x)) { if (Number.isNaN(x)) special = NaN; else infSum += x; continue; }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) { const t = x; x = y; y = t; }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (Number.isNaN(special)) return NaN;
  if (infSum !== 0 || Number.isNaN(infSum)) { if (Number.isNaN(infSum)) throw pyError('ValueError', '-inf + inf in fsum'); return infSum; }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi, y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2, x = hi + y, yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

function mathModule(): PyModule {
  const m = mod('math', {
    pi: new PyFloat(Math.PI), e: new PyFloat(Math.E), tau: new PyFloat(2 * Math.PI), inf: new PyFloat(Infinity), nan: new PyFloat(NaN),
    sqrt: m1('sqrt', Math.sqrt, (x) => { if (x < 0) throw domain(); }),
    exp: m1('exp', Math.exp), exp2: m1('exp2', (x) => 2 ** x), expm1: m1('expm1', Math.expm1),
    log2: m1('log2', Math.log2, (x) => { if (x <= 0) throw domain(); }),
    log10: m1('log10', Math.log10, (x) => { if (x <= 0) throw domain(); }),
    log1p: m1('log1p', Math.log1p, (x) => { if (x <= -1) throw domain(); }),
    sin: m1('sin', Math.sin), cos: m1('cos', Math.cos), tan: m1('tan', Math.tan),
    asin: m1('asin', Math.asin), acos: m1('acos', Math.acos), atan: m1('atan', Math.atan),
    sinh: m1('sinh', Math.sinh), cosh: m1('cosh', Math.cosh), tanh: m1('tanh', Math.tanh),
    asinh: m1('asinh', Math.asinh), acosh: m1('acosh', Math.acosh), atanh: m1('atanh', Math.atanh, (x) => { if (Math.abs(x) >= 1) throw domain(); }),
    fabs: m1('fabs', Math.abs), erf: m1('erf', erf), erfc: m1('erfc', erfc),
    gamma: m1('gamma', gamma), lgamma: m1('lgamma', lgamma),
    degrees: m1('degrees', (x) => x * (180 / Math.PI)), radians: m1('radians', (x) => x * (Math.PI / 180)),
    log: fn('log', (args) => {
      if (args.length < 1 || args.length > 2) throw pyError('TypeError', `log expected 1 or 2 arguments, got ${args.length}`);
      const lg = (v: Value): number => {
        if (typeof v === 'bigint' && v > 0n) { const s = v.toString(2).length; return Math.log(Number(v >> BigInt(Math.max(0, s - 60)))) + Math.max(0, s - 60) * Math.LN2; }
        const x = mathArg(v, 'log');
        if (x <= 0) throw domain();
        return Math.log(x);
      };
      const num = lg(args[0]);
      if (args.length === 1) return new PyFloat(num);
      const den = lg(args[1]);
      if (den === 0) throw pyError('ZeroDivisionError', 'float division by zero');
      return new PyFloat(num / den);
    }, 'math.log'),
    pow: fn('pow', (args) => {
      const x = mathArg(args[0], 'pow'), y = mathArg(args[1], 'pow');
      if (x === 0 && y < 0) throw domain();
      if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) throw domain();
      const r = powCorrect(x, y);
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw range();
      return new PyFloat(x === 1 || y === 0 ? 1 : r);
    }, 'math.pow'),
    atan2: fn('atan2', (args) => new PyFloat(Math.atan2(mathArg(args[0], 'atan2'), mathArg(args[1], 'atan2'))), 'math.atan2'),
    hypot: fn('hypot', (args) => new PyFloat(Math.hypot(...args.map((a) => mathArg(a, 'hypot')))), 'math.hypot'),
    dist: fn('dist', (args) => {
      const p = iterToArray(args[0]).map((a) => mathArg(a, 'dist')), q = iterToArray(args[1]).map((a) => mathArg(a, 'dist'));
      if (p.length !== q.length) throw pyError('ValueError', 'both points must have the same number of dimensions');
      return new PyFloat(Math.hypot(...p.map((v, i) => v - q[i])));
    }, 'math.dist'),
    copysign: fn('copysign', (args) => { const x = mathArg(args[0], 'copysign'), y = mathArg(args[1], 'copysign'); return new PyFloat((y < 0 || Object.is(y, -0)) ? -Math.abs(x) : Math.abs(x)); }, 'math.copysign'),
    fmod: fn('fmod', (args) => { const x = mathArg(args[0], 'fmod'), y = mathArg(args[1], 'fmod'); if (y === 0 || !Number.isFinite(x)) throw domain(); return new PyFloat(x % y); }, 'math.fmod'),
    remainder: fn('remainder', (args) => { const x = mathArg(args[0], 'remainder'), y = mathArg(args[1], 'remainder'); if (y === 0) throw domain(); const n = Math.round(x / y); return new PyFloat(x - n * y); }, 'math.remainder'),
    modf: fn('modf', (args) => { const x = mathArg(args[0], 'modf'); const i = Math.trunc(x); return new PyTuple([new PyFloat(Number.isFinite(x) ? x - i : 0 * Math.sign(x)), new PyFloat(i)]); }, 'math.modf'),
    frexp: fn('frexp', (args) => {
      const x = mathArg(args[0], 'frexp');
      if (x === 0 || !Number.isFinite(x)) return new PyTuple([new PyFloat(x), 0]);
      let e = Math.floor(Math.log2(Math.abs(x))) + 1;
      let mnt = x / 2 ** e;
      if (Math.abs(mnt) >= 1) { mnt /= 2; e++; } else if (Math.abs(mnt) < 0.5) { mnt *= 2; e--; }
      return new PyTuple([new PyFloat(mnt), e]);
    }, 'math.frexp'),
    ldexp: fn('ldexp', (args) => new PyFloat(mathArg(args[0], 'ldexp') * 2 ** toIndex(args[1])), 'math.ldexp'),
    floor: fn('floor', (args) => intRound(args, 'floor', Math.floor), 'math.floor'),
    ceil: fn('ceil', (args) => intRound(args, 'ceil', Math.ceil), 'math.ceil'),
    trunc: fn('trunc', (args) => intRound(args, 'trunc', Math.trunc), 'math.trunc'),
    isfinite: fn('isfinite', (args) => Number.isFinite(mathArg(args[0], 'isfinite')), 'math.isfinite'),
    isinf: fn('isinf', (args) => { const x = mathArg(args[0], 'isinf'); return x === Infinity || x === -Infinity; }, 'math.isinf'),
    isnan: fn('isnan', (args) => Number.isNaN(mathArg(args[0], 'isnan')), 'math.isnan'),
    isclose: fn('isclose', (args, kw) => {
      const a = mathArg(args[0], 'isclose'), b = mathArg(args[1], 'isclose');
      const rel = kw && 'rel_tol' in kw ? mathArg(kw.rel_tol, 'isclose') : 1e-9, abs = kw && 'abs_tol' in kw ? mathArg(kw.abs_tol, 'isclose') : 0;
      if (rel < 0 || abs < 0) throw pyError('ValueError', 'tolerances must be non-negative');
      if (a === b) return true;
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      const d = Math.abs(b - a);
      return d <= Math.abs(rel * b) || d <= Math.abs(rel * a) || d <= abs;
    }, 'math.isclose'),
    factorial: fn('factorial', (args) => {
      const v = args[0];
      if (v instanceof PyFloat) throw pyError('TypeError', "'float' object cannot be interpreted as an integer");
      const n = bigIntArg(v);
      if (n < 0n) throw pyError('ValueError', 'factorial() not defined for negative values');
      rt.checkSize(Number(n) * 8);
      let r = 1n;
      for (let i = 2n; i <= n; i++) r *= i;
      return normBig(r);
    }, 'math.factorial'),
    gcd: fn('gcd', (args) => {
      let g = 0n;
      for (const a of args) { let x = bigIntArg(a); if (x < 0n) x = -x; let y = g; while (x) { const t = y % x; y = x; x = t; } g = y; }
      return normBig(g);
    }, 'math.gcd'),
    lcm: fn('lcm', (args) => {
      let l = 1n;
      for (const a of args) {
        let x = bigIntArg(a); if (x < 0n) x = -x;
        if (x === 0n) return 0;
        let p = l, q = x; while (q) { const t = p % q; p = q; q = t; }
        l = (l / p) * x;
      }
      return normBig(l);
    }, 'math.lcm'),
    comb: fn('comb', (args) => {
      const n = bigIntArg(args[0]), k = bigIntArg(args[1]);
      if (n < 0n) throw pyError('ValueError', 'n must be a non-negative integer');
      if (k < 0n) throw pyError('ValueError', 'k must be a non-negative integer');
      if (k > n) return 0;
      let r = 1n;
      const kk = k < n - k ? k : n - k;
      for (let i = 1n; i <= kk; i++) r = (r * (n - kk + i)) / i;
      return normBig(r);
    }, 'math.comb'),
    perm: fn('perm', (args) => {
      const n = bigIntArg(args[0]), k = args.length > 1 && args[1] !== null ? bigIntArg(args[1]) : n;
      if (n < 0n) throw pyError('ValueError', 'n must be a non-negative integer');
      if (k < 0n) throw pyError('ValueError', 'k must be a non-negative integer');
      if (k > n) return 0;
      let r = 1n;
      for (let i = 0n; i < k; i++) r *= n - i;
      return normBig(r);
    }, 'math.perm'),
    prod: fn('prod', (args, kw) => {
      let acc: Value = kw && 'start' in kw ? kw.start : 1;
      for (const v of iterate(args[0])) acc = binaryOp('Mult', acc, v);
      return acc;
    }, 'math.prod'),
    fsum: fn('fsum', (args) => new PyFloat(fsum(iterToArray(args[0]).map((v) => mathArg(v, 'fsum')))), 'math.fsum'),
    isqrt: fn('isqrt', (args) => {
      const n = bigIntArg(args[0]);
      if (n < 0n) throw pyError('ValueError', 'isqrt() argument must be nonnegative');
      if (n < 2n) return normBig(n);
      let x = BigInt(Math.floor(Math.sqrt(Number(n))));
      while (x * x > n) x--;
      while ((x + 1n) * (x + 1n) <= n) x++;
      return normBig(x);
    }, 'math.isqrt'),
  });
  return m;
}

function intRound(args: Value[], name: string, f: (x: number) => number): Value {
  if (args.length !== 1) throw pyError('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
  const v = args[0];
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyInstance) {
    const m = lookupSpecial(v, `__${name}__`);
    if (m !== undefined) return callValue(m, [v], null);
  }
  return floatToInt(f(mathArg(v, name)));
}

// ---- random (CPython's Mersenne Twister) ----------------------------------------------------------------

class MT {
  private mt = new Uint32Array(624);
  private mti = 625;
  gaussNext: number | null = null;

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = 624;
  }

  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    const len = key.length;
    for (let k = Math.max(624, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++; j++;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
      if (j >= len) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) { mt[0] = mt[623]; i = 1; }
    }
    mt[0] = 0x80000000;
    this.mti = 624;
    this.gaussNext = null;
  }

  genrand(): number {
    const mt = this.mt;
    if (this.mti >= 624) {
      let kk = 0;
      for (; kk < 624 - 397; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < 623; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (397 - 624)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[623] = mt[396] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.genrand() >>> 5, b = this.genrand() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  getrandbits(k: number): bigint {
    if (k <= 32) return BigInt(this.genrand() >>> (32 - k));
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let w = this.genrand();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
    }
    return r;
  }

  randbelow(n: bigint): bigint {
    if (n <= 0n) return 0n;
    const k = n.toString(2).length;
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  seed(a: Value): void {
    if (a === null || a === undefined) {
      const key: number[] = [];
      for (let i = 0; i < 8; i++) key.push((Math.random() * 2 ** 32) >>> 0);
      this.initByArray(key);
      return;
    }
    let n: bigint;
    if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean') n = toBig(typeof a === 'boolean' ? (a ? 1 : 0) : a);
    else if (a instanceof PyFloat) n = BigInt.asUintN(64, BigInt(Number(hashKeyNumber(a))));
    else if (typeof a === 'string') {
      // CPython hashes str seeds with SHA-512; this is a documented approximation
      let h = 0n;
      for (const ch of a) h = (h * 1000003n + BigInt(ch.codePointAt(0)!)) & ((1n << 512n) - 1n);
      n = h;
    } else throw pyError('TypeError', 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    if (n < 0n) n = -n;
    const key: number[] = [];
    if (n === 0n) key.push(0);
    while (n > 0n) { key.push(Number(n & 0xffffffffn)); n >>= 32n; }
    this.initByArray(key);
  }
}

function hashKeyNumber(f: PyFloat): number {
  return Number.isInteger(f.value) ? f.value : Math.floor(f.value * 2 ** 20);
}

function randomPyModule(): PyModule {
  const g = new MT();
  g.seed(null);
  const below = (n: Value): Value => normBig(g.randbelow(toBig(toIndexValue(n))));
  const randrange = (args: Value[]): Value => {
    if (args.length < 1 || args.length > 3) throw pyError('TypeError', `randrange expected at most 3 arguments, got ${args.length}`);
    const start = toBig(toIndexValue(args[0]));
    if (args.length === 1 || args[1] === null) {
      if (start > 0n) return normBig(g.randbelow(start));
      throw pyError('ValueError', 'empty range for randrange()');
    }
    const stop = toBig(toIndexValue(args[1]));
    const step = args.length > 2 ? toBig(toIndexValue(args[2])) : 1n;
    const width = stop - start;
    if (step === 1n) {
      if (width > 0n) return normBig(start + g.randbelow(width));
      throw pyError('ValueError', `empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: bigint;
    if (step > 0n) n = (width + step - 1n) / step;
    else if (step < 0n) n = (width + step + 1n) / step;
    else throw pyError('ValueError', 'zero step for randrange()');
    if (n <= 0n) throw pyError('ValueError', 'empty range for randrange()');
    return normBig(start + step * g.randbelow(n));
  };
  const m = mod('random', {
    seed: fn('seed', (args) => { g.seed(args[0] ?? null); return null; }, 'seed'),
    random: fn('random', () => new PyFloat(g.random()), 'random'),
    getrandbits: fn('getrandbits', (args) => normBig(g.getrandbits(toIndex(args[0]))), 'getrandbits'),
    randrange: fn('randrange', randrange, 'randrange'),
    randint: fn('randint', (args) => {
      if (args.length !== 2) throw pyError('TypeError', `Random.randint() missing ${2 - args.length} required positional argument${args.length === 1 ? '' : 's'}: ${args.length === 1 ? "'b'" : "'a' and 'b'"}`);
      return randrange([args[0], normBig(toBig(toIndexValue(args[1])) + 1n)]);
    }, 'randint'),
    choice: fn('choice', (args) => {
      const seq = args[0];
      const n = pyLen(seq);
      if (n === 0) throw pyError('IndexError', 'Cannot choose from an empty sequence');
      return getItem(seq, below(n));
    }, 'choice'),
    shuffle: fn('shuffle', (args) => {
      const x = args[0];
      const n = pyLen(x);
      for (let i = n - 1; i > 0; i--) {
        const j = Number(g.randbelow(BigInt(i + 1)));
        const a = getItem(x, i), b = getItem(x, j);
        setItem(x, i, b);
        setItem(x, j, a);
      }
      return null;
    }, 'shuffle'),
    sample: fn('sample', (args, kw) => {
      const pop = args[0];
      const k = toIndex(args[1] ?? kw?.k);
      if (pop instanceof PySet) throw pyError('TypeError', 'Population must be a sequence.  For dicts or sets, use sorted(d).');
      const n = pyLen(pop);
      if (k < 0 || k > n) throw pyError('ValueError', 'Sample larger than population or is negative');
      const result: Value[] = new Array(k).fill(null);
      let setsize = 21;
      if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
      if (n <= setsize) {
        const poolv = iterToArray(pop);
        for (let i = 0; i < k; i++) {
          const j = Number(g.randbelow(BigInt(n - i)));
          result[i] = poolv[j];
          poolv[j] = poolv[n - i - 1];
        }
      } else {
        const selected = new Set<number>();
        for (let i = 0; i < k; i++) {
          let j = Number(g.randbelow(BigInt(n)));
          while (selected.has(j)) j = Number(g.randbelow(BigInt(n)));
          selected.add(j);
          result[i] = getItem(pop, j);
        }
      }
      return result;
    }, 'sample'),
    choices: fn('choices', (args, kw) => {
      const pop = args[0];
      const weights = args[1] ?? kw?.weights ?? null;
      let cum = kw?.cum_weights ?? null;
      const k = toIndex(kw?.k ?? 1);
      const n = pyLen(pop);
      if (cum === null) {
        if (weights === null) {
          const out: Value[] = [];
          for (let i = 0; i < k; i++) out.push(getItem(pop, Math.floor(g.random() * n)));
          return out;
        }
        let acc: Value = 0;
        cum = iterToArray(weights).map((w) => (acc = binaryOp('Add', acc, w)));
      } else if (weights !== null) throw pyError('TypeError', 'Cannot specify both weights and cumulative weights');
      const cw = (cum as Value[]).map((w) => toFloat(w));
      if (cw.length !== n) throw pyError('ValueError', 'The number of weights does not match the population');
      const total = cw[cw.length - 1];
      if (total <= 0) throw pyError('ValueError', 'Total of weights must be greater than zero');
      const out: Value[] = [];
      for (let i = 0; i < k; i++) {
        const x = g.random() * total;
        let lo = 0, hi = n - 1;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (x < cw[mid]) hi = mid; else lo = mid + 1; }
        out.push(getItem(pop, lo));
      }
      return out;
    }, 'choices'),
    uniform: fn('uniform', (args) => { const a = toFloat(args[0]), b = toFloat(args[1]); return new PyFloat(a + (b - a) * g.random()); }, 'uniform'),
    gauss: fn('gauss', (args, kw) => {
      const mu = toFloat(args[0] ?? kw?.mu ?? 0), sigma = toFloat(args[1] ?? kw?.sigma ?? 1);
      let z = g.gaussNext;
      g.gaussNext = null;
      if (z === null) {
        const x2pi = g.random() * 2 * Math.PI;
        const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - g.random()));
        z = Math.cos(x2pi) * g2rad;
        g.gaussNext = Math.sin(x2pi) * g2rad;
      }
      return new PyFloat(mu + z * sigma);
    }, 'gauss'),
    normalvariate: fn('normalvariate', (args, kw) => {
      const mu = toFloat(args[0] ?? kw?.mu ?? 0), sigma = toFloat(args[1] ?? kw?.sigma ?? 1);
      const NV = 4 * Math.exp(-0.5) / Math.sqrt(2.0);
      let z: number;
      for (;;) {
        const u1 = g.random(), u2 = 1.0 - g.random();
        z = NV * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -Math.log(u2)) break;
      }
      return new PyFloat(mu + z * sigma);
    }, 'normalvariate'),
    expovariate: fn('expovariate', (args) => new PyFloat(-Math.log(1.0 - g.random()) / toFloat(args[0] ?? 1)), 'expovariate'),
    betavariate: fn('betavariate', () => { throw pyError('NotImplementedError', 'random.betavariate is not supported by Shape Lens'); }),
  });
  return m;
}

// ---- time, sys, typing, warnings, string -------------------------------------------------------------------

function timeModule(): PyModule {
  let offset = 0;
  const perf = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  return mod('time', {
    time: fn('time', () => new PyFloat((Date.now() + offset) / 1000), 'time'),
    time_ns: fn('time_ns', () => normBig(BigInt(Math.round((Date.now() + offset) * 1e6))), 'time_ns'),
    perf_counter: fn('perf_counter', () => new PyFloat((perf() + offset) / 1000), 'perf_counter'),
    perf_counter_ns: fn('perf_counter_ns', () => normBig(BigInt(Math.round((perf() + offset) * 1e6))), 'perf_counter_ns'),
    monotonic: fn('monotonic', () => new PyFloat((perf() + offset) / 1000), 'monotonic'),
    process_time: fn('process_time', () => new PyFloat(perf() / 1000), 'process_time'),
    sleep: fn('sleep', (args) => {
      const s = toFloat(args[0]);
      if (s < 0) throw pyError('ValueError', 'sleep length must be non-negative');
      // no real sleeping in a sandboxed scratch run: the clock just moves on
      offset += s * 1000;
      return null;
    }, 'sleep'),
    strftime: fn('strftime', (args) => {
      const d = new Date(Date.now() + offset);
      const p = (n: number, w = 2) => String(n).padStart(w, '0');
      return String(args[0]).replace(/%([YmdHMSyjp%])/g, (_, c: string) => ({
        Y: String(d.getFullYear()), m: p(d.getMonth() + 1), d: p(d.getDate()), H: p(d.getHours()), M: p(d.getMinutes()),
        S: p(d.getSeconds()), y: p(d.getFullYear() % 100), j: p(1, 3), p: d.getHours() < 12 ? 'AM' : 'PM', '%': '%',
      } as Record<string, string>)[c]);
    }, 'strftime'),
  });
}

let streamClass: PyClass | null = null;
function stream(toStderr: boolean): PyInstance {
  streamClass ??= new PyClass('TextIOWrapper', [T_OBJECT], '_io');
  const cls = new PyClass('TextIOWrapper', [streamClass], '_io');
  cls.dict.set('write', new PyBuiltin('write', (args) => {
    const s = args[1];
    if (typeof s !== 'string') throw pyError('TypeError', `write() argument must be str, not ${typeName(s)}`);
    rt.write(s, toStderr);
    return s.length;
  }, true));
  cls.dict.set('flush', new PyBuiltin('flush', () => null, true));
  cls.dict.set('isatty', new PyBuiltin('isatty', () => false, true));
  const inst = new PyInstance(cls);
  inst.dict.set('name', toStderr ? '<stderr>' : '<stdout>');
  return inst;
}

function sysModule(): PyModule {
  const m = mod('sys', {
    argv: [rt.filename],
    version: '3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]',
    version_info: new PyTuple([3, 11, 2, 'final', 0]),
    platform: 'linux',
    byteorder: 'little',
    maxsize: 9223372036854775807n,
    path: [],
    executable: '/usr/bin/python3',
    stdout: stream(false),
    stderr: stream(true),
    exit: fn('exit', (args) => { throw new PyRaise(newException(EXC.SystemExit, args.length ? [args[0]] : [])); }, 'exit'),
    getrecursionlimit: fn('getrecursionlimit', () => rt.limits.recursionLimit, 'getrecursionlimit'),
    setrecursionlimit: fn('setrecursionlimit', (args) => {
      const n = toIndex(args[0]);
      if (n < 1) throw pyError('ValueError', 'recursion limit must be greater or equal than 1');
      // capped: deeper recursion would exhaust the worker's stack
      rt.limits.recursionLimit = Math.min(n, 20000);
      return null;
    }, 'setrecursionlimit'),
    getsizeof: fn('getsizeof', (args) => {
      const v = args[0];
      if (v instanceof NDArray) return 112 + (v.base ? 0 : v.nbytes);
      if (Array.isArray(v)) return 56 + 8 * v.length;
      if (typeof v === 'string') return 49 + v.length;
      return 28;
    }, 'getsizeof'),
    float_info: floatInfo(),
    modules: new PyDict(),
  });
  return m;
}

function floatInfo(): PyInstance {
  const cls = new PyClass('float_info', [T_OBJECT], 'sys');
  const inst = new PyInstance(cls);
  inst.dict.set('max', new PyFloat(Number.MAX_VALUE));
  inst.dict.set('min', new PyFloat(2.2250738585072014e-308));
  inst.dict.set('epsilon', new PyFloat(Number.EPSILON));
  inst.dict.set('dig', 15);
  inst.dict.set('mant_dig', 53);
  return inst;
}

function alias(name: string, origin: Value = null): PyGenericAlias {
  return new PyGenericAlias(origin, [], name);
}

function typingModule(): PyModule {
  const names = ['List', 'Dict', 'Tuple', 'Set', 'FrozenSet', 'Optional', 'Union', 'Any', 'Callable', 'Iterable', 'Iterator', 'Sequence',
    'Mapping', 'MutableMapping', 'Generator', 'Type', 'Literal', 'Final', 'ClassVar', 'Annotated', 'NoReturn', 'Collection', 'Hashable',
    'Sized', 'Container', 'Deque', 'DefaultDict', 'Counter', 'OrderedDict', 'SupportsFloat', 'SupportsInt', 'Text', 'AnyStr'];
  const entries: Record<string, Value> = {};
  for (const n of names) entries[n] = alias(`typing.${n}`);
  entries.TYPE_CHECKING = false;
  entries.cast = fn('cast', (args) => args[1], 'cast');
  entries.TypeVar = fn('TypeVar', (args) => alias(`~${String(args[0])}`), 'TypeVar');
  entries.NewType = fn('NewType', (args) => args[1], 'NewType');
  entries.overload = fn('overload', (args) => args[0], 'overload');
  entries.no_type_check = fn('no_type_check', (args) => args[0], 'no_type_check');
  entries.get_type_hints = fn('get_type_hints', () => new PyDict(), 'get_type_hints');
  const proto = new PyClass('Protocol', [T_OBJECT], 'typing');
  entries.Protocol = proto;
  entries.Generic = new PyClass('Generic', [T_OBJECT], 'typing');
  entries.NamedTuple = fn('NamedTuple', (args) => namedtuple([args[0], iterToArray(args[1] ?? []).map((p) => (p instanceof PyTuple ? p.items[0] : p))], null), 'NamedTuple');
  return mod('typing', entries);
}

function warningsModule(): PyModule {
  return mod('warnings', {
    warn: fn('warn', (args, kw) => {
      const msg = args[0];
      let cat = args[1] ?? kw?.category ?? EXC.UserWarning;
      if (msg instanceof PyInstance) cat = msg.cls;
      rt.warn(cat instanceof PyClass ? cat.name : 'UserWarning', pyStr(msg));
      return null;
    }, 'warn'),
    filterwarnings: fn('filterwarnings', (args, kw) => { setAction(args[0] ?? kw?.action); return null; }, 'filterwarnings'),
    simplefilter: fn('simplefilter', (args, kw) => { setAction(args[0] ?? kw?.action); return null; }, 'simplefilter'),
    resetwarnings: fn('resetwarnings', () => { rt.warningsAction = 'default'; return null; }, 'resetwarnings'),
    catch_warnings: fn('catch_warnings', () => jsContext(() => null, () => undefined, 'catch_warnings'), 'catch_warnings'),
  });
}

function setAction(a: Value): void {
  if (a === 'ignore' || a === 'error' || a === 'always' || a === 'default') rt.warningsAction = a;
  else if (a === 'once' || a === 'module') rt.warningsAction = 'default';
}

function stringModule(): PyModule {
  return mod('string', {
    ascii_letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
    ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', digits: '0123456789', hexdigits: '0123456789abcdefABCDEF', octdigits: '01234567',
    punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', whitespace: ' \t\n\r\x0b\x0c',
    printable: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c',
  });
}

// ---- collections --------------------------------------------------------------------------------------------

const T_COUNTER = new PyClass('Counter', [T_DICT], 'collections');
const T_ORDEREDDICT = new PyClass('OrderedDict', [T_DICT], 'collections');

function counterAdd(c: PyDict, src: Value, sign = 1): void {
  if (src instanceof PyDict) {
    for (const [, [k, v]] of src.map) dictSet(c, k, binaryOp(sign > 0 ? 'Add' : 'Sub', dictGet(c, k) ?? 0, v));
    return;
  }
  for (const k of iterate(src)) dictSet(c, k, binaryOp(sign > 0 ? 'Add' : 'Sub', dictGet(c, k) ?? 0, 1));
}

function mostCommon(c: PyDict, n: Value): PyTuple[] {
  const items = [...c.map.values()].map(([k, v]) => new PyTuple([k, v]));
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => {
    const a = items[i].items[1], b = items[j].items[1];
    return lessThan(b, a) ? -1 : lessThan(a, b) ? 1 : i - j;
  });
  const sorted = idx.map((i) => items[i]);
  return n === null || n === undefined ? sorted : sorted.slice(0, toIndex(n));
}

function collectionsModule(): PyModule {
  T_DEFAULTDICT.nativeCall = (args, kw) => {
    const d = new PyDefaultDict(args.length ? args[0] : null);
    if (d.factory !== null && !(d.factory instanceof PyClass || d.factory instanceof PyFunction || d.factory instanceof PyBuiltin || d.factory instanceof PyBoundMethod)) {
      throw pyError('TypeError', 'first argument must be callable or None');
    }
    const rest = args.slice(1);
    if (rest.length || kw) callValue(T_DICT.dict.get('update'), [d, ...rest], kw);
    return d;
  };
  T_COUNTER.nativeCall = (args, kw) => {
    const c = new PyDict();
    c.cls = T_COUNTER;
    if (args.length) counterAdd(c, args[0]);
    if (kw) for (const k of Object.keys(kw)) dictSet(c, k, kw[k]);
    return c;
  };
  T_COUNTER.dict.set('most_common', new PyBuiltin('most_common', (args) => mostCommon(args[0], args[1]), true, undefined, 'Counter.most_common'));
  T_COUNTER.dict.set('update', new PyBuiltin('update', (args) => { if (args[1] !== undefined) counterAdd(args[0], args[1]); return null; }, true, undefined, 'Counter.update'));
  T_COUNTER.dict.set('subtract', new PyBuiltin('subtract', (args) => { if (args[1] !== undefined) counterAdd(args[0], args[1], -1); return null; }, true, undefined, 'Counter.subtract'));
  T_COUNTER.dict.set('total', new PyBuiltin('total', (args) => [...(args[0] as PyDict).map.values()].reduce((a: Value, [, v]) => binaryOp('Add', a, v), 0), true, undefined, 'Counter.total'));
  T_COUNTER.dict.set('elements', new PyBuiltin('elements', (args) => {
    const out: Value[] = [];
    for (const [, [k, v]] of (args[0] as PyDict).map) for (let i = 0; i < Number(v); i++) out.push(k);
    return new PyIterator(out[Symbol.iterator](), 'itertools.chain');
  }, true, undefined, 'Counter.elements'));
  T_ORDEREDDICT.nativeCall = (args, kw) => {
    const d = new PyDict();
    d.cls = T_ORDEREDDICT;
    callValue(T_DICT.dict.get('update'), [d, ...args], kw);
    return d;
  };
  return mod('collections', {
    defaultdict: T_DEFAULTDICT, Counter: T_COUNTER, OrderedDict: T_ORDEREDDICT,
    namedtuple: fn('namedtuple', namedtuple, 'namedtuple'),
    deque: makeDeque(),
  });
}


export function counterTypes(): { counter: PyClass; ordered: PyClass } {
  return { counter: T_COUNTER, ordered: T_ORDEREDDICT };
}

function namedtuple(args: Value[], kw: Kwargs | null): Value {
  const name = String(args[0]);
  let fields = args[1] ?? kw?.field_names;
  if (typeof fields === 'string') fields = fields.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const names = iterToArray(fields).map(String);
  const cls = new PyClass(name, [T_OBJECT], '__main__');
  cls.dict.set('_fields', new PyTuple(names));
  cls.dict.set('__init__', new PyBuiltin('__init__', (a, k) => {
    const self = a[0] as PyInstance;
    const vals = a.slice(1);
    if (vals.length > names.length) throw pyError('TypeError', `${name}.__new__() takes ${names.length + 1} positional arguments but ${vals.length + 1} were given`);
    names.forEach((n, i) => {
      const v = i < vals.length ? vals[i] : k && n in k ? k[n] : undefined;
      if (v === undefined) throw pyError('TypeError', `${name}.__new__() missing 1 required positional argument: '${n}'`);
      self.dict.set(n, v);
    });
    return null;
  }, true, undefined, `${name}.__init__`));
  const items = (self: PyInstance) => names.map((n) => self.dict.get(n));
  cls.dict.set('__repr__', new PyBuiltin('__repr__', (a) => `${name}(${names.map((n) => `${n}=${pyRepr((a[0] as PyInstance).dict.get(n))}`).join(', ')})`, true, undefined, `${name}.__repr__`));
  cls.dict.set('__iter__', new PyBuiltin('__iter__', (a) => new PyIterator(items(a[0])[Symbol.iterator](), 'tuple_iterator'), true, undefined, `${name}.__iter__`));
  cls.dict.set('__len__', new PyBuiltin('__len__', () => names.length, true, undefined, `${name}.__len__`));
  cls.dict.set('__getitem__', new PyBuiltin('__getitem__', (a) => getItem(new PyTuple(items(a[0])), a[1]), true, undefined, `${name}.__getitem__`));
  cls.dict.set('__eq__', new PyBuiltin('__eq__', (a) => pyEq(new PyTuple(items(a[0])), a[1] instanceof PyInstance ? new PyTuple(items(a[1])) : a[1]), true, undefined, `${name}.__eq__`));
  cls.dict.set('__hash__', new PyBuiltin('__hash__', (a) => normBig(BigInt(String(hashKey(new PyTuple(items(a[0])))).length)), true, undefined, `${name}.__hash__`));
  cls.dict.set('_asdict', new PyBuiltin('_asdict', (a) => newDict(names.map((n) => [n, (a[0] as PyInstance).dict.get(n)])), true, undefined, `${name}._asdict`));
  cls.dict.set('_replace', new PyBuiltin('_replace', (a, k) => {
    const inst = new PyInstance(cls);
    for (const n of names) inst.dict.set(n, k && n in k ? k[n] : (a[0] as PyInstance).dict.get(n));
    return inst;
  }, true, undefined, `${name}._replace`));
  return cls;
}

function makeDeque(): PyClass {
  const cls = new PyClass('deque', [T_OBJECT], 'collections');
  const data = (self: PyInstance): Value[] => self.dict.get('__data') as Value[];
  const maxlen = (self: PyInstance): number | null => self.dict.get('__maxlen') as number | null;
  const trim = (self: PyInstance, fromLeft: boolean) => {
    const m = maxlen(self);
    const d = data(self);
    if (m !== null) while (d.length > m) { if (fromLeft) d.shift(); else d.pop(); }
  };
  const m = (name: string, f: (self: PyInstance, args: Value[]) => Value) => cls.dict.set(name, new PyBuiltin(name, (a) => f(a[0], a.slice(1)), true, undefined, `deque.${name}`));
  cls.dict.set('__init__', new PyBuiltin('__init__', (a, kw) => {
    const self = a[0] as PyInstance;
    const args = a.slice(1);
    const ml = args.length > 1 ? args[1] : kw && 'maxlen' in kw ? kw.maxlen : null;
    self.dict.set('__data', args.length && args[0] !== null ? iterToArray(args[0]) : []);
    self.dict.set('__maxlen', ml !== null ? toIndex(ml) : null);
    trim(self, true);
    return null;
  }, true, undefined, 'deque.__init__'));
  m('append', (self, a) => { data(self).push(a[0]); trim(self, true); return null; });
  m('appendleft', (self, a) => { data(self).unshift(a[0]); trim(self, false); return null; });
  m('pop', (self) => { const d = data(self); if (!d.length) throw pyError('IndexError', 'pop from an empty deque'); return d.pop(); });
  m('popleft', (self) => { const d = data(self); if (!d.length) throw pyError('IndexError', 'pop from an empty deque'); return d.shift(); });
  m('extend', (self, a) => { for (const v of iterate(a[0])) data(self).push(v); trim(self, true); return null; });
  m('clear', (self) => { data(self).length = 0; return null; });
  m('rotate', (self, a) => { const d = data(self); const n = a.length ? toIndex(a[0]) : 1; if (d.length) { const k = ((n % d.length) + d.length) % d.length; d.unshift(...d.splice(d.length - k, k)); } return null; });
  m('__len__', (self) => data(self).length);
  m('__iter__', (self) => new PyIterator(data(self).slice()[Symbol.iterator](), '_collections._deque_iterator'));
  m('__getitem__', (self, a) => getItem(data(self), a[0]));
  m('__setitem__', (self, a) => { setItem(data(self), a[0], a[1]); return null; });
  m('__contains__', (self, a) => data(self).some((x) => pyEq(x, a[0])));
  m('__repr__', (self) => { const mx = maxlen(self); return `deque(${pyRepr(data(self))}${mx === null ? '' : `, maxlen=${mx}`})`; });
  m('__bool__', (self) => data(self).length > 0);
  return cls;
}

// ---- itertools, functools, copy -------------------------------------------------------------------------------

const iter = (gen: Iterator<Value>, name: string): PyIterator => new PyIterator(gen, `itertools.${name}`);

function itertoolsModule(): PyModule {
  return mod('itertools', {
    count: fn('count', (args) => {
      let i: Value = args[0] ?? 0;
      const step: Value = args[1] ?? 1;
      return iter((function* () { for (;;) { yield i; i = binaryOp('Add', i, step); } })(), 'count');
    }),
    repeat: fn('repeat', (args) => {
      const v = args[0];
      const n = args.length > 1 ? toIndex(args[1]) : -1;
      return iter((function* () { for (let k = 0; n < 0 || k < n; k++) yield v; })(), 'repeat');
    }),
    cycle: fn('cycle', (args) => {
      const items = iterToArray(args[0]);
      return iter((function* () { if (!items.length) return; for (;;) yield* items; })(), 'cycle');
    }),
    chain: chainFn(),
    islice: fn('islice', (args) => {
      const it = getIterator(args[0]);
      let start = 0, stop: number | null, step = 1;
      if (args.length === 2) stop = args[1] === null ? null : toIndex(args[1]);
      else { start = args[1] === null ? 0 : toIndex(args[1]); stop = args[2] === null ? null : toIndex(args[2]); step = args[3] === undefined || args[3] === null ? 1 : toIndex(args[3]); }
      return iter((function* () {
        let i = 0, next = start;
        for (;;) {
          if (stop !== null && next >= stop) return;
          const r = it.next();
          if (r.done) return;
          if (i === next) { yield r.value; next += step; }
          i++;
        }
      })(), 'islice');
    }),
    product: fn('product', (args, kw) => {
      const rep = kw && 'repeat' in kw ? toIndex(kw.repeat) : 1;
      let pools = args.map((a) => iterToArray(a));
      pools = Array.from({ length: rep }, () => pools).flat();
      let result: Value[][] = [[]];
      for (const pool of pools) result = result.flatMap((r) => pool.map((y) => [...r, y]));
      return iter(result.map((r) => new PyTuple(r))[Symbol.iterator](), 'product');
    }),
    permutations: fn('permutations', (args) => {
      const pool = iterToArray(args[0]);
      const r = args.length > 1 && args[1] !== null ? toIndex(args[1]) : pool.length;
      const out: PyTuple[] = [];
      const rec = (prefix: number[], used: Set<number>) => {
        if (prefix.length === r) { out.push(new PyTuple(prefix.map((i) => pool[i]))); return; }
        for (let i = 0; i < pool.length; i++) if (!used.has(i)) { used.add(i); rec([...prefix, i], used); used.delete(i); }
      };
      if (r <= pool.length) rec([], new Set());
      return iter(out[Symbol.iterator](), 'permutations');
    }),
    combinations: fn('combinations', (args) => {
      const pool = iterToArray(args[0]);
      const r = toIndex(args[1]);
      const out: PyTuple[] = [];
      const rec = (start: number, prefix: Value[]) => {
        if (prefix.length === r) { out.push(new PyTuple(prefix)); return; }
        for (let i = start; i < pool.length; i++) rec(i + 1, [...prefix, pool[i]]);
      };
      rec(0, []);
      return iter(out[Symbol.iterator](), 'combinations');
    }),
    combinations_with_replacement: fn('combinations_with_replacement', (args) => {
      const pool = iterToArray(args[0]);
      const r = toIndex(args[1]);
      const out: PyTuple[] = [];
      const rec = (start: number, prefix: Value[]) => {
        if (prefix.length === r) { out.push(new PyTuple(prefix)); return; }
        for (let i = start; i < pool.length; i++) rec(i, [...prefix, pool[i]]);
      };
      if (pool.length || r === 0) rec(0, []);
      return iter(out[Symbol.iterator](), 'combinations_with_replacement');
    }),
    accumulate: fn('accumulate', (args, kw) => {
      const it = getIterator(args[0]);
      const f = args[1] ?? kw?.func ?? null;
      const initial = kw && 'initial' in kw ? kw.initial : undefined;
      return iter((function* () {
        let acc: Value = initial;
        if (acc !== undefined && acc !== null) yield acc;
        for (;;) {
          const r = it.next();
          if (r.done) return;
          acc = acc === undefined || acc === null ? r.value : f === null ? binaryOp('Add', acc, r.value) : callValue(f, [acc, r.value], null);
          yield acc;
        }
      })(), 'accumulate');
    }),
    zip_longest: fn('zip_longest', (args, kw) => {
      const fill = kw && 'fillvalue' in kw ? kw.fillvalue : null;
      const its = args.map((a) => getIterator(a));
      return iter((function* () {
        for (;;) {
          let live = 0;
          const row = its.map((it) => { const r = it.next(); if (r.done) return fill; live++; return r.value; });
          if (!live) return;
          yield new PyTuple(row);
        }
      })(), 'zip_longest');
    }),
    starmap: fn('starmap', (args) => {
      const f = args[0], it = getIterator(args[1]);
      return iter((function* () { for (;;) { const r = it.next(); if (r.done) return; yield callValue(f, iterToArray(r.value), null); } })(), 'starmap');
    }),
    takewhile: fn('takewhile', (args) => {
      const f = args[0], it = getIterator(args[1]);
      return iter((function* () { for (;;) { const r = it.next(); if (r.done || !truth(callValue(f, [r.value], null))) return; yield r.value; } })(), 'takewhile');
    }),
    dropwhile: fn('dropwhile', (args) => {
      const f = args[0], it = getIterator(args[1]);
      return iter((function* () {
        let dropping = true;
        for (;;) { const r = it.next(); if (r.done) return; if (dropping && truth(callValue(f, [r.value], null))) continue; dropping = false; yield r.value; }
      })(), 'dropwhile');
    }),
    groupby: fn('groupby', (args, kw) => {
      const items = iterToArray(args[0]);
      const key = args[1] ?? kw?.key ?? null;
      const out: PyTuple[] = [];
      let curKey: Value = undefined;
      let group: Value[] = [];
      for (const v of items) {
        const k = key === null ? v : callValue(key, [v], null);
        if (curKey !== undefined && pyEq(k, curKey)) group.push(v);
        else {
          if (curKey !== undefined) out.push(new PyTuple([curKey, new PyIterator(group[Symbol.iterator](), 'itertools._grouper')]));
          curKey = k;
          group = [v];
        }
      }
      if (curKey !== undefined) out.push(new PyTuple([curKey, new PyIterator(group[Symbol.iterator](), 'itertools._grouper')]));
      return iter(out[Symbol.iterator](), 'groupby');
    }),
    pairwise: fn('pairwise', (args) => {
      const items = iterToArray(args[0]);
      return iter(items.slice(1).map((v, i) => new PyTuple([items[i], v]))[Symbol.iterator](), 'pairwise');
    }),
  });
}

function chainFn(): PyBuiltin {
  const chain = fn('chain', (args) => iter((function* () { for (const a of args) yield* iterate(a); })(), 'chain'));
  return chain;
}

function functoolsModule(): PyModule {
  // no caching: results are recomputed, which only costs time
  const identityDecorator = (name: string) => fn(name, (args) => {
    if (args.length === 1 && (args[0] instanceof PyFunction || args[0] instanceof PyBuiltin)) return args[0];
    return fn(name, (a) => a[0]);
  });
  return mod('functools', {
    reduce: fn('reduce', (args) => {
      if (args.length < 2) throw pyError('TypeError', `reduce expected at least 2 arguments, got ${args.length}`);
      const [f, seq] = args;
      const it = getIterator(seq);
      let acc: Value;
      if (args.length > 2) acc = args[2];
      else {
        const r = it.next();
        if (r.done) throw pyError('TypeError', 'reduce() of empty iterable with no initial value');
        acc = r.value;
      }
      for (;;) {
        const r = it.next();
        if (r.done) return acc;
        acc = callValue(f, [acc, r.value], null);
      }
    }, 'reduce'),
    partial: fn('partial', (args, kw) => {
      const [f, ...bound] = args;
      const p = fn('partial', (a, k) => callValue(f, [...bound, ...a], kw || k ? Object.assign(Object.create(null), kw ?? {}, k ?? {}) : null));
      return p;
    }, 'partial'),
    lru_cache: identityDecorator('lru_cache'),
    cache: identityDecorator('cache'),
    wraps: fn('wraps', () => fn('wraps', (a) => a[0]), 'wraps'),
    cmp_to_key: fn('cmp_to_key', (args) => cmpToKey(args[0]), 'cmp_to_key'),
    total_ordering: fn('total_ordering', (args) => args[0], 'total_ordering'),
  });
}

function cmpToKey(cmp: Value): PyClass {
  const cls = new PyClass('K', [T_OBJECT], 'functools');
  const mk = (name: string, test: (c: number) => boolean) => cls.dict.set(name, new PyBuiltin(name, (a) => {
    const c = toFloat(callValue(cmp, [(a[0] as PyInstance).dict.get('obj'), (a[1] as PyInstance).dict.get('obj')], null));
    return test(c);
  }, true, undefined, `K.${name}`));
  cls.dict.set('__init__', new PyBuiltin('__init__', (a) => { (a[0] as PyInstance).dict.set('obj', a[1]); return null; }, true, undefined, 'K.__init__'));
  mk('__lt__', (c) => c < 0); mk('__gt__', (c) => c > 0); mk('__eq__', (c) => c === 0); mk('__le__', (c) => c <= 0); mk('__ge__', (c) => c >= 0);
  return cls;
}

function deepcopy(v: Value, memo: Map<unknown, Value>): Value {
  if (v === null || typeof v !== 'object' || v instanceof PyFloat || v instanceof NpScalar || v instanceof PyFunction || v instanceof PyClass
    || v instanceof PyBuiltin || v instanceof PyModule) return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (Array.isArray(v)) { const out: Value[] = []; memo.set(v, out); for (const x of v) out.push(deepcopy(x, memo)); return out; }
  if (v instanceof PyTuple) return new PyTuple(v.items.map((x) => deepcopy(x, memo)));
  if (v instanceof NDArray) return callValue(getAttr(v, 'copy'), [], null);
  if (v instanceof PyDict) {
    const d = v instanceof PyDefaultDict ? new PyDefaultDict(v.factory) : new PyDict();
    memo.set(v, d);
    for (const [, [k, x]] of v.map) dictSet(d, deepcopy(k, memo), deepcopy(x, memo));
    return d;
  }
  if (v instanceof PySet) { const s = new PySet(v.frozen); s.merge(v); return s; }
  if (v instanceof PyInstance) {
    const inst = new PyInstance(v.cls);
    memo.set(v, inst);
    if (v.exc) inst.exc = { ...v.exc, args: v.exc.args.map((x) => deepcopy(x, memo)), traceback: [] };
    for (const [k, x] of v.dict) inst.dict.set(k, deepcopy(x, memo));
    return inst;
  }
  return v;
}

function shallowcopy(v: Value): Value {
  if (Array.isArray(v)) return v.slice();
  if (v instanceof PyDict) { const d = v instanceof PyDefaultDict ? new PyDefaultDict(v.factory) : new PyDict(); for (const [k, e] of v.map) d.map.set(k, [e[0], e[1]]); return d; }
  if (v instanceof PySet) { const s = new PySet(v.frozen); s.merge(v); return s; }
  if (v instanceof NDArray) return callValue(getAttr(v, 'copy'), [], null);
  if (v instanceof PyInstance) { const inst = new PyInstance(v.cls); inst.exc = v.exc; for (const [k, x] of v.dict) inst.dict.set(k, x); return inst; }
  return v;
}

function copyModule(): PyModule {
  return mod('copy', {
    copy: fn('copy', (args) => shallowcopy(args[0]), 'copy'),
    deepcopy: fn('deepcopy', (args) => deepcopy(args[0], new Map()), 'deepcopy'),
  });
}

// ---- dataclasses -----------------------------------------------------------------------------------------------

const MISSING = Object.freeze({ missing: true });
let fieldClass: PyClass | null = null;

function dataclassesModule(): PyModule {
  fieldClass ??= new PyClass('Field', [T_OBJECT], 'dataclasses');
  const field = fn('field', (args, kw) => {
    const f = new PyInstance(fieldClass!);
    f.dict.set('default', kw && 'default' in kw ? kw.default : MISSING);
    f.dict.set('default_factory', kw && 'default_factory' in kw ? kw.default_factory : MISSING);
    f.dict.set('repr', kw && 'repr' in kw ? truth(kw.repr) : true);
    return f;
  }, 'field');
  const dataclass = fn('dataclass', (args, kw) => {
    const apply = (cls: Value) => makeDataclass(cls as PyClass, truth(kw?.frozen ?? false), kw?.eq === undefined ? true : truth(kw.eq), truth(kw?.order ?? false));
    if (args.length === 1 && args[0] instanceof PyClass) return apply(args[0]);
    return fn('wrap', (a) => apply(a[0]));
  }, 'dataclass');
  return mod('dataclasses', {
    dataclass, field,
    asdict: fn('asdict', (args) => {
      const inst = args[0] as PyInstance;
      const names = (inst.cls.dict.get('__dataclass_fields__') as string[] | undefined) ?? [];
      return newDict(names.map((n) => [n, deepcopy(inst.dict.get(n), new Map())]));
    }, 'asdict'),
  });
}

function makeDataclass(cls: PyClass, frozen: boolean, eq: boolean, order: boolean): PyClass {
  const anns = cls.dict.get('__annotations__');
  const names: string[] = anns instanceof PyDict ? [...anns.map.values()].map(([k]) => String(k)) : [];
  const defaults = new Map<string, Value>();
  const factories = new Map<string, Value>();
  const reprFields: string[] = [];
  for (const n of names) {
    const d = cls.dict.get(n);
    let showRepr = true;
    if (d instanceof PyInstance && d.cls === fieldClass) {
      if (d.dict.get('default') !== MISSING) defaults.set(n, d.dict.get('default'));
      if (d.dict.get('default_factory') !== MISSING) factories.set(n, d.dict.get('default_factory'));
      showRepr = d.dict.get('repr') as boolean;
      cls.dict.delete(n);
    } else if (d !== undefined) defaults.set(n, d);
    if (showRepr) reprFields.push(n);
  }
  cls.dict.set('__dataclass_fields__', names as unknown as Value);
  if (!cls.dict.has('__init__')) {
    const qual = `${cls.qualname}.__init__`;
    cls.dict.set('__init__', new PyBuiltin('__init__', (args, kw) => {
      const self = args[0] as PyInstance;
      const vals = args.slice(1);
      if (vals.length > names.length) throw pyError('TypeError', `${qual}() takes ${names.length + 1} positional arguments but ${vals.length + 1} were given`);
      const missing: string[] = [];
      names.forEach((n, i) => {
        let v: Value = i < vals.length ? vals[i] : kw && n in kw ? kw[n] : undefined;
        if (i < vals.length && kw && n in kw) throw pyError('TypeError', `${qual}() got multiple values for argument '${n}'`);
        if (v === undefined) {
          if (defaults.has(n)) v = defaults.get(n);
          else if (factories.has(n)) v = callValue(factories.get(n), [], null);
          else { missing.push(n); return; }
        }
        self.dict.set(n, v);
      });
      if (kw) for (const k of Object.keys(kw)) if (!names.includes(k)) throw pyError('TypeError', `${qual}() got an unexpected keyword argument '${k}'`);
      if (missing.length) {
        const q = missing.map((m) => `'${m}'`);
        const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
        throw pyError('TypeError', `${qual}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
      }
      const post = cls.lookup('__post_init__');
      if (post !== undefined) callValue(post, [self], null);
      return null;
    }, true, undefined, qual));
  }
  if (!cls.dict.has('__repr__')) {
    cls.dict.set('__repr__', new PyBuiltin('__repr__', (args) => {
      const self = args[0] as PyInstance;
      return `${cls.qualname}(${reprFields.map((n) => `${n}=${pyRepr(self.dict.get(n))}`).join(', ')})`;
    }, true, undefined, `${cls.qualname}.__repr__`));
  }
  const tupleOf = (v: PyInstance) => new PyTuple(names.map((n) => v.dict.get(n)));
  if (eq && !cls.dict.has('__eq__')) {
    cls.dict.set('__eq__', new PyBuiltin('__eq__', (args) => {
      const [a, b] = args;
      if (!(b instanceof PyInstance) || b.cls !== a.cls) return false;
      return pyEq(tupleOf(a), tupleOf(b));
    }, true, undefined, `${cls.qualname}.__eq__`));
    if (!frozen) cls.dict.set('__hash__', null);
  }
  if (order) {
    for (const [name, op] of [['__lt__', 'Lt'], ['__le__', 'LtE'], ['__gt__', 'Gt'], ['__ge__', 'GtE']] as const) {
      cls.dict.set(name, new PyBuiltin(name, (args) => {
        const r = (a: PyInstance, b: PyInstance) => (op === 'Lt' ? lessThan(tupleOf(a), tupleOf(b)) : op === 'Gt' ? lessThan(tupleOf(b), tupleOf(a)) : op === 'LtE' ? !lessThan(tupleOf(b), tupleOf(a)) : !lessThan(tupleOf(a), tupleOf(b)));
        return r(args[0], args[1]);
      }, true, undefined, `${cls.qualname}.${name}`));
    }
  }
  if (frozen) {
    cls.dict.set('__setattr__', new PyBuiltin('__setattr__', (args) => {
      throw pyError('AttributeError', `cannot assign to field '${String(args[1])}'`);
    }, true, undefined, `${cls.qualname}.__setattr__`));
  }
  return cls;
}

export { intToFloat, toBig, type PyInt };
