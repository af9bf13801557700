#!/usr/bin/python3
"""Differential fixtures for the NumPy helpers that moved from the interpreter's stopgaps into
the engine (np.pad, isclose/allclose/array_equal, diff, bincount/count_nonzero/argwhere/
flatnonzero, meshgrid, tri/tril/triu, average/ptp, atleast_1d/2d/3d) from real NumPy 1.24, in the
format of tools/gen_engine_fixtures.py (whose encoder this reuses):
test/fixtures/engine/array_helpers.json, replayed by test/engine/differential.test.ts.
Run `/usr/bin/python3 tools/gen_array_helper_fixtures.py`.
"""
import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_engine_fixtures as G  # noqa: E402


def gen_pad(c):
    v = np.array([1, 2, 3], dtype=np.int64)
    m = np.arange(6, dtype=np.float64).reshape(2, 3) * 1.5
    img = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    f32 = np.array([[0.5, -1.25], [2.0, 3.5]], dtype=np.float32)
    for mode in ['constant', 'edge', 'reflect', 'symmetric', 'wrap']:
        c.add(f'pad 1-d int {mode}', G.fn('pad', v, 2, mode))
        c.add(f'pad 1-d large {mode}', G.fn('pad', v, (7, 5), mode=mode))
        c.add(f'pad 2-d pairs {mode}', G.fn('pad', m, ((1, 2), (0, 3)), mode))
        c.add(f'pad 2-d (1,2) {mode}', G.fn('pad', m, (1, 2), mode))
        c.add(f'pad image {mode}', G.fn('pad', img, ((0, 0), (1, 1), (2, 1)), mode))
        c.add(f'pad f32 {mode}', G.fn('pad', f32, [[3, 1]], mode))
        c.add(f'pad empty axis {mode}', G.fn('pad', np.zeros((0, 2)), 1, mode))
        c.add(f'pad empty zero width {mode}', G.fn('pad', np.zeros((0, 2)), ((0, 0), (1, 1)), mode))
        c.add(f'pad 0-d {mode}', G.fn('pad', np.array(7.5), 2, mode))
        c.add(f'pad view {mode}', G.fn('pad', G.View(np.arange(12).reshape(3, 4), 'T'), 1, mode))
        c.add(f'pad single element {mode}', G.fn('pad', np.array([4.0]), 3, mode))
        for w in [(3, 4), (5, 1), (1, 6), (9, 8)]:
            c.add(f'pad {w} of 2 {mode}', G.fn('pad', np.array([1, 2]), w, mode))
            c.add(f'pad {w} of 3 {mode}', G.fn('pad', np.array([1.5, 2.5, 3.5]), w, mode))
    c.add('pad constant_values scalar', G.fn('pad', m, 1, constant_values=-1))
    c.add('pad constant_values pair', G.fn('pad', m, 1, 'constant', constant_values=(7, 9)))
    c.add('pad constant_values per axis', G.fn('pad', m, 2, constant_values=((1, 2), (3, 4))))
    c.add('pad constant_values float into int', G.fn('pad', v, 1, constant_values=2.7))
    c.add('pad constant_values negative into uint8', G.fn('pad', img, 1, constant_values=-1))
    c.add('pad constant_values bool', G.fn('pad', np.array([True, False]), 1, constant_values=5))
    c.add('pad list input', G.fn('pad', [[1, 2], [3, 4]], 1))
    c.add('pad float width', G.fn('pad', v, 1.6))
    c.add('pad negative width', G.fn('pad', v, -1))
    c.add('pad negative pair', G.fn('pad', m, ((1, 0), (0, -2))))
    c.add('pad bad width shape', G.fn('pad', m, ((1, 2), (3, 4), (5, 6))))
    c.add('pad bad width shape 3', G.fn('pad', m, (1, 2, 3)))
    c.add('pad bad mode', G.fn('pad', v, 1, 'circular'))
    c.add('pad edge with constant_values', G.fn('pad', v, 1, 'edge', constant_values=3))
    c.add('pad width (2,1) column', G.fn('pad', m, [[2], [1]]))


