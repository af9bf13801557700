// The typed Python AST: CPython's `ast` module as TypeScript discriminated unions (`kind`),
// same node and field names (`Assign`, `BinOp`, `orelse`), camelCase for compound field names
// (`decorators`, `kwDefaults`, `formatSpec`). Types only: parsing is parse.ts, helpers are
// dump.ts and walk.ts, and nothing here mentions the lezer tree. Additions to CPython's model:
// every node has a `range`, and a statement that does not parse is an `ErrorStmt`.

/**
 * A source span. Lines are 1-based and columns 0-based, like CPython's `lineno`/`col_offset`,
 * but columns count UTF-16 code units (what editors use); CPython counts UTF-8 bytes, so the two
 * agree on ASCII lines. `from`/`to` are absolute UTF-16 offsets into the parsed text.
 */
export interface Range {
  from: number;
  to: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type ExprContext = 'Load' | 'Store' | 'Del';

export type BinaryOperator =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';

export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';

export type BoolOperator = 'And' | 'Or';

export type CompareOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/**
 * The value of a `Constant`. Integers are always exact `bigint`s (Python ints are unbounded);
 * `complex` is an imaginary literal such as `2j` (CPython folds `1+2j` only at compile time).
 */
export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

interface NodeBase {
  range: Range;
}

// ---------------------------------------------------------------------------------------------
// Module and statements

export interface Module extends NodeBase {
  kind: 'Module';
  body: Stmt[];
}

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | While | If | With | Raise | Try | Assert | Import | ImportFrom
  | Global | Nonlocal | ExprStmt | Pass | Break | Continue | ErrorStmt;

export interface FunctionDef extends NodeBase {
  kind: 'FunctionDef';
  name: string;
  nameRange: Range;
  args: Arguments;
  body: Stmt[];
  /** Decorator expressions, outermost first. The def's range starts at `def`, as in CPython. */
  decorators: Expr[];
  returns: Expr | null;
  isAsync: boolean;
}

export interface ClassDef extends NodeBase {
  kind: 'ClassDef';
  name: string;
  nameRange: Range;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
}

export interface Return extends NodeBase {
  kind: 'Return';
  value: Expr | null;
}

export interface Delete extends NodeBase {
  kind: 'Delete';
  targets: Expr[];
}

/** `a = b = value`: `targets` is `[a, b]`; tuple unpacking targets are `Tuple`/`List` nodes. */
export interface Assign extends NodeBase {
  kind: 'Assign';
  targets: Expr[];
  value: Expr;
}

export interface AugAssign extends NodeBase {
  kind: 'AugAssign';
  target: Expr;
  op: BinaryOperator;
  value: Expr;
}

export interface AnnAssign extends NodeBase {
  kind: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** True for a bare (unparenthesised) name target, as CPython's `simple`. */
  simple: boolean;
}

export interface For extends NodeBase {
  kind: 'For';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  isAsync: boolean;
}

export interface While extends NodeBase {
  kind: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

/** `elif` chains are nested `If`s in `orelse`, exactly as CPython builds them. */
export interface If extends NodeBase {
  kind: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends NodeBase {
  kind: 'With';
  items: WithItem[];
  body: Stmt[];
  isAsync: boolean;
}

export interface Raise extends NodeBase {
  kind: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends NodeBase {
  kind: 'Try';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface Assert extends NodeBase {
  kind: 'Assert';
  test: Expr;
  msg: Expr | null;
}

export interface Import extends NodeBase {
  kind: 'Import';
  names: Alias[];
}

export interface ImportFrom extends NodeBase {
  kind: 'ImportFrom';
  /** Dotted module name without the leading dots; null for `from . import x`. */
  module: string | null;
  names: Alias[];
  /** Number of leading dots. */
  level: number;
}

export interface Global extends NodeBase {
  kind: 'Global';
  names: string[];
}

export interface Nonlocal extends NodeBase {
  kind: 'Nonlocal';
  names: string[];
}

/** An expression statement (CPython's `Expr`). */
export interface ExprStmt extends NodeBase {
  kind: 'Expr';
  value: Expr;
}

export interface Pass extends NodeBase {
  kind: 'Pass';
}

export interface Break extends NodeBase {
  kind: 'Break';
}

export interface Continue extends NodeBase {
  kind: 'Continue';
}

/**
 * A statement that did not parse (its error is in `ParseResult.errors`). `range` covers the
 * broken text; `body` holds the statements recovered from the blocks of a broken compound
 * statement (e.g. the body of `if x > 0` with its colon missing), in source order.
 */
export interface ErrorStmt extends NodeBase {
  kind: 'ErrorStmt';
  body: Stmt[];
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set
  | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom
  | Compare | Call | FormattedValue | JoinedStr | Constant
  | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

/** `a and b and c` is one `BoolOp` with three values. */
export interface BoolOp extends NodeBase {
  kind: 'BoolOp';
  op: BoolOperator;
  values: Expr[];
}

export interface NamedExpr extends NodeBase {
  kind: 'NamedExpr';
  target: Name;
  value: Expr;
}

export interface BinOp extends NodeBase {
  kind: 'BinOp';
  left: Expr;
  op: BinaryOperator;
  right: Expr;
}

/** `-1` is `UnaryOp(USub, Constant 1)`, as in CPython's parser (no folding). */
export interface UnaryOp extends NodeBase {
  kind: 'UnaryOp';
  op: UnaryOperator;
  operand: Expr;
}

export interface Lambda extends NodeBase {
  kind: 'Lambda';
  args: Arguments;
  body: Expr;
}

export interface IfExp extends NodeBase {
  kind: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}

/** `keys[i]` is null for a `**mapping` entry, whose mapping is `values[i]`. */
export interface Dict extends NodeBase {
  kind: 'Dict';
  keys: (Expr | null)[];
  values: Expr[];
}

export interface Set extends NodeBase {
  kind: 'Set';
  elts: Expr[];
}

export interface ListComp extends NodeBase {
  kind: 'ListComp';
  elt: Expr;
  generators: Comprehension[];
}

export interface SetComp extends NodeBase {
  kind: 'SetComp';
  elt: Expr;
  generators: Comprehension[];
}

export interface DictComp extends NodeBase {
  kind: 'DictComp';
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}

export interface GeneratorExp extends NodeBase {
  kind: 'GeneratorExp';
  elt: Expr;
  generators: Comprehension[];
}

export interface Await extends NodeBase {
  kind: 'Await';
  value: Expr;
}

export interface Yield extends NodeBase {
  kind: 'Yield';
  value: Expr | null;
}

export interface YieldFrom extends NodeBase {
  kind: 'YieldFrom';
  value: Expr;
}

/** `a < b <= c` is one `Compare` with `ops = [Lt, LtE]`, `comparators = [b, c]`. */
export interface Compare extends NodeBase {
  kind: 'Compare';
  left: Expr;
  ops: CompareOperator[];
  comparators: Expr[];
}

/** Positional arguments (including `*args` as `Starred`) and keywords (including `**kw`, name null). */
export interface Call extends NodeBase {
  kind: 'Call';
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}

/** One `{value!conversion:spec}` field of an f-string. */
export interface FormattedValue extends NodeBase {
  kind: 'FormattedValue';
  value: Expr;
  /** `null` when absent; `{x=}` without a spec implies `'r'`, as in CPython. */
  conversion: 's' | 'r' | 'a' | null;
  formatSpec: JoinedStr | null;
}

/**
 * An f-string (after implicit concatenation with neighbouring literals). `values` alternates
 * decoded literal text (`Constant` str) and fields; adjacent literal parts are merged.
 */
export interface JoinedStr extends NodeBase {
  kind: 'JoinedStr';
  values: (Constant | FormattedValue)[];
}

export interface Constant extends NodeBase {
  kind: 'Constant';
  value: ConstantValue;
}

export interface Attribute extends NodeBase {
  kind: 'Attribute';
  value: Expr;
  attr: string;
  attrRange: Range;
  ctx: ExprContext;
}

/** `a[1:, ::2, None, ...]`: `slice` is a `Tuple` of `Slice`/`Constant` nodes. */
export interface Subscript extends NodeBase {
  kind: 'Subscript';
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}

export interface Starred extends NodeBase {
  kind: 'Starred';
  value: Expr;
  ctx: ExprContext;
}

export interface Name extends NodeBase {
  kind: 'Name';
  id: string;
  ctx: ExprContext;
}

export interface List extends NodeBase {
  kind: 'List';
  elts: Expr[];
  ctx: ExprContext;
}

export interface Tuple extends NodeBase {
  kind: 'Tuple';
  elts: Expr[];
  ctx: ExprContext;
}

/** Only directly inside a `Subscript`'s slice (or a `Tuple` there). */
export interface Slice extends NodeBase {
  kind: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

// ---------------------------------------------------------------------------------------------
// Auxiliary nodes

export interface Comprehension {
  kind: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

/** CPython's `arguments` (no range of its own). Defaults align with the *last* positional args. */
export interface Arguments {
  kind: 'arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per keyword-only argument; null when it has no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

export interface Arg extends NodeBase {
  kind: 'arg';
  name: string;
  annotation: Expr | null;
}

/** `name=value` in a call or class header; `name` is null for `**mapping`. */
export interface Keyword extends NodeBase {
  kind: 'keyword';
  name: string | null;
  value: Expr;
}

/** `import a.b as c` / `from m import x as y` / `from m import *` (name `'*'`). */
export interface Alias extends NodeBase {
  kind: 'alias';
  name: string;
  asname: string | null;
}

export interface WithItem {
  kind: 'withitem';
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface ExceptHandler extends NodeBase {
  kind: 'ExceptHandler';
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

/** Every node kind that can appear in a tree. */
export type Node =
  | Module | Stmt | Expr | Comprehension | Arguments | Arg | Keyword | Alias | WithItem | ExceptHandler;

// ---------------------------------------------------------------------------------------------
// Parse results

/** CPython's exception class for a syntax problem. */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A syntax error with CPython 3.11's message and location (`col` 0-based, UTF-16 units;
 * CPython's `SyntaxError.offset` is `col + 1`). `phase` records which CPython stage reports it,
 * which decides the one error CPython shows for a file with several (see `cpythonError`).
 */
export interface SyntaxDiagnostic {
  type: SyntaxErrorType;
  message: string;
  line: number;
  col: number;
  /** Absolute offset of (line, col). */
  offset: number;
  phase: 'tokenizer' | 'parser' | 'compiler';
}
