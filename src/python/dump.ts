// A readable, deterministic text dump of the AST (like `ast.dump(indent=…)` with positions),
// for golden tests and debugging: one node per line, `Kind L:C-L:C attrs`, fields as labels.
// tools/gen_python_fixtures.py prints CPython's own AST in the same format, so with
// `{ cpython: true }` the two dumps compare equal. It does not print ErrorStmt contents' errors.

import type * as A from './ast';

export interface DumpOptions {
  /** Print `line:col-endLine:endCol` ranges (default true). */
  positions?: boolean;
  /**
   * CPython 3.11 compatibility: omit the ranges of f-string parts (CPython gives them the
   * whole string's range) so that the dump matches the fixture generator's.
   */
  cpython?: boolean;
}

export function dump(node: A.Module | A.Stmt | A.Expr, options: DumpOptions = {}): string {
  const lines: string[] = [];
  const positions = options.positions ?? true;
  const cpython = options.cpython ?? false;

  const pos = (r: A.Range | undefined, hide: boolean): string =>
    r === undefined || !positions || hide ? '' : ` ${r.line}:${r.col}-${r.endLine}:${r.endCol}`;

  const emit = (depth: number, s: string): void => {
    lines.push('  '.repeat(depth) + s);
  };

  const field = (depth: number, name: string, value: AnyNode | null | (AnyNode | null)[], hidePos = false): void => {
    if (value === null) return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      emit(depth, name + ':');
      for (const v of value) {
        if (v === null) emit(depth + 1, '<null>');
        else visit(v, depth + 1, hidePos);
      }
      return;
    }
    emit(depth, name + ':');
    visit(value, depth + 1, hidePos);
  };

  const visit = (n: AnyNode, depth: number, hidePos = false): void => {
    const d = depth + 1;
    switch (n.kind) {
      case 'Module':
        emit(depth, 'Module');
        field(d, 'body', n.body);
        return;
      case 'FunctionDef':
        emit(depth, `${n.isAsync ? 'AsyncFunctionDef' : 'FunctionDef'}${pos(n.range, hidePos)} ${n.name}`);
        field(d, 'args', n.args);
        field(d, 'body', n.body);
        field(d, 'decorator_list', n.decorators);
        field(d, 'returns', n.returns);
        return;
      case 'ClassDef':
        emit(depth, `ClassDef${pos(n.range, hidePos)} ${n.name}`);
        field(d, 'bases', n.bases);
        field(d, 'keywords', n.keywords);
        field(d, 'body', n.body);
        field(d, 'decorator_list', n.decorators);
        return;
      case 'Return':
        emit(depth, `Return${pos(n.range, hidePos)}`);
        field(d, 'value', n.value);
        return;
      case 'Delete':
        emit(depth, `Delete${pos(n.range, hidePos)}`);
        field(d, 'targets', n.targets);
        return;
      case 'Assign':
        emit(depth, `Assign${pos(n.range, hidePos)}`);
        field(d, 'targets', n.targets);
        field(d, 'value', n.value);
        return;
      case 'AugAssign':
        emit(depth, `AugAssign${pos(n.range, hidePos)} ${n.op}`);
        field(d, 'target', n.target);
        field(d, 'value', n.value);
        return;
      case 'AnnAssign':
        emit(depth, `AnnAssign${pos(n.range, hidePos)}${n.simple ? ' simple' : ''}`);
        field(d, 'target', n.target);
        field(d, 'annotation', n.annotation);
        field(d, 'value', n.value);
        return;
      case 'For':
        emit(depth, `${n.isAsync ? 'AsyncFor' : 'For'}${pos(n.range, hidePos)}`);
        field(d, 'target', n.target);
        field(d, 'iter', n.iter);
        field(d, 'body', n.body);
        field(d, 'orelse', n.orelse);
        return;
      case 'While':
        emit(depth, `While${pos(n.range, hidePos)}`);
        field(d, 'test', n.test);
        field(d, 'body', n.body);
        field(d, 'orelse', n.orelse);
        return;
      case 'If':
        emit(depth, `If${pos(n.range, hidePos)}`);
        field(d, 'test', n.test);
        field(d, 'body', n.body);
        field(d, 'orelse', n.orelse);
        return;
      case 'With':
        emit(depth, `${n.isAsync ? 'AsyncWith' : 'With'}${pos(n.range, hidePos)}`);
        field(d, 'items', n.items);
        field(d, 'body', n.body);
        return;
      case 'withitem':
        emit(depth, 'withitem');
        field(d, 'context_expr', n.contextExpr);
        field(d, 'optional_vars', n.optionalVars);
        return;
      case 'Raise':
        emit(depth, `Raise${pos(n.range, hidePos)}`);
        field(d, 'exc', n.exc);
        field(d, 'cause', n.cause);
        return;
      case 'Try':
        emit(depth, `Try${pos(n.range, hidePos)}`);
        field(d, 'body', n.body);
        field(d, 'handlers', n.handlers);
        field(d, 'orelse', n.orelse);
        field(d, 'finalbody', n.finalbody);
        return;
      case 'ExceptHandler':
        emit(depth, `ExceptHandler${pos(n.range, hidePos)}${n.name !== null ? ` as ${n.name}` : ''}`);
        field(d, 'type', n.type);
        field(d, 'body', n.body);
        return;
      case 'Assert':
        emit(depth, `Assert${pos(n.range, hidePos)}`);
        field(d, 'test', n.test);
        field(d, 'msg', n.msg);
        return;
      case 'Import':
        emit(depth, `Import${pos(n.range, hidePos)}`);
        field(d, 'names', n.names);
        return;
      case 'ImportFrom':
        emit(depth, `ImportFrom${pos(n.range, hidePos)} ${n.module ?? '<none>'} level=${n.level}`);
        field(d, 'names', n.names);
        return;
      case 'alias':
        emit(depth, `alias${pos(n.range, hidePos)} ${n.name}${n.asname !== null ? ` as ${n.asname}` : ''}`);
        return;
      case 'Global':
      case 'Nonlocal':
        emit(depth, `${n.kind}${pos(n.range, hidePos)} ${n.names.join(',')}`);
        return;
      case 'Expr':
        emit(depth, `Expr${pos(n.range, hidePos)}`);
        field(d, 'value', n.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        emit(depth, `${n.kind}${pos(n.range, hidePos)}`);
        return;
      case 'ErrorStmt':
        emit(depth, `ErrorStmt${pos(n.range, hidePos)}`);
        field(d, 'body', n.body);
        return;
      case 'arguments':
        emit(depth, 'arguments');
        field(d, 'posonlyargs', n.posonlyargs);
        field(d, 'args', n.args);
        field(d, 'vararg', n.vararg);
        field(d, 'kwonlyargs', n.kwonlyargs);
        field(d, 'kw_defaults', n.kwDefaults);
        field(d, 'kwarg', n.kwarg);
        field(d, 'defaults', n.defaults);
        return;
      case 'arg':
        emit(depth, `arg${pos(n.range, hidePos)} ${n.name}`);
        field(d, 'annotation', n.annotation);
        return;
      case 'keyword':
        emit(depth, `keyword${pos(n.range, hidePos)} ${n.name ?? '**'}`);
        field(d, 'value', n.value);
        return;
      case 'comprehension':
        emit(depth, `comprehension${n.isAsync ? ' async' : ''}`);
        field(d, 'target', n.target);
        field(d, 'iter', n.iter);
        field(d, 'ifs', n.ifs);
        return;
      case 'BoolOp':
        emit(depth, `BoolOp${pos(n.range, hidePos)} ${n.op}`);
        field(d, 'values', n.values);
        return;
      case 'NamedExpr':
        emit(depth, `NamedExpr${pos(n.range, hidePos)}`);
        field(d, 'target', n.target);
        field(d, 'value', n.value);
        return;
      case 'BinOp':
        emit(depth, `BinOp${pos(n.range, hidePos)} ${n.op}`);
        field(d, 'left', n.left);
        field(d, 'right', n.right);
        return;
      case 'UnaryOp':
        emit(depth, `UnaryOp${pos(n.range, hidePos)} ${n.op}`);
        field(d, 'operand', n.operand);
        return;
      case 'Lambda':
        emit(depth, `Lambda${pos(n.range, hidePos)}`);
        field(d, 'args', n.args);
        field(d, 'body', n.body);
        return;
      case 'IfExp':
        emit(depth, `IfExp${pos(n.range, hidePos)}`);
        field(d, 'test', n.test);
        field(d, 'body', n.body);
        field(d, 'orelse', n.orelse);
        return;
      case 'Dict':
        emit(depth, `Dict${pos(n.range, hidePos)}`);
        field(d, 'keys', n.keys);
        field(d, 'values', n.values);
        return;
      case 'Set':
        emit(depth, `Set${pos(n.range, hidePos)}`);
        field(d, 'elts', n.elts);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        emit(depth, `${n.kind}${pos(n.range, hidePos)}`);
        field(d, 'elt', n.elt);
        field(d, 'generators', n.generators);
        return;
      case 'DictComp':
        emit(depth, `DictComp${pos(n.range, hidePos)}`);
        field(d, 'key', n.key);
        field(d, 'value', n.value);
        field(d, 'generators', n.generators);
        return;
      case 'Await':
      case 'YieldFrom':
        emit(depth, `${n.kind}${pos(n.range, hidePos)}`);
        field(d, 'value', n.value);
        return;
      case 'Yield':
        emit(depth, `Yield${pos(n.range, hidePos)}`);
        field(d, 'value', n.value);
        return;
      case 'Compare':
        emit(depth, `Compare${pos(n.range, hidePos)} ${n.ops.join(',')}`);
        field(d, 'left', n.left);
        field(d, 'comparators', n.comparators);
        return;
      case 'Call':
        emit(depth, `Call${pos(n.range, hidePos)}`);
        field(d, 'func', n.func);
        field(d, 'args', n.args);
        field(d, 'keywords', n.keywords);
        return;
      case 'FormattedValue':
        emit(depth, `FormattedValue${pos(n.range, hidePos)}${n.conversion !== null ? ` !${n.conversion}` : ''}`);
        field(d, 'value', n.value);
        if (n.formatSpec !== null) field(d, 'format_spec', n.formatSpec, cpython);
        return;
      case 'JoinedStr':
        emit(depth, `JoinedStr${pos(n.range, hidePos)}`);
        field(d, 'values', n.values, cpython);
        return;
      case 'Constant':
        emit(depth, `Constant${pos(n.range, hidePos)} ${constantText(n.value)}`);
        return;
      case 'Attribute':
        emit(depth, `Attribute${pos(n.range, hidePos)} .${n.attr} ${n.ctx}`);
        field(d, 'value', n.value);
        return;
      case 'Subscript':
        emit(depth, `Subscript${pos(n.range, hidePos)} ${n.ctx}`);
        field(d, 'value', n.value);
        field(d, 'slice', n.slice);
        return;
      case 'Starred':
        emit(depth, `Starred${pos(n.range, hidePos)} ${n.ctx}`);
        field(d, 'value', n.value);
        return;
      case 'Name':
        emit(depth, `Name${pos(n.range, hidePos)} ${n.id} ${n.ctx}`);
        return;
      case 'List':
      case 'Tuple':
        emit(depth, `${n.kind}${pos(n.range, hidePos)} ${n.ctx}`);
        field(d, 'elts', n.elts);
        return;
      case 'Slice':
        emit(depth, `Slice${pos(n.range, hidePos)}`);
        field(d, 'lower', n.lower);
        field(d, 'upper', n.upper);
        field(d, 'step', n.step);
        return;
      default:
        return assertNever(n);
    }
  };

  visit(node, 0);
  return lines.join('\n');
}

type AnyNode = A.Node;

function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify(x)}`);
}

/** `int 5`, `float 0.1`, `complex 2j`, `str "a\n"`, `bytes 6869`, `bool True`, `None`, `Ellipsis`. */
export function constantText(v: A.ConstantValue): string {
  switch (v.type) {
    case 'int':
      return `int ${v.value}`;
    case 'float':
      return `float ${pyFloatRepr(v.value)}`;
    case 'complex':
      return `complex ${pyFloatRepr(v.imag).replace(/\.0$/, '')}j`;
    case 'str':
      return `str ${asciiJson(v.value)}`;
    case 'bytes':
      return `bytes ${[...v.value].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    case 'bool':
      return `bool ${v.value ? 'True' : 'False'}`;
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
  }
}

/** Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const digits = mant.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    return `${sign}${intPart}.${digits.slice(exp + 1) || '0'}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** JSON with every non-printable-ASCII UTF-16 unit escaped, like Python's `json.dumps`. */
export function asciiJson(s: string): string {
  return JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
