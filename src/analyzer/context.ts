// What library models need from the analyzer while they compute a call's result: reporting a
// rule's failure as a diagnostic (with the operands' origins) and naming the call's source.
// An interface only, so libModel.ts does not depend on the evaluator.

import type { ShapeError } from '../../engine/shape/result';
import type * as ast from '../python/ast';
import type { DiagnosticCode, Fix } from './diagnostics';
import type { AValue, Origin } from './values';

export interface Operand {
  readonly name: string;
  readonly value: AValue;
  /** the operand's source range, when it is an expression in the user's code (for quick fixes) */
  readonly range?: ast.Range;
}

export interface CallContext {
  /** the call or operator node (diagnostics go on its range) */
  readonly node: ast.Node & { range: ast.Range };
  /** where a value made here came from */
  readonly origin: Origin;
  report(code: DiagnosticCode, error: ShapeError, operands: readonly Operand[], fix?: Fix): void;
}

/** Positional and keyword arguments of a call, already evaluated. */
export interface CallArgs {
  readonly args: readonly AValue[];
  readonly kwargs: ReadonlyMap<string, AValue>;
  /** source text of each positional argument (for operand names in messages) */
  readonly argTexts: readonly string[];
  /** true when *args/**kwargs made the arguments unknowable */
  readonly opaque: boolean;
}
