"""Float summation order fixtures: NumPy's np.sum/mean/var/std of float data whose bits
depend on the order of additions (pairwise blocks, 8192-element chunks, axis order).
Inputs are rebuilt exactly in TS from the same formula: x[i] = ((i*7919) % 10007) / 10007
* 2**((i % 11) - 5) * (-1)**(i % 3 == 0), an exactly reproducible double.
Run: /usr/bin/python3 tools/gen_sum_order_fixtures.py  (writes test/fixtures/sum_order.json)"""
import json
import numpy as np


def data(n):
    i = np.arange(n, dtype=np.int64)
    x = ((i * 7919) % 10007).astype(np.float64) / 10007.0 * np.power(2.0, (i % 11) - 5)
    return np.where(i % 3 == 0, -x, x)


def enc(v):
    return float(v).hex()


cases = []
for n in [1, 5, 7, 8, 9, 16, 17, 100, 128, 129, 255, 1000, 8192, 8193, 20000, 100000]:
    for dt in ['float64', 'float32']:
        x = data(n).astype(dt)
        cases.append({'id': f'sum 1-D n={n} {dt}', 'n': n, 'shape': [n], 'dtype': dt, 'op': 'sum', 'axis': None,
                      'expected': [enc(np.sum(x))]})
        cases.append({'id': f'mean 1-D n={n} {dt}', 'n': n, 'shape': [n], 'dtype': dt, 'op': 'mean', 'axis': None,
                      'expected': [enc(np.mean(x))]})
        cases.append({'id': f'std 1-D n={n} {dt}', 'n': n, 'shape': [n], 'dtype': dt, 'op': 'std', 'axis': None,
                      'expected': [enc(np.std(x))]})
for shape in [(300, 5), (5, 300), (64, 130), (3, 20000), (20, 30, 40)]:
    n = int(np.prod(shape))
    for dt in ['float64', 'float32']:
        x = data(n).astype(dt).reshape(shape)
        for view in ['C', 'T']:
            v = x if view == 'C' else x.T
            for axis in [None, 0, 1, -1, (0, 1)]:
                for op in ['sum', 'mean', 'var']:
                    r = getattr(np, op)(v, axis=axis)
                    cases.append({'id': f'{op} {shape} {view} axis={axis} {dt}', 'n': n, 'shape': list(shape), 'dtype': dt,
                                  'view': view, 'op': op, 'axis': list(axis) if isinstance(axis, tuple) else axis,
                                  # first 100 results keep the file small; each is an independent order check
                                  'expected': [enc(t) for t in np.ravel(r)[:100]]})
with open('test/fixtures/sum_order.json', 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f, separators=(',', ':'))
print(len(cases), 'cases')
