// Replays np.random fixture sequences (tools/gen_random_fixtures.py's format: calls on the
// global RandomState, RandomState objects, Generators and bit generators, with NumPy 1.24's
// answers) through engine/random/pycall.ts and lists every way an answer differs — float bits,
// dtypes, shapes, Python vs NumPy scalar types, in-place shuffles, error types and texts.
// Shared by random.test.ts and randomDistributions.test.ts; it holds no cases.

import { readFileSync } from 'node:fs';
import { NDArray } from '../../engine/core/ndarray';
import { NumpyError } from '../../engine/core/errors';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import { PyTuple } from '../../engine/core/pyvalues';
import { callRandom, callRandomMethod, getRandomAttribute } from '../../engine/random/pycall';
import { decodeArg, Json, JsonObject } from './fixtureCodec';

type Item = number | string | boolean;
type Expected =
  | { type: 'none' }
  | { type: 'bool'; value: boolean }
  | { type: 'int' | 'float' | 'str'; value: Item }
  | { type: 'npscalar'; dtype: string; value: Item }
  | { type: 'ndarray'; dtype: string; shape: number[]; data: Item[] }
  | { type: 'tuple' | 'list'; items: Expected[] }
  | { type: 'dict'; items: [string, Expected][] }
  | { type: 'object'; class: string }
  | { type: 'error'; pyType: string; message: string };

export interface Step {
  fn?: string; on?: string; method?: string; attr?: string;
  args: Json[]; kwargs: JsonObject; expected: Expected; bind?: string; mutates?: boolean; mutated?: Expected;
}

export interface Fixture { numpy: string; sequences: { id: string; steps: Step[] }[] }


/** Fixture arguments: the engine codec's format plus bigints and references to bound objects. */
function decode(j: Json, objs: Map<string, unknown>): unknown {
  if (Array.isArray(j)) return j.map((x) => decode(x, objs));
  if (j !== null && typeof j === 'object') {
    const o = j as JsonObject;
    if ('ref' in o) return objs.get(o.ref as string);
    if ('bigint' in o) return BigInt(o.bigint as string);
    if ('tuple' in o) return new PyTuple((o.tuple as Json[]).map((x) => decode(x, objs)));
  }
  return decodeArg(j);
}

/** A fixture number: floats are Python reprs (exact), ints beyond 2**53 decimal strings. */
function itemValue(x: Item, isFloat: boolean): number | bigint {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  if (typeof x === 'string') return isFloat ? Number(x) : BigInt(x);
  return x;
}

/** Equal as NumPy's value: same float bits (NaN == NaN, -0 != 0), ints compared exactly. */
function sameNumber(actual: unknown, expected: number | bigint): boolean {
  if (typeof expected === 'bigint') {
    if (typeof actual === 'bigint') return actual === expected;
    // the engine stores int64 as doubles: beyond 2**53 it holds the nearest double
    return actual === Number(expected);
  }
  return typeof actual === 'number' && Object.is(actual, expected);
}

const isFloatDtype = (d: string): boolean => d === 'float64' || d === 'float32';

function describeValue(x: unknown): string {
  if (x instanceof NDArray) return `ndarray(${x.dtype}, shape=[${x.shape}], ${JSON.stringify(x.toArray().slice(0, 8))}…)`;
  if (x instanceof NpScalar) return `np.${x.dtype}(${x.value})`;
  if (x instanceof PyFloat) return `float(${x.value})`;
  if (x instanceof NumpyError) return `${x.pyType}: ${x.message}`;
  if (typeof x === 'bigint') return `${x}n`;
  return x instanceof Map ? 'dict' : String(x);
}

