#!/usr/bin/python3
"""Differential fixtures for `a[idx]` with one integer index array on the first axis, the
fast path of engine/ops/takeRows.ts: np.eye(n)[labels] (the one-hot idiom, sparse and
shifted-identity kernels), mostly-zero tables with -0.0/nan, dense rows short and long,
negative and out-of-bounds indices (which bad index NumPy names), strided and 2-d index
arrays, index dtypes, and source views. Index arrays are long enough (>= 16 x the indexed
axis) for the sparse kernels to engage. Real NumPy 1.24 answers, in the format of
tools/gen_engine_fixtures.py (whose encoder this reuses): test/fixtures/engine/take_rows.json,
replayed by test/engine/differential.test.ts.
Run `/usr/bin/python3 tools/gen_take_rows_fixtures.py`.
"""
import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_engine_fixtures as G  # noqa: E402

S = slice


def labels(n, k, seed, dtype='int64', neg=False):
    """n labels in [0, k) (or [-k, k) with neg), seeded."""
    rng = np.random.RandomState(seed)
    lo = -k if neg else 0
    return rng.randint(lo, k, n).astype(dtype)


def with_at(x, at):
    """x with x[i] = v for each (i, v) in at."""
    x = x.copy()
    for i, v in at:
        x[i] = v
    return x


def gen_one_hot(c):
    L = labels(100, 5, 1)
    c.add('eye(5)[labels]', G.getitem(np.eye(5), L))
    c.add('eye(5)[labels with negatives]', G.getitem(np.eye(5), labels(100, 5, 2, neg=True)))
    c.add('eye(5)[labels, a negative after row 80]', G.getitem(np.eye(5), with_at(L, [(81, -1)])))
    c.add('eye(5)[labels, 5 at row 80]', G.getitem(np.eye(5), with_at(L, [(80, 5)])))
    c.add('eye(5)[labels, -6 then 5]', G.getitem(np.eye(5), with_at(L, [(30, -6), (90, 5)])))
    c.add('eye(5)[labels, 5 then -6]', G.getitem(np.eye(5), with_at(L, [(30, 5), (90, -6)])))
    c.add('eye(5)[labels, -2 then 7]', G.getitem(np.eye(5), with_at(L, [(10, -2), (85, 7)])))
    c.add('eye(5)[labels, 2**40]', G.getitem(np.eye(5), with_at(L, [(95, 2 ** 40)])))
    c.add('eye(5)[labels, -2**40]', G.getitem(np.eye(5), with_at(L, [(5, -2 ** 40)])))
    c.add('eye(5, k=1)[labels]', G.getitem(np.eye(5, k=1), labels(100, 5, 3, neg=True)))
    c.add('eye(5, k=-1)[labels]', G.getitem(np.eye(5, k=-1), labels(100, 5, 4)))
    c.add('eye(4, 6, k=2)[labels]', G.getitem(np.eye(4, 6, k=2), labels(80, 4, 5, neg=True)))
    c.add('eye(4, 6, k=2)[labels, 4 at row 70]', G.getitem(np.eye(4, 6, k=2), with_at(labels(80, 4, 5), [(70, 4)])))
    for dt in ['int32', 'bool', 'float32', 'uint8', 'int64']:
        c.add(f'eye(4, dtype={dt})[labels]', G.getitem(np.eye(4, dtype=dt), labels(70, 4, 6, neg=True)))
    c.add('(eye(5) * 2.5)[labels]', G.getitem(np.eye(5) * 2.5, L))
    minus_zero_diag = np.where(np.eye(5) == 1, -0.0, 0.0)
    c.add('eye(5) with -0.0 on the diagonal [labels]', G.getitem(minus_zero_diag, L))
    c.add('(eye(5) * -0.0)[labels] (all -0.0: dense)', G.getitem(np.eye(5) * -0.0, L))
    t = np.zeros((3, 8))
    t[0, 1], t[1, 2], t[2, 7] = -0.0, np.nan, 5.0
    c.add('zeros with -0.0, nan, 5 [labels]', G.getitem(t, labels(60, 3, 7, neg=True)))
    t2 = np.zeros((4, 8))
    t2[0, 1], t2[0, 6], t2[1, 3], t2[3, 0], t2[3, 7] = 1, 2, 3, 4, np.inf
    c.add('two per row, one row empty [labels]', G.getitem(t2, labels(80, 4, 8, neg=True)))
    t3 = np.zeros((3, 8))
    t3[0, 1], t3[1, 2], t3[2, 3] = 1.0, 1.0, 2.0
    c.add('shifted diagonal, values differ [labels]', G.getitem(t3, labels(60, 3, 9)))
    c.add('eye(5) with two in row 0 (over a quarter: dense) [labels]', G.getitem(np.eye(5) + np.eye(5, k=1) * (np.arange(5) == 0)[:, None], L))
    # rows up to 16 long are zeroed by stores into an uninitialised result; longer ones zero-filled
    c.add('eye(16)[labels with negatives] (longest store-zeroed rows)', G.getitem(np.eye(16), labels(300, 16, 40, neg=True)))
    c.add('eye(16, dtype=float32)[labels, -17 at row 200]', G.getitem(np.eye(16, dtype='float32'), with_at(labels(300, 16, 41), [(200, -17)])))
    c.add('eye(17)[labels with negatives] (zero-filled rows)', G.getitem(np.eye(17), labels(300, 17, 42, neg=True)))
    c.add('eye(17)[labels, 17 at row 250]', G.getitem(np.eye(17), with_at(labels(300, 17, 43), [(250, 17)])))
    t4 = np.zeros((3, 20), dtype='int16')
    t4[0, 0], t4[0, 19], t4[1, 5], t4[2, 9], t4[2, 10] = 7, -3, 1, 2, 4
    c.add('int16 rows of 20, two per row [labels]', G.getitem(t4, labels(60, 3, 44, neg=True)))
    t5 = np.zeros((3, 12), dtype='uint8')
    t5[0, 11], t5[1, 0], t5[1, 6], t5[2, 3] = 9, 1, 255, 4
    c.add('uint8 rows of 12, two per row [labels]', G.getitem(t5, labels(60, 3, 45, neg=True)))


