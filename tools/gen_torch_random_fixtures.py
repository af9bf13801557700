#!/usr/bin/python3
"""Seeded random fixtures for the torch facade: real torch 1.13 (Debian's python3-torch) runs
torch.manual_seed(seed) followed by a sequence of random calls, and the exact results land in
test/fixtures/torch_random.json, which test/engine/torchRandom.test.ts replays through
engine/torch/creation.ts. Run with `/usr/bin/python3 tools/gen_torch_random_fixtures.py`.

Each case: {"seed", "calls": [{"fn": "rand"|"randn"|"randint"|"randperm"|"normal"|"dropout"|
"bernoulli"|"uniform_"|"normal_T"|"multinomial",
"shape"|"n", "dtype", "low", "high", "mean", "std", "p"} (dropout applies to
tensor([i / 7 - 3 for i in range(n)])) | {"fn": "Linear"|"Conv2d", "in", "out", "kernel", "groups", "bias"}], "results":
[...]} (one result per tensor call; a layer contributes its weight, then its bias if any) where a float result is the IEEE bits as hex strings (8 digits
for float32, 16 for float64, flat C order) and an int result is a list of ints. Large results keep
their first and last 64 values plus "fnv": FNV-1a 32 over every value's bits as hex.
"""
import json, os
import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'torch_random.json')
KEEP = 64

def fnv(words):
    h = 0x811c9dc5
    for w in words:
        h ^= int(w)
        h = (h * 0x01000193) & 0xffffffff
    return h

def encode(t):
    if t.dtype in (torch.float32, torch.float64):
        bits = t.numpy().reshape(-1).view(np.uint32)  # float64 -> two uint32 words (little-endian)
        width = 8 if t.dtype == torch.float32 else 16
        if t.dtype == torch.float64:
            u64 = t.numpy().reshape(-1).view(np.uint64)
            vals = [format(int(v), '016x') for v in u64]
        else:
            vals = [format(int(v), '08x') for v in bits]
        res = {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape), 'count': t.numel()}
        if len(vals) > 2 * KEEP:
            res.update(head=vals[:KEEP], tail=vals[-KEEP:], fnv=format(fnv(bits), '08x'))
        else:
            res['bits'] = vals
        return res
    return {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape), 'ints': t.reshape(-1).tolist()}

def run(call):
    dt = getattr(torch, call.get('dtype', 'float32'))
    if call['fn'] == 'rand': return torch.rand(*call['shape'], dtype=dt)
    if call['fn'] == 'randn': return torch.randn(*call['shape'], dtype=dt)
    if call['fn'] == 'normal':
        return torch.normal(call['mean'], call['std'], size=tuple(call['shape']), dtype=dt)
    if call['fn'] == 'dropout':
        x = torch.tensor([i / 7 - 3 for i in range(call['shape'][0])], dtype=dt)
        return torch.nn.functional.dropout(x, call['p'])
    if call['fn'] == 'bernoulli':  # probabilities from rand in the call's dtype
        return torch.bernoulli(torch.rand(*call['shape'], dtype=dt))
    if call['fn'] == 'multinomial':  # probabilities from rand (zeroed where below 0.2)
        p = torch.rand(*call['shape'], dtype=dt)
        p[p < 0.2] = 0
        return torch.multinomial(p, call['n'], replacement=call['replacement'])
    if call['fn'] == 'uniform_':
        return torch.empty(*call['shape'], dtype=dt).uniform_(call['low'], call['high'])
    if call['fn'] == 'normal_T':  # normal_ through a transposed (non-contiguous) view
        t = torch.empty(*call['shape'], dtype=dt)
        t.T.normal_(call['mean'], call['std'])
        return t
    if call['fn'] == 'randint': return torch.randint(call['low'], call['high'], tuple(call['shape']))
    if call['fn'] == 'randperm': return torch.randperm(call['n'])
    if call['fn'] == 'Linear': return torch.nn.Linear(call['in'], call['out'], bias=call['bias'])
    if call['fn'] == 'Conv2d':
        return torch.nn.Conv2d(call['in'], call['out'], tuple(call['kernel']), groups=call['groups'], bias=call['bias'])
    raise ValueError(call)