def gen_close(c):
    nan, inf = float('nan'), float('inf')
    a = np.array([1.0, 1e-9, 1e10, nan, inf, -inf, 0.0])
    b = np.array([1.00001, 0.0, 1.00001e10, nan, inf, inf, 1e-8])
    c.add('isclose f64', G.fn('isclose', a, b))
    c.add('isclose f64 equal_nan', G.fn('isclose', a, b, equal_nan=True))
    c.add('isclose rtol atol', G.fn('isclose', a, b, 0.0, 1e-9))
    c.add('isclose f32', G.fn('isclose', np.array([1.0, 2.0, 3.0], dtype=np.float32), np.array([1.00001, 2.0001, 3.0], dtype=np.float32)))
    c.add('isclose f32 vs f64', G.fn('isclose', np.array([0.1], dtype=np.float32), 0.1))
    c.add('isclose ints', G.fn('isclose', np.array([1, 2, 3]), np.array([1, 3, 3])))
    c.add('isclose broadcast', G.fn('isclose', np.arange(6.0).reshape(2, 3), np.array([0.0, 1.0, 2.5])))
    c.add('isclose scalars', G.fn('isclose', 1.0, 1.0000001))
    c.add('isclose scalar nan', G.fn('isclose', nan, nan))
    c.add('isclose mismatch', G.fn('isclose', np.zeros(3), np.zeros(2)))
    c.add('isclose mismatch nonfinite', G.fn('isclose', np.array([nan, 1.0, 2.0]), np.zeros(2)))
    c.add('isclose empty', G.fn('isclose', np.zeros((0, 3)), np.zeros(3)))
    c.add('isclose bool', G.fn('isclose', np.array([True, False]), np.array([True, True])))
    c.add('isclose lists', G.fn('isclose', [1, 2], [1.0, 2.00001]))
    c.add('allclose true', G.fn('allclose', np.array([1.0, 2.0]), np.array([1.000001, 2.0])))
    c.add('allclose false', G.fn('allclose', np.array([1.0, 2.0]), np.array([1.1, 2.0])))
    c.add('allclose nan', G.fn('allclose', np.array([nan, 2.0]), np.array([nan, 2.0])))
    c.add('allclose nan equal_nan', G.fn('allclose', np.array([nan, 2.0]), np.array([nan, 2.0]), equal_nan=True))
    c.add('allclose broadcast', G.fn('allclose', np.ones((2, 3)), 1.0))
    c.add('allclose mismatch', G.fn('allclose', np.ones((2, 3)), np.ones((3, 2))))
    c.add('allclose empty', G.fn('allclose', np.zeros(0), np.zeros(0)))
    c.add('array_equal same', G.fn('array_equal', np.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]]))
    c.add('array_equal different', G.fn('array_equal', np.array([1, 2]), np.array([1, 3])))
    c.add('array_equal shapes', G.fn('array_equal', np.array([1, 2]), np.array([[1, 2]])))
    c.add('array_equal dtypes', G.fn('array_equal', np.array([1, 2]), np.array([1.0, 2.0])))
    c.add('array_equal nan', G.fn('array_equal', np.array([nan, 1.0]), np.array([nan, 1.0])))
    c.add('array_equal nan equal_nan', G.fn('array_equal', np.array([nan, 1.0]), np.array([nan, 1.0]), equal_nan=True))
    c.add('array_equal empty', G.fn('array_equal', np.zeros((0, 2)), np.zeros((0, 2))))


