#!/usr/bin/python3
"""Fixtures for matrix products and np.linalg: real NumPy 1.24 evaluates a table of calls and
its answers land in test/fixtures/linalg.json, which test/engine/linalg.test.ts replays through
engine/linalgPycall.ts. Run with Debian's NumPy: `/usr/bin/python3 tools/gen_linalg_fixtures.py`.
Tests never run this; they read the JSON. Every expected value and error text is NumPy's.

Arguments and results use the engine fixtures' JSON encoding (tools/gen_engine_fixtures.py,
decoded by test/engine/fixtureCodec.ts); JSON floats are Python's repr, so they round-trip
exactly. A call is {"fn": "matmul" | "linalg.inv" | ..., "args", "kwargs"}. Each case says how
its float results compare ("cmp"):
  * "exact"  bitwise: integer and bool results, and float products of small-integer data;
  * "rel"    |got - want| <= 1e-10 * max|want| of that array (float64 decompositions, products
             of non-integral data, whose rounding depends on the BLAS build);
  * "f32"    |got - want| <= 1e-5 * max|want|: float32 results (NumPy's sgemm accumulates in
             float32; OpenBLAS/MKL reassociate, so only a tolerance is portable).
and "check" names an invariant test for results that are unique only up to sign or order
(eig, eigh, svd, qr): the test then verifies A·v = λ·v, U·S·Vh = A, orthonormality and
columns equal to NumPy's up to sign, instead of comparing those vectors elementwise.
Complex eigenvalue cases are out of the engine's scope: their expected result is the
engine's NotImplementedError, marked "fixme" with what NumPy returns.
"""

import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_engine_fixtures import Skip, View, dec, enc, enc_result  # noqa: E402

assert np.__version__.startswith('1.24'), np.__version__

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'linalg.json')
COMPLEX_EIG = ('np.linalg.eig: this matrix has complex eigenvalues; NumPy returns complex128 arrays, '
               'which Shape Lens does not support')

ERROR_NAMES = ['ZeroDivisionError', 'IndexError', 'KeyError', 'TypeError', 'ValueError', 'OverflowError',
               'RuntimeError', 'NotImplementedError']


def error_type(e):
    if isinstance(e, np.linalg.LinAlgError):
        return 'LinAlgError'
    if isinstance(e, np.AxisError):
        return 'AxisError'
    for t in type(e).__mro__:
        if t.__module__ == 'builtins' and t.__name__ in ERROR_NAMES:
            return t.__name__
    raise TypeError(f'unmapped exception {type(e)}: {e}')


def call(fn, *args, **kwargs):
    return {'fn': fn, 'args': [enc(a) for a in args], 'kwargs': {k: enc(v) for k, v in kwargs.items()}}


def target(fn):
    if fn.startswith('linalg.'):
        return getattr(np.linalg, fn[len('linalg.'):])
    return getattr(np, fn)


def is_complex(r):
    if isinstance(r, (tuple, list)):
        return any(is_complex(x) for x in r)
    return isinstance(r, (np.ndarray, np.generic)) and np.iscomplexobj(r)


def float_kinds(r):
    """The float dtypes among a result's arrays and scalars."""
    if isinstance(r, (tuple, list)):
        return set().union(*[float_kinds(x) for x in r]) if r else set()
    if isinstance(r, (np.ndarray, np.generic)) and r.dtype.kind == 'f':
        return {str(r.dtype)}
    return set()


class Cases:
    def __init__(self):
        self.cases, self.ids, self.skipped = [], set(), []

    def add(self, id_, spec, cmp=None, check=None):
        """cmp: None picks "exact" for non-float results, else "rel"/"f32" by dtype."""
        base, n = id_, 2
        while id_ in self.ids:
            id_, n = f'{base} #{n}', n + 1
        json.dumps(spec, allow_nan=False)
        f = target(spec['fn'])
        args = dec(spec['args'])
        kwargs = {k: dec(v) for k, v in spec['kwargs'].items()}
        case = {'id': id_, 'call': spec}
        try:
            try:
                result = f(*args, **kwargs)
            except Exception as e:  # noqa: BLE001 — NumPy's errors are expected results
                case['expected'] = {'type': 'error', 'pyType': error_type(e), 'message': str(e)}
            else:
                if is_complex(result):
                    case['expected'] = {'type': 'error', 'pyType': 'NotImplementedError', 'message': COMPLEX_EIG}
                    case['fixme'] = 'NumPy returns complex128 eigenvalues/eigenvectors; the engine has no complex dtype'
                else:
                    case['expected'] = enc_result(result)
                    kinds = float_kinds(result)
                    mode = cmp or ('f32' if 'float32' in kinds else 'rel' if kinds else 'exact')
                    if kinds or cmp:
                        case['cmp'] = mode
                    if check:
                        case['check'] = check
        except Skip as s:
            self.skipped.append(f'{id_}: {s}')
            return
        for item in ('str', 'repr'):
            strip_text(case['expected'], item)
        self.ids.add(id_)
        self.cases.append(case)


def strip_text(e, key):
    """str/repr of results are the printing layer's business; they only bloat this file."""
    if isinstance(e, dict):
        e.pop(key, None)
        for v in e.get('items', []):
            strip_text(v, key)


R = np.random.RandomState(20240601)


def ints(shape, dtype='int64', lo=-5, hi=6):
    return R.randint(lo, hi, size=shape).astype(dtype)


def randn(shape, dtype='float64'):
    return R.randn(*shape).astype(dtype)


def dyadic(shape, dtype='float64'):
    """k/8 for small k: short JSON, and products sum exactly in any order (so compare exactly)."""
    return (R.randint(-40, 41, size=shape) / 8).astype(dtype)


def data(dtype, shape):
    """Small integer values in any dtype (bool: random truth values)."""
    if dtype == 'bool':
        return R.rand(*shape) < 0.5
    if dtype.startswith('uint'):
        return ints(shape, dtype, 0, 6)
    return ints(shape, dtype)


def well_conditioned(n, dtype='float64', batch=()):
    a = R.randn(*batch, n, n) + n * np.eye(n)
    return a.astype(dtype)


def spd(n, dtype='float64', batch=()):
    m = R.randn(*batch, n, n)
    return (m @ np.swapaxes(m, -1, -2) + n * np.eye(n)).astype(dtype)


def symmetric(n, dtype='float64', batch=()):
    m = R.randn(*batch, n, n)
    return ((m + np.swapaxes(m, -1, -2)) / 2).astype(dtype)


def real_spectrum(n, seed):
    """P·diag(d)·P⁻¹ with integer P and distinct integer d: real, well separated eigenvalues."""
    r = np.random.RandomState(seed)
    while True:
        p = r.randint(-3, 4, size=(n, n)).astype(float) + 4 * np.eye(n)
        if abs(np.linalg.det(p)) > 0.5:
            break
    d = r.permutation(np.arange(1, n + 1)) * r.choice([-1, 1], n) + 0.5 * r.rand(n)
    return p @ np.diag(d) @ np.linalg.inv(p)


ALL = ['bool', 'int8', 'uint8', 'int16', 'int32', 'int64', 'uint64', 'float32', 'float64']


# ---- products -----------------------------------------------------------------------------

