// Text for values, shapes and sizes as a NumPy user expects to read them: `nan`, `inf`,
// `True`, Python tuples `(2, 3)` and `(3,)`. Cells show a compact form (8 significant digits,
// NumPy's default print precision); copies and hovers show the shortest repr that
// round-trips (float32 judged as float32). Not NumPy's array2string: no column alignment.

import type { DTypeName } from './protocol';

const isFloat = (d: DTypeName): boolean => d === 'float32' || d === 'float64';

function floatRepr(v: number, f32: boolean): string {
  if (v !== v) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  let s: string;
  if (f32) {
    s = String(v);
    for (let p = 1; p <= 9; p++) {
      const t = v.toPrecision(p);
      if (Math.fround(Number(t)) === v) { s = String(Number(t)); break; }
    }
  } else {
    s = String(v);
  }
  return pythonFloatText(s, v);
}

/** JS number text → Python's: `1e+21` → `1e+21`, `1e-7` → `1e-07`, `3` → `3.0`. */
function pythonFloatText(s: string, v: number): string {
  const e = s.indexOf('e');
  if (e >= 0) {
    const mant = s.slice(0, e), exp = s.slice(e + 1);
    const sign = exp[0] === '-' ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '');
    return `${mant}e${sign}${digits.length < 2 ? `0${digits}` : digits}`;
  }
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) {
    return pythonFloatText(v.toExponential().replace(/\.?0+e/, 'e'), v);
  }
  return Number.isInteger(v) && !s.includes('.') ? `${s}.0` : s;
}

/** The full value, as `repr(x[i, j].item())` would show it. */
export function formatFull(v: number, dtype: DTypeName): string {
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (isFloat(dtype)) return floatRepr(v, dtype === 'float32');
  return String(v);
}

/** A cell's text: floats to 8 significant digits. */
export function formatCell(v: number, dtype: DTypeName): string {
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (!isFloat(dtype)) return String(v);
  if (!Number.isFinite(v)) return floatRepr(v, false);
  return floatRepr(Number(v.toPrecision(8)), false);
}

export function formatStat(v: number | null): string {
  if (v === null) return '—';
  return floatRepr(Number(v.toPrecision(6)), false);
}

/** Python's tuple repr of a shape: `(2, 3)`, `(3,)`, `()`. */
export function shapeText(shape: readonly (number | string)[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0, x = n;
  while (x >= 1024 && u < units.length - 1) { x /= 1024; u++; }
  return u === 0 ? `${n} bytes` : `${x.toFixed(x >= 100 ? 0 : 1)} ${units[u]} (${n.toLocaleString('en-US')} bytes)`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** True when `name` can be indexed as written (`x`, `model.w`, `a[0]`); else it needs parentheses. */
export function indexable(name: string): string {
  return /^[A-Za-z_][\w.]*(\[[^\]]*\])*$/.test(name) ? name : `(${name})`;
}
