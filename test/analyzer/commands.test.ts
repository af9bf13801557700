// `shape-lens check` and `shape-lens shapes`: formats and exit codes on a small program whose
// expected diagnostic text is NumPy's own (see err_broadcast.py in the corpus).

import { describe, expect, it } from 'vitest';
import { checkCommand, shapesCommand } from '../../src/analyzer/commands';

const buggy = 'import numpy as np\nx = np.ones((2, 3))\nb = np.ones(2)\ny = x + b\n';
const clean = 'import numpy as np\nflat = np.zeros((32, 28, 28)).reshape(32, -1)\nn = 3\n';

describe('analyzer commands', () => {
  it('check --format text prints compiler-style lines and exits 1', () => {
    const r = checkCommand('bug.py', buggy, 'text');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('bug.py:4:5: error shape-broadcast: operands could not be broadcast together with shapes (2,3) (2,)');
  });

  it('check --format json has 1-based positions, code and message', () => {
    const r = checkCommand('bug.py', buggy, 'json');
    const j = JSON.parse(r.stdout);
    expect(j.diagnostics).toHaveLength(1);
    expect(j.diagnostics[0]).toMatchObject({ line: 4, column: 5, endLine: 4, endColumn: 10, severity: 'error', code: 'shape-broadcast' });
  });

  it('check --format sarif is SARIF 2.1.0 with the rule and location', () => {
    const s = JSON.parse(checkCommand('bug.py', buggy, 'sarif').stdout);
    expect(s.version).toBe('2.1.0');
    expect(s.runs[0].results[0].ruleId).toBe('shape-broadcast');
    expect(s.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(4);
  });

  it('check exits 0 with no output on a clean file', () => {
    expect(checkCommand('ok.py', clean, 'text')).toEqual({ stdout: '', exitCode: 0 });
  });

  it('shapes prints one row per assignment, null for non-arrays', () => {
    expect(JSON.parse(shapesCommand(clean).stdout)).toEqual([
      { line: 2, name: 'flat', shape: [32, 784], dtype: 'float64' },
      { line: 3, name: 'n', shape: null, dtype: null },
    ]);
  });
});
