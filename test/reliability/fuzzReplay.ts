// Replays one engine fuzz case (test/fixtures/fuzz_*.json) through engine/pycall.ts and lists
// every difference from NumPy's recorded run: per-step result kind/dtype/shape, the failing
// step and its error text, and the output values. Shared by fuzz.test.ts and tools/ scripts;
// it imports no test framework and decides no tolerance itself (a case carries its "tol").

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pycall from '../../engine/pycall';
import { NDArray } from '../../engine/core/ndarray';
import { NumpyError } from '../../engine/core/errors';
import { NpScalar } from '../../engine/core/scalar';
import { PyTuple } from '../../engine/core/pyvalues';
import { compareOutcome, decodeArg, describeValue, Expected, Json as CodecJson, parseTol } from '../engine/fixtureCodec';
import { FuzzSpec, Json, Reg, Step } from './fuzzGen';

type FuzzExpected = Extract<Expected, { type: 'list' }> | (Extract<Expected, { type: 'error' }> & { readonly at: number });

export interface FuzzCase extends FuzzSpec {
  readonly trace: readonly string[];
  readonly expected: FuzzExpected;
}

export interface FuzzFile {
  readonly numpy: string;
  readonly family: string;
  readonly seed: number;
  readonly generated: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly cases: readonly FuzzCase[];
}

/** Every test/fixtures/fuzz_*.json (`dir` for callers bundled elsewhere, like tools/). */
export function loadFuzzFiles(dir = fileURLToPath(new URL('../fixtures/', import.meta.url))): FuzzFile[] {
  return readdirSync(dir).filter((f) => /^fuzz_.*\.json$/.test(f)).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FuzzFile);
}

interface Regs { in: unknown[]; ref: unknown[] }

const isObj = (j: Json): j is { readonly [k: string]: Json } => j !== null && typeof j === 'object' && !Array.isArray(j);

/** A JSON argument as a Python value, with `{"in": i}` / `{"ref": j}` read from the registers. */
function decode(j: Json, regs: Regs): unknown {
  if (Array.isArray(j)) return j.map((x) => decode(x, regs));
  if (isObj(j)) {
    if ('in' in j) return regs.in[j.in as number];
    if ('ref' in j) return regs.ref[j.ref as number];
    if ('tuple' in j) return new PyTuple((j.tuple as Json[]).map((x) => decode(x, regs)));
  }
  return decodeArg(j as CodecJson);
}

function reg(r: Reg, regs: Regs): unknown {
  return 'in' in r ? regs.in[r.in] : regs.ref[r.ref];
}

function asArray(x: unknown): NDArray {
  if (!(x instanceof NDArray)) throw new Error(`harness: expected an array register, got ${describeValue(x)}`);
  return x;
}

function kwargsOf(kw: { readonly [k: string]: Json }, regs: Regs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) out[k] = decode(v, regs);
  return out;
}

function runStep(step: Step, regs: Regs): unknown {
  if ('fn' in step) return pycall.callFunction(step.fn, step.args.map((a) => decode(a, regs)), kwargsOf(step.kwargs, regs));
  if ('method' in step) {
    return pycall.callMethod(asArray(reg(step.self, regs)), step.method, step.args.map((a) => decode(a, regs)), kwargsOf(step.kwargs, regs));
  }
  if ('attr' in step) return pycall.getAttribute(asArray(reg(step.self, regs)), step.attr);
  if ('getitem' in step) return pycall.getItem(asArray(reg(step.getitem, regs)), decode(step.index, regs));
  const a = asArray(reg(step.setitem, regs));
  pycall.setItem(a, decode(step.index, regs), decode(step.value, regs));
  return a;
}

/** What tools/fuzz_numpy.py writes for a step's result (arrays and NumPy scalars only are compared). */
export function traceOf(x: unknown): string | null {
  if (x instanceof NDArray) return `${x.dtype}[${x.shape.join(',')}]`;
  if (x instanceof NpScalar) return `${x.dtype} scalar`;
  return null;
}

/** Trace entries of arrays (`int8[2,3]`) and NumPy scalars (`int8 scalar`); others are Python type names. */
const COMPARED_TRACE = /^(\w+\[[\d,]*\]|\w+ scalar)$/;

/** Every difference between the engine's run of the chain and NumPy's; [] when they agree. */
export function runCase(c: FuzzCase): string[] {
  const regs: Regs = { in: c.inputs.map((j) => decodeArg(j as CodecJson)), ref: [] };
  const e = c.expected;
  for (let at = 0; at < c.steps.length; at++) {
    let r: unknown;
    try {
      r = runStep(c.steps[at], regs);
    } catch (err) {
      if (!(err instanceof NumpyError)) return [`step ${at}: internal error ${String(err)}`];
      if (e.type === 'error' && e.at === at) {
        return compareOutcome({ type: 'error', pyType: e.pyType, message: e.message }, { ok: false, error: err });
      }
      const want = e.type === 'error' ? `${e.pyType} at step ${e.at}` : `NumPy's ${c.trace[at]}`;
      return [`step ${at}: ${err.pyType}: ${err.message} (expected ${want})`];
    }
    if (e.type === 'error' && e.at === at) return [`step ${at}: expected ${e.pyType}: ${e.message}, got ${describeValue(r)}`];
    const want = c.trace[at], got = traceOf(r);
    if (COMPARED_TRACE.test(want) && got !== want) return [`step ${at}: NumPy gave ${want}, engine ${got ?? describeValue(r)}`];
    regs.ref.push(r);
  }
  if (e.type === 'error') return [`expected ${e.pyType} at step ${e.at}: ${e.message}; every step ran`];
  const values = c.outputs.map((o) => reg(o, regs));
  return compareOutcome(e, { ok: true, value: values }, parseTol(c.tol));
}

