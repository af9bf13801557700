#!/usr/bin/python3
"""Differential fixtures for the engine's sorting ops (np.sort, np.argsort, np.unique,
np.searchsorted, ndarray.argsort) and the order statistics built on them (np.quantile,
np.percentile, np.median, np.nansum/nanmean/nanmax/nanmin) and index helpers (np.take,
np.unravel_index) from real NumPy 1.24, in the format of tools/gen_engine_fixtures.py
(whose encoder this reuses): test/fixtures/engine/{sorting,statistics,index_helpers}.json, replayed by
test/engine/differential.test.ts. Run `/usr/bin/python3 tools/gen_sorting_fixtures.py`.
Ties are only in lanes of fewer than 17 elements, where NumPy's quicksort is an insertion sort and
so stable like the engine's (larger lanes with ties may order equal elements differently).
"""
import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_engine_fixtures as G  # noqa: E402


def gen(c):
    nan = float('nan')
    data = {
        'f64': np.array([3.5, -1.0, 2.25, nan, 0.0, -7.5, 2.25]),
        'f32': np.array([[0.5, -2.0, 3.0], [1.0, nan, -1.0]], dtype=np.float32),
        'i64': np.array([[5, 3, 9, 1], [2, 8, 2, 0], [7, 7, 1, 4]], dtype=np.int64),
        'i32': np.array([4, -3, 4, 0, -3], dtype=np.int32),
        'u8': np.array([200, 3, 17, 3], dtype=np.uint8),
        'bool': np.array([True, False, True, False]),
        '3d': np.arange(24, dtype=np.float64).reshape(2, 3, 4)[:, ::-1, :] * np.array([1, -1, 1, -1]),
        'empty': np.zeros((0, 3)),
    }
    for k, a in data.items():
        c.add(f'sort {k}', G.fn('sort', a))
        c.add(f'argsort {k}', G.fn('argsort', a))
        c.add(f'sort {k} axis=None', G.fn('sort', a, axis=None))
        c.add(f'argsort {k} axis=None', G.fn('argsort', a, axis=None))
        c.add(f'ndarray.argsort {k}', G.meth(a, 'argsort'))
        if a.ndim > 1:
            c.add(f'sort {k} axis=0', G.fn('sort', a, axis=0))
            c.add(f'argsort {k} axis=0', G.fn('argsort', a, 0))
            c.add(f'sort {k} axis=-2 stable', G.fn('sort', a, axis=-2, kind='stable'))
        c.add(f'unique {k}', G.fn('unique', a))
        c.add(f'unique {k} all', G.fn('unique', a, return_index=True, return_inverse=True, return_counts=True))
    c.add('sort list', G.fn('sort', [3, 1, 2]))
    c.add('sort 0-d', G.fn('sort', np.array(5.0)))
    c.add('sort axis out of bounds', G.fn('sort', data['i64'], axis=2))
    c.add('argsort 0-d', G.fn('argsort', np.array(5.0)))
    c.add('sort order', G.fn('sort', data['i32'], order='x'))
    c.add('sort kind bad', G.fn('sort', data['i32'], kind='bogo'))
    c.add('unique counts', G.fn('unique', np.array([2, 1, 2, 3, 1, 2]), return_counts=True))
    c.add('unique inverse 2-d', G.fn('unique', np.array([[1, 0], [0, 1]]), return_inverse=True))
    c.add('unique nan equal_nan False', G.fn('unique', np.array([nan, 1.0, nan]), equal_nan=False))
    c.add('unique nan', G.fn('unique', np.array([nan, 1.0, nan])))
    c.add('unique list', G.fn('unique', [3, 3, 1]))
    s = np.array([1.0, 2.0, 2.0, 3.0, 5.0])
    c.add('searchsorted scalar', G.fn('searchsorted', s, 2.0))
    c.add('searchsorted scalar right', G.fn('searchsorted', s, 2.0, side='right'))
    c.add('searchsorted array', G.fn('searchsorted', s, np.array([0.0, 2.5, 5.0, 9.0])))
    c.add('searchsorted 2-d v', G.fn('searchsorted', s, np.array([[1.0, 4.0], [6.0, -1.0]]), 'right'))
    c.add('searchsorted ints', G.fn('searchsorted', np.array([1, 3, 5]), np.array([0, 3, 6])))
    c.add('searchsorted nan', G.fn('searchsorted', np.array([1.0, 2.0, nan]), np.array([nan, 3.0])))
    c.add('searchsorted side bad', G.fn('searchsorted', s, 1.0, side='middle'))