def gen_diff(c):
    v = np.array([1, 4, 9, 16, 25], dtype=np.int32)
    m = np.array([[1.5, 3.0, 2.25], [0.0, -1.0, 8.0]])
    c.add('diff 1-d int32', G.fn('diff', v))
    c.add('diff n=2', G.fn('diff', v, 2))
    c.add('diff n=0', G.fn('diff', v, 0))
    c.add('diff n too large', G.fn('diff', v, n=7))
    c.add('diff n negative', G.fn('diff', v, -1))
    for ax in (0, 1, -1, -2):
        c.add(f'diff 2-d axis={ax}', G.fn('diff', m, axis=ax))
    c.add('diff axis out of bounds', G.fn('diff', m, axis=2))
    c.add('diff axis negative out of bounds', G.fn('diff', m, axis=-3))
    c.add('diff 0-d', G.fn('diff', np.array(3.0)))
    c.add('diff bool', G.fn('diff', np.array([True, False, False, True])))
    c.add('diff uint8 wraps', G.fn('diff', np.array([5, 3, 200], dtype=np.uint8)))
    c.add('diff f32', G.fn('diff', np.array([0.1, 0.7, 0.2], dtype=np.float32)))
    c.add('diff empty', G.fn('diff', np.zeros((2, 0))))
    c.add('diff list', G.fn('diff', [1, 5, 2]))
    c.add('diff prepend scalar', G.fn('diff', v, prepend=0))
    c.add('diff append array', G.fn('diff', m, axis=0, append=np.array([[1.0, 1.0, 1.0]])))
    c.add('diff prepend append', G.fn('diff', v, prepend=[0, 1], append=100))
    c.add('diff prepend float', G.fn('diff', v, prepend=0.5))
    c.add('diff view', G.fn('diff', G.View(np.arange(12).reshape(3, 4), 'T')))


def gen_counting(c):
    c.add('bincount list', G.fn('bincount', [0, 1, 1, 3, 2, 1, 7]))
    c.add('bincount array', G.fn('bincount', np.array([2, 2, 0], dtype=np.int32)))
    c.add('bincount uint8', G.fn('bincount', np.array([2, 2, 0], dtype=np.uint8)))
    c.add('bincount bool', G.fn('bincount', np.array([True, False, True])))
    c.add('bincount minlength', G.fn('bincount', np.array([1, 1]), minlength=5))
    c.add('bincount minlength small', G.fn('bincount', np.array([4, 1]), minlength=2))
    c.add('bincount weights', G.fn('bincount', np.array([0, 1, 1, 2]), weights=np.array([0.5, 1.0, 0.25, 2.0])))
    c.add('bincount int weights', G.fn('bincount', np.array([0, 1, 1]), np.array([3, 4, 5])))
    c.add('bincount f32 weights', G.fn('bincount', np.array([0, 1, 1]), np.array([0.1, 0.2, 0.3], dtype=np.float32)))
    c.add('bincount empty list', G.fn('bincount', []))
    c.add('bincount empty int', G.fn('bincount', np.zeros(0, dtype=np.int64), minlength=3))
    c.add('bincount negative', G.fn('bincount', np.array([1, -1])))
    c.add('bincount float', G.fn('bincount', np.array([1.0, 2.0])))
    c.add('bincount 2-d', G.fn('bincount', np.array([[1, 2]])))
    c.add('bincount 0-d', G.fn('bincount', np.array(3)))
    c.add('bincount minlength negative', G.fn('bincount', np.array([1]), minlength=-1))
    c.add('bincount weights length', G.fn('bincount', np.array([1, 2]), weights=np.array([1.0])))
    c.add('bincount uint64', G.fn('bincount', np.array([1, 2], dtype=np.uint64)))
    m = np.array([[0, 1, 7, 0], [3, 0, 0, 2]])
    c.add('count_nonzero', G.fn('count_nonzero', m))
    for ax in (0, 1, -1):
        c.add(f'count_nonzero axis={ax}', G.fn('count_nonzero', m, axis=ax))
    c.add('count_nonzero keepdims', G.fn('count_nonzero', m, axis=1, keepdims=True))
    c.add('count_nonzero keepdims None', G.fn('count_nonzero', m, keepdims=True))
    c.add('count_nonzero axis tuple', G.fn('count_nonzero', m, axis=(0, 1)))
    c.add('count_nonzero floats', G.fn('count_nonzero', np.array([0.0, -0.0, 0.5, float('nan')])))
    c.add('count_nonzero bad axis', G.fn('count_nonzero', m, axis=2))
    c.add('count_nonzero list', G.fn('count_nonzero', [[True, False], [True, True]], axis=0))
    c.add('argwhere 2-d', G.fn('argwhere', m))
    c.add('argwhere 1-d', G.fn('argwhere', np.array([0.0, 2.0, 0.0, 1.0])))
    c.add('argwhere 0-d', G.fn('argwhere', np.array(5)))
    c.add('argwhere 0-d zero', G.fn('argwhere', np.array(0)))
    c.add('argwhere 3-d', G.fn('argwhere', np.arange(8).reshape(2, 2, 2) % 3 == 0))
    c.add('argwhere none', G.fn('argwhere', np.zeros((2, 2))))
    c.add('flatnonzero', G.fn('flatnonzero', m))
    c.add('flatnonzero view', G.fn('flatnonzero', G.View(m, 'T')))
    c.add('flatnonzero 0-d', G.fn('flatnonzero', np.array(2.0)))


