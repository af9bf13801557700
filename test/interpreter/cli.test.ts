// The CLI end to end: `node out/cli.js run FILE.py` (bundled here from src/cli.ts) prints what
// python3 prints, with CPython's absolute path in tracebacks; `--json` gives the structured
// result; bad invocations exit 2 like python3.

import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBundles } from './workerBundle';

const PROGRAMS = path.join(__dirname, '..', 'programs');
let cli = '';
beforeAll(async () => { cli = (await buildBundles()).cli; });

function runCli(args: string[]) {
  const p = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60000 });
  return { stdout: p.stdout, stderr: p.stderr, exitCode: p.status };
}

describe('shape-lens run', () => {
  for (const name of ['mlp_forward.py', 'error_matmul_shape.py', 'log_zero_warning.py', 'error_attribute_typo.py', 'sys_exit_code.py', 'syntax_error_program.py']) {
    it(name, () => {
      const file = path.join(PROGRAMS, name);
      const expected = JSON.parse(fs.readFileSync(file.replace(/\.py$/, '.expected.json'), 'utf8'));
      const r = runCli(['run', file]);
      expect({ ...r, stderr: r.stderr.split(file).join(name) }).toEqual(expected);
    });
  }

  it('--json gives variables with shapes, dtypes and values', () => {
    const r = runCli(['run', '--json', path.join(PROGRAMS, 'one_hot_encoding.py')]);
    expect(r.exitCode).toBe(0);
    const result = JSON.parse(r.stdout);
    const byName = Object.fromEntries(result.variables.map((v: { name: string }) => [v.name, v]));
    expect(byName.one_hot).toMatchObject({ type: 'numpy.ndarray', shape: [7, 3], dtype: 'float64', size: 21 });
    expect(byName.one_hot.values.slice(0, 3)).toEqual([0, 0, 1]);
    expect(byName.labels).toMatchObject({ type: 'numpy.ndarray', shape: [7], dtype: 'int64', values: [2, 0, 1, 2, 1, 0, 2] });
    expect(byName.num_classes).toMatchObject({ type: 'numpy.int64', shape: [], values: [3] });
    expect(result.stdout).toContain('num classes: 3');
  });

  it('--json reports the error with its source range', () => {
    const r = runCli(['run', '--json', path.join(PROGRAMS, 'error_broadcast_uncaught.py')]);
    expect(r.exitCode).toBe(1);
    const { error } = JSON.parse(r.stdout);
    expect(error).toMatchObject({ kind: 'exception', type: 'ValueError', range: { line: 7, col: 9, endLine: 7, endCol: 27 } });
    expect(error.message).toBe('operands could not be broadcast together with shapes (8,5) (4,) ');
  });

  it("reports a missing file like python3", () => {
    const r = runCli(['run', '/nonexistent/x.py']);
    expect(r).toEqual({ stdout: '', stderr: "python3: can't open file '/nonexistent/x.py': [Errno 2] No such file or directory\n", exitCode: 2 });
  });

  it('prints usage for unknown commands', () => {
    const r = runCli(['frobnicate']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('usage: shape-lens run');
  });
});