def gen_matmul(c):
    shapes = [((3, 4), (4, 2)), ((4,), (4, 3)), ((3, 4), (4,)), ((5,), (5,)), ((2, 3, 4), (4, 5)),
              ((2, 1, 3, 4), (5, 4, 2)), ((3,), (2, 3, 4)), ((2, 3, 4), (4,)), ((1, 3), (2, 3, 1)),
              ((0, 3), (3, 4)), ((2, 0), (0, 4)), ((0, 2, 3), (3, 4)), ((2, 3), (3, 0)), ((0,), (0,)), ((3, 0), (0,))]
    for dt in ALL:
        for sa, sb in shapes:
            c.add(f'matmul/{dt} {sa}@{sb}', call('matmul', data(dt, sa), data(dt, sb)), cmp='exact')
    for da, db in [('int8', 'uint8'), ('int64', 'float32'), ('int16', 'float32'), ('bool', 'int8'), ('uint64', 'int64'),
                   ('float32', 'float64'), ('uint8', 'bool'), ('int32', 'uint32'), ('bool', 'float32')]:
        c.add(f'matmul/mixed {da}@{db}', call('matmul', data(da, (2, 3)), data(db, (3, 2))), cmp='exact')
    c.add('matmul/lists', call('matmul', [[1, 2], [3, 4]], [5, 6]))
    c.add('matmul/list 1-D both', call('matmul', [1, 2], [3, 4]))
    c.add('matmul/python float list', call('matmul', [[0.5, 1.5]], [[2.0], [4.0]]), cmp='exact')
    c.add('matmul/bool or-of-ands', call('matmul', np.array([[True, False], [False, False]]), np.array([[True, True], [False, True]])))
    c.add('matmul/int8 wraps', call('matmul', np.full((1, 4), 100, 'int8'), np.full((4, 1), 100, 'int8')))
    c.add('matmul/uint8 wraps', call('matmul', np.full((2, 3), 200, 'uint8'), np.full((3, 2), 3, 'uint8')))
    c.add('matmul/int16 wraps', call('matmul', np.full((2, 2), 30000, 'int16'), np.full((2, 2), 3, 'int16')))
    c.add('matmul/int32 wraps through imul', call('matmul', np.full((2, 2), 2 ** 31 - 1, 'int32'), np.full((2, 2), 2 ** 31 - 1, 'int32')))
    c.add('matmul/int32 wraps past 2**32', call('matmul', np.array([[2 ** 30, 2 ** 30]], 'int32'), np.array([[4], [4]], 'int32')))
    c.add('matmul/uint32 wraps', call('matmul', np.array([[2 ** 32 - 1, 5]], 'uint32'), np.array([[2 ** 32 - 1], [7]], 'uint32')))
    c.add('matmul/int64 exact past 2**53 partial sums', call('matmul', np.array([[2 ** 27, -2 ** 27]], 'int64'), np.array([[2 ** 27], [2 ** 27]], 'int64')))
    c.add('matmul/int64 big', call('matmul', np.array([[2 ** 20, 3]], 'int64'), np.array([[2 ** 25], [-7]], 'int64')))
    c.add('matmul/nan propagates', call('matmul', np.array([[np.nan, 1.0], [1, 1]]), np.array([[0.0, 0], [1, 1]])), cmp='exact')
    c.add('matmul/inf times zero', call('matmul', np.array([[0.0, 1], [0, 1]]), np.array([[np.inf, 1.0], [1, 1]])), cmp='exact')
    c.add('matmul/-0 sums to +0', call('matmul', np.array([[-0.0, -0.0]]), np.array([[1.0], [1.0]])), cmp='exact')
    c.add('matmul/-0 1-D', call('matmul', np.array([-0.0]), np.array([1.0])), cmp='exact')
    # blocked kernel: integer-valued floats are exact in any summation order
    # the packed kernel (M·N·K > 32768, M >= 4): several k-blocks (K > 256), row blocks (M > 128), edge tiles
    c.add('matmul/blocked f64 dyadic 8x260@260x21', call('matmul', dyadic((8, 260)), dyadic((260, 21))), cmp='exact')
    c.add('matmul/blocked f64 dyadic 131x12@12x23', call('matmul', dyadic((131, 12)), dyadic((12, 23))), cmp='exact')
    c.add('matmul/blocked f32 dyadic 36x40@40x33', call('matmul', dyadic((36, 40), 'float32'), dyadic((40, 33), 'float32')), cmp='exact')
    c.add('matmul/blocked int16 45x30@30x30', call('matmul', ints((45, 30), 'int16', -100, 100), ints((30, 30), 'int16', -100, 100)))
    c.add('matmul/blocked f64 random 13x50@50x53', call('matmul', randn((13, 50)), randn((50, 53))))
    c.add('matmul/blocked f32 random 16x64@64x33', call('matmul', randn((16, 64), 'float32'), randn((64, 33), 'float32')))
    c.add('matmul/f64 random batched broadcast', call('matmul', randn((3, 1, 2, 6)), randn((2, 6, 3))))
    c.add('matmul/f32 random small', call('matmul', randn((4, 5), 'float32'), randn((5, 3), 'float32')))
    c.add('matmul/f32 random vector', call('matmul', randn((12,), 'float32'), randn((12, 9), 'float32')))
    c.add('matmul/f64 random matrix-vector', call('matmul', randn((9, 12)), randn((12,))))
    c.add('matmul/f64 random dot', call('matmul', randn((50,)), randn((50,))))
    c.add('matmul/batch fold (rows of a 3-D a)', call('matmul', ints((4, 5, 6)).astype('float64'), ints((6, 3)).astype('float64')), cmp='exact')
    base = ints((6, 5))
    c.add('matmul/view .T', call('matmul', View(base, 'T'), ints((6, 2))))
    c.add('matmul/view strided', call('matmul', View(base, (slice(None, None, 2), slice(None, None, -1))), ints((5, 3))))
    c.add('matmul/view batch of transposes', call('matmul', View(ints((3, 4, 2)), (Ellipsis, slice(None, None, -1), slice(None))), View(ints((3, 2, 4)), (slice(None, None, -1),))))
    c.add('matmul/view f64 .T random', call('matmul', View(randn((7, 9)), 'T'), View(randn((9, 7)), 'T')))
    # errors
    c.add('matmul/error 0-d first', call('matmul', np.float64(1.0), np.ones((2, 3))))
    c.add('matmul/error 0-d second', call('matmul', np.ones((2, 3)), 3))
    c.add('matmul/error both 0-d', call('matmul', 2, 3))
    c.add('matmul/error core mismatch 2-D', call('matmul', np.ones((2, 3)), np.ones((2, 3))))
    c.add('matmul/error core mismatch 1-D', call('matmul', np.ones(2), np.ones(3)))
    c.add('matmul/error core mismatch 1-D@2-D', call('matmul', np.ones(2), np.ones((3, 4))))
    c.add('matmul/error core mismatch 2-D@1-D', call('matmul', np.ones((2, 3)), np.ones(4)))
    c.add('matmul/error core mismatch batched', call('matmul', np.ones((5, 2, 3)), np.ones((5, 4, 2))))
    c.add('matmul/error batch mismatch', call('matmul', np.ones((2, 2, 3)), np.ones((3, 3, 4))))
    c.add('matmul/error batch mismatch 4-D', call('matmul', np.ones((2, 5, 2, 3)), np.ones((4, 3, 4))))
    c.add('matmul/error batch mismatch leading', call('matmul', np.ones((2, 3, 4)), np.ones((3, 5, 4, 1))))
    c.add('matmul/error batch with zero', call('matmul', np.ones((0, 2, 3)), np.ones((2, 3, 1))))
    c.add('matmul/error 0-d and mismatch order', call('matmul', np.ones(3), np.float32(2)))
    c.add('matmul/error too few args', call('matmul', np.ones(3)))
    c.add('matmul/error bad kwarg', call('matmul', np.ones(3), np.ones(3), foo=1))


