// The public face of engine/format/: NumPy 1.24-identical str()/repr() of arrays and
// scalars, the print options, and the float formatting primitives they are built on.
// Re-exports only; no logic lives here.

export {
  arrayRepr, arrayStr, getPrintOptions, printOptions, resetPrintOptions, scalarRepr, scalarStr, setPrintOptions,
} from './arrayFormat';
export type { PrintOptions } from './arrayFormat';
export { FloatingFormat, floatScalarRepr, formatPositional, formatScientific, pyFloatRepr } from './floatFormat';
export type { Dragon4Options, FloatFormatOptions, FloatKind, FloatMode, SignMode, TrimMode } from './floatFormat';
