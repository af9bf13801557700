#!/usr/bin/env python3
"""What CPython 3.11 does with the containment attacks that CPython itself refuses
(test/fixtures/containment_attacks.json, entries with "expect": "cpython"): stdout, the last
line of stderr and the exit code, for test/reliability/containment.test.ts.
Run: /usr/bin/python3 tools/gen_containment_cpython.py  (writes test/fixtures/containment_cpython.json)
Each program runs in its own process with a 2 GB address-space limit and a 60 s timeout."""
import json
import os
import resource
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
attacks = json.load(open(os.path.join(ROOT, 'test', 'fixtures', 'containment_attacks.json')))['attacks']


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


out = {}
for a in attacks:
    if a['expect'] != 'cpython':
        continue
    p = subprocess.run(['/usr/bin/python3', '-c', a['src']], capture_output=True, timeout=60, preexec_fn=limit,
                       env={'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8'}, stdin=subprocess.DEVNULL)
    err = p.stderr.decode('utf-8', 'replace').rstrip('\n').split('\n')
    out[a['name']] = {'stdout': p.stdout.decode('utf-8', 'replace'), 'lastLine': err[-1], 'exitCode': p.returncode}
with open(os.path.join(ROOT, 'test', 'fixtures', 'containment_cpython.json'), 'w') as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write('\n')
print(len(out), 'attacks')