def gen_grids(c):
    x = np.array([1, 2, 3])
    y = np.array([0.5, -1.0], dtype=np.float32)
    z = np.array([10, 20, 30, 40], dtype=np.int32)
    c.add('meshgrid xy', G.fn('meshgrid', x, y))
    c.add('meshgrid ij', G.fn('meshgrid', x, y, indexing='ij'))
    c.add('meshgrid 3 xy', G.fn('meshgrid', x, y, z))
    c.add('meshgrid 3 ij', G.fn('meshgrid', x, y, z, indexing='ij'))
    c.add('meshgrid one', G.fn('meshgrid', x))
    c.add('meshgrid none', G.fn('meshgrid'))
    c.add('meshgrid sparse', G.fn('meshgrid', x, y, sparse=True))
    c.add('meshgrid sparse ij', G.fn('meshgrid', x, z, sparse=True, indexing='ij'))
    c.add('meshgrid 2-d input', G.fn('meshgrid', np.arange(4).reshape(2, 2), x))
    c.add('meshgrid lists', G.fn('meshgrid', [0, 1], [2.5, 3.5, 4.5]))
    c.add('meshgrid empty', G.fn('meshgrid', np.zeros(0), x))
    c.add('meshgrid scalar', G.fn('meshgrid', 3, x))
    c.add('meshgrid bad indexing', G.fn('meshgrid', x, y, indexing='yx'))
    m = np.arange(1, 13, dtype=np.float64).reshape(3, 4)
    stack = np.arange(1, 19, dtype=np.int32).reshape(2, 3, 3)
    for name in ['tril', 'triu']:
        c.add(f'{name} 2-d', G.fn(name, m))
        for k in (-1, 1, 2, -5, 7):
            c.add(f'{name} k={k}', G.fn(name, m, k))
        c.add(f'{name} stack', G.fn(name, stack))
        c.add(f'{name} stack k', G.fn(name, stack, k=-1))
        c.add(f'{name} 1-d', G.fn(name, np.array([1, 2, 3])))
        c.add(f'{name} 0-d', G.fn(name, np.array(3)))
        c.add(f'{name} bool', G.fn(name, np.ones((3, 3), dtype=bool)))
        c.add(f'{name} empty', G.fn(name, np.zeros((0, 3))))
        c.add(f'{name} list', G.fn(name, [[1, 2], [3, 4]]))
        c.add(f'{name} view', G.fn(name, G.View(m, 'T')))
    c.add('tri 3', G.fn('tri', 3))
    c.add('tri 2x4 k', G.fn('tri', 2, 4, 1))
    c.add('tri dtype', G.fn('tri', 3, dtype='int32'))
    c.add('tri zero', G.fn('tri', 0))
    for name, fn in [('atleast_1d', 'atleast_1d'), ('atleast_2d', 'atleast_2d'), ('atleast_3d', 'atleast_3d')]:
        c.add(f'{name} 0-d', G.fn(fn, np.array(2.5)))
        c.add(f'{name} scalar', G.fn(fn, 4))
        c.add(f'{name} 1-d', G.fn(fn, x))
        c.add(f'{name} 2-d', G.fn(fn, np.ones((2, 3))))
        c.add(f'{name} 3-d', G.fn(fn, np.ones((2, 3, 1), dtype=np.int32)))
        c.add(f'{name} many', G.fn(fn, 1, x, np.ones((2, 2))))
        c.add(f'{name} none', G.fn(fn))