def gen_statistics(c):
    nan = float('nan')
    data = {
        'f64': np.array([3.5, -1.0, 2.25, 0.1, 7.0, -7.5]),
        'f32': np.array([[0.1, -2.0, 3.3, 0.7], [1.9, 0.2, -1.0, 4.4]], dtype=np.float32),
        'i64': np.array([[5, 3, 9, 1], [2, 8, 2, 0], [7, 7, 1, 4]], dtype=np.int64),
        'u8': np.array([200, 3, 17, 3, 250], dtype=np.uint8),
        'bool': np.array([True, False, True]),
        'nan': np.array([[1.0, nan, 3.0], [2.0, 5.0, 4.0]]),
        '3d': np.arange(24, dtype=np.float64).reshape(2, 3, 4) ** 1.5,
    }
    for k, a in data.items():
        c.add(f'median {k}', G.fn('median', a))
        c.add(f'quantile {k} 0.3', G.fn('quantile', a, 0.3))
        c.add(f'percentile {k} list', G.fn('percentile', a, [0, 25, 50, 90, 100]))
        for ax in range(-1, a.ndim):
            c.add(f'median {k} axis={ax}', G.fn('median', a, axis=ax))
            c.add(f'percentile {k} axis={ax}', G.fn('percentile', a, 75, axis=ax))
            c.add(f'quantile {k} axis={ax} q=2-d', G.fn('quantile', a, np.array([[0.1, 0.5], [0.66, 1.0]]), axis=ax))
        c.add(f'median {k} keepdims', G.fn('median', a, axis=0, keepdims=True))
        c.add(f'median {k} None keepdims', G.fn('median', a, keepdims=True))
        c.add(f'percentile {k} keepdims', G.fn('percentile', a, [10, 60], axis=-1, keepdims=True))
    c.add('median list', G.fn('median', [3, 1, 4, 1, 5]))
    c.add('median 0-d', G.fn('median', np.array(2.5)))
    c.add('median empty', G.fn('median', np.zeros(0)))
    c.add('percentile out of range', G.fn('percentile', data['f64'], 101))
    c.add('quantile out of range', G.fn('quantile', data['f64'], [0.5, -0.1]))
    c.add('median axis out of bounds', G.fn('median', data['i64'], axis=2))
    nans = {
        'f64': np.array([[1.5, nan, 3.25], [nan, nan, nan], [0.1, 0.2, nan]]),
        'f32': np.array([[0.1, nan, 0.7, 0.3], [nan, 2.5, -1.0, nan]], dtype=np.float32),
        'i64': data['i64'], 'bool': np.array([[True, False], [True, True]]),
        'clean': np.arange(8, dtype=np.float64).reshape(2, 4) / 3,
    }
    for fname in ['nansum', 'nanmean', 'nanmax', 'nanmin']:
        for k, a in nans.items():
            c.add(f'{fname} {k}', G.fn(fname, a))
            for ax in (0, 1, -1):
                c.add(f'{fname} {k} axis={ax}', G.fn(fname, a, axis=ax))
            c.add(f'{fname} {k} keepdims', G.fn(fname, a, axis=0, keepdims=True))
        c.add(f'{fname} empty', G.fn(fname, np.zeros((0, 2)), axis=0))
        c.add(f'{fname} list', G.fn(fname, [1.0, nan, 4.0]))
    c.add('nansum dtype', G.fn('nansum', nans['f32'], dtype='float64'))
    c.add('nanmean dtype', G.fn('nanmean', nans['f32'], axis=1, dtype='float64'))


def gen_index_helpers(c):
    m = np.arange(12).reshape(3, 4)
    c.add('take flat', G.fn('take', m, [0, 5, -1]))
    c.add('take scalar', G.fn('take', m, 7))
    c.add('take axis=1', G.fn('take', m, [3, 0], axis=1))
    c.add('take axis=0 2-d indices', G.fn('take', m, [[0, 2], [1, 1]], axis=0))
    c.add('take axis=-1', G.fn('take', m.astype(np.float32), np.array([1]), axis=-1))
    c.add('take out of bounds', G.fn('take', m, [12]))
    c.add('take out of bounds axis', G.fn('take', m, [4], axis=1))
    c.add('take negative out of bounds', G.fn('take', m, [-4], axis=0))
    c.add('take bad axis', G.fn('take', m, [0], axis=2))
    c.add('unravel_index scalar', G.fn('unravel_index', 7, (3, 4)))
    c.add('unravel_index array', G.fn('unravel_index', np.array([0, 5, 11]), (3, 4)))
    c.add('unravel_index 2-d', G.fn('unravel_index', np.array([[1, 22], [7, 3]]), (2, 3, 4)))
    c.add('unravel_index int shape', G.fn('unravel_index', 3, 5))
    c.add('unravel_index out of bounds', G.fn('unravel_index', 12, (3, 4)))
    c.add('unravel_index negative', G.fn('unravel_index', -1, (3, 4)))
    c.add('unravel_index argmax', G.fn('unravel_index', int(np.argmax(m)), m.shape))


def write(name, gen):
    c = G.Category(name)
    gen(c)
    head = json.dumps({'numpy': np.__version__, 'category': name})[:-1]
    lines = [json.dumps(case, allow_nan=False, separators=(',', ':')) for case in c.cases]
    with open(os.path.join(G.OUT, f'{name}.json'), 'w') as f:
        f.write(head + ', "cases": [\n' + ',\n'.join(lines) + '\n]}\n')
    print(f'{name} {len(c.cases)} cases, skipped {len(c.skipped)}', c.skipped)


def main():
    warnings.simplefilter('ignore')
    write('sorting', gen)
    write('statistics', gen_statistics)
    write('index_helpers', gen_index_helpers)


if __name__ == '__main__':
    main()
