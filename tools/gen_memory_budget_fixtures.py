#!/usr/bin/env python3
"""What NumPy 1.24 / torch 1.13 say when a program's arrays exhaust the memory it may use:
the programs of test/interpreter/memoryBudget.test.ts run under CPython with an address-space
limit (RLIMIT_AS, standing in for the worker's live-array budget); records stdout, the last
line of stderr and the exit code.
Run: /usr/bin/python3 tools/gen_memory_budget_fixtures.py  (writes test/fixtures/memory_budget.json)"""
import json
import os
import resource
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MiB = 1 << 20

# name -> (program, address-space limit). torch needs ~1 GB of address space to import.
PROGRAMS = {
    'numpy append 80 MB arrays': ('import numpy as np\nxs = []\nwhile True:\n    xs.append(np.ones(10**7))\n', 768 * MiB),
    'numpy allocate and drop 80 MB arrays 50 times': (
        'import numpy as np\ntotal = 0.0\nfor i in range(50):\n    a = np.zeros(10**7)\n    total += a[-1] + 1\nprint(total)\n', 768 * MiB),
    'numpy fill and drop 80 MB arrays 8 times': (
        'import numpy as np\ntotal = 0.0\nfor i in range(8):\n    a = np.ones(10**7)\n    total += a[-1]\nprint(total)\n', 768 * MiB),
    'numpy one huge array': ('import numpy as np\nx = np.ones(10**12)\n', 768 * MiB),
    'numpy 3-d array past the budget': ('import numpy as np\nxs = []\nwhile True:\n    xs.append(np.full((100, 1000, 100), 2.5, dtype=np.float32))\n', 768 * MiB),
    'torch append 80 MB tensors': (
        'import torch\nxs = []\nwhile True:\n    xs.append(torch.ones(10**7, dtype=torch.float64))\n', 1536 * MiB),
    'torch append 40 MB float32 tensors': (
        'import torch\nxs = []\nwhile True:\n    xs.append(torch.zeros(10**7))\n', 1536 * MiB),
}


def run(src, limit):
    def preexec():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    p = subprocess.run(['/usr/bin/python3', '-c', src], capture_output=True, timeout=120, preexec_fn=preexec,
                       env={'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8', 'OMP_NUM_THREADS': '1'}, stdin=subprocess.DEVNULL)
    err = p.stderr.decode('utf-8', 'replace').rstrip('\n').split('\n')
    return {'stdout': p.stdout.decode('utf-8', 'replace'), 'lastLine': err[-1] if p.returncode else '', 'exitCode': p.returncode}


out = {name: {'src': src, **run(src, limit)} for name, (src, limit) in PROGRAMS.items()}
with open(os.path.join(ROOT, 'test', 'fixtures', 'memory_budget.json'), 'w') as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write('\n')
for name, r in out.items():
    print(f'{name}: exit {r["exitCode"]} {r["lastLine"]}')
