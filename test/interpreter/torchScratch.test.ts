// Scratch evaluation of torch code, the way src/extension/evaluate.ts runs it: the snippet is
// instrumented (each top-level statement's value kept in a snapshot variable), run in the
// interpreter worker, and each snapshot must describe the value as real torch 1.13 has it —
// type, shape, dtype (`torch.float32`), repr and elements (test/fixtures/torch_scratch.json,
// from tools/gen_torch_scratch_fixtures.py).

import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInWorker } from '../../src/interpreter';
import { instrument } from '../../src/extension/instrument';
import { buildBundles } from './workerBundle';

interface Described { type: string; repr: string; shape?: number[]; dtype?: string; values?: number[] }
interface Case { source: string; stdout: string; lines: Record<string, Described> }

const CASES = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'torch_scratch.json'), 'utf8')) as Record<string, Case>;

let workerPath = '';
beforeAll(async () => { workerPath = (await buildBundles()).worker; });

describe('torch in scratch evaluation', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: every line's value as torch has it`, async () => {
      const inst = instrument(c.source);
      const r = await runInWorker(inst.source, 'scratch.py', { workerPath, maxValues: 1000 });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(c.stdout);
      const byName = new Map(r.variables.map((v) => [v.name, v]));
      const lines = Object.keys(c.lines).map(Number);
      expect(inst.snapshots.map((s) => s.line)).toEqual(lines);
      for (const s of inst.snapshots) {
        const want = c.lines[String(s.line)];
        const got = byName.get(s.variable);
        expect(got, `line ${s.line}`).toBeDefined();
        expect({ line: s.line, type: got?.type, repr: got?.repr }).toEqual({ line: s.line, type: want.type, repr: want.repr });
        if (want.shape) {
          expect({ line: s.line, shape: got?.shape, dtype: got?.dtype, values: got?.values })
            .toEqual({ line: s.line, shape: want.shape, dtype: want.dtype, values: want.values });
        }
      }
    });
  }
});
