// Limits and the sandbox: runaway loops, huge allocations, deep recursion, huge and binary
// sources, cancellation, output floods and escape attempts each end with a clear error,
// quickly, and the calling process carries on. Texts that CPython also prints are CPython's.

import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { runInWorker, runProgram, type RunResult } from '../../src/interpreter';
import { buildBundles } from './workerBundle';

let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

const inWorker = (src: string | Uint8Array, opts: Parameters<typeof runInWorker>[2] = {}): Promise<RunResult> =>
  runInWorker(src, 'limits.py', { workerPath, variables: false, ...opts });

const lastLine = (r: RunResult): string => r.stderr.trimEnd().split('\n').pop() ?? '';

describe('time limit', () => {
  it('ends `while True: pass` in process', () => {
    const t0 = Date.now();
    const r = runProgram('while True:\n    pass\n', { limits: { timeLimitMs: 300 } });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.error?.kind).toBe('timeout');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n    while True:\nTimeoutError: execution exceeded the 0.3 s time limit\n');
  });

  it('cannot be caught by `except Exception` or `except BaseException`', () => {
    const r = runProgram('n = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        print("caught")\n', { limits: { timeLimitMs: 200 } });
    expect(r.error?.kind).toBe('timeout');
    expect(r.stdout).toBe('');
  });

  it('ends a runaway program in a worker, with its traceback', async () => {
    const r = await inWorker('def spin():\n    x = 0\n    while True:\n        x += 1\n\nspin()\n', { limits: { timeLimitMs: 500 } });
    expect(r.error?.kind).toBe('timeout');
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "limits\.py", line 6, in <module>\n {4}spin\(\)\n {2}File "limits\.py", line 3, in spin\n {4}while True:\n/);
    expect(lastLine(r)).toBe('TimeoutError: execution exceeded the 0.5 s time limit');
  });

  it('terminates a worker stuck inside one long engine call', async () => {
    const t0 = Date.now();
    const r = await inWorker('import numpy as np\na = np.ones((3000, 3000))\nfor _ in range(1000):\n    b = a @ a\n', { limits: { timeLimitMs: 300 }, graceMs: 300 });
    expect(r.error?.kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(30000);
  });
});

describe('memory', () => {
  it("turns a huge array into NumPy's _ArrayMemoryError", () => {
    const r = runProgram('import numpy as np\nx = np.zeros((100000, 100000))\n');
    expect(lastLine(r)).toBe('numpy.core._exceptions._ArrayMemoryError: Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64');
    expect(r.error?.kind).toBe('memory');
  });

  it('refuses huge Python lists and strings quickly', () => {
    for (const src of ['x = [0] * 10**10\n', "s = 'a' * 10**10\n", "s = 'ab' * (2**40)\n", 'x = 10**10**10\n', 'x = 1 << 10**12\n']) {
      const t0 = Date.now();
      const r = runProgram(src);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(r.error?.type).toBe('MemoryError');
    }
  });

  it('stops an output flood', () => {
    const r = runProgram("while True:\n    print('x' * 1000)\n", { limits: { maxOutputBytes: 100000 } });
    expect(r.error?.kind).toBe('output-limit');
    expect(r.stdout.length).toBeLessThanOrEqual(100000);
  });
});

describe('recursion', () => {
  it('raises RecursionError at CPython depth in a worker', async () => {
    const r = await inWorker('def f(n):\n    return f(n + 1)\n\nf(0)\n');
    expect(r.stderr).toContain('  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n');
  });

  it('lets the program catch RecursionError and go on', async () => {
    const r = await inWorker('def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print("caught:", e)\nprint("alive")\n');
    expect(r.stdout).toBe('caught: maximum recursion depth exceeded\nalive\n');
  });

  it('survives JS stack exhaustion in process', () => {
    const r = runProgram('import sys\nsys.setrecursionlimit(20000)\ndef f(n):\n    return [f(n + 1)]\nf(0)\n');
    expect(lastLine(r)).toBe('RecursionError: maximum recursion depth exceeded');
  });
});

