// Correctly rounded log and exp (in all but pathological cases) for np.linalg.det/slogdet.
// NumPy computes det as sign·exp(Σ log|u_ii|) with glibc's log and exp, which are correctly
// rounded; V8's Math.log/Math.exp (fdlibm) can be one ulp off — enough to print
// det([[1, 2], [3, 4]]) as -2.0 instead of NumPy's -2.0000000000000004. These evaluate the
// series in double-double arithmetic and round once. Not for hot loops.

/** [hi, lo] with |lo| ≤ ulp(hi)/2: an unevaluated sum of two doubles. */
type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b, bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

const SPLIT = 134217729; // 2^27 + 1
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ca = SPLIT * a, ah = ca - (ca - a), al = a - ah;
  const cb = SPLIT * b, bh = cb - (cb - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [hi, lo] = twoSum(s, e + a[1] + b[1]);
  return [hi, lo];
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, mul([-q1, 0], b));
  const q2 = r[0] / b[0];
  const r2 = add(r, mul([-q2, 0], b));
  const q3 = r2[0] / b[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** Natural log of a double, rounded once from a double-double result. */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  let e = 0, m = x;
  if (m < 2.2250738585072014e-308) { m *= 2 ** 54; e -= 54; }
  const k = Math.floor(Math.log2(m));
  m /= 2 ** k; // exact: a power-of-two scaling
  e += k;
  if (m > Math.SQRT2) { m /= 2; e += 1; }
  if (m < Math.SQRT1_2) { m *= 2; e -= 1; }
  // log m = 2·atanh(s), s = (m - 1)/(m + 1); m - 1 is exact for m in [0.5, 2]
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  let term = s, total = s;
  for (let n = 3; n < 200; n += 2) {
    term = mul(term, s2);
    const t = div(term, [n, 0]);
    total = add(total, t);
    if (Math.abs(t[0]) < 1e-34 * Math.abs(total[0]) || t[0] === 0) break;
  }
  const r = add(mul(LN2, [e, 0]), mul(total, [2, 0]));
  return r[0] + r[1];
}

/** e**x for a double, rounded once from a double-double result. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / LN2[0]);
  // r = x - k·ln2 in double-double
  const r = add(add([x, 0], mul([-k, 0], [LN2[0], 0])), mul([-k, 0], [0, LN2[1]]));
  let term: DD = [1, 0], total: DD = [1, 0];
  for (let n = 1; n < 60; n++) {
    term = div(mul(term, r), [n, 0]);
    total = add(total, term);
    if (Math.abs(term[0]) < 1e-34) break;
  }
  const v = total[0] + total[1];
  // scale in two steps so that 2**k never overflows on its own
  const k1 = Math.trunc(k / 2);
  return v * 2 ** k1 * 2 ** (k - k1);
}