def gen_dot(c):
    for dt in ['bool', 'int8', 'uint8', 'int32', 'int64', 'float32', 'float64']:
        for sa, sb in [((3, 4), (4, 2)), ((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 3)), ((2, 3, 4), (5, 4, 2)), ((2, 3), (2, 3, 4)),
                       ((2, 3, 4), (4,)), ((0, 3), (3, 2)), ((2, 0), (0, 3)), ((0,), (0,))]:
            c.add(f'dot/{dt} {sa}.{sb}', call('dot', data(dt, sa), data(dt, sb)), cmp='exact')
    c.add('dot/python scalar int', call('dot', 2, data('int8', (2, 2))))
    c.add('dot/python scalar float with float32', call('dot', 2.5, data('float32', (2, 2))), cmp='exact')
    c.add('dot/array then scalar', call('dot', data('int16', (3,)), 1000))
    c.add('dot/npscalar int8', call('dot', np.int8(3), data('int8', (2, 2))))
    c.add('dot/0-d array', call('dot', np.array(3), data('int8', (2,))))
    c.add('dot/scalars', call('dot', 2, 3))
    c.add('dot/scalars float', call('dot', 2, 3.5), cmp='exact')
    c.add('dot/bool scalar', call('dot', True, data('bool', (2, 2))))
    c.add('dot/lists', call('dot', [1, 2], [3, 4]))
    c.add('dot/int8 wraps', call('dot', np.full(4, 100, 'int8'), np.full(4, 100, 'int8')))
    c.add('dot/mixed int8 float32', call('dot', data('int8', (2, 3)), data('float32', (3,))), cmp='exact')
    c.add('dot/mixed uint64 int64', call('dot', data('uint64', (2, 3)), data('int64', (3,))), cmp='exact')
    c.add('dot/f64 random 3-D', call('dot', randn((2, 3, 4)), randn((3, 4, 2))))
    c.add('dot/f64 random 2-D', call('dot', randn((8, 9)), randn((9, 10))))
    c.add('dot/f32 random', call('dot', randn((8, 9), 'float32'), randn((9,), 'float32')))
    c.add('dot/view T', call('dot', View(ints((4, 3)), 'T'), View(ints((2, 4)), 'T')))
    c.add('dot/view 3-D strided', call('dot', View(ints((3, 4, 6)), (slice(None), slice(None, None, -1), slice(None, None, 2))), View(ints((2, 3, 5)), (Ellipsis, slice(1, None)))))
    for sa, sb in [((2, 3), (2, 3)), ((2,), (3,)), ((2,), (3, 4)), ((2, 3), (4,)), ((2, 3, 4), (5, 3, 6)), ((2, 3, 4), (5,)), ((2, 0), (3,))]:
        c.add(f'dot/error {sa}.{sb}', call('dot', np.ones(sa), np.ones(sb)))
    c.add('dot/error missing b', call('dot', np.ones(3)))
    c.add('dot/error bad kwarg', call('dot', np.ones(3), np.ones(3), foo=1))


def gen_inner_outer_vdot(c):
    for dt in ['bool', 'int8', 'int64', 'float32', 'float64']:
        for sa, sb in [((3,), (3,)), ((2, 3), (4, 3)), ((2, 3, 4), (5, 4)), ((4,), (2, 3, 4)), ((0, 3), (2, 3)), ((2, 0), (3, 0))]:
            c.add(f'inner/{dt} {sa},{sb}', call('inner', data(dt, sa), data(dt, sb)), cmp='exact')
    c.add('inner/scalar', call('inner', 2, data('int8', (2, 3))))
    c.add('inner/scalars', call('inner', 2, 5))
    c.add('inner/lists', call('inner', [1, 2], [3, 4]))
    c.add('inner/f64 random', call('inner', randn((3, 5)), randn((4, 5))))
    for sa, sb in [((2, 3), (4, 2)), ((2,), (3,)), ((2, 3, 4), (5, 3)), ((3,), (2, 4, 5))]:
        c.add(f'inner/error {sa},{sb}', call('inner', np.ones(sa), np.ones(sb)))
    for dt in ['bool', 'int8', 'uint8', 'int64', 'float32', 'float64']:
        for sa, sb in [((3,), (4,)), ((2, 2), (3,)), ((0,), (3,)), ((2, 3), (2, 1, 2))]:
            c.add(f'outer/{dt} {sa},{sb}', call('outer', data(dt, sa), data(dt, sb)), cmp='exact')
    c.add('outer/scalar', call('outer', 2, data('int8', (3,))))
    c.add('outer/int8 float32', call('outer', data('int8', (2,)), data('float32', (3,))), cmp='exact')
    c.add('outer/int8 wraps', call('outer', np.array([100, 20], 'int8'), np.array([3, 7], 'int8')))
    c.add('outer/f64 random', call('outer', randn((4,)), randn((5,))), cmp='exact')
    c.add('outer/lists', call('outer', [1, 2], [0.5, 1.5]), cmp='exact')
    for dt in ['bool', 'int8', 'int64', 'float32', 'float64']:
        for sa, sb in [((4,), (4,)), ((2, 2), (4,)), ((2, 3), (3, 2)), ((0,), (0,)), ((2, 0), (0,))]:
            c.add(f'vdot/{dt} {sa},{sb}', call('vdot', data(dt, sa), data(dt, sb)), cmp='exact')
    c.add('vdot/scalars', call('vdot', 2, 3))
    c.add('vdot/scalar and 1-element', call('vdot', 2, np.ones(1)), cmp='exact')
    c.add('vdot/int8 wraps', call('vdot', np.full(4, 100, 'int8'), np.full(4, 100, 'int8')))
    c.add('vdot/f64 random', call('vdot', randn((3, 4)), randn((12,))))
    c.add('vdot/view', call('vdot', View(ints((3, 4)), 'T'), ints((12,))))
    for sa, sb in [((4,), (3,)), ((3,), (2, 2)), ((2, 2), (3,)), ((0,), (3,)), ((), (2,))]:
        c.add(f'vdot/error {sa},{sb}', call('vdot', np.ones(sa), np.ones(sb)))


def gen_tensordot(c):
    a, b = ints((2, 3, 4)), ints((3, 4, 5))
    c.add('tensordot/default axes=2', call('tensordot', a, b))
    for ax in [0, 1]:
        c.add(f'tensordot/axes={ax}', call('tensordot', ints((2, 3)), ints((3, 2)), ax))
    c.add('tensordot/axes=0 outer', call('tensordot', ints((2, 3)), ints((4,)), 0))
    c.add('tensordot/pair lists', call('tensordot', ints((2, 3, 4)), ints((4, 3, 5)), ([1, 2], [1, 0])))
    c.add('tensordot/pair tuples', call('tensordot', ints((2, 3, 4)), ints((4, 3, 5)), ((2, 1), (0, 1))))
    c.add('tensordot/pair ints', call('tensordot', ints((2, 3, 4)), ints((4, 3, 5)), (2, 0)))
    c.add('tensordot/pair negative', call('tensordot', ints((2, 3, 4)), ints((4, 3, 5)), ([-1], [-3])))
    c.add('tensordot/negative int axes', call('tensordot', ints((2, 3)), ints((3, 5)), -1))
    c.add('tensordot/full contraction is 0-d array', call('tensordot', ints((3,)), ints((3,)), 1))
    c.add('tensordot/full contraction 2-D', call('tensordot', ints((2, 3)), ints((2, 3)), 2))
    c.add('tensordot/scalar operand', call('tensordot', 2, ints((3, 2), 'int8'), 0))
    c.add('tensordot/bool', call('tensordot', data('bool', (2, 3)), data('bool', (3, 2)), 1))
    c.add('tensordot/int8', call('tensordot', data('int8', (2, 3)), data('int8', (3, 2)), 1))
    c.add('tensordot/float32', call('tensordot', data('float32', (2, 3, 4)), data('float32', (3, 4)), 2), cmp='exact')
    c.add('tensordot/f64 random', call('tensordot', randn((3, 4, 5)), randn((5, 4, 2)), ([1, 2], [1, 0])))
    c.add('tensordot/zero-size', call('tensordot', np.ones((2, 0)), np.ones((0, 3)), 1), cmp='exact')
    c.add('tensordot/error mismatch', call('tensordot', np.ones((2, 3, 4)), np.ones((4, 3, 5))))
    c.add('tensordot/error pair mismatch', call('tensordot', np.ones((2, 3, 4)), np.ones((4, 3, 5)), ([1], [0])))
    c.add('tensordot/error pair lengths', call('tensordot', np.ones((2, 3, 4)), np.ones((4, 3, 5)), ([1, 2], [0])))
    c.add('tensordot/error axes too big', call('tensordot', np.ones((2, 3)), np.ones((3, 5)), 3))
    c.add('tensordot/error axis out of range', call('tensordot', np.ones((2, 3)), np.ones((3, 5)), ([5], [0])))
    c.add('tensordot/error b axis out of range', call('tensordot', np.ones((2, 3)), np.ones((3, 5)), ([1], [4])))
    c.add('tensordot/error repeated axis', call('tensordot', np.ones((2, 2, 3)), np.ones((2, 2, 3)), ([0, 0], [0, 1])))
    c.add('tensordot/error three items', call('tensordot', np.ones((2, 3)), np.ones((3, 5)), ([1], [0], [0])))