describe('sources', () => {
  it('refuses a 10 MB source with a clear error', () => {
    const src = 'x = 1\n'.repeat(10 * 1024 * 1024 / 6);
    const t0 = Date.now();
    const r = runProgram(src);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.error?.kind).toBe('memory');
    expect(r.stderr).toMatch(/^MemoryError: source is too large for Shape Lens \(10\.0 MB; the limit is 2 MB\)\n$/);
  });

  it("reports binary garbage as CPython's Non-UTF-8 SyntaxError", async () => {
    const bytes = new Uint8Array([0x78, 0x20, 0x3d, 0x20, 0x31, 0x0a, 0xff, 0xfe, ...randomBytes(500)]);
    const r = await inWorker(bytes);
    expect(r.stderr).toBe("SyntaxError: Non-UTF-8 code starting with '\\xff' in file limits.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n");
    expect(r.exitCode).toBe(1);
  });

  it('parses random printable garbage into a SyntaxError without throwing', () => {
    for (let seed = 0; seed < 20; seed++) {
      const chars = randomBytes(2000).toString('latin1').replace(/[^\x20-\x7e\n]/g, '(');
      const r = runProgram(chars);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/(SyntaxError|IndentationError|TabError|Error): /);
    }
  });

  it('reports null bytes', () => {
    const r = runProgram('x = 1\x00\n');
    expect(lastLine(r)).toBe('SyntaxError: source code cannot contain null bytes');
  });
});

describe('cancellation', () => {
  it('stops a running program when the signal aborts', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1500);
    const t0 = Date.now();
    const r = await inWorker('while True:\n    pass\n', { signal: ac.signal, limits: { timeLimitMs: 60000 } });
    expect(r.error?.kind).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  it('streams stdout while the program runs', async () => {
    const chunks: string[] = [];
    const r = await inWorker('for i in range(3):\n    print(i)\n', { onStdout: (c) => chunks.push(c) });
    expect(chunks.join('')).toBe('0\n1\n2\n');
    expect(r.stdout).toBe('0\n1\n2\n');
  });
});

describe('sandbox', () => {
  const cases: [string, string][] = [
    ["__import__('os')", "ModuleNotFoundError: No module named 'os'"],
    ['import subprocess', "ModuleNotFoundError: No module named 'subprocess'"],
    ['import socket', "ModuleNotFoundError: No module named 'socket'"],
    ["from os import system", "ModuleNotFoundError: No module named 'os'"],
    ["open('/etc/passwd')", "PermissionError: [Errno 13] Permission denied: '/etc/passwd' (Shape Lens runs code in a sandbox without file access)"],
    ["eval('1 + 1')", 'NotImplementedError: eval() is not available in Shape Lens (code runs in a sandbox without eval, files, processes or network)'],
    ["exec('import os')", 'NotImplementedError: exec() is not available in Shape Lens (code runs in a sandbox without eval, files, processes or network)'],
    ["compile('1', 'x', 'eval')", 'NotImplementedError: compile() is not available in Shape Lens (code runs in a sandbox without eval, files, processes or network)'],
    ['().__class__.__mro__[-1].__subclasses__()', "AttributeError: type object 'object' has no attribute '__subclasses__'"],
    ['(lambda: 0).__globals__', "AttributeError: 'function' object has no attribute '__globals__'"],
    ['print.__self__.open', "AttributeError: 'NoneType' object has no attribute 'open'"],
    ['type(print).__call__', "AttributeError: type object 'builtin_function_or_method' has no attribute '__call__'. Did you mean: '__hash__'?"],
    ['require', "NameError: name 'require' is not defined"],
    ['process', "NameError: name 'process' is not defined"],
    ['globalThis', "NameError: name 'globalThis' is not defined. Did you mean: 'globals'?"],
    ["getattr(0, 'constructor')", "AttributeError: 'int' object has no attribute 'constructor'"],
    ["[].__proto__", "AttributeError: 'list' object has no attribute '__proto__'"],
  ];
  for (const [src, last] of cases) {
    it(src, () => {
      const r = runProgram(`${src}\n`);
      expect(lastLine(r)).toBe(last);
      expect(r.exitCode).toBe(1);
    });
  }
});
