// The analyzer's abstract values: what a Python expression may be, as far as shapes go.
// Types and tiny constructors only. A dim is a number, a symbol or an expression of symbols
// (engine/shape/dim.ts); an array with `shape: null` has unknown rank. `unknown` is the top
// of the lattice: anything built from it stays unknown and is never reported.

import type { DType } from '../../engine/core/dtype';
import type { Dim } from '../../engine/shape/dim';
import type * as ast from '../python/ast';

/** Where a value was made: shown in diagnostics ("x: (2, 3) from line 2 `np.ones((2, 3))`"). */
export interface Origin {
  readonly line: number;
  readonly text: string;
}

export type Lib = 'numpy' | 'torch';

export interface ArrayValue {
  readonly kind: 'array';
  readonly lib: Lib;
  /** null: rank unknown */
  readonly shape: readonly Dim[] | null;
  readonly dtype: DType | null;
  readonly origin: Origin | null;
}

export interface IntValue { readonly kind: 'int'; readonly value: Dim | null }
/** A Python float; `value` when it is a known constant (np.arange(4.0) needs it). */
export interface FloatValue { readonly kind: 'float'; readonly value?: number }
export interface BoolValue { readonly kind: 'bool'; readonly value: boolean | null }
export interface StrValue { readonly kind: 'str'; readonly value: string | null }
export interface NoneValue { readonly kind: 'none' }
export interface TupleValue { readonly kind: 'tuple'; readonly items: readonly AValue[] }
/** A list with known items, or `items: null` with an element summary. */
export interface ListValue { readonly kind: 'list'; readonly items: readonly AValue[] | null; readonly elem: AValue }
export interface DictValue { readonly kind: 'dict' }
export interface ModuleValue { readonly kind: 'module'; readonly path: string }
/** `np.zeros`, `torch.nn.Linear`, `x.reshape` (bound to `self`): a library callable. */
export interface LibFunction { readonly kind: 'libfn'; readonly path: string; readonly self: AValue | null }
/** An object of a modelled library class (`np.random.default_rng(0)`: `numpy.random.Generator`); its methods are `PATH.name` models. */
export interface LibObject { readonly kind: 'libobj'; readonly path: string }
export interface DTypeValue { readonly kind: 'dtype'; readonly dtype: DType }
export interface RangeValue { readonly kind: 'range'; readonly start: Dim | null; readonly stop: Dim | null; readonly step: Dim | null }
export interface SliceValue { readonly kind: 'slice'; readonly lower: AValue; readonly upper: AValue; readonly step: AValue }
export interface FunctionValue {
  readonly kind: 'function';
  readonly node: ast.FunctionDef | ast.Lambda;
  readonly closure: Scope;
  readonly self: AValue | null;
}
export interface ClassValue { readonly kind: 'class'; readonly node: ast.ClassDef; readonly bases: readonly AValue[]; readonly methods: Map<string, FunctionValue>; readonly isModule: boolean }
export interface InstanceValue { readonly kind: 'instance'; readonly cls: ClassValue; readonly attrs: Map<string, AValue> }

/** An nn layer object with its construction arguments. */
export type LayerSpec =
  | { readonly type: 'Linear'; readonly inFeatures: Dim | null; readonly outFeatures: Dim | null }
  | { readonly type: 'Conv2d'; readonly inChannels: Dim | null; readonly outChannels: Dim | null; readonly kernel: [Dim | null, Dim | null]; readonly stride: [Dim | null, Dim | null]; readonly padding: [Dim | null, Dim | null] }
  | { readonly type: 'MaxPool2d'; readonly kernel: [Dim | null, Dim | null]; readonly stride: [Dim | null, Dim | null] }
  | { readonly type: 'Flatten'; readonly startDim: number; readonly endDim: number }
  | { readonly type: 'Identity' /* ReLU, Sigmoid, Tanh, Dropout, Softmax …: shape-preserving */ }
  /** CrossEntropyLoss, MSELoss…: `reduction` 'mean'/'sum' give a 0-d tensor, null when not known */
  | { readonly type: 'Loss'; readonly reduction: string | null }
  | { readonly type: 'Sequential'; readonly layers: readonly AValue[] };

export interface LayerValue { readonly kind: 'layer'; readonly spec: LayerSpec; readonly origin: Origin | null }
export interface UnknownValue { readonly kind: 'unknown' }

export type AValue =
  | ArrayValue | IntValue | FloatValue | BoolValue | StrValue | NoneValue | TupleValue | ListValue | DictValue
  | ModuleValue | LibFunction | LibObject | DTypeValue | RangeValue | SliceValue | FunctionValue | ClassValue | InstanceValue
  | LayerValue | UnknownValue;

/** Variables of one scope; `parent` is the enclosing (module) scope for functions. */
export interface Scope {
  readonly vars: Map<string, AValue>;
  readonly parent: Scope | null;
}

export const UNKNOWN: UnknownValue = { kind: 'unknown' };
export const NONE: NoneValue = { kind: 'none' };
export const FLOAT: FloatValue = { kind: 'float' };
export const int = (value: Dim | null): IntValue => ({ kind: 'int', value });
export const str = (value: string | null): StrValue => ({ kind: 'str', value });
export const bool = (value: boolean | null): BoolValue => ({ kind: 'bool', value });
export const tuple = (items: readonly AValue[]): TupleValue => ({ kind: 'tuple', items });
export const array = (lib: Lib, shape: readonly Dim[] | null, dtype: DType | null, origin: Origin | null): ArrayValue =>
  ({ kind: 'array', lib, shape, dtype, origin });
