// The structured result of runProgram/runInWorker: stdout/stderr/exit code, the error with its
// source range and frames, and the top-level variables (type, dtype, shape, bounded values)
// that the inspector and inline results use.

import { beforeAll, describe, expect, it } from 'vitest';
import { runInWorker, runProgram } from '../../src/interpreter';
import { buildBundles } from './workerBundle';

let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

const vars = (src: string, maxValues?: number) =>
  Object.fromEntries(runProgram(src, { maxValues }).variables.map((v) => [v.name, v]));

describe('variables', () => {
  it('describes arrays, scalars, containers and objects', () => {
    const v = vars('import numpy as np\nX = np.arange(12.0).reshape(3, 4)\ns = X.sum()\nn = 3\nname = "mlp"\nitems = [1, 2]\n'
      + 'cfg = {"lr": 0.1}\nclass M:\n    def __len__(self):\n        return 2\nm = M()\ndef f():\n    pass\nT = X.T\n_x = 1\n');
    expect(v.X).toMatchObject({ type: 'numpy.ndarray', dtype: 'float64', shape: [3, 4], size: 12, truncated: false });
    expect(v.X.values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(v.X.repr).toBe('array([[ 0.,  1.,  2.,  3.],\n       [ 4.,  5.,  6.,  7.],\n       [ 8.,  9., 10., 11.]])');
    expect(v.T.values).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    expect(v.s).toMatchObject({ type: 'numpy.float64', dtype: 'float64', shape: [], values: [66], repr: '66.0' });
    expect(v.n).toMatchObject({ type: 'int', repr: '3' });
    expect(v.name).toMatchObject({ type: 'str', repr: "'mlp'", length: 3 });
    expect(v.items).toMatchObject({ type: 'list', length: 2, repr: '[1, 2]' });
    expect(v.cfg).toMatchObject({ type: 'dict', length: 1, repr: "{'lr': 0.1}" });
    expect(v.m).toMatchObject({ type: 'M', length: 2 });
    expect(v.f.type).toBe('function');
    expect(v.M.type).toBe('type');
    expect(v.np).toBeUndefined();
    expect(v._x.repr).toBe('1');
  });

  it('bounds array values and long reprs', () => {
    const v = vars('import numpy as np\nbig = np.arange(100000)\nlong = list(range(5000))\n', 10);
    expect(v.big).toMatchObject({ size: 100000, truncated: true, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(v.big.repr).toBe('array([    0,     1,     2, ..., 99997, 99998, 99999])');
    expect(v.long.repr.length).toBeLessThanOrEqual(2000);
    expect(v.long.length).toBe(5000);
  });

  it('keeps the variables assigned before an uncaught error', () => {
    const r = runProgram('import numpy as np\na = np.ones((2, 3))\nb = a * 2\nc = a @ b\n');
    expect(r.variables.map((x) => x.name)).toEqual(['a', 'b']);
    expect(r.error).toMatchObject({ kind: 'exception', type: 'ValueError', range: { line: 4, col: 4, endLine: 4, endCol: 9 } });
    expect(r.error?.frames).toEqual([{ filename: '<string>', line: 4, name: '<module>' }]);
  });
});

describe('errors', () => {
  it('points at the innermost program frame', () => {
    const r = runProgram('def f(x):\n    return x[5]\n\nf([1])\n', { filename: 'prog.py' });
    expect(r.error?.range).toEqual({ line: 2, col: 11, endLine: 2, endCol: 15 });
    expect(r.error?.frames.map((x) => x.name)).toEqual(['<module>', 'f']);
    expect(r.error?.message).toBe('list index out of range');
  });

  it('gives syntax errors a range and CPython text', () => {
    const r = runProgram('x = (1,\ny = 2\n', { filename: 's.py' });
    expect(r.error).toMatchObject({ kind: 'syntax', type: 'SyntaxError', message: "'(' was never closed", range: { line: 1, col: 4 } });
    expect(r.stderr).toBe('  File "s.py", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n');
  });

  it('maps SystemExit to exit codes', () => {
    expect(runProgram('import sys\nsys.exit()\n').exitCode).toBe(0);
    expect(runProgram('import sys\nsys.exit(4)\n').exitCode).toBe(4);
    const r = runProgram('raise SystemExit("bye")\n');
    expect([r.exitCode, r.stderr, r.error]).toEqual([1, 'bye\n', null]);
  });
});

describe('worker', () => {
  it('runs programs off the calling thread and returns the same result', async () => {
    const src = 'import numpy as np\nx = np.linspace(0, 1, 3)\nprint(x)\n';
    const a = runProgram(src, { filename: 'w.py' });
    const b = await runInWorker(src, 'w.py', { workerPath });
    expect({ ...b, durationMs: 0 }).toEqual({ ...a, durationMs: 0 });
  });

  it('survives a program that exhausts the worker heap', async () => {
    const r = await runInWorker('x = []\nwhile True:\n    x.append([0] * 100000)\n', 'oom.py', { workerPath, maxHeapMb: 64, limits: { timeLimitMs: 60000 } });
    expect(r.error?.kind).toBe('memory');
    expect(r.stderr).toBe('MemoryError: the program ran out of memory\n');
    const after = await runInWorker('print("still here")\n', 'ok.py', { workerPath });
    expect(after.stdout).toBe('still here\n');
  });
});