def gen_trace(c):
    for dt in ['bool', 'int8', 'uint8', 'int32', 'uint32', 'int64', 'float32', 'float64']:
        c.add(f'trace/{dt} 2-D', call('trace', data(dt, (3, 4))), cmp='exact')
        c.add(f'trace/{dt} 3-D', call('trace', data(dt, (2, 3, 4))), cmp='exact')
    a = np.arange(24).reshape(2, 3, 4)
    c.add('trace/axis1=1 axis2=2 offset=1', call('trace', a, 1, 1, 2))
    c.add('trace/negative axes', call('trace', a, 0, -1, -3))
    for off in [1, 2, 5, -1, -2, -7]:
        c.add(f'trace/offset {off}', call('trace', np.arange(12).reshape(3, 4), off))
    c.add('trace/keyword args', call('trace', a, offset=-1, axis1=2, axis2=0))
    c.add('trace/dtype float32', call('trace', np.arange(6).reshape(2, 3), dtype='float32'), cmp='exact')
    c.add('trace/dtype int8', call('trace', np.arange(100, 109).reshape(3, 3), dtype='int8'))
    c.add('trace/zero-size', call('trace', np.ones((0, 3))), cmp='exact')
    c.add('trace/f64 random', call('trace', randn((9, 9))))
    c.add('trace/view', call('trace', View(ints((4, 5)), 'T'), 1))
    c.add('trace/list', call('trace', [[1, 2], [3, 4]]))
    c.add('trace/error 1-D', call('trace', np.ones(3)))
    c.add('trace/error 0-d', call('trace', np.float64(2.0)))
    c.add('trace/error axis2 out of bounds', call('trace', a, 0, 1, 3))
    c.add('trace/error axis1 out of bounds', call('trace', a, 0, -4, 1))
    c.add('trace/error same axes', call('trace', a, 0, 1, 1))
    c.add('trace/error same axes negative', call('trace', a, 0, 1, -2))


