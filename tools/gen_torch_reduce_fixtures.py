#!/usr/bin/python3
"""Float sum/mean/var/std fixtures for the torch facade: real torch 1.13 (Debian's python3-torch, one
thread) reduces seeded tensors (contiguous, transposed, permuted, strided) over every kind of
dim, and the exact float bits land in test/fixtures/torch_reduce.json, which
test/engine/torchReduce.test.ts replays through engine/torch/reduce.ts.
Run with `/usr/bin/python3 tools/gen_torch_reduce_fixtures.py`.

Each case: {"seed", "shape", "dtype", "view", "op" (sum/mean/var/std), "dim", "keepdim",
"correction"?, "result"}. The input is
torch.manual_seed(seed); x = torch.randn(shape) (float32; float64 cases use x.double() / 3),
then the view: "none", "T" (transpose(-1, -2)), "permute" (dims reversed), "step" (x[..., ::2])
or "offset" (x[..., 1:]). The result is {"shape", "bits"} with IEEE bits as hex (8 digits for
float32, 16 for float64) in C order; results over 256 values keep the first and last 64 and
"fnv" (FNV-1a 32 over every value's 32-bit words).
"""
import json, os
import numpy as np
import torch

torch.set_num_threads(1)  # torch's reduction order over 32768+ elements depends on the thread count
OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'torch_reduce.json')
KEEP = 64

def fnv(words):
    h = 0x811c9dc5
    for w in words:
        h ^= int(w)
        h = (h * 0x01000193) & 0xffffffff
    return h

def encode(t):
    a = t.contiguous().numpy().reshape(-1)
    if t.dtype == torch.float32:
        vals = [format(int(v), '08x') for v in a.view(np.uint32)]
    else:
        vals = [format(int(v), '016x') for v in a.view(np.uint64)]
    res = {'shape': list(t.shape)}
    if len(vals) > 4 * KEEP:
        res.update(head=vals[:KEEP], tail=vals[-KEEP:], fnv=format(fnv(a.view(np.uint32)), '08x'), count=len(vals))
    else:
        res['bits'] = vals
    return res

def make(seed, shape, dtype, view):
    torch.manual_seed(seed)
    x = torch.randn(*shape)
    if dtype == 'float64':
        x = x.double() / 3
    if view == 'T': x = x.transpose(-1, -2)
    elif view == 'permute': x = x.permute(*reversed(range(x.dim())))
    elif view == 'step': x = x[..., ::2]
    elif view == 'offset': x = x[..., 1:]
    return x

cases = []
def add(seed, shape, dtype, view, op, dim, keepdim=False, correction=None):
    x = make(seed, shape, dtype, view)
    f = getattr(x, op)
    if dim is None:
        r = f() if correction is None else f(unbiased=bool(correction))
    else:
        r = f(dim=dim, keepdim=keepdim, **({} if correction is None else {'correction': correction}))
    case = {'seed': seed, 'shape': shape, 'dtype': dtype, 'view': view, 'op': op,
            'dim': dim, 'keepdim': keepdim, 'result': encode(r)}
    if correction is not None:
        case['correction'] = correction
    cases.append(case)

SHAPES = [[12], [4, 3], [7], [8], [9], [17], [64], [100], [1000], [3, 5, 7], [2, 3, 4, 5],
          [16, 16], [33, 70], [64, 784], [40, 9], [9, 40], [10, 1, 8], [128, 300], [5, 3000], [20000], [150000], [256, 256]]
for seed in [0, 1]:
    for dtype in ['float32', 'float64']:
        for shape in SHAPES:
            views = ['none', 'step', 'offset'] + (['T', 'permute'] if len(shape) >= 2 else [])
            for view in views:
                if view != 'none' and shape[-1] < 2: continue
                for op in ['sum', 'mean']:
                    add(seed, shape, dtype, view, op, None)
                nd = len(shape)
                for d in range(nd):
                    add(seed, shape, dtype, view, 'sum', d, keepdim=(d % 2 == 1))
                    add(seed, shape, dtype, view, 'mean', d - nd)
                if nd >= 2:
                    add(seed, shape, dtype, view, 'sum', [0, nd - 1])
                    add(seed, shape, dtype, view, 'mean', list(range(1, nd)), keepdim=True)
# var/std: a double Welford per output over dims; over everything a two-pass sum in double
VAR_SHAPES = [[12], [4, 3], [17], [100], [3, 5, 7], [2, 3, 4, 5], [33, 70], [64, 784], [10, 1, 8], [5, 3000], [20000]]
for seed in [0, 1]:
    for dtype in ['float32', 'float64']:
        for shape in VAR_SHAPES:
            for view in ['none', 'step'] + (['T'] if len(shape) >= 2 else []):
                nd = len(shape)
                for op in ['var', 'std']:
                    add(seed, shape, dtype, view, op, None)
                    add(seed, shape, dtype, view, op, None, correction=0)
                    for d in range(nd):
                        add(seed, shape, dtype, view, op, d, keepdim=(d % 2 == 0))
                    if nd >= 2:
                        add(seed, shape, dtype, view, op, [0, nd - 1], correction=0)
                        add(seed, shape, dtype, view, op, list(range(1, nd)))
with open(OUT, 'w') as f:
    json.dump({'generator': 'tools/gen_torch_reduce_fixtures.py', 'torch': torch.__version__, 'cases': cases}, f, indent=None)
    f.write('\n')
print(len(cases), 'cases ->', OUT)