def gen_index_shapes(c):
    L = labels(100, 5, 10)
    c.add('eye(5)[labels[::2]]', G.getitem(np.eye(5), G.View(labels(200, 5, 11), S(None, None, 2))))
    c.add('eye(5)[labels[::-1]]', G.getitem(np.eye(5), G.View(L, S(None, None, -1))))
    c.add('eye(5)[labels[5:]]', G.getitem(np.eye(5), G.View(labels(110, 5, 12), S(5, None))))
    c.add('eye(5)[2-d labels]', G.getitem(np.eye(5), labels(100, 5, 13).reshape(10, 10)))
    c.add('eye(5)[2-d labels .T]', G.getitem(np.eye(5), G.View(labels(100, 5, 14).reshape(10, 10), 'T')))
    c.add('eye(5)[2-d labels with a bad one]', G.getitem(np.eye(5), with_at(labels(100, 5, 15), [(63, 9)]).reshape(10, 10)))
    c.add('eye(5)[empty labels]', G.getitem(np.eye(5), np.zeros(0, dtype='int64')))
    c.add('eye(5)[labels, 0-d]', G.getitem(np.eye(5), np.array(2)))
    for dt in ['int32', 'uint8', 'int16', 'uint64', 'int8']:
        neg = not dt.startswith('u')
        c.add(f'eye(5)[labels {dt}]', G.getitem(np.eye(5), labels(100, 5, 16, dt, neg)))
    c.add('eye(5)[labels list]', G.getitem(np.eye(5), labels(100, 5, 17, neg=True).tolist()))
    c.add('eye(5)[labels, :]', G.getitem(np.eye(5), (L, S(None))))
    c.add('eye(5)[labels, 1]', G.getitem(np.eye(5), (L, 1)))
    c.add('eye(5)[:, labels]', G.getitem(np.eye(5), (S(None), L)))
    c.add('eye(5)[..., labels]', G.getitem(np.eye(5), (Ellipsis, L)))
    c.add('eye(5)[labels, None]', G.getitem(np.eye(5), (L, None)))