def gen_einsum(c):
    a23, a34, a33 = ints((2, 3)), ints((3, 4)), ints((3, 3))
    ok = [('ij,jk->ik', [a23, a34]), ('ij,jk', [a23, a34]), ('ba', [a23]), ('ji,kj', [a34, a23]), ('ij->ji', [a23]),
          ('ii', [a33]), ('ii->i', [a33]), ('ij->', [a23]), ('ij->i', [a23]), ('ij->j', [a23]), ('i,i', [ints((4,)), ints((4,))]),
          ('i,j->ij', [ints((2,)), ints((3,))]), ('i,j', [ints((2,)), ints((3,))]), ('ij,ij->ij', [a23, ints((2, 3))]),
          ('...ij,...jk->...ik', [ints((5, 2, 3)), a34]), ('...ij,...jk', [ints((5, 2, 3)), a34]), ('i...', [ints((5, 2, 3))]),
          ('...i,...i', [ints((5, 1, 3)), ints((2, 3))]), ('i...j->ji...', [ints((2, 3, 4, 5))]), ('...ii->...i', [ints((2, 3, 3))]),
          ('bij,bjk->bik', [ints((4, 2, 3)), ints((4, 3, 5))]), ('ij,jk,kl->il', [a23, a34, ints((4, 2))]), ('iii->i', [ints((3, 3, 3))]),
          ('iij->ij', [ints((3, 3, 2))]), ('ij,ij->', [a23, ints((2, 3))]), ('i,i,i->', [ints((4,)), ints((4,)), ints((4,))]),
          ('ij,jk->ik', [ints((2, 1)), ints((3, 4))]), ('ij,ij->ij', [ints((2, 1)), ints((2, 3))]), ('Ab,bC->AC', [a23, a34]),
          ('i j -> j i', [a23]), ('ij->...', [a23]), ('...ij->...', [a23]), ('ij->...ij', [a23]), ('', [np.int64(3)]),
          ('->', [np.int64(3)]), (',ij->ij', [3, ints((2, 2), 'int8')]), ('...,...', [3, ints((2, 2), 'int8')]),
          (',ij->ij', [1000, ints((2, 2), 'int8')]), (',i->i', [2.5, ints((3,), 'float32')]), ('ij,jk->ik', [np.ones((2, 0)), np.ones((0, 3))]),
          ('ij->', [np.ones((0, 3))]), ('ii->i', [np.ones((0, 0))]), ('ijk,kl->ijl', [ints((2, 0, 3)), ints((3, 2))]),
          ('bhqd,bhkd->bhqk', [ints((2, 2, 3, 4)), ints((2, 2, 5, 4))]), ('i,i->i', [ints((3,)), ints((3,))])]
    for sub, ops in ok:
        c.add(f'einsum/{sub!r} {" ".join(str(np.shape(o)) for o in ops)}', call('einsum', sub, *ops), cmp='exact')
    for dt in ['bool', 'int8', 'uint8', 'int32', 'int64', 'float32', 'float64']:
        c.add(f'einsum/{dt} matmul', call('einsum', 'ij,jk->ik', data(dt, (2, 3)), data(dt, (3, 2))), cmp='exact')
        c.add(f'einsum/{dt} sum', call('einsum', 'ij->', data(dt, (3, 4))), cmp='exact')
        c.add(f'einsum/{dt} trace', call('einsum', 'ii', data(dt, (3, 3))), cmp='exact')
    c.add('einsum/int8 sum wraps', call('einsum', 'ij->', np.full((20, 20), 100, 'int8')))
    c.add('einsum/uint8 int8 promote', call('einsum', 'ij,jk->ik', data('uint8', (2, 2)), data('int8', (2, 2))))
    c.add('einsum/int64 big exact', call('einsum', 'i,i', np.array([2 ** 27, -2 ** 27], 'int64'), np.array([2 ** 27, 2 ** 27], 'int64')))
    c.add('einsum/int32 wraps', call('einsum', 'i,i', np.array([2 ** 31 - 1, 2 ** 31 - 1], 'int32'), np.array([2 ** 31 - 1, 3], 'int32')))
    c.add('einsum/f64 random matmul', call('einsum', 'ij,jk->ik', randn((4, 5)), randn((5, 3))))
    c.add('einsum/f64 random batch', call('einsum', 'bij,bjk->bik', randn((3, 4, 5)), randn((3, 5, 2))))
    c.add('einsum/f64 random reduce', call('einsum', 'ijk->k', randn((3, 4, 5))))
    c.add('einsum/f32 random', call('einsum', 'ij,j->i', randn((4, 6), 'float32'), randn((6,), 'float32')))
    # large enough for the GEMM path (every label batch, free or summed)
    c.add('einsum/gemm bij,bjk->bik dyadic', call('einsum', 'bij,bjk->bik', dyadic((3, 16, 16)), dyadic((3, 16, 16))), cmp='exact')
    c.add('einsum/gemm bij,bjk->bik random', call('einsum', 'bij,bjk->bik', randn((2, 16, 17)), randn((2, 17, 16))))
    c.add('einsum/gemm attention scores', call('einsum', 'bhqd,bhkd->bhqk', dyadic((1, 2, 8, 32)), dyadic((1, 2, 16, 32))), cmp='exact')
    c.add('einsum/gemm transposed output', call('einsum', 'ij,kj->ki', dyadic((16, 16)), dyadic((20, 16))), cmp='exact')
    c.add('einsum/gemm float32', call('einsum', 'ij,kj->ik', randn((16, 17), 'float32'), randn((16, 17), 'float32')))
    c.add('einsum/gemm outer', call('einsum', 'i,j->ij', dyadic((70,)), dyadic((60,))), cmp='exact')
    c.add('einsum/gemm batch in one operand', call('einsum', 'bij,jk->bik', dyadic((4, 8, 16)), dyadic((16, 10))), cmp='exact')
    c.add('einsum/gemm broadcast ellipsis', call('einsum', '...ij,...jk->...ik', dyadic((2, 1, 8, 30)), dyadic((3, 30, 18))), cmp='exact')
    c.add('einsum/gemm view operands', call('einsum', 'ij,jk->ik', View(dyadic((17, 16)), 'T'), View(dyadic((34, 16)), (slice(None, None, -2), slice(None, None, -1)))), cmp='exact')
    c.add('einsum/large summed in one operand only', call('einsum', 'ij,jk->i', randn((10, 12)), randn((12, 8))))
    c.add('einsum/dtype float64', call('einsum', 'ij->', ints((2, 3), 'int8'), dtype='float64'), cmp='exact')
    c.add('einsum/dtype int64 from int8', call('einsum', 'ij,jk->ik', np.full((2, 4), 100, 'int8'), np.full((4, 2), 100, 'int8'), dtype='int64'))
    c.add('einsum/dtype unsafe casting', call('einsum', 'ij->', randn((2, 3)), dtype='int32', casting='unsafe'))
    c.add('einsum/sublists', call('einsum', a23, [0, 1], a34, [1, 2], [0, 2]))
    c.add('einsum/sublists implicit', call('einsum', a23, [0, 1], a34, [1, 2]))
    c.add('einsum/sublists ellipsis', call('einsum', ints((5, 2, 3)), [Ellipsis, 0, 1], a34, [1, 2], [Ellipsis, 0, 2]))
    c.add('einsum/sublists lowercase labels', call('einsum', a23, [26, 27], [27, 26]))
    c.add('einsum/view', call('einsum', 'ij,jk->ik', View(ints((3, 2)), 'T'), View(ints((4, 3)), 'T')))
    c.add('einsum/optimize=True', call('einsum', 'ij,jk,kl->il', a23, a34, ints((4, 2)), optimize=True))
    errors = [('ij,jk->ik', [a23, a23]), ('ij,ij->ij', [a23, a34]), ('...i,...i', [np.ones((5, 2, 3)), np.ones((3, 3))]),
              ('ij,jk->ik', [a23]), ('ij->ij', [a23, a34]), ('i1->i', [a23]), ('ij->ik', [a23]), ('ij->ii', [a23]),
              ('ijk->i', [a23]), ('i->i', [a23]), ('ij->i->j', [a23]), ('ij-i', [a23]), ('i..j', [a23]), ('...i...', [a23]),
              ('ii', [a23]), ('ii->i', [a23]), ('jii->i', [np.ones((4, 2, 3))]), ('...ij->ij', [np.ones((2, 2, 3))]),
              ('i->ii', [np.ones(2)]), ('ij->i.', [a23]), ('...ijk', [a23]), ('i', [a23]), ('', [a23]), ('ij,k', [a23, np.ones((2, 2))]),
              ('i,i', [np.ones(3), np.ones(4)]), ('iij->ij', [np.ones((3, 2, 2))]), ('ij,jk->ik', [np.ones((2, 3)), np.ones((2, 4))]),
              ('bij,bjk->bik', [np.ones((4, 2, 3)), np.ones((5, 3, 2))]), ('ij->ij', [np.float64(2.0)]), ('i$j', [a23])]
    for sub, ops in errors:
        c.add(f'einsum/error {sub!r} {" ".join(str(np.shape(o)) for o in ops)}', call('einsum', sub, *ops))
    c.add('einsum/error no args', call('einsum'))
    c.add('einsum/error only subscripts', call('einsum', 'ij'))
    c.add('einsum/error bad kwarg', call('einsum', 'i', np.ones(2), foo=1))
    c.add('einsum/error dtype safe', call('einsum', 'ij->', randn((2, 3)), dtype='float32'))
    c.add('einsum/error sublist range', call('einsum', a23, [0, 60]))
    c.add('einsum/error sublist two ellipses', call('einsum', a23, [Ellipsis, 0, Ellipsis]))


# ---- np.linalg -----------------------------------------------------------------------------

SQUARE_ERRORS = [('1-D', np.ones(3)), ('0-d', np.float64(3.0)), ('non-square', np.ones((2, 3))), ('non-square batch', np.ones((4, 2, 3)))]


def gen_inv_det(c):
    for n in [1, 2, 3, 4, 6]:
        c.add(f'inv/f64 {n}x{n}', call('linalg.inv', well_conditioned(n)))
        c.add(f'det/f64 {n}x{n}', call('linalg.det', well_conditioned(n)))
    c.add('inv/f64 12x12', call('linalg.inv', well_conditioned(12)))
    c.add('det/f64 12x12', call('linalg.det', well_conditioned(12)))
    for name in ['inv', 'det', 'slogdet']:
        fn = f'linalg.{name}'
        c.add(f'{name}/int', call(fn, np.array([[4, 7], [2, 6]])))
        c.add(f'{name}/int 3x3', call(fn, np.array([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])))
        c.add(f'{name}/int8', call(fn, np.array([[4, 1], [1, 3]], 'int8')))
        c.add(f'{name}/int32', call(fn, np.array([[4, 1, 0], [1, 3, 1], [2, 0, 5]], 'int32')))
        c.add(f'{name}/uint8', call(fn, np.array([[4, 1], [1, 3]], 'uint8')))
        c.add(f'{name}/bool', call(fn, np.eye(3, dtype=bool)))
        c.add(f'{name}/float32', call(fn, well_conditioned(3, 'float32')))
        c.add(f'{name}/batch', call(fn, well_conditioned(3, batch=(2,))))
        c.add(f'{name}/batch 2-D', call(fn, well_conditioned(2, batch=(2, 3))))
        c.add(f'{name}/empty 0x0', call(fn, np.ones((0, 0))))
        c.add(f'{name}/empty batch of 0x0', call(fn, np.ones((2, 0, 0))))
        c.add(f'{name}/empty batch', call(fn, np.ones((0, 2, 2))))
        c.add(f'{name}/list', call(fn, [[1.5, 2], [3, 5]]))
        c.add(f'{name}/view T', call(fn, View(well_conditioned(3), 'T')))
        for label, x in SQUARE_ERRORS:
            c.add(f'{name}/error {label}', call(fn, x))
    c.add('inv/error singular', call('linalg.inv', np.array([[1.0, 2], [2, 4]])))
    c.add('inv/error singular int', call('linalg.inv', np.ones((3, 3), int)))
    c.add('inv/error singular in batch', call('linalg.inv', np.stack([np.eye(2), np.zeros((2, 2))])))
    c.add('inv/nan', call('linalg.inv', np.array([[np.nan, 0.0], [0, 1]])))
    for label, x in [('singular', [[1.0, 2], [2, 4]]), ('zeros', np.zeros((3, 3))), ('[[1,2],[3,4]]', [[1, 2], [3, 4]]),
                     ('nan', [[np.nan, 0.0], [0, 1]]), ('permutation', [[0, 1, 0], [0, 0, 1], [1, 0, 0]]),
                     ('negative', [[-2.0, 0], [0, 3]]), ('large', np.diag([1e200, 1e200, 1e-100]))]:
        c.add(f'det/{label}', call('linalg.det', np.array(x)))
        c.add(f'slogdet/{label}', call('linalg.slogdet', np.array(x)))
    c.add('det/arange 3x3 (singular in theory)', call('linalg.det', np.arange(9.0).reshape(3, 3)))
    c.add('inv/error extra arg', call('linalg.inv', np.eye(2), 1))
    c.add('inv/error no args', call('linalg.inv'))


