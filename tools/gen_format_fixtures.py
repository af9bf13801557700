#!/usr/bin/python3
"""Writes test/fixtures/format.json: NumPy's own str()/repr() text for a table of arrays,
views and scalars, which test/engine/format.test.ts compares engine/format/ against.

Run with Debian's /usr/bin/python3 (NumPy 1.24.2):  /usr/bin/python3 tools/gen_format_fixtures.py
It does not test anything itself and is not needed to run the tests. Values are written as
strings so nothing is lost on the way to JS: floats as Python repr of the exact float64 value
('nan', 'inf', '-inf', '-0.0' survive; float32 values widen to float64 exactly), ints as
decimal text, bools as 0/1. Only dtypes the engine stores are generated (no float16/complex).
"""

import json
import os
import sys

import numpy as np

assert np.__version__.startswith('1.24'), np.__version__
np.seterr(over='ignore')  # float64 -> float32 casts of 1e300 give inf, as intended

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'format.json')

rng = np.random.RandomState(20240601)

INT_DTYPES = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']
FLOAT_DTYPES = ['float32', 'float64']
ALL_DTYPES = ['bool'] + INT_DTYPES + FLOAT_DTYPES


def enc(dtype, x):
    if dtype == 'bool':
        return '1' if x else '0'
    if dtype.startswith('float'):
        return repr(float(x))
    return str(int(x))


def texts(a, opts):
    with np.printoptions(**opts):
        return str(a), repr(a)


arrays = []
names = set()


def add(name, a, opts=None):
    """A C-contiguous array case."""
    opts = dict(opts or {})
    a = np.ascontiguousarray(a)
    assert a.dtype.name in ALL_DTYPES, a.dtype
    assert name not in names, name
    names.add(name)
    s, r = texts(a, opts)
    arrays.append({
        'name': name,
        'dtype': a.dtype.name,
        'shape': list(a.shape),
        'values': [enc(a.dtype.name, x) for x in a.ravel(order='C').tolist()],
        'options': opts,
        'str': s,
        'repr': r,
    })


views = []