SIZES = [[1], [3], [15], [16], [17], [100], [1000], [2, 3], [64, 784]]
cases = []
for seed in [0, 1, 42, 123456789, 2**32 + 5]:
    for fn in ['rand', 'randn']:
        for shape in SIZES:
            cases.append({'seed': seed, 'calls': [{'fn': fn, 'shape': shape}]})
    # the cached second normal of an odd-sized small randn carries into the next call
    cases.append({'seed': seed, 'calls': [{'fn': 'randn', 'shape': [3]}, {'fn': 'randn', 'shape': [1]},
                                          {'fn': 'rand', 'shape': [2]}, {'fn': 'randn', 'shape': [2]}]})
    cases.append({'seed': seed, 'calls': [{'fn': 'rand', 'shape': [5], 'dtype': 'float64'},
                                          {'fn': 'randn', 'shape': [5], 'dtype': 'float64'},
                                          {'fn': 'randn', 'shape': [40], 'dtype': 'float64'}]})
    cases.append({'seed': seed, 'calls': [{'fn': 'randint', 'low': 0, 'high': 10, 'shape': [20]},
                                          {'fn': 'randint', 'low': -5, 'high': 2**40, 'shape': [6]},
                                          {'fn': 'randperm', 'n': 1}, {'fn': 'randperm', 'n': 10},
                                          {'fn': 'randperm', 'n': 1000}]})
    # nn layer initialisation: kaiming_uniform_ on the weight, then uniform_ on the bias
    cases.append({'seed': seed, 'calls': [{'fn': 'Linear', 'in': 4, 'out': 3, 'bias': True},
                                          {'fn': 'Linear', 'in': 784, 'out': 64, 'bias': True},
                                          {'fn': 'Linear', 'in': 7, 'out': 5, 'bias': False},
                                          {'fn': 'Conv2d', 'in': 3, 'out': 8, 'kernel': [3, 3], 'groups': 1, 'bias': True},
                                          {'fn': 'Conv2d', 'in': 4, 'out': 6, 'kernel': [3, 5], 'groups': 2, 'bias': True},
                                          {'fn': 'randn', 'shape': [3]}]})

# the AVX2 float32 normal kernel: whole blocks of 16, a recomputed tail, and large sizes
for seed in [0, 7, 2024]:
    for n in [16, 31, 32, 33, 47, 255, 4096, 10007, 100000]:
        cases.append({'seed': seed, 'calls': [{'fn': 'randn', 'shape': [n]}]})
    # float64: normal_fill in double with glibc's log/sin/cos, and the per-element path below 16
    cases.append({'seed': seed, 'calls': [{'fn': 'randn', 'shape': [n], 'dtype': 'float64'} for n in [7, 16, 47, 4096, 100000]]
                 + [{'fn': 'normal', 'mean': -1.5, 'std': 0.3, 'shape': [n], 'dtype': 'float64'} for n in [9, 1000]]})
    cases.append({'seed': seed, 'calls': [{'fn': 'normal', 'mean': 0.5, 'std': 2.0, 'shape': [1000]},
                                          {'fn': 'normal', 'mean': -3.25, 'std': 0.1, 'shape': [37]},
                                          {'fn': 'normal', 'mean': 1.0, 'std': 3.0, 'shape': [5]},
                                          {'fn': 'normal', 'mean': 0.3, 'std': 1.7, 'shape': [3], 'dtype': 'float64'},
                                          {'fn': 'normal', 'mean': 0.3, 'std': 1.7, 'shape': [100], 'dtype': 'float64'}]})
    # dropout's mask is bernoulli_(1 - p) on a float tensor (rand double < 1 - p), then noise / (1 - p) * x
    cases.append({'seed': seed, 'calls': [{'fn': 'dropout', 'p': p, 'shape': [n]} for p, n in
                                          [(0.5, 10), (0.3, 1000), (0.1, 77), (0.9, 64), (0.25, 33)]]
                 + [{'fn': 'dropout', 'p': 0.2, 'shape': [50], 'dtype': 'float64'}]})

for seed in [0, 7]:
    cases.append({'seed': seed, 'calls': [{'fn': 'bernoulli', 'shape': [40]}, {'fn': 'bernoulli', 'shape': [3, 7], 'dtype': 'float64'},
                                          {'fn': 'uniform_', 'shape': [50], 'low': -2.5, 'high': 0.75},
                                          {'fn': 'uniform_', 'shape': [9], 'low': -1, 'high': 1, 'dtype': 'float64'},
                                          {'fn': 'normal_T', 'shape': [6, 5], 'mean': 0.5, 'std': 2.0}]})

for seed in [0, 3, 99]:
    cases.append({'seed': seed, 'calls': [{'fn': 'multinomial', 'shape': shape, 'n': n, 'replacement': rep, 'dtype': dt}
                                          for shape, n, rep, dt in [([10], 1, False, 'float32'), ([10], 4, False, 'float32'),
                                                                    ([10], 20, True, 'float32'), ([3, 6], 2, False, 'float32'),
                                                                    ([3, 6], 5, True, 'float64'), ([50], 50, False, 'float64'),
                                                                    ([2, 1000], 30, True, 'float32'), ([1000], 7, False, 'float32'),
                                                                    # zero-probability ties past the nonzero ones, in topk's (libstdc++'s) order
                                                                    ([30], 30, False, 'float32'), ([200], 190, False, 'float32'),
                                                                    ([4, 90], 80, False, 'float64'), ([400], 5, False, 'float32')]]})

def results(value):
    """A layer records its weight then its bias (when it has one)."""
    if isinstance(value, torch.nn.Module):
        return [encode(p.detach()) for p in value.parameters()]
    return [encode(value)]

for c in cases:
    torch.manual_seed(c['seed'])
    c['results'] = [r for call in c['calls'] for r in results(run(call))]
with open(OUT, 'w') as f:
    json.dump({'generator': 'tools/gen_torch_random_fixtures.py', 'torch': torch.__version__, 'cases': cases}, f, indent=None)
    f.write('\n')
print(len(cases), 'cases ->', OUT)