def gen_sources(c):
    L = labels(100, 5, 20, neg=True)
    c.add('eye(5)[::-1][labels]', G.getitem(G.View(np.eye(5), S(None, None, -1)), L))
    c.add('eye(10)[:, ::2][labels]', G.getitem(G.View(np.eye(10), (S(None), S(None, None, 2))), labels(200, 10, 21, neg=True)))
    c.add('eye(10)[:, ::-2][labels]', G.getitem(G.View(np.eye(10), (S(None), S(None, None, -2))), labels(200, 10, 22, neg=True)))
    c.add('eye(5).T[labels]', G.getitem(G.View(np.eye(5), 'T'), L))
    c.add('eye(7)[1:6][labels]', G.getitem(G.View(np.eye(7), S(1, 6)), L))
    c.add('eye(7)[1:6][labels, 5 at row 20]', G.getitem(G.View(np.eye(7), S(1, 6)), with_at(L, [(20, 5)])))
    c.add('eye(5)[None][labels] (size-1 axis)', G.getitem(G.View(np.eye(5), None), labels(40, 1, 23)))
    c.add('eye(5)[None][labels, 1 at row 3]', G.getitem(G.View(np.eye(5), None), with_at(labels(40, 1, 24), [(3, 1)])))
    c.add('eye(5)[:, None][labels] (3-d, size-1 middle axis)', G.getitem(G.View(np.eye(5), (S(None), None)), L))
    c.add('eye(5)[:, :0][labels] (empty rows)', G.getitem(G.View(np.eye(5), (S(None), S(0, 0))), L))


def gen_dense(c):
    A = np.arange(12).reshape(3, 4)
    L = labels(60, 3, 30, neg=True)
    c.add('arange(12).reshape(3,4)[labels]', G.getitem(A, L))
    c.add('arange(12).reshape(3,4)[labels, -4 at row 7]', G.getitem(A, with_at(L, [(7, -4)])))
    c.add('arange(12).reshape(3,4)[few labels]', G.getitem(A, np.array([2, -1, 0, -3])))
    c.add('arange(12).reshape(3,4)[few labels, bad]', G.getitem(A, np.array([2, -1, 3, -3])))
    c.add('arange(12).reshape(3,4)[few labels, -4 first]', G.getitem(A, np.array([0, -4, 5])))
    c.add('arange(10.)[labels] (one-element rows)', G.getitem(np.arange(10.0) * 1.5 - 3, labels(40, 10, 31, neg=True)))
    c.add('arange(10.)[labels, 10 at row 30]', G.getitem(np.arange(10.0), with_at(labels(40, 10, 31), [(30, 10)])))
    c.add('arange(24).reshape(2,3,4)[labels] (rows of 12)', G.getitem(np.arange(24).reshape(2, 3, 4), labels(50, 2, 32, neg=True)))
    c.add('arange(60).reshape(3,20)[labels] (rows of 20)', G.getitem(np.arange(60).reshape(3, 20), labels(50, 3, 33, neg=True)))
    c.add('arange(60.).reshape(3,20)[labels, bad]', G.getitem(np.arange(60.0).reshape(3, 20), with_at(labels(50, 3, 33), [(45, -9)])))
    c.add('arange(24).reshape(2,3,4)[:, :, ::2][labels] (rows that do not flatten)',
          G.getitem(G.View(np.arange(24).reshape(2, 3, 4), (S(None), S(None), S(None, None, 2))), labels(50, 2, 34, neg=True)))
    c.add('arange(24).reshape(4,6)[:, ::3][labels] (strided rows)',
          G.getitem(G.View(np.arange(24).reshape(4, 6), (S(None), S(None, None, 3))), labels(50, 4, 35, neg=True)))
    c.add('float32 rows [labels]', G.getitem(np.arange(12, dtype='float32').reshape(3, 4) / 7, L))
    c.add('bool rows [labels]', G.getitem(np.arange(12).reshape(3, 4) % 3 == 0, L))
    c.add('int8 rows [labels]', G.getitem((np.arange(12) - 6).astype('int8').reshape(3, 4), L))
    c.add('uint64 rows [labels]', G.getitem(np.arange(12, dtype='uint64').reshape(3, 4), L))


def main():
    warnings.simplefilter('ignore')
    c = G.Category('take_rows')
    for gen in (gen_one_hot, gen_index_shapes, gen_sources, gen_dense):
        gen(c)
    head = json.dumps({'numpy': np.__version__, 'category': 'take_rows'})[:-1]
    lines = [json.dumps(case, allow_nan=False, separators=(',', ':')) for case in c.cases]
    with open(os.path.join(G.OUT, 'take_rows.json'), 'w') as f:
        f.write(head + ', "cases": [\n' + ',\n'.join(lines) + '\n]}\n')
    print(f'take_rows {len(c.cases)} cases, skipped {len(c.skipped)}', c.skipped)


if __name__ == '__main__':
    main()
