// Generic traversal of the AST: the direct children of any node (like CPython's
// `ast.iter_child_nodes`, but in source order) and a depth-first `walk` with a subtree cut-off.
// Pure helpers over ast.ts types; no parsing, no scoping rules (a Lambda's body is just a child).

import type * as A from './ast';

/** Direct child nodes of `node`, in source order (decorators before the def's arguments). */
export function childNodes(node: A.Node): A.Node[] {
  const out: A.Node[] = [];
  const add = (x: A.Node | null | undefined): void => {
    if (x !== null && x !== undefined) out.push(x);
  };
  const addAll = (xs: readonly (A.Node | null)[]): void => {
    for (const x of xs) add(x);
  };
  switch (node.kind) {
    case 'Module':
      addAll(node.body);
      break;
    case 'FunctionDef':
      addAll(node.decorators);
      add(node.args);
      add(node.returns);
      addAll(node.body);
      break;
    case 'ClassDef':
      addAll(node.decorators);
      addAll(node.bases);
      addAll(node.keywords);
      addAll(node.body);
      break;
    case 'Return':
      add(node.value);
      break;
    case 'Delete':
      addAll(node.targets);
      break;
    case 'Assign':
      addAll(node.targets);
      add(node.value);
      break;
    case 'AugAssign':
      add(node.target);
      add(node.value);
      break;
    case 'AnnAssign':
      add(node.target);
      add(node.annotation);
      add(node.value);
      break;
    case 'For':
      add(node.target);
      add(node.iter);
      addAll(node.body);
      addAll(node.orelse);
      break;
    case 'While':
    case 'If':
      add(node.test);
      addAll(node.body);
      addAll(node.orelse);
      break;
    case 'With':
      addAll(node.items);
      addAll(node.body);
      break;
    case 'withitem':
      add(node.contextExpr);
      add(node.optionalVars);
      break;
    case 'Raise':
      add(node.exc);
      add(node.cause);
      break;
    case 'Try':
      addAll(node.body);
      addAll(node.handlers);
      addAll(node.orelse);
      addAll(node.finalbody);
      break;
    case 'ExceptHandler':
      add(node.type);
      addAll(node.body);
      break;
    case 'Assert':
      add(node.test);
      add(node.msg);
      break;
    case 'Import':
    case 'ImportFrom':
      addAll(node.names);
      break;
    case 'Expr':
      add(node.value);
      break;
    case 'ErrorStmt':
      addAll(node.body);
      break;
    case 'Global':
    case 'Nonlocal':
    case 'Pass':
    case 'Break':
    case 'Continue':
    case 'alias':
    case 'Name':
    case 'Constant':
      break;
    case 'arguments': {
      addAll(node.posonlyargs);
      addAll(node.args);
      add(node.vararg);
      addAll(node.kwonlyargs);
      addAll(node.kwDefaults);
      add(node.kwarg);
      addAll(node.defaults);
      break;
    }
    case 'arg':
      add(node.annotation);
      break;
    case 'keyword':
      add(node.value);
      break;
    case 'comprehension':
      add(node.target);
      add(node.iter);
      addAll(node.ifs);
      break;
    case 'BoolOp':
      addAll(node.values);
      break;
    case 'NamedExpr':
      add(node.target);
      add(node.value);
      break;
    case 'BinOp':
      add(node.left);
      add(node.right);
      break;
    case 'UnaryOp':
      add(node.operand);
      break;
    case 'Lambda':
      add(node.args);
      add(node.body);
      break;
    case 'IfExp':
      add(node.test);
      add(node.body);
      add(node.orelse);
      break;
    case 'Dict':
      for (let i = 0; i < node.values.length; i++) {
        add(node.keys[i]);
        add(node.values[i]);
      }
      break;
    case 'Set':
    case 'List':
    case 'Tuple':
      addAll(node.elts);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      add(node.elt);
      addAll(node.generators);
      break;
    case 'DictComp':
      add(node.key);
      add(node.value);
      addAll(node.generators);
      break;
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
    case 'Attribute':
      add(node.value);
      break;
    case 'Yield':
      add(node.value);
      break;
    case 'Compare':
      add(node.left);
      addAll(node.comparators);
      break;
    case 'Call':
      add(node.func);
      addAll(node.args);
      addAll(node.keywords);
      break;
    case 'FormattedValue':
      add(node.value);
      add(node.formatSpec);
      break;
    case 'JoinedStr':
      addAll(node.values);
      break;
    case 'Subscript':
      add(node.value);
      add(node.slice);
      break;
    case 'Slice':
      add(node.lower);
      add(node.upper);
      add(node.step);
      break;
    default:
      return assertNever(node);
  }
  return out;
}

/** Depth-first pre-order traversal. Return `false` from `visit` to skip a node's children. */
export function walk(node: A.Node, visit: (node: A.Node, parent: A.Node | null) => boolean | void): void {
  const go = (n: A.Node, parent: A.Node | null): void => {
    if (visit(n, parent) === false) return;
    for (const c of childNodes(n)) go(c, n);
  };
  go(node, null);
}

function assertNever(x: never): never {
  throw new Error(`unexpected node ${JSON.stringify(x)}`);
}
