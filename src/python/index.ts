// Public API of the Python front end: `parse` (incremental, never throws), the AST types,
// `dump` for golden tests, `walk`/`childNodes` for traversals and `cpythonError` for the one
// error CPython would report.
// Everything else in src/python (scanner, lezer conversion) is internal to this folder.

export type * from './ast';
export { parse, type ParseResult, type ParseTree, type TextEdit } from './parse';
export { dump, pyFloatRepr, type DumpOptions } from './dump';
export { cpythonError } from './syntaxErrors';
export { childNodes, walk } from './walk';
