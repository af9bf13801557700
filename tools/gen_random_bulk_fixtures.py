#!/usr/bin/python3
"""Writes test/fixtures/random_bulk.json: long runs of np.random normals and uniform doubles
answered by real NumPy 1.24, for test/engine/randomBulk.test.ts. The engine makes them a block at a
time (engine/random/wasmKernels.ts), so these runs cross block boundaries, start with the
legacy gaussian cache full and MT19937 at an odd word, and end with an odd count.

Each bulk call is recorded by its length, a checksum of every value (the sum of the float64
values' little-endian uint32 words, mod 2**32), and some values in full (every 499th, the
ones around multiples of 8192 and 16384, the last few); small calls that follow are recorded
in full, and so is the generator's state at the end, so the number of draws consumed is
checked too. Floats are written with Python's repr, which round-trips exactly.
Run: /usr/bin/python3 tools/gen_random_bulk_fixtures.py (needs NumPy 1.24.x).
"""

import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'random_bulk.json')


def checksum(x):
    return int(np.ascontiguousarray(x, dtype=np.float64).view(np.uint32).astype(np.uint64).sum() % 2**32)


def sample_indices(n):
    idx = set(range(0, n, 499)) | set(range(max(0, n - 5), n))
    for b in range(8192, n + 8, 8192):
        idx |= set(range(max(0, b - 3), min(n, b + 3)))
    return sorted(idx)


def bulk(obj, method, *args):
    x = getattr(obj, method)(*args)
    n = x.size
    return {'method': method, 'args': list(args), 'n': n, 'checksum': checksum(x),
            'samples': [[i, float(x.flat[i])] for i in sample_indices(n)]}


def small(obj, method, *args):
    x = getattr(obj, method)(*args)
    return {'method': method, 'args': list(args), 'values': [float(v) for v in np.ravel(x)]}


def legacy_state(rs):
    _, key, pos, has_gauss, gauss = rs.get_state()
    return {'key': [int(k) for k in key], 'pos': int(pos), 'has_gauss': int(has_gauss), 'gauss': float(gauss)}


def generator_state(g):
    s = g.bit_generator.state['state']
    return {'state': str(s['state']), 'inc': str(s['inc'])}


def main():
    cases = []

    rs = np.random.RandomState(0)
    steps = [bulk(rs, 'randn', 40001), small(rs, 'randn', 5)]
    cases.append({'id': 'legacy randn 40001 then 5', 'kind': 'legacy', 'seed': 0, 'steps': steps, 'state': legacy_state(rs)})

    rs = np.random.RandomState(12345)
    steps = [small(rs, 'randint', 0, 10), small(rs, 'randn', 1), bulk(rs, 'randn', 33000), small(rs, 'random_sample', 3)]
    cases.append({'id': 'legacy randn from an odd MT19937 word and a full cache', 'kind': 'legacy', 'seed': 12345,
                  'steps': steps, 'state': legacy_state(rs)})

    rs = np.random.RandomState(2024)
    steps = [bulk(rs, 'standard_normal', 16384), bulk(rs, 'randn', 16385), small(rs, 'randn', 2),
             bulk(rs, 'normal', 3, 0.5, 20001), small(rs, 'randn', 1), small(rs, 'randint', 0, 10),
             bulk(rs, 'rand', 20001), small(rs, 'rand', 1)]
    cases.append({'id': 'legacy standard_normal at the block size and one past', 'kind': 'legacy', 'seed': 2024,
                  'steps': steps, 'state': legacy_state(rs)})

    g = np.random.default_rng(0)
    steps = [bulk(g, 'standard_normal', 40001), small(g, 'random', 3)]
    cases.append({'id': 'default_rng standard_normal 40001', 'kind': 'generator', 'seed': 0, 'steps': steps,
                  'state': generator_state(g)})

    g = np.random.default_rng(99)
    steps = [small(g, 'random', 1), bulk(g, 'standard_normal', 16384), bulk(g, 'standard_normal', 16385),
             small(g, 'standard_normal', 2), bulk(g, 'normal', 1, 2, 20001), small(g, 'random', 1),
             bulk(g, 'random', 20001), small(g, 'random', 1)]
    cases.append({'id': 'default_rng standard_normal at the block size and one past', 'kind': 'generator', 'seed': 99,
                  'steps': steps, 'state': generator_state(g)})

    with open(OUT, 'w') as f:
        json.dump({'numpy': np.__version__, 'cases': cases}, f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
