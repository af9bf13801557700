// Runs one program in this thread: decode (CPython's Non-UTF-8 error), parse (CPython's
// SyntaxError report), evaluate with fresh builtins/modules/limits, print the uncaught
// exception as CPython 3.11 does, and describe the top-level variables for the inspector.
// It does not isolate: a runaway native loop blocks the caller. Use runInWorker (host.ts)
// from anything that must stay responsive.

import { parse, cpythonError } from '../python';
import { setMaxArrayBytes } from '../../engine/ops/creation';
import { type ReclaimHooks, setArrayBudget } from '../../engine/core/memory';
import { resetPrintOptions } from '../../engine/format';
import { CPYTHON_BUILTIN_NAMES, dirOf, makeBuiltins } from './builtins';
import { Interrupt, PyRaise } from './errors';
import { childNodes, execModule, Frame, functionInfo, mainGlobals } from './interpreter';
import type * as A from '../python/ast';
import { resetNumpy, NUMPY_FILE } from './npbind';
import { resetTorch } from './torchbind';
import { Tensor } from '../../engine/torch/tensor';
import { resetTorchState } from '../../engine/torch/pycall';
import { NDARRAY_DIR, NUMPY_DIR } from './numpyNames';
import { isInstance, pyLen, typeName } from './objects';
import { pyRepr, pyStr } from './repr';
import { DEFAULT_LIMITS, Limits, Runtime, setRuntime } from './runtime';
import { calculateSuggestion, formatException, formatSyntaxError, setExceptionStrHook } from './traceback';
import {
  EXC, NDArray, NpScalar, PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyModule, PySet, PyTuple, Value,
} from './values';
import { exceptionStr } from './repr';

export interface RunOptions {
  /** The path tracebacks show (the CLI passes the absolute path, as CPython prints it). */
  filename?: string;
  limits?: Partial<Limits>;
  /** Set element 0 to non-zero (from any thread) to cancel the run cooperatively. */
  cancelFlag?: Int32Array;
  /** Streams stdout while the program runs (the result still holds all of it). */
  onStdout?: (chunk: string) => void;
  /** Top-level variables in the result (default true). */
  variables?: boolean;
  /** Array values kept per variable (default 10000 elements). */
  maxValues?: number;
  /** Called when parsing is done and execution starts (the time limit counts from here). */
  onStart?: () => void;
  /**
   * Makes dropped arrays collectable mid-run (src/interpreter/reclaim.ts; the worker passes
   * it). Only with it is the live-array budget (`maxLiveArrayBytes`) enforced: without it,
   * arrays dropped during the run would still count.
   */
  reclaimArrays?: ReclaimHooks;
}

export type ErrorKind = 'exception' | 'syntax' | 'timeout' | 'cancelled' | 'output-limit' | 'memory' | 'crash';