def add_view(name, base, make):
    """A strided view of `base` (which must own its buffer): geometry in elements."""
    base = np.ascontiguousarray(base)
    v = make(base)
    assert v.base is base or v.base is base.base or np.shares_memory(v, base)
    item = base.itemsize
    offset_bytes = v.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    assert offset_bytes % item == 0
    for st in v.strides:
        assert st % item == 0
    s, r = texts(v, {})
    views.append({
        'name': name,
        'dtype': base.dtype.name,
        'baseShape': list(base.shape),
        'values': [enc(base.dtype.name, x) for x in base.ravel().tolist()],
        'shape': list(v.shape),
        'strides': [st // item for st in v.strides],
        'offset': offset_bytes // item,
        'str': s,
        'repr': r,
    })


def rand_for(dtype, shape):
    if dtype == 'bool':
        return rng.randint(0, 2, size=shape).astype(bool)
    if dtype.startswith('float'):
        return (rng.standard_normal(size=shape) * 10).astype(dtype)
    info = np.iinfo(dtype)
    lo = max(int(info.min), -1000)
    hi = min(int(info.max), 1000)
    return rng.randint(lo, hi + 1, size=shape).astype(dtype)


# ---- every dtype, every rank, empty dims ------------------------------------------------
for dt in ALL_DTYPES:
    for shape in [(), (1,), (5,), (3, 4), (2, 3, 4), (2, 2, 2, 3), (1, 1, 1, 1), (4, 1), (1, 4)]:
        add('%s random %s' % (dt, shape), rand_for(dt, shape))
    for shape in [(0,), (0, 3), (3, 0), (2, 0, 4), (0, 0), (1, 0)]:
        add('%s empty %s' % (dt, shape), np.zeros(shape, dtype=dt))
    # long rows that wrap at 75 columns (and their 2-D / 3-D continuation indentation)
    add('%s long row' % dt, rand_for(dt, (40,)))
    add('%s wrapping 2-D' % dt, rand_for(dt, (3, 30)))
    add('%s wrapping 3-D' % dt, rand_for(dt, (2, 2, 25)))
    # summarisation: size > threshold, edgeitems per axis
    add('%s summarised 1-D' % dt, rand_for(dt, (1001,)))
    add('%s summarised 2-D' % dt, rand_for(dt, (40, 30)))
    add('%s summarised 3-D' % dt, rand_for(dt, (11, 10, 10)))

for dt in ['bool', 'int8', 'uint64', 'float32', 'float64']:
    add('%s summarised 4-D' % dt, rand_for(dt, (7, 6, 5, 5)))
    add('%s summarised one long axis' % dt, rand_for(dt, (501, 2)))
add('int64 exactly threshold', np.arange(1000))
add('int64 just over threshold', np.arange(1001))
add('float64 summarised arange', np.arange(2000, dtype=float) / 4)
add('int64 summarised short axis', np.arange(1010).reshape(505, 2))
add('int64 summarised 3-D arange', np.arange(8 * 9 * 16).reshape(8, 9, 16))

# ---- integers ---------------------------------------------------------------------------
for dt in INT_DTYPES:
    info = np.iinfo(dt)
    lo, hi = int(info.min), int(info.max)
    if dt == 'int64':
        hi = 2 ** 53  # int64 is stored in a Float64Array: exact up to 2**53 (and -2**63)
    if dt == 'uint64':
        hi = 2 ** 64 - 2048  # largest uint64 a double holds exactly
    add('%s extremes' % dt, np.array([lo, 0, hi], dtype=dt))
    add('%s extremes 0-d' % dt, np.array(hi, dtype=dt))
    add('%s ramp' % dt, np.arange(0, 20, dtype=dt))
    add('%s neg ramp' % dt, np.arange(0, 20).astype(dt) if dt.startswith('u') else np.arange(-10, 10, dtype=dt))
add('uint64 2**63', np.array([2 ** 63, 1], dtype='uint64'))
add('int64 2**53 neighbours', np.array([2 ** 53, -2 ** 53, 2 ** 52 + 1], dtype='int64'))
add('int64 wide row', np.array([10 ** k for k in range(16)] * 2, dtype='int64'))
add('int64 -1 0 1', np.array([-1, 0, 1]))
add('int64 0-d negative', np.array(-42))
add('int64 ones 5x5', np.ones((5, 5), dtype='int64'))
add('int64 arange 24 as 2x3x4', np.arange(24).reshape(2, 3, 4))
add('int64 arange 120 as 2x3x4x5', np.arange(120).reshape(2, 3, 4, 5))
add('int64 2-D rows of different widths', np.array([[1, 22222, 3], [-4, 5, 666666]]))
add('uint8 image-like', rng.randint(0, 256, size=(4, 6, 3)).astype('uint8'))
add('int32 arange 100', np.arange(100, dtype='int32'))
add('int8 arange 200 wraps', (np.arange(200) - 100).astype('int8'))

# ---- bools ------------------------------------------------------------------------------
add('bool all true', np.ones(5, dtype=bool))
add('bool all false', np.zeros(5, dtype=bool))
add('bool 0-d true', np.array(True))
add('bool 0-d false', np.array(False))
add('bool mixed 2-D', np.array([[True, False], [False, True]]))
add('bool pattern long row', np.arange(60) % 3 == 0)

# ---- floats: special values, magnitudes, digits ------------------------------------------
nan, inf = float('nan'), float('inf')
float_lists = {
    'simple': [0.0, 1.0, 2.5, -3.25],
    'whole': [1.0, 2.0, 3.0],
    'zero': [0.0],
    'zeros 3': [0.0, 0.0, 0.0],
    'neg zero': [-0.0],
    'neg zero and zero': [-0.0, 0.0, 1.0],
    'neg zero and one': [-0.0, 1.5],
    'tenths': [0.1, 0.2, 0.30000000000000004],
    'thirds': [1 / 3, 2 / 3, 1.0],
    'pi e': [3.141592653589793, 2.718281828459045],
    'nan only': [nan],
    'nans': [nan, nan],
    'inf only': [inf],
    'neg inf only': [-inf],
    'nan inf': [nan, inf],
    'nan -inf': [nan, -inf],
    'nan inf -inf': [nan, inf, -inf],
    'nan with values': [1.0, nan, 2.5],
    'inf with values': [1.5, inf, -2.0],
    '-inf with small values': [0.5, -inf],
    'nan with large values': [1e10, nan],
    'inf with exp values': [1e-10, 1.0, inf, -inf, nan],
    'nan inf zero': [0.0, nan, inf],
    'neg values': [-1.0, -0.5, -100.25],
    'mixed sign': [-1.5, 2.25, -0.125, 4.0],
    'exactly 1e8': [1e8],
    'just below 1e8': [99999999.0],
    'large 1e8 and 1': [1e8, 1.0],
    'ratio 1000': [1.0, 1000.0],
    'ratio just over 1000': [1.0, 1000.5],
    'ratio 999.9': [0.1, 99.99],
    'small 1e-4': [1e-4],
    'small 1e-4 and 2e-4': [1e-4, 2e-4],
    'just below 1e-4': [9.9999e-5],
    'small 1e-5': [1e-5, 1.0],
    'tiny and zero': [0.0, 1e-300],
    'subnormal': [5e-324],
    'subnormal and one': [5e-324, 1.0],
    'max double': [1.7976931348623157e308],
    'max and min double': [1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308],
    'large 1e16': [1e16],
    'large 1e20': [1e20, 1.0],
    'large 1e100 and small': [1e100, 1e-5],
    'large 1e300 1e-300': [1e300, 1e-300],
    'exp with 3 digit exponent': [1.5e-100, 2.0],
    'exp precision growth': [1e10, 1.5e-5],
    'exp long mantissa': [1.23456789012e-7, 3.0],
    'exp round up to next power': [9.9999999999e-5, 1.0],
    'positional round up': [0.999999999, 1.0],
    'eight digits': [0.12345678, 1.0],
    'nine digits rounds': [0.123456789, 1.0],
    'half even at precision': [0.125, 0.375, 0.5],
    'round half at 8 digits': [1.000000005, 2.000000015, 0.000000025],
    'round 9.99999999': [9.999999999, 1.0],
    '123456789.0': [123456789.0],
    '2**53': [2.0 ** 53],
    '1e15 and 0.5': [1e15, 0.5],
    'money': [19.99, 5.0, 100.01],
    'mixed magnitudes positional': [0.001, 1.0, 100.0],
    'mixed magnitudes exp': [1e-3, 10.0, 1e5],
    'very mixed': [1e-10, 1e-5, 1.0, 1e5, 1e10, 1e20],
    'negative exp': [-1e-10, 1.0],
    'negative exp only': [-1e-10, -2e-10],
}
for label, vals in float_lists.items():
    for dt in FLOAT_DTYPES:
        add('%s %s' % (dt, label), np.array(vals, dtype=dt))

# float64 scalars-as-0-d arrays
for v in [1.5, 0.0, -0.0, 1e-5, 1e16, 123456789.0, nan, inf, -inf, 0.1, 1 / 3, 1e300, 5e-324]:
    for dt in FLOAT_DTYPES:
        add('%s 0-d %r' % (dt, v), np.array(v, dtype=dt))

# random values at every magnitude 1e-10 .. 1e20
for k in range(-10, 21, 2):
    for dt in FLOAT_DTYPES:
        add('%s normal * 1e%d' % (dt, k), (rng.standard_normal(6) * 10.0 ** k).astype(dt))
for k in [-10, -5, -4, -3, 0, 3, 7, 8, 9, 16, 20]:
    add('float64 uniform 2-D * 1e%d' % k, rng.uniform(0, 1, size=(3, 4)) * 10.0 ** k)
add('float64 random 2-D with nan', np.where(rng.uniform(size=(4, 5)) < 0.3, nan, rng.standard_normal((4, 5))))
add('float64 wide mixed exp 2-D', rng.standard_normal((4, 12)) * 10.0 ** rng.randint(-8, 9, size=(4, 12)))
add('float32 wide mixed exp 2-D', (rng.standard_normal((4, 12)) * 10.0 ** rng.randint(-8, 9, size=(4, 12))).astype('float32'))
add('float64 linspace', np.linspace(0, 1, 11))
add('float64 linspace 2-D', np.linspace(-1, 1, 20).reshape(4, 5))
add('float32 linspace', np.linspace(0, 1, 11).astype('float32'))
add('float32 thirds and tenth', np.array([1 / 3, 2 / 3, 0.1], dtype='float32'))
add('float32 2**24', np.array([16777216.0, 1.0], dtype='float32'))
add('float32 max', np.array([np.finfo(np.float32).max, 1.0], dtype='float32'))
add('float32 tiny subnormal', np.array([1e-45, 1.0], dtype='float32'))
add('float32 powers of two', (2.0 ** np.arange(-30, 31, 6)).astype('float32'))
add('float64 powers of two', 2.0 ** np.arange(-60, 61, 12))
add('float64 powers of ten', 10.0 ** np.arange(-8, 9))
add('float32 powers of ten', (10.0 ** np.arange(-8, 9)).astype('float32'))
add('float64 eye', np.eye(4))
add('float64 3-D random', rng.standard_normal((2, 3, 4)))
add('float64 4-D random', rng.standard_normal((2, 2, 3, 2)))
add('float64 summarised with nan', np.where(np.arange(1200) % 7 == 0, nan, np.arange(1200) * 0.5))
add('float64 summarised exp', rng.standard_normal(1100) * 1e10)
add('float64 long row wraps', rng.standard_normal(50))
add('float64 long row exp wraps', rng.standard_normal(30) * 1e-7)
add('float64 3-D long rows', rng.standard_normal((2, 2, 12)))
add('float32 random rounding', rng.uniform(0, 1, size=40).astype('float32'))
add('float32 random large', (rng.uniform(0, 1, size=20) * 1e6).astype('float32'))
add('float32 random ints as floats', rng.randint(-1000, 1000, size=20).astype('float32'))
add('float32 random small', (rng.uniform(0, 1, size=20) * 1e-6).astype('float32'))
add('float32 normal 1e4', (rng.standard_normal(20) * 1e4).astype('float32'))

# float32 values whose shortest digits are tricky: every float32 near a few decades and
# halfway points (ties), neighbours of powers of two.
f32_tricky = []
for p in [-20, -10, -3, 0, 1, 7, 10, 23, 24, 30, 60, 100, 126]:
    base = np.float32(2.0 ** p)
    f32_tricky += [np.nextafter(base, np.float32(0)), base, np.nextafter(base, np.float32(np.inf))]
for v in [0.1, 0.2, 0.3, 1e-7, 3.4e38, 1.17549435e-38, 9.2233720e18, 1e10, 7e22, 1.5e-45]:
    f = np.float32(v)
    f32_tricky += [np.nextafter(f, np.float32(0)), f, np.nextafter(f, np.float32(np.inf))]
f32_tricky = np.array(f32_tricky, dtype='float32')
for i in range(0, len(f32_tricky), 3):
    add('float32 tricky %d' % i, f32_tricky[i:i + 3])
add('float32 tricky all', f32_tricky, {'floatmode': 'unique'})
f64_tricky = []
for p in [-1022, -100, -20, -3, 0, 1, 52, 53, 60, 100, 1023]:
    base = 2.0 ** p
    f64_tricky += [np.nextafter(base, 0), base, np.nextafter(base, np.inf)]
for v in [0.1, 0.3, 1e23, 9007199254740993.0, 5e-324, 1e-7, 2.5e-8]:
    f64_tricky += [np.nextafter(v, 0), v, np.nextafter(v, np.inf)]
f64_tricky = np.array(f64_tricky, dtype='float64')
for i in range(0, len(f64_tricky), 3):
    add('float64 tricky %d' % i, f64_tricky[i:i + 3])
add('float64 tricky all', f64_tricky, {'floatmode': 'unique'})

# Values whose shortest digits lie exactly on the rounding boundary (half an ulp away):
# NumPy's Dragon4 accepts the boundary when the mantissa is even, like round-half-even parsing.
def boundary_hits(ftype, mbits, exps, dmax, want):
    from fractions import Fraction
    out = []
    for E in exps:
        ulp = Fraction(2) ** (E - mbits)
        for d in range(dmax, 0, -1):
            for j in range(1, 400, 2):
                for sgn in (1, -1):
                    k2 = 5 ** d * j - sgn
                    if k2 % 2:
                        continue
                    k = k2 // 2
                    if not (2 ** mbits <= k < 2 ** (mbits + 1)) or k % 2:
                        continue
                    x = ftype(float(k * ulp))
                    if Fraction(float(x)) == k * ulp and Fraction(repr(x)) == k * ulp + sgn * ulp / 2 and x not in out:
                        out.append(x)
                if len(out) >= want:
                    return out
    return out


f32_boundary = boundary_hits(np.float32, 23, range(26, 90, 3), 12, 12)
f64_boundary = boundary_hits(np.float64, 52, range(55, 300, 7), 25, 12)
assert len(f32_boundary) >= 6 and len(f64_boundary) >= 6
add('float32 digits on the rounding boundary', np.array(f32_boundary, dtype='float32'), {'floatmode': 'unique'})
add('float64 digits on the rounding boundary', np.array(f64_boundary, dtype='float64'), {'floatmode': 'unique'})
add('float32 boundary default options', np.array(f32_boundary[:4], dtype='float32'))

# ---- repr dtype placement ---------------------------------------------------------------
add('int32 dtype fits on line', np.arange(15, dtype='int32'))
add('int32 dtype goes to new line', np.arange(17, dtype='int32') * 1000)
add('int8 dtype near edge', np.arange(21, dtype='int8'))
add('float32 dtype new line', np.linspace(0, 1, 7).astype('float32'))
for n in range(8, 24):
    add('int16 row of %d (dtype placement sweep)' % n, np.arange(n, dtype='int16') * 10)
for n in range(5, 14):
    add('float32 row of %d (dtype placement sweep)' % n, (np.arange(n) / 7).astype('float32'))

# ---- print options ----------------------------------------------------------------------
option_bases = {
    'float64 thirds 2-D': np.arange(12).reshape(3, 4) / 3,
    'float64 small and large': np.array([1e-6, 4e-7, 2.0, 3.0]),
    'float64 tiny': np.array([1e-10, 1.0, 123.456]),
    'float64 big': np.array([1e9, 1.0, -2.5]),
    'float64 nan inf': np.array([nan, inf, -inf, 1.25, -0.0]),
    'float64 negative': np.array([-1.0, 2.0, 3.5]),
    'float64 positive': np.array([1.0, 2.0, 3.5]),
    'float32 values': np.array([1 / 3, 0.1, 2.0], dtype='float32'),
    'int64 arange 12': np.arange(12),
    'int32 arange 30 x 3': np.arange(90, dtype='int32').reshape(30, 3),
    'bool pattern': np.arange(12) % 2 == 0,
    'float64 long': rng.standard_normal(25),
    'int64 3-D': np.arange(60).reshape(3, 4, 5),
    'float64 0-d': np.array(1 / 3),
    'int16 0-d': np.array(7, dtype='int16'),
}
option_sets = [
    {'precision': 3},
    {'precision': 0},
    {'precision': 12},
    {'suppress': True},
    {'precision': 3, 'suppress': True},
    {'threshold': 5, 'edgeitems': 2},
    {'threshold': 10, 'edgeitems': 1},
    {'threshold': 0},
    {'linewidth': 40},
    {'linewidth': 20},
    {'linewidth': 120},
    {'sign': '+'},
    {'sign': ' '},
    {'floatmode': 'fixed'},
    {'floatmode': 'unique'},
    {'floatmode': 'maxprec_equal'},
    {'floatmode': 'fixed', 'precision': 3},
    {'sign': '+', 'precision': 2, 'linewidth': 50},
]
for bname, a in option_bases.items():
    for o in option_sets:
        label = ','.join('%s=%r' % kv for kv in sorted(o.items()))
        add('%s [%s]' % (bname, label), a, o)
add('float64 exp with sign +', np.array([1e-10, 1.0, -5.0]), {'sign': '+'})
add('float64 exp with sign space', np.array([1e-10, 1.0, 5.0]), {'sign': ' '})
add('float64 exp fixed', np.array([1e-10, 1.0, 5.5]), {'floatmode': 'fixed'})
add('float64 exp fixed precision 2', np.array([1e-10, 1.0, 5.5]), {'floatmode': 'fixed', 'precision': 2})
add('float64 exp unique', np.array([1.123456789123e-10, 1.0]), {'floatmode': 'unique'})
add('float64 exp maxprec_equal', np.array([1.5e-10, 1.0]), {'floatmode': 'maxprec_equal'})
add('float64 suppress large', np.array([1e9, 1e-9, 1.0]), {'suppress': True})
add('float64 suppress tiny rounds to zero', np.array([1e-12, -1e-12, 1.0]), {'suppress': True})
add('float64 nan with sign +', np.array([nan, 1.0]), {'sign': '+'})
add('float64 nan only with sign +', np.array([nan, inf]), {'sign': '+'})
add('float64 nan only with sign space', np.array([nan, inf]), {'sign': ' '})
add('float32 precision 3 rounding', np.array([0.0005, 0.0015, 0.0025], dtype='float32'), {'precision': 3})
add('float64 precision 3 ties', np.array([0.0005, 0.0015, 0.0025, 0.125]), {'precision': 2})
add('float64 summarised linewidth 40', np.arange(2000) * 1.5, {'linewidth': 40})
add('int64 summarised 3-D edgeitems 1', np.arange(2000).reshape(10, 10, 20), {'edgeitems': 1})
add('int64 summarised 4-D threshold 10', np.arange(3 * 4 * 5 * 6).reshape(3, 4, 5, 6), {'threshold': 10, 'edgeitems': 1})
add('int32 repr dtype with linewidth 30', np.arange(10, dtype='int32'), {'linewidth': 30})
add('empty int32 with linewidth 10', np.zeros((0, 3), dtype='int32'), {'linewidth': 10})

# ---- views (non-contiguous strides, offsets, negative strides) ---------------------------
base = np.arange(24, dtype='int64')
add_view('int64 transposed 4x6', base, lambda b: b.reshape(4, 6).T)
add_view('int64 sliced rows', base, lambda b: b.reshape(4, 6)[1:3, ::2])
add_view('int64 reversed', base, lambda b: b[::-1])
add_view('int64 reversed 2-D', base, lambda b: b.reshape(4, 6)[::-1, ::-2])
add_view('int64 3-D transposed', base, lambda b: b.reshape(2, 3, 4).transpose(2, 0, 1))
add_view('int64 column', base, lambda b: b.reshape(4, 6)[:, 3])
add_view('int64 0-d view', base, lambda b: b.reshape(4, 6)[2, 3, ...])
add_view('int64 empty view', base, lambda b: b.reshape(4, 6)[:, 2:2])
fbase = rng.standard_normal(30) * 10.0 ** rng.randint(-3, 4, size=30)
add_view('float64 transposed 5x6', fbase, lambda b: b.reshape(5, 6).T)
add_view('float64 strided exp', fbase, lambda b: b[1::3])
add_view('float32 transposed', fbase.astype('float32'), lambda b: b.reshape(3, 10).T)
add_view('bool transposed', np.arange(12) % 3 == 0, lambda b: b.reshape(3, 4).T)
add_view('uint8 transposed channels', rng.randint(0, 256, size=24).astype('uint8'), lambda b: b.reshape(2, 4, 3).transpose(2, 0, 1))
big = np.arange(40 * 50, dtype='float64') / 8
add_view('float64 summarised transposed', big, lambda b: b.reshape(40, 50).T)
add_view('int32 summarised strided', np.arange(5000, dtype='int32'), lambda b: b[::2])

# ---- scalars ----------------------------------------------------------------------------
scalars = []
f_values = [0.1, 1.0, 1e16, 1e-5, 123456789.0, 2.0 ** 53, 1 / 3, -0.0, 0.0, nan, -nan, inf, -inf, 1e-4,
            9.999e-5, 1e15, 9999999999999998.0, 5e-324, 1.7976931348623157e308, 1.5e300, 0.30000000000000004,
            100.0, 1e22, -2.5, 1.5e16, 12345678901234567890.0, 0.5, 2.5e-7, -1e-300, 3.0e-5, 65504.0, 1e8,
            16777216.0, 16777217.0, 3.4028234663852886e38, 1e-45, 1.17549435e-38, 0.2, 0.3]
for v in f_values:
    for dt in FLOAT_DTYPES:
        x = np.dtype(dt).type(v)
        scalars.append({'dtype': dt, 'value': enc(dt, x), 'str': str(x), 'repr': repr(x)})
for v in [np.float32(1) / np.float32(3), np.float32(2) / np.float32(3), np.float32(0.1) * np.float32(3)]:
    scalars.append({'dtype': 'float32', 'value': enc('float32', v), 'str': str(v), 'repr': repr(v)})
for x in f32_boundary:
    scalars.append({'dtype': 'float32', 'value': enc('float32', x), 'str': str(x), 'repr': repr(x)})
for x in f64_boundary:
    scalars.append({'dtype': 'float64', 'value': enc('float64', x), 'str': str(x), 'repr': repr(x)})
# random bit patterns over the whole range: shortest digits of arbitrary float32/float64
for x in rng.randint(0, 2 ** 32, size=400, dtype=np.uint64).astype(np.uint32).view(np.float32):
    if np.isfinite(x):
        scalars.append({'dtype': 'float32', 'value': enc('float32', x), 'str': str(x), 'repr': repr(x)})
for x in rng.randint(0, 2 ** 63, size=400, dtype=np.uint64).view(np.float64):
    if np.isfinite(x):
        scalars.append({'dtype': 'float64', 'value': enc('float64', x), 'str': str(x), 'repr': repr(x)})
for dt in INT_DTYPES:
    info = np.iinfo(dt)
    hi = int(info.max)
    if dt == 'int64':
        hi = 2 ** 53
    if dt == 'uint64':
        hi = 2 ** 64 - 2048
    for v in [int(info.min), 0, 1, 3, 42, hi]:
        x = np.dtype(dt).type(v)
        scalars.append({'dtype': dt, 'value': enc(dt, x), 'str': str(x), 'repr': repr(x)})
scalars.append({'dtype': 'uint64', 'value': enc('uint64', 2 ** 63), 'str': str(np.uint64(2 ** 63)), 'repr': repr(np.uint64(2 ** 63))})
for v in [True, False]:
    x = np.bool_(v)
    scalars.append({'dtype': 'bool', 'value': enc('bool', x), 'str': str(x), 'repr': repr(x)})

# np.format_float_positional / np.format_float_scientific with assorted keyword arguments
floatfuncs = []
ff_values = [0.0, -0.0, 0.1, 1.0, 0.125, 2.5, 1 / 3, 123456.789, 1e-7, 9.995, 1e22, -5.5e-5, 5e-324, nan, -inf]
ff_positional = [{}, {'precision': 2}, {'precision': 0}, {'precision': 3, 'unique': False}, {'trim': '.'},
                 {'trim': '0'}, {'trim': '-'}, {'sign': True}, {'pad_left': 5, 'pad_right': 4},
                 {'precision': 4, 'fractional': False}, {'precision': 6, 'min_digits': 4},
                 {'precision': 10, 'unique': False, 'trim': '-'}, {'trim': '-', 'pad_right': 3}]
ff_scientific = [{}, {'precision': 2}, {'precision': 0}, {'precision': 4, 'unique': False}, {'trim': '.'},
                 {'trim': '0'}, {'trim': '-'}, {'sign': True}, {'pad_left': 4}, {'exp_digits': 4},
                 {'precision': 6, 'min_digits': 4}]
for dt in FLOAT_DTYPES:
    for v in ff_values:
        x = np.dtype(dt).type(v)
        for kw in ff_positional:
            floatfuncs.append({'fn': 'positional', 'dtype': dt, 'value': enc(dt, x), 'kwargs': kw,
                               'text': np.format_float_positional(x, **kw)})
        for kw in ff_scientific:
            floatfuncs.append({'fn': 'scientific', 'dtype': dt, 'value': enc(dt, x), 'kwargs': kw,
                               'text': np.format_float_scientific(x, **kw)})

pyfloats = [{'value': repr(float(v)), 'repr': repr(float(v))} for v in f_values + [
    1e-7, 1.25e-10, 123.456, 1e21, 1.0000000000000002, 4.35, 0.001, 1e-4 * 3, 2.0 ** -1074, 1e100]]

fixture = {
    'generator': 'tools/gen_format_fixtures.py',
    'numpy': np.__version__,
    'arrays': arrays,
    'views': views,
    'scalars': scalars,
    'pyfloats': pyfloats,
    'floatfuncs': floatfuncs,
}
with open(OUT, 'w') as f:
    json.dump(fixture, f, indent=None, separators=(',', ':'))
    f.write('\n')
print('%d arrays, %d views, %d scalars, %d pyfloats, %d floatfuncs -> %s (%d bytes)' % (
    len(arrays), len(views), len(scalars), len(pyfloats), len(floatfuncs), os.path.relpath(OUT), os.path.getsize(OUT)), file=sys.stderr)
