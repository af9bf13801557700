#!/usr/bin/python3
"""Fixtures for live debugging, from real NumPy 1.24 / torch 1.13 (Debian's python3-numpy,
python3-torch). Run with `/usr/bin/python3 tools/gen_debug_fixtures.py`; tests never run it.

test/fixtures/debug_chunks.json — what `x.tobytes()` is for each dtype and byte order the
  live inspector decodes: {"cases": [{"typestr": "<f4", "b64": base64 of tobytes(),
  "values": tolist() with floats "nan"/"inf"/"-inf" as strings, bools as 0/1}]}.
  test/extension-debug/chunks.test.ts decodes `b64` and compares with `values`.

test/fixtures/debug_frame.json — the frame of test/workspace/train_debug.py at the line marked
  `# breakpoint`, captured with sys.settrace while the script really runs: {"line": 1-based,
  "locals": {name: {"kind": "numpy"|"torch"|"other", "type": class name, "dtype", "shape",
  "shape_repr" (Python's str of the shape tuple), "strides" (bytes), "values"? (C order, when at most 1000), "sha256" (of the C-order values as
  little-endian float64), "head" (first 16 values)}}}. The e2e suite compares what Inspect in
  Shape Lens fetches through debugpy with it.
"""

import base64
import hashlib
import json
import os
import sys

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SCRIPT = os.path.join(ROOT, 'test', 'workspace', 'train_debug.py')


def enc(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        if v != v:
            return 'nan'
        if v in (float('inf'), float('-inf')):
            return 'inf' if v > 0 else '-inf'
    return v


def chunk_cases():
    i64 = np.iinfo(np.int64)
    arrays = [
        np.array([True, False, True, True], dtype=np.bool_),
        np.array([-128, -1, 0, 1, 127], dtype=np.int8),
        np.array([0, 1, 200, 255], dtype=np.uint8),
        np.array([-32768, -2, 0, 32767], dtype=np.int16),
        np.array([0, 1, 65535], dtype=np.uint16),
        np.array([-2147483648, -5, 0, 2147483647], dtype=np.int32),
        np.array([0, 7, 4294967295], dtype=np.uint32),
        np.array([-(2 ** 53), -3, 0, 2 ** 53, 123456789012], dtype=np.int64),
        np.array([0, 5, 2 ** 53], dtype=np.uint64),
        np.array([0.1, -0.0, 1e-45, 3.4028235e38, np.nan, np.inf, -np.inf, -2.5], dtype=np.float32),
        np.array([0.1, -0.0, 5e-324, 1.7976931348623157e308, np.nan, np.inf, -np.inf, 1 / 3], dtype=np.float64),
        # the other byte order: what a big-endian dtype's tobytes() gives
        np.array([0.1, -2.5, np.inf], dtype='>f4'),
        np.array([1 / 3, -0.0, np.nan], dtype='>f8'),
        np.array([-(2 ** 40), -1, 7], dtype='>i8'),
        np.array([1, 258, 65535], dtype='>u2'),
        np.array([-2, 70000], dtype='>i4'),
        np.array([2 ** 63 - 1, i64.min], dtype='<i8'),
    ]
    cases = []
    for a in arrays:
        cases.append({
            'typestr': a.dtype.str,
            'b64': base64.b64encode(a.tobytes()).decode('ascii'),
            'values': [enc(v) for v in a.astype(np.float64 if a.dtype.kind == 'f' else a.dtype.newbyteorder('=')).tolist()],
        })
    return {'cases': cases}


def describe(v):
    if isinstance(v, torch.Tensor):
        a = v.detach().cpu().numpy()
        d = {'kind': 'torch', 'type': type(v).__name__, 'dtype': str(v.dtype).replace('torch.', ''),
             'shape': list(v.shape), 'shape_repr': str(tuple(v.shape)), 'strides': [s * v.element_size() for s in v.stride()]}
    elif isinstance(v, np.ndarray):
        a = v
        d = {'kind': 'numpy', 'type': type(v).__name__, 'dtype': v.dtype.name, 'shape': list(v.shape), 'shape_repr': str(v.shape),
             'strides': list(v.strides)}
    else:
        return {'kind': 'other', 'type': type(v).__name__}
    flat = np.ascontiguousarray(a).reshape(-1)
    as_f64 = flat.astype('<f8')
    d['sha256'] = hashlib.sha256(as_f64.tobytes()).hexdigest()
    d['head'] = [enc(float(x)) for x in as_f64[:16]]
    if flat.size <= 1000:
        d['values'] = [enc(x) for x in flat.tolist()]
    return d


def frame_at_breakpoint():
    with open(SCRIPT) as f:
        src = f.read()
    line = next(i + 1 for i, l in enumerate(src.split('\n')) if l.rstrip().endswith('# breakpoint'))
    captured = {}

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != SCRIPT:
            return tracer
        if event == 'line' and frame.f_lineno == line and not captured:
            captured.update({k: describe(v) for k, v in frame.f_locals.items()})
        return tracer

    sys.settrace(tracer)
    try:
        exec(compile(src, SCRIPT, 'exec'), {'__name__': '__main__', '__file__': SCRIPT})
    finally:
        sys.settrace(None)
    assert captured, 'the breakpoint line never ran'
    return {'line': line, 'locals': dict(sorted(captured.items()))}


def write(name, obj):
    path = os.path.join(ROOT, 'test', 'fixtures', name)
    with open(path, 'w') as f:
        json.dump(obj, f, indent=1, allow_nan=False)
        f.write('\n')
    print('wrote', os.path.relpath(path, ROOT))


if __name__ == '__main__':
    write('debug_chunks.json', chunk_cases())
    write('debug_frame.json', frame_at_breakpoint())
