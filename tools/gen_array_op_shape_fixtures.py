#!/usr/bin/python3
"""Result shapes (or the exception type and text) of np.tile, np.repeat, np.diff, np.pad,
np.cumsum/cumprod, np.flip, np.roll, np.sort/argsort from real NumPy 1.24, for the shape rules
in engine/shape/arrayOps.ts and padding.ts that the analyzer calls:
test/fixtures/array_op_shapes.json, replayed by test/engine/shapeArrayOps.test.ts.
Run `/usr/bin/python3 tools/gen_array_op_shape_fixtures.py`.
"""
import json
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'array_op_shapes.json')

SHAPES = [(), (5,), (2, 3), (0, 4), (2, 1, 3)]


def outcome(f):
    try:
        r = f()
    except Exception as e:  # the type and NumPy's text are the expectation
        return {'error': type(e).__name__, 'message': str(e)}
    return {'result': list(np.shape(r))}


def jsonable(x):
    if isinstance(x, tuple):
        return [jsonable(v) for v in x]
    return x


def main():
    cases = []

    def add(op, shape, **args):
        a = np.ones(shape)
        fn = getattr(np, op)
        kw = {k: v for k, v in args.items()}
        res = outcome(lambda: fn(a, **kw))
        cases.append({'op': op, 'shape': list(shape), 'args': {k: jsonable(v) for k, v in args.items()}, **res})

    for s in SHAPES:
        for reps in [2, (2, 1), (2, 1, 2), (0,), (1,), (3, 2, 1, 1), -1, (2, -1)]:
            add('tile', s, reps=reps)
        for axis in [None, 0, 1, -1, 2, 3]:
            for repeats in [2, 0, [1, 2], [1, 2, 3], [3], -1]:
                add('repeat', s, repeats=repeats, axis=axis)
        for n in [0, 1, 2, 7, -1]:
            for axis in [-1, 0, 1, 3]:
                add('diff', s, n=n, axis=axis)
        for op in ['cumsum', 'cumprod', 'flip', 'sort', 'argsort']:
            for axis in [None, 0, 1, -1, 3, (0, 1)]:
                if op in ('cumsum', 'cumprod', 'sort', 'argsort') and isinstance(axis, tuple):
                    continue
                add(op, s, axis=axis)
        for axis in [None, 0, -1, 3, (0, 1)]:
            add('roll', s, shift=1, axis=axis)
        for w in [1, (1, 2), ((1, 2),), ((0, 0), (2, 1)), ((1,), (2,)), ((1, 2), (3, 4), (5, 6)), ((1, 2, 3),)]:
            add('pad', s, pad_width=w)
    for s in SHAPES:
        for op in ['triu', 'tril']:
            add(op, s, k=1)
    for sizes in [[], [3], [3, 4], [3, 4, 2], [0, 5]]:
        for indexing in ['xy', 'ij', 'yx']:
            for sparse in [False, True]:
                arrays = [np.arange(n) for n in sizes]
                try:
                    res = {'results': [list(a.shape) for a in np.meshgrid(*arrays, indexing=indexing, sparse=sparse)]}
                except Exception as e:  # the type and NumPy's text are the expectation
                    res = {'error': type(e).__name__, 'message': str(e)}
                cases.append({'op': 'meshgrid', 'shape': [], 'args': {'sizes': sizes, 'indexing': indexing, 'sparse': sparse}, **res})
    with open(OUT, 'w') as fh:
        json.dump(cases, fh, indent=0)
        fh.write('\n')
    print(len(cases), 'cases')


main()