def gen_solve(c):
    a = well_conditioned(3)
    c.add('solve/vector', call('linalg.solve', a, randn((3,))))
    c.add('solve/matrix', call('linalg.solve', a, randn((3, 2))))
    c.add('solve/int', call('linalg.solve', np.array([[3, 1], [1, 2]]), np.array([9, 8])))
    c.add('solve/lists', call('linalg.solve', [[3, 1], [1, 2]], [9, 8]))
    c.add('solve/batch vectors', call('linalg.solve', well_conditioned(3, batch=(4,)), randn((4, 3))))
    c.add('solve/batch matrices', call('linalg.solve', well_conditioned(2, batch=(2,)), randn((2, 2, 3))))
    c.add('solve/broadcast a', call('linalg.solve', well_conditioned(3), randn((5, 3, 2))))
    c.add('solve/broadcast b', call('linalg.solve', well_conditioned(3, batch=(2, 1)), randn((1, 4, 3, 2))))
    c.add('solve/float32', call('linalg.solve', well_conditioned(3, 'float32'), randn((3,), 'float32')))
    c.add('solve/float32 with int', call('linalg.solve', well_conditioned(3, 'float32'), np.array([1, 2, 3], 'int32')))
    c.add('solve/empty', call('linalg.solve', np.ones((0, 0)), np.ones(0)))
    c.add('solve/empty rhs', call('linalg.solve', well_conditioned(2), np.ones((2, 0))))
    c.add('solve/6x6', call('linalg.solve', well_conditioned(6), randn((6, 3))))
    c.add('solve/error singular', call('linalg.solve', np.ones((2, 2)), np.ones(2)))
    c.add('solve/error vector mismatch', call('linalg.solve', a, np.ones(4)))
    c.add('solve/error matrix mismatch', call('linalg.solve', a, np.ones((4, 2))))
    c.add('solve/error batch vector ndim', call('linalg.solve', well_conditioned(2, batch=(3,)), np.ones((2,))))
    c.add('solve/error batch broadcast', call('linalg.solve', well_conditioned(2, batch=(3,)), np.ones((4, 2, 1))))
    c.add('solve/error batch broadcast vectors', call('linalg.solve', well_conditioned(2, batch=(3,)), np.ones((4, 2))))
    c.add('solve/error 1-D a', call('linalg.solve', np.ones(2), np.ones(2)))
    c.add('solve/error non-square a', call('linalg.solve', np.ones((2, 3)), np.ones(2)))
    c.add('solve/error b 0-d', call('linalg.solve', a, 3.0))


def gen_cholesky(c):
    for n in [1, 2, 3, 5]:
        c.add(f'cholesky/f64 {n}x{n}', call('linalg.cholesky', spd(n)))
    c.add('cholesky/int', call('linalg.cholesky', np.array([[4, 2], [2, 3]])))
    c.add('cholesky/float32', call('linalg.cholesky', spd(3, 'float32')))
    c.add('cholesky/batch', call('linalg.cholesky', spd(3, batch=(2,))))
    c.add('cholesky/upper triangle ignored', call('linalg.cholesky', np.array([[4.0, 100], [2, 3]])))
    c.add('cholesky/identity bool', call('linalg.cholesky', np.eye(2, dtype=bool)))
    c.add('cholesky/empty', call('linalg.cholesky', np.ones((0, 0))))
    c.add('cholesky/empty batch', call('linalg.cholesky', np.ones((0, 3, 3))))
    c.add('cholesky/error not positive definite', call('linalg.cholesky', np.array([[1.0, 2], [2, 1]])))
    c.add('cholesky/error negative', call('linalg.cholesky', -np.eye(2)))
    c.add('cholesky/error singular', call('linalg.cholesky', np.array([[1.0, 2], [2, 4]])))
    c.add('cholesky/error nan', call('linalg.cholesky', np.array([[np.nan, 0.0], [0, 1]])))
    c.add('cholesky/error in batch', call('linalg.cholesky', np.stack([np.eye(2), -np.eye(2)])))
    for label, x in SQUARE_ERRORS:
        c.add(f'cholesky/error {label}', call('linalg.cholesky', x))


def gen_qr(c):
    for shape in [(3, 3), (5, 3), (3, 5), (1, 4), (4, 1), (2, 4, 3)]:
        x = randn(shape)
        for mode in ['reduced', 'complete', 'r', 'raw']:
            c.add(f'qr/{mode} {shape}', call('linalg.qr', x, mode), check='qr' if mode in ('reduced', 'complete') else None)
    c.add('qr/default mode', call('linalg.qr', randn((4, 3))), check='qr')
    c.add('qr/int', call('linalg.qr', np.array([[3, 0], [4, 5]])), check='qr')
    c.add('qr/float32', call('linalg.qr', randn((4, 3), 'float32')), check='qr')
    c.add('qr/upper triangular keeps signs', call('linalg.qr', np.array([[-2.0, 1], [0, -3]])), check='qr')
    c.add('qr/8x6', call('linalg.qr', randn((8, 6))), check='qr')
    c.add('qr/empty rows', call('linalg.qr', np.ones((0, 3))))
    c.add('qr/empty cols', call('linalg.qr', np.ones((3, 0))))
    c.add('qr/empty cols complete', call('linalg.qr', np.ones((3, 0)), 'complete'))
    c.add('qr/empty cols r', call('linalg.qr', np.ones((3, 0)), 'r'))
    c.add('qr/error mode', call('linalg.qr', np.ones((3, 2)), 'x'))
    c.add('qr/error 1-D', call('linalg.qr', np.ones(3)))


def gen_svd(c):
    for shape in [(3, 3), (5, 3), (3, 5), (1, 4), (4, 1), (2, 4, 3), (7, 7)]:
        x = randn(shape)
        c.add(f'svd/full {shape}', call('linalg.svd', x), check='svd')
        c.add(f'svd/reduced {shape}', call('linalg.svd', x, full_matrices=False), check='svd')
        c.add(f'svd/values {shape}', call('linalg.svd', x, compute_uv=False))
    c.add('svd/int', call('linalg.svd', np.array([[3, 0], [0, -2], [1, 1]])), check='svd')
    c.add('svd/int32 values', call('linalg.svd', np.array([[3, 0], [0, -2], [1, 1]], 'int32'), compute_uv=False))
    c.add('svd/bool values', call('linalg.svd', np.array([[True, False], [True, True]]), compute_uv=False))
    c.add('svd/float32', call('linalg.svd', randn((4, 3), 'float32')), check='svd')
    c.add('svd/rank deficient', call('linalg.svd', np.outer([1.0, 2, 3], [1.0, -1, 2, 0.5])), check='svd')
    c.add('svd/rank deficient values', call('linalg.svd', np.outer([1.0, 2, 3], [1.0, -1, 2, 0.5]), compute_uv=False))
    c.add('svd/zeros', call('linalg.svd', np.zeros((3, 2))), check='svd')
    c.add('svd/diagonal', call('linalg.svd', np.diag([3.0, -5.0, 1.0])), check='svd')
    c.add('svd/hermitian', call('linalg.svd', symmetric(3), hermitian=True), check='svd')
    c.add('svd/hermitian values', call('linalg.svd', symmetric(3), compute_uv=False, hermitian=True))
    c.add('svd/empty', call('linalg.svd', np.ones((0, 0))))
    c.add('svd/empty rows', call('linalg.svd', np.ones((0, 3))))
    c.add('svd/empty rows reduced', call('linalg.svd', np.ones((0, 3)), full_matrices=False))
    c.add('svd/empty batch values', call('linalg.svd', np.ones((0, 3, 2)), compute_uv=False))
    c.add('svd/error nan', call('linalg.svd', np.array([[1.0, np.nan], [2, 4]])))
    c.add('svd/error 1-D', call('linalg.svd', np.ones(3)))
    c.add('svd/error 0-d', call('linalg.svd', np.float64(1)))


