#!/usr/bin/env python3
"""What scratch evaluation should report for a torch snippet, from real torch 1.13.

  /usr/bin/python3 tools/gen_torch_scratch_fixtures.py   # writes test/fixtures/torch_scratch.json

Each snippet runs statement by statement; for every top-level assignment or expression statement
we record, by the line it ends on, the value's type name, shape, dtype, repr() and elements (C
order) — what the extension's scratch evaluation shows at the end of that line. Also the program's
stdout. Values are deterministic (weights are set, nothing random is reported). Not needed to run
the tests.
"""
import ast
import contextlib
import io
import json
import os

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'torch_scratch.json')

SNIPPETS = {
    'mlp': '''import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.arange(12, dtype=torch.float32).view(3, 4)
layer = nn.Linear(4, 2)
with torch.no_grad():
    layer.weight.fill_(0.5)
    layer.bias.zero_()
h = layer(x)
probs = F.softmax(h, dim=1)
print(h.shape)
x.mean(dim=0)
mask = x > 5
idx = x.argmax(dim=1)
x @ x.T
batch = torch.from_numpy(np.ones((2, 3, 4))).permute(0, 2, 1)
''',
    'module': '''import torch
from torch import nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 5)
    def forward(self, x):
        return torch.relu(self.fc(x))
net = Net()
with torch.no_grad():
    net.fc.bias.copy_(torch.tensor([0.5, -0.5, 0.25, 0.0, 2.0]))
out = net(torch.zeros(7, 3))
n_params = sum(p.numel() for p in net.parameters())
shape = out.shape
''',
}


def describe(v):
    d = {'type': type(v).__name__, 'repr': repr(v)}
    if isinstance(v, torch.Tensor):
        d.update(shape=list(v.shape), dtype=str(v.dtype), values=v.detach().flatten().tolist())
        d['values'] = [float(x) for x in d['values']]
    return d


def run(src):
    tree = ast.parse(src)
    env = {}
    lines = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for stmt in tree.body:
            mod = ast.Module(body=[stmt], type_ignores=[])
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and getattr(stmt.value.func, 'id', '') == 'print':
                exec(compile(mod, '<scratch>', 'exec'), env)  # the extension shows print's output, not its None
                continue
            if isinstance(stmt, ast.Expr):
                value = eval(compile(ast.Expression(stmt.value), '<scratch>', 'eval'), env)
                lines[stmt.end_lineno] = describe(value)
                continue
            exec(compile(mod, '<scratch>', 'exec'), env)
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                lines[stmt.end_lineno] = describe(env[stmt.targets[0].id])
    return {'source': src, 'stdout': out.getvalue(), 'lines': lines}


def main():
    data = {name: run(src) for name, src in SNIPPETS.items()}
    with open(OUT, 'w') as fh:
        json.dump(data, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