export interface SourceRange {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface ErrorInfo {
  kind: ErrorKind;
  /** The exception class as CPython prints it: `ValueError`, `numpy.AxisError`. */
  type: string;
  message: string;
  /** The innermost location in the program (null when the error is outside it). */
  range: SourceRange | null;
  /** Frames, outermost first. */
  frames: { filename: string; line: number; name: string }[];
}

export interface VariableInfo {
  name: string;
  /** CPython's type name: `int`, `list`, `numpy.ndarray`, `numpy.float64`, `Model`. */
  type: string;
  /** Bounded repr() (arrays summarise as NumPy prints them). */
  repr: string;
  shape?: number[];
  dtype?: string;
  size?: number;
  /** Array elements in C order (at most maxValues); NumPy scalars hold one. */
  values?: number[];
  truncated?: boolean;
  /** len() of containers. */
  length?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  error: ErrorInfo | null;
  variables: VariableInfo[];
  durationMs: number;
}

/** Scratch programs are small; larger sources are refused before parsing (CPython has no such limit). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** Decodes program bytes as CPython does (UTF-8 only, with its Non-UTF-8 error). */
export function decodeSource(bytes: Uint8Array, filename: string): { text: string } | { error: string } {
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    let i = 0;
    const dec = new TextDecoder('utf-8', { fatal: true });
    // find the first offending byte
    let lo = 0, hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      try { dec.decode(bytes.subarray(0, mid)); lo = mid; } catch { hi = mid - 1; }
    }
    // back off a possibly truncated multi-byte sequence at the boundary
    i = lo;
    while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
    let bad = lo < bytes.length ? lo : i;
    try { dec.decode(bytes.subarray(0, bad + 1)); } catch { /* bad is the start of the invalid sequence */ }
    while (bad > 0 && bytes[bad] !== undefined && (bytes[bad] & 0xc0) === 0x80) bad--;
    let line = 1;
    for (let k = 0; k < bad; k++) if (bytes[k] === 10) line++;
    const hex = bytes[bad].toString(16).padStart(2, '0');
    return { error: `SyntaxError: Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n` };
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function fail(kind: ErrorKind, type: string, message: string, stderr: string, t0: number, stdout = ''): RunResult {
  return { stdout, stderr, exitCode: 1, error: { kind, type, message, range: null, frames: [] }, variables: [], durationMs: Date.now() - t0 };
}

/** Runs `source` (text, or bytes decoded as CPython decodes a file) and returns what happened. */
export function runProgram(source: string | Uint8Array, options: RunOptions = {}): RunResult {
  const t0 = Date.now();
  const filename = options.filename ?? '<string>';
  const size = typeof source === 'string' ? source.length : source.length;
  if (size > MAX_SOURCE_BYTES) {
    const msg = `source is too large for Shape Lens (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB)`;
    return fail('memory', 'MemoryError', msg, `MemoryError: ${msg}\n`, t0);
  }
  let text: string;
  if (typeof source === 'string') text = source;
  else {
    const d = decodeSource(source, filename);
    if ('error' in d) return fail('syntax', 'SyntaxError', d.error.replace(/^SyntaxError: /, '').trimEnd(), d.error, t0);
    text = d.text;
  }
  const lines = splitLines(text);
  if (text.includes('\0')) {
    const line = text.slice(0, text.indexOf('\0')).split('\n').length;
    const msg = 'source code cannot contain null bytes';
    const r = fail('syntax', 'SyntaxError', msg, `  File "${filename}", line ${line}\nSyntaxError: ${msg}\n`, t0);
    r.error!.range = { line, col: 0, endLine: line, endCol: 0 };
    return r;
  }

  const parsed = parse(text);
  const synErr = cpythonError(parsed.errors);
  if (synErr) {
    const stderr = formatSyntaxError(filename, lines, synErr);
    const r = fail('syntax', synErr.type, synErr.message, stderr, t0);
    r.error!.range = { line: synErr.line, col: synErr.col, endLine: synErr.line, endCol: synErr.col + 1 };
    r.error!.frames = [{ filename, line: synErr.line, name: '<module>' }];
    return r;
  }

  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const runtime = new Runtime(limits, filename, lines, options.cancelFlag ?? null, options.onStdout ?? null);
  setRuntime(runtime);
  resetPrintOptions();
  resetNumpy();
  resetTorch();
  resetTorchState();
  setMaxArrayBytes(limits.maxArrayBytes);
  const reclaim = options.reclaimArrays ?? null;
  setArrayBudget(reclaim ? limits.maxLiveArrayBytes ?? limits.maxArrayBytes : Infinity, reclaim);
  runtime.builtins = makeBuiltins();
  const builtinsModule = new PyModule('builtins');
  for (const [k, v] of runtime.builtins) builtinsModule.dict.set(k, v);
  const globals = mainGlobals(filename, builtinsModule);
  setExceptionStrHook((e) => pyStr(e));

  compileWarnings(parsed.module, runtime);
  options.onStart?.();

  let error: PyRaise | Interrupt | null;
  try {
    error = execModule(parsed.module.body, globals).error;
  } catch (e) {
    // a failure while unwinding (e.g. the JS stack itself); report it like CPython would report a crash
    error = null;
    const msg = e instanceof Error ? e.message : String(e);
    runtime.flush();
    return finish(runtime, t0, 1, { kind: 'crash', type: 'SystemError', message: msg, range: null, frames: [] }, `Fatal Python error: ${msg}\n`, globals, options);
  }
  runtime.flush();

  if (!error) return finish(runtime, t0, 0, null, '', globals, options);

  const exc = error.exc;
  if (error instanceof PyRaise && exc.cls.isSubclassOf(EXC.SystemExit)) {
    const args = exc.exc!.args;
    const code = args.length === 0 ? null : args.length === 1 ? args[0] : new PyTuple(args);
    if (code === null) return finish(runtime, t0, 0, null, '', globals, options);
    if (typeof code === 'number' || typeof code === 'boolean') return finish(runtime, t0, Number(code) & 0xff, null, '', globals, options);
    return finish(runtime, t0, 1, null, `${pyStr(code)}\n`, globals, options);
  }
  let report: string;
  try {
    report = formatException({ filename, lines }, exc, suggestFor(globals));
  } catch {
    report = `${exc.cls.fullName}: <unprintable ${exc.cls.name} object>\n`;
  }
  const kind: ErrorKind = error instanceof Interrupt
    ? (error.kind === 'timeout' ? 'timeout' : error.kind === 'cancelled' ? 'cancelled' : 'output-limit')
    : exc.cls.isSubclassOf(EXC.MemoryError) ? 'memory' : 'exception';
  let message = '';
  try { message = exceptionStr(exc); } catch { message = ''; }
  const tb = exc.exc!.traceback;
  const frames = tb.map((e) => ({ filename: e.filename, line: e.line, name: e.name }));
  let range: SourceRange | null = null;
  for (let i = tb.length - 1; i >= 0; i--) {
    const n = tb[i].node;
    if (tb[i].filename === filename && n) { const r = n.range; range = { line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol }; break; }
  }
  return finish(runtime, t0, 1, { kind, type: exc.cls.fullName, message, range, frames }, report, globals, options);
}

function finish(runtime: Runtime, t0: number, exitCode: number, error: ErrorInfo | null, report: string, globals: Map<string, Value>, options: RunOptions): RunResult {
  const stdout = runtime.stdout.join('');
  const stderr = runtime.stderr.join('') + report;
  let variables: VariableInfo[] = [];
  if (options.variables !== false) {
    try {
      variables = describeVariables(globals, options.maxValues ?? 10000);
    } catch {
      variables = [];
    }
  }
  return { stdout, stderr, exitCode, error, variables, durationMs: Date.now() - t0 };
}

// ---- compile-time warnings ---------------------------------------------------------------------------

/** A constant after CPython's AST optimizer (which folds `-1` and tuples of constants). */
function isFoldedConstant(e: A.Expr): boolean {
  if (e.kind === 'Constant') return true;
  if (e.kind === 'UnaryOp' && e.op !== 'Not') return isFoldedConstant(e.operand);
  if (e.kind === 'Tuple') return e.elts.every(isFoldedConstant);
  return false;
}

function isSingleton(e: A.Expr): boolean {
  if (e.kind !== 'Constant') return false;
  const t = e.value.type;
  return t === 'None' || t === 'bool' || t === 'Ellipsis';
}

/** CPython's SyntaxWarning for `x is 1` (printed when the file compiles, before it runs). */
function compileWarnings(module: A.Module, runtime: Runtime): void {
  const visit = (n: A.Node): void => {
    if (n.kind === 'Compare') {
      const okArg = (e: A.Expr) => !isFoldedConstant(e) || isSingleton(e);
      let left = okArg(n.left);
      for (let i = 0; i < n.ops.length; i++) {
        const right = okArg(n.comparators[i]);
        const op = n.ops[i];
        if ((op === 'Is' || op === 'IsNot') && (!left || !right)) {
          const msg = op === 'Is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?';
          const line = n.range.line;
          runtime.write(`${runtime.filename}:${line}: SyntaxWarning: ${msg}\n  ${(runtime.sourceLines[line - 1] ?? '').trim()}\n`, true);
          break;
        }
        left = right;
      }
    }
    for (const c of childNodes(n)) visit(c as A.Node);
  };
  visit(module);
}

// ---- "Did you mean" --------------------------------------------------------------------------------

function suggestFor(globals: Map<string, Value>) {
  return (exc: PyInstance): string | null => {
    try {
      const name = exc.dict.get('name');
      if (typeof name !== 'string') return null;
      if (exc.cls.isSubclassOf(EXC.NameError) && !exc.cls.isSubclassOf(EXC.UnboundLocalError)) {
        const tb = exc.exc!.traceback;
        const frame = tb.length ? (tb[tb.length - 1].frame as Frame | undefined) : undefined;
        if (frame && frame.func) {
          const s = calculateSuggestion([...functionInfo(frame.func.node).locals], name);
          if (s) return s;
        }
        const g = frame ? frame.globals : globals;
        return calculateSuggestion([...g.keys()], name) ?? calculateSuggestion(CPYTHON_BUILTIN_NAMES, name);
      }
      if (exc.cls.isSubclassOf(EXC.AttributeError) && exc.dict.has('obj')) {
        const obj = exc.dict.get('obj');
        let dir: string[];
        if (obj instanceof PyModule && obj.name === 'numpy' && obj.file === NUMPY_FILE) dir = [...NUMPY_DIR];
        else if (obj instanceof NDArray) dir = [...NDARRAY_DIR];
        else dir = dirOf(obj);
        return calculateSuggestion(dir, name);
      }
    } catch {
      return null;
    }
    return null;
  };
}

// ---- variables for the inspector ---------------------------------------------------------------------

function boundedRepr(v: Value, max = 2000): string {
  let r: string;
  if ((Array.isArray(v) && v.length > 200) || (v instanceof PyTuple && v.items.length > 200)) {
    const items: readonly Value[] = Array.isArray(v) ? v : v.items;
    const head = items.slice(0, 100).map((x) => boundedRepr(x, 200)).join(', ');
    r = Array.isArray(v) ? `[${head}, ...]` : `(${head}, ...)`;
  } else if ((v instanceof PyDict && v.size > 200) || (v instanceof PySet && v.size > 200)) {
    r = `<${typeName(v)} with ${pyLen(v)} items>`;
  } else {
    try { r = pyRepr(v); } catch { r = `<${typeName(v)} object>`; }
  }
  return r.length > max ? `${r.slice(0, max - 3)}...` : r;
}

function describeVariables(globals: Map<string, Value>, maxValues: number): VariableInfo[] {
  const out: VariableInfo[] = [];
  for (const [name, v] of globals) {
    if (name.startsWith('__') && name.endsWith('__')) continue;
    if (v instanceof PyModule) continue;
    const info: VariableInfo = { name, type: typeName(v), repr: '' };
    if (v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyClass) {
      info.repr = boundedRepr(v, 200);
      out.push(info);
      continue;
    }
    if (v instanceof NDArray) {
      info.shape = [...v.shape];
      info.dtype = v.dtype;
      info.size = v.size;
      const n = Math.min(v.size, maxValues);
      const vals = n === v.size ? v.toArray() : firstValues(v, n);
      info.values = vals;
      info.truncated = n < v.size;
    } else if (v instanceof Tensor) {
      // a tensor is its engine array; the dtype is spelled as torch prints it (`torch.float32`)
      const a = v.arr;
      info.shape = [...a.shape];
      info.dtype = `torch.${a.dtype}`;
      info.size = a.size;
      const n = Math.min(a.size, maxValues);
      info.values = firstValues(a, n);
      info.truncated = n < a.size;
    } else if (v instanceof NpScalar) {
      info.dtype = v.dtype;
      info.shape = [];
      info.size = 1;
      info.values = [v.value];
    } else if (Array.isArray(v) || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet || typeof v === 'string') {
      info.length = pyLen(v);
    } else if (v instanceof PyInstance && !isInstance(v, EXC.BaseException)) {
      try { info.length = pyLen(v); } catch { /* not sized */ }
    }
    info.repr = boundedRepr(v);
    out.push(info);
  }
  return out;
}

/** The first `n` elements in C order, without materialising the whole array. */
function firstValues(a: NDArray, n: number): number[] {
  const out = new Array<number>(Math.max(0, n));
  const nd = a.ndim;
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < n; k++) {
    let off = a.offset;
    for (let d = 0; d < nd; d++) off += idx[d] * a.strides[d];
    out[k] = a.data[off];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