def gen_eig(c):
    for n in [2, 3, 4]:
        c.add(f'eig/real spectrum {n}x{n}', call('linalg.eig', real_spectrum(n, n)), check='eig')
        c.add(f'eigvals/real spectrum {n}x{n}', call('linalg.eigvals', real_spectrum(n, n + 10)), check='eigvals')
    c.add('eig/symmetric', call('linalg.eig', symmetric(4)), check='eig')
    c.add('eig/upper triangular', call('linalg.eig', np.array([[2.0, 1, 4], [0, 3, 5], [0, 0, -1]])), check='eig')
    c.add('eig/lower triangular', call('linalg.eig', np.array([[2.0, 0, 0], [1, 3, 0], [4, 5, -1]])), check='eig')
    c.add('eig/diagonal', call('linalg.eig', np.diag([3.0, 1.0, 2.0])), check='eig')
    c.add('eig/identity', call('linalg.eig', np.eye(3)), check='eig')
    c.add('eig/int', call('linalg.eig', np.array([[2, 1], [1, 2]])), check='eig')
    c.add('eig/float32', call('linalg.eig', real_spectrum(3, 99).astype('float32')), check='eig')
    c.add('eig/batch', call('linalg.eig', np.stack([real_spectrum(3, 5), real_spectrum(3, 6)])), check='eig')
    c.add('eig/1x1', call('linalg.eig', np.array([[5.0]])), check='eig')
    c.add('eig/empty', call('linalg.eig', np.ones((0, 0))))
    c.add('eig/empty batch', call('linalg.eig', np.ones((0, 2, 2))))
    c.add('eig/rotation (complex: FIXME)', call('linalg.eig', np.array([[0.0, -1], [1, 0]])))
    c.add('eigvals/rotation (complex: FIXME)', call('linalg.eigvals', np.array([[0.0, -1], [1, 0]])))
    c.add('eig/error nan', call('linalg.eig', np.array([[1.0, np.nan], [0, 1]])))
    c.add('eig/error inf', call('linalg.eig', np.array([[0.0, np.inf], [1, 0]])))
    for label, x in SQUARE_ERRORS:
        c.add(f'eig/error {label}', call('linalg.eig', x))
    for n in [1, 2, 3, 5, 8]:
        c.add(f'eigh/{n}x{n}', call('linalg.eigh', symmetric(n)), check='eigh')
    c.add('eigh/UPLO U', call('linalg.eigh', randn((3, 3)), 'U'), check='eigh')
    c.add('eigh/lower triangle only', call('linalg.eigh', randn((3, 3))), check='eigh')
    c.add('eigh/UPLO lowercase', call('linalg.eigh', symmetric(3), UPLO='u'), check='eigh')
    c.add('eigh/int', call('linalg.eigh', np.array([[2, 1], [1, 2]])), check='eigh')
    c.add('eigh/float32', call('linalg.eigh', symmetric(3, 'float32')), check='eigh')
    c.add('eigh/batch', call('linalg.eigh', symmetric(3, batch=(2,))), check='eigh')
    c.add('eigh/repeated eigenvalues', call('linalg.eigh', np.diag([2.0, 2.0, 1.0])), check='eigh')
    c.add('eigh/empty', call('linalg.eigh', np.ones((0, 0))))
    c.add('eigvalsh/values', call('linalg.eigvalsh', symmetric(4)))
    c.add('eigvalsh/UPLO U', call('linalg.eigvalsh', randn((4, 4)), 'U'))
    c.add('eigvalsh/batch float32', call('linalg.eigvalsh', symmetric(3, 'float32', batch=(2,))))
    c.add('eigh/error UPLO', call('linalg.eigh', np.eye(2), 'X'))
    for label, x in SQUARE_ERRORS:
        c.add(f'eigh/error {label}', call('linalg.eigh', x))


def gen_lstsq(c):
    a = randn((6, 3))
    c.add('lstsq/overdetermined vector', call('linalg.lstsq', a, randn((6,)), rcond=None))
    c.add('lstsq/overdetermined matrix', call('linalg.lstsq', a, randn((6, 2)), rcond=None))
    c.add('lstsq/underdetermined', call('linalg.lstsq', randn((2, 4)), randn((2,)), rcond=None))
    c.add('lstsq/square', call('linalg.lstsq', well_conditioned(3), randn((3,)), rcond=None))
    c.add('lstsq/rank deficient', call('linalg.lstsq', np.outer([1.0, 2, 3, 4], [1.0, -1, 2]), np.array([1.0, 0, 2, 5]), rcond=None))
    c.add('lstsq/default rcond (warn)', call('linalg.lstsq', a, randn((6,))))
    c.add('lstsq/rcond explicit', call('linalg.lstsq', np.diag([1.0, 1e-3, 1e-8]), np.ones(3), rcond=1e-5))
    c.add('lstsq/rcond negative', call('linalg.lstsq', np.diag([1.0, 1e-3, 1e-8]), np.ones(3), rcond=-1))
    c.add('lstsq/int', call('linalg.lstsq', np.array([[1, 0], [0, 1], [1, 1]]), np.array([1, 2, 4]), rcond=None))
    c.add('lstsq/float32', call('linalg.lstsq', randn((5, 2), 'float32'), randn((5,), 'float32'), rcond=None))
    c.add('lstsq/float32 with float64', call('linalg.lstsq', randn((5, 2), 'float32'), randn((5,)), rcond=None))
    c.add('lstsq/line fit', call('linalg.lstsq', np.vstack([np.arange(5.0), np.ones(5)]).T, np.array([-1.0, 0.2, 0.9, 2.1, 2.8]), rcond=None))
    c.add('lstsq/empty rows', call('linalg.lstsq', np.ones((0, 2)), np.ones(0), rcond=None))
    c.add('lstsq/empty cols', call('linalg.lstsq', np.ones((2, 0)), np.ones(2), rcond=None))
    c.add('lstsq/empty rhs', call('linalg.lstsq', randn((3, 2)), np.ones((3, 0)), rcond=None))
    c.add('lstsq/error incompatible', call('linalg.lstsq', np.ones((3, 2)), np.ones(4), rcond=None))
    c.add('lstsq/error 3-D', call('linalg.lstsq', np.ones((2, 3, 2)), np.ones(3), rcond=None))
    c.add('lstsq/error b 0-d', call('linalg.lstsq', np.ones((3, 2)), 3.0, rcond=None))