/** Every way `actual` differs from NumPy's answer, as readable lines. */
function compare(actual: unknown, e: Expected, path: string, out: string[]): void {
  const bad = (what: string) => out.push(`${path}: ${what}; got ${describeValue(actual)}`);
  switch (e.type) {
    case 'none': if (actual !== null && actual !== undefined) bad('expected None'); return;
    case 'bool': if (actual !== e.value) bad(`expected Python bool ${e.value}`); return;
    case 'str': if (actual !== e.value) bad(`expected '${e.value}'`); return;
    case 'int':
      if (!(typeof actual === 'number' && Number.isInteger(actual)) && typeof actual !== 'bigint') bad(`expected Python int ${e.value}`);
      else if (!sameNumber(actual, itemValue(e.value, false))) bad(`expected Python int ${e.value}`);
      return;
    case 'float':
      if (!(actual instanceof PyFloat) || !sameNumber(actual.value, itemValue(e.value, true))) bad(`expected Python float ${e.value}`);
      return;
    case 'npscalar':
      if (!(actual instanceof NpScalar) || actual.dtype !== e.dtype || !sameNumber(actual.value, itemValue(e.value, isFloatDtype(e.dtype)))) {
        bad(`expected np.${e.dtype}(${e.value})`);
      }
      return;
    case 'ndarray': {
      if (!(actual instanceof NDArray)) { bad(`expected ndarray ${e.dtype} [${e.shape}]`); return; }
      if (actual.dtype !== e.dtype) bad(`dtype ${actual.dtype} != ${e.dtype}`);
      if (JSON.stringify(actual.shape) !== JSON.stringify(e.shape)) bad(`shape [${actual.shape}] != [${e.shape}]`);
      const vals = actual.toArray();
      const f = isFloatDtype(e.dtype);
      const firstBad = e.data.findIndex((x, i) => !sameNumber(vals[i], itemValue(x, f)));
      if (vals.length !== e.data.length || firstBad >= 0) {
        bad(`data differs at ${firstBad} (${vals[firstBad]} != ${e.data[firstBad]})`);
      }
      return;
    }
    case 'tuple':
    case 'list': {
      const items = e.type === 'tuple' ? (actual instanceof PyTuple ? actual.items : undefined) : Array.isArray(actual) ? actual : undefined;
      if (!items || items.length !== e.items.length) { bad(`expected a ${e.type} of ${e.items.length}`); return; }
      e.items.forEach((x, i) => compare(items[i], x, `${path}[${i}]`, out));
      return;
    }
    case 'dict': {
      if (!(actual instanceof Map)) { bad('expected a dict'); return; }
      if (JSON.stringify([...actual.keys()]) !== JSON.stringify(e.items.map(([k]) => k))) bad('dict keys differ');
      for (const [k, v] of e.items) compare(actual.get(k), v, `${path}['${k}']`, out);
      return;
    }
    case 'object': {
      const name = (actual as { constructor?: { name?: string } } | null)?.constructor?.name;
      if (name !== e.class) bad(`expected a ${e.class}`);
      return;
    }
    case 'error':
      if (!(actual instanceof NumpyError)) bad(`expected ${e.pyType}: ${e.message}`);
      else if (actual.pyType !== e.pyType || actual.message !== e.message) bad(`expected ${e.pyType}: ${e.message}`);
      return;
  }
}

/** Replays one step; returns how it differs from NumPy (empty when it matches). */
export function checkStep(step: Step, objs: Map<string, unknown>, where: string): string[] {
  const args = step.args.map((a) => decode(a, objs));
  const kwargs = Object.fromEntries(Object.entries(step.kwargs).map(([k, v]) => [k, decode(v, objs)]));
  let result: unknown;
  try {
    if (step.attr !== undefined) result = getRandomAttribute(objs.get(step.on as string), step.attr);
    else if (step.method !== undefined) result = callRandomMethod(objs.get(step.on as string), step.method, args, kwargs);
    else result = callRandom(step.fn as string, args, kwargs);
  } catch (err) {
    if (!(err instanceof NumpyError)) throw err;
    result = err;
  }
  const out: string[] = [];
  compare(result, step.expected, where, out);
  if (step.bind) objs.set(step.bind, result);
  if (step.mutated) compare(args[0], step.mutated, `${where} (argument after the call)`, out);
  return out;
}

export const stepName = (s: Step): string => (s.attr ? `.${s.attr}` : s.method ? `${s.on}.${s.method}` : `np.random.${s.fn}`);

/** A fixture file under test/fixtures. */
export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as Fixture;
}

/** Every difference from NumPy over one sequence's steps (empty when all match). */
export function replaySequence(steps: readonly Step[]): string[] {
  const objs = new Map<string, unknown>();
  return steps.flatMap((s, i) => checkStep(s, objs, `step ${i} ${stepName(s)}`));
}
