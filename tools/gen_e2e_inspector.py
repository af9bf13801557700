#!/usr/bin/python3
"""Expected values for the inspector's end-to-end UI test (test/e2e/ui.mjs), from real NumPy.

Writes test/e2e/fixtures/inspector.json: the program the test opens in code-server, and what
NumPy says about it — the inspected array's shape, dtype, byte strides and size, each cell's
text as the table shows it (8 significant digits, Python's float repr), and the shapes the
explainers must show. Run with Debian's NumPy 1.24: /usr/bin/python3 tools/gen_e2e_inspector.py
"""
import json
import pathlib

import numpy as np

PROGRAM = """import numpy as np

W = np.linspace(-1.0, 1.0, 12).reshape(3, 4) ** 3
v = np.arange(4.0)
s = W + v
x = np.ones((4, 2))
y = W @ x
"""

env = {}
exec(PROGRAM, env)  # the test's own fixed program, not user input
W, v, s, x, y = (env[k] for k in ('W', 'v', 's', 'x', 'y'))


def cell(value):
    return repr(float(format(float(value), '.8g')))


def shape(t):
    return str(tuple(t))


lines = PROGRAM.split('\n')
out = {
    'numpy': np.__version__,
    'file': 'inspect_me.py',
    'program': PROGRAM,
    'inspect': {
        'name': 'W',
        'line': next(i + 1 for i, l in enumerate(lines) if l.startswith('W = ')),
        'shape': shape(W.shape),
        'dtype': str(W.dtype),
        'strides': f'{shape(W.strides)} bytes',
        'size': str(W.size),
        'cells': [{'r': r, 'c': c, 'text': cell(W[r, c])} for r in range(W.shape[0]) for c in range(W.shape[1])],
    },
    'matmul': {
        'line': next(i + 1 for i, l in enumerate(lines) if l.startswith('y = ')),
        'column': lines[next(i for i, l in enumerate(lines) if l.startswith('y = '))].index('@') + 1,
        'outcome': f'Result shape {shape(y.shape)}',
        'equation': f'W {shape(W.shape)} @ x {shape(x.shape)} → {shape(y.shape)}',
    },
    'broadcast': {
        'line': next(i + 1 for i, l in enumerate(lines) if l.startswith('s = ')),
        'column': lines[next(i for i, l in enumerate(lines) if l.startswith('s = '))].index('+') + 1,
        'outcome': f'Result shape {shape(s.shape)}',
    },
}
dest = pathlib.Path(__file__).resolve().parent.parent / 'test' / 'e2e' / 'fixtures' / 'inspector.json'
dest.write_text(json.dumps(out, indent=1) + '\n')
print(f'wrote {dest}')
