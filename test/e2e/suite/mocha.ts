// Typed access to mocha's BDD functions, which mocha puts on the global object when the
// suite file is required (index.ts emits 'pre-require' first). Calls are forwarded lazily so
// these imports work although the bundle's modules load before mocha sets the globals.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (this: any) => void | Promise<void>;
const g = globalThis as any;

export const describe = (title: string, fn: (this: any) => void): void => g.describe(title, fn);
export const it = (title: string, fn: Fn): void => g.it(title, fn);
export const before = (fn: Fn): void => g.before(fn);
export const after = (fn: Fn): void => g.after(fn);