def gen_pinv_rank(c):
    for shape in [(3, 3), (4, 2), (2, 4), (2, 3, 2)]:
        c.add(f'pinv/{shape}', call('linalg.pinv', randn(shape)))
    c.add('pinv/int', call('linalg.pinv', np.array([[1, 2], [3, 4]])))
    c.add('pinv/rank deficient', call('linalg.pinv', np.outer([1.0, 2, 3], [1.0, -1, 2])))
    c.add('pinv/float32', call('linalg.pinv', randn((3, 2), 'float32')))
    c.add('pinv/rcond', call('linalg.pinv', np.diag([1.0, 1e-3, 1e-8]), rcond=1e-5))
    c.add('pinv/rcond per matrix', call('linalg.pinv', np.stack([np.diag([1.0, 1e-3]), np.diag([1.0, 1e-3])]), rcond=np.array([1e-5, 1e-2])))
    c.add('pinv/hermitian', call('linalg.pinv', spd(3), hermitian=True))
    c.add('pinv/zeros', call('linalg.pinv', np.zeros((2, 3))))
    c.add('pinv/empty int', call('linalg.pinv', np.ones((0, 3), int)))
    c.add('pinv/empty batch', call('linalg.pinv', np.ones((0, 2, 2))))
    c.add('pinv/error 1-D', call('linalg.pinv', np.ones(3)))
    c.add('pinv/error nan', call('linalg.pinv', np.array([[1.0, np.nan]])))
    for label, x in [('full', well_conditioned(4)), ('deficient', np.outer([1.0, 2, 3], [1.0, -1, 2])), ('int singular', np.array([[1, 2], [2, 4]])),
                     ('zeros', np.zeros((3, 3))), ('wide', randn((2, 5))), ('batch', np.stack([np.eye(3), np.diag([1.0, 1, 0])])),
                     ('float32', randn((3, 3), 'float32')), ('bool', np.eye(3, dtype=bool)), ('1-D', np.array([0.0, 1])),
                     ('1-D zeros', np.zeros(3)), ('0-d', np.float64(0.0)), ('0-d nonzero', np.int64(3)), ('empty batch', np.ones((0, 2, 2))),
                     ('empty', np.ones((0, 0))), ('arange 4x4', np.arange(16.0).reshape(4, 4))]:
        c.add(f'matrix_rank/{label}', call('linalg.matrix_rank', x))
    c.add('matrix_rank/tol', call('linalg.matrix_rank', np.diag([1.0, 1e-3]), tol=1e-2))
    c.add('matrix_rank/tol per matrix', call('linalg.matrix_rank', np.stack([np.diag([1.0, 1e-3]), np.diag([1.0, 1e-3])]), tol=np.array([1e-2, 1e-4])))
    c.add('matrix_rank/hermitian', call('linalg.matrix_rank', np.diag([2.0, -1, 0]), hermitian=True))
    c.add('matrix_rank/error nan', call('linalg.matrix_rank', np.array([[1.0, np.nan], [2, 4]])))


def gen_norm(c):
    v = np.array([3.0, -4.0, 0.0, 1.5])
    inf = float('inf')
    for ord_ in [None, 1, 2, inf, -inf, 0, 3, -1, -2, 0.5]:
        c.add(f'norm/vector ord={ord_}', call('linalg.norm', v, ord_))
    m = np.array([[1.0, -2, 3], [-4, 5, -6.5]])
    for ord_ in [None, 'fro', 'nuc', 1, -1, 2, -2, inf, -inf]:
        c.add(f'norm/matrix ord={ord_}', call('linalg.norm', m, ord_))
        c.add(f'norm/3-D axis=(2,0) ord={ord_}', call('linalg.norm', randn((3, 2, 4)), ord_, (2, 0)))
        c.add(f'norm/3-D axis=(-2,-1) keepdims ord={ord_}', call('linalg.norm', randn((2, 3, 3)), ord_, (-2, -1), True))
    for ord_ in [None, 1, inf, 0, 3]:
        c.add(f'norm/axis=0 ord={ord_}', call('linalg.norm', m, ord_, 0))
        c.add(f'norm/axis=-1 keepdims ord={ord_}', call('linalg.norm', m, ord_, -1, True))
    c.add('norm/int', call('linalg.norm', np.array([3, 4])))
    c.add('norm/int matrix', call('linalg.norm', np.arange(9).reshape(3, 3) - 4))
    c.add('norm/bool', call('linalg.norm', np.array([True, False, True])))
    c.add('norm/float32', call('linalg.norm', randn((5,), 'float32')))
    c.add('norm/float32 matrix nuc', call('linalg.norm', randn((3, 3), 'float32'), 'nuc'))
    c.add('norm/float32 ord 3', call('linalg.norm', randn((5,), 'float32'), 3))
    c.add('norm/keepdims flat', call('linalg.norm', m, keepdims=True))
    c.add('norm/3-D flat', call('linalg.norm', randn((2, 3, 4))))
    c.add('norm/f argument', call('linalg.norm', m, 'f'))
    c.add('norm/random long', call('linalg.norm', randn((300,))))
    c.add('norm/empty', call('linalg.norm', np.ones((0,))))
    c.add('norm/view', call('linalg.norm', View(randn((3, 4)), 'T'), 1))
    c.add('norm/list', call('linalg.norm', [[1, 2], [3, 4]], inf))
    c.add('norm/error fro for vector', call('linalg.norm', v, 'fro'))
    c.add('norm/error nuc for vector axis', call('linalg.norm', m, 'nuc', 1))
    c.add('norm/error matrix ord 3', call('linalg.norm', m, 3))
    c.add('norm/error matrix ord 0', call('linalg.norm', m, 0))
    c.add('norm/error improper dims', call('linalg.norm', randn((2, 3, 4)), 2))
    c.add('norm/error three axes', call('linalg.norm', randn((2, 3, 4)), None, (0, 1, 2)))
    c.add('norm/error duplicate axes', call('linalg.norm', m, None, (1, -1)))
    c.add('norm/error axis out of bounds', call('linalg.norm', m, None, 2))
    c.add('norm/error matrix axis out of bounds', call('linalg.norm', m, None, (0, 2)))
    c.add('norm/error axis list', call('linalg.norm', m, None, [0, 1]))
    c.add('norm/error empty max', call('linalg.norm', np.ones((0,)), inf))


def gen_matrix_power(c):
    a = np.array([[1, 1], [1, 0]])
    for n in [0, 1, 2, 3, 5, 10]:
        c.add(f'matrix_power/int n={n}', call('linalg.matrix_power', a, n))
    c.add('matrix_power/float n=-1', call('linalg.matrix_power', np.array([[2.0, 1], [1, 1]]), -1))
    c.add('matrix_power/float n=-3', call('linalg.matrix_power', np.array([[2.0, 1], [1, 1]]), -3))
    c.add('matrix_power/batch', call('linalg.matrix_power', ints((2, 3, 3)), 4))
    c.add('matrix_power/bool', call('linalg.matrix_power', np.array([[True, False], [True, True]]), 3))
    c.add('matrix_power/error float exponent', call('linalg.matrix_power', a, 1.5))
    c.add('matrix_power/error non-square', call('linalg.matrix_power', np.ones((2, 3)), 2))


GENERATORS = [gen_matmul, gen_dot, gen_inner_outer_vdot, gen_tensordot, gen_trace, gen_einsum, gen_inv_det, gen_solve,
              gen_cholesky, gen_qr, gen_svd, gen_eig, gen_lstsq, gen_pinv_rank, gen_norm, gen_matrix_power]


def main():
    warnings.simplefilter('ignore')
    np.seterr(all='ignore')
    c = Cases()
    for g in GENERATORS:
        g(c)
    head = json.dumps({'numpy': np.__version__, 'category': 'linalg'})[:-1]
    lines = [json.dumps(case, allow_nan=False, separators=(',', ':')) for case in c.cases]
    text = head + ', "cases": [\n' + ',\n'.join(lines) + '\n]}\n'
    with open(OUT, 'w') as f:
        f.write(text)
    print(f'{len(c.cases)} cases, {len(text) / 1024:.1f} KiB, skipped {len(c.skipped)}')
    for s in c.skipped:
        print(f'    skipped {s}')


if __name__ == '__main__':
    sys.exit(main())