def gen_average(c):
    m = np.array([[1.0, 2.0, 4.0], [3.0, 5.0, 6.5]])
    i = np.array([[1, 2, 4], [3, 5, 7]], dtype=np.int32)
    w = np.array([[0.5, 1.0, 2.0], [1.0, 1.0, 0.25]])
    c.add('average', G.fn('average', m))
    c.add('average int', G.fn('average', i))
    c.add('average axis=0', G.fn('average', m, axis=0))
    c.add('average axis=-1', G.fn('average', i, axis=-1))
    c.add('average axis tuple', G.fn('average', m, axis=(0, 1)))
    c.add('average weights', G.fn('average', m, weights=w))
    c.add('average weights axis', G.fn('average', m, axis=1, weights=w))
    c.add('average weights 1-d', G.fn('average', m, axis=1, weights=[1, 2, 3]))
    c.add('average weights 1-d axis 0', G.fn('average', i, axis=0, weights=[1, 3]))
    c.add('average int weights', G.fn('average', i, weights=i))
    c.add('average f32', G.fn('average', m.astype(np.float32), axis=0, weights=np.array([1, 2], dtype=np.float32)))
    c.add('average returned', G.fn('average', m, axis=0, returned=True))
    c.add('average returned weights', G.fn('average', m, 1, w, True))
    c.add('average returned scalar', G.fn('average', i, weights=i, returned=True))
    c.add('average keepdims', G.fn('average', m, axis=1, keepdims=True))
    c.add('average weights keepdims', G.fn('average', m, axis=0, weights=w, keepdims=True))
    c.add('average weights no axis', G.fn('average', m, weights=[1, 2, 3]))
    c.add('average weights 2-d mismatch', G.fn('average', m, axis=1, weights=np.ones((3, 1))))
    c.add('average weights length', G.fn('average', m, axis=1, weights=[1, 2]))
    c.add('average weights zero', G.fn('average', m, axis=0, weights=[1, -1]))
    c.add('average bad axis', G.fn('average', m, axis=2))
    c.add('average empty', G.fn('average', np.zeros((0, 2)), axis=0))
    c.add('average list', G.fn('average', [1, 2, 3, 4], weights=[4, 3, 2, 1]))
    c.add('average bool', G.fn('average', np.array([True, False, True])))
    c.add('ptp', G.fn('ptp', m))
    c.add('ptp axis=0', G.fn('ptp', i, axis=0))
    c.add('ptp axis=-1 keepdims', G.fn('ptp', m, axis=-1, keepdims=True))
    c.add('ptp uint8 wraps', G.fn('ptp', np.array([[3, 250], [7, 1]], dtype=np.uint8), axis=1))
    c.add('ptp bool', G.fn('ptp', np.array([True, False])))
    c.add('ptp empty', G.fn('ptp', np.zeros(0)))
    c.add('ptp method', G.meth(i, 'ptp', 1))


def main():
    warnings.simplefilter('ignore')
    c = G.Category('array_helpers')
    for gen in (gen_pad, gen_close, gen_diff, gen_counting, gen_grids, gen_average):
        gen(c)
    head = json.dumps({'numpy': np.__version__, 'category': 'array_helpers'})[:-1]
    lines = [json.dumps(case, allow_nan=False, separators=(',', ':')) for case in c.cases]
    with open(os.path.join(G.OUT, 'array_helpers.json'), 'w') as f:
        f.write(head + ', "cases": [\n' + ',\n'.join(lines) + '\n]}\n')
    print(f'array_helpers {len(c.cases)} cases, skipped {len(c.skipped)}', c.skipped)


if __name__ == '__main__':
    main()
