// The random kernels' WebAssembly module from its readable source (wasmPcg64.ts,
// wasmMt19937.ts, wasmLog*.ts via engine/wasm/encoder.ts): the imports, the functions in index order
// and the memory size. The engine runs the committed bytes of wasmKernelsBytes.ts, so none
// of this runs when sampling; test/engine/randomWasm.test.ts checks that those bytes are what
// this encodes (and rewrites them with UPDATE_WASM=1).

import { encodeModule, ImportDef } from '../wasm/encoder';
import { PAGES } from './wasmLayout';
import { pcg64Fill, pcg64Normals } from './wasmPcg64';
import { mtFillDoubles, mtGaussPairs, mtTemper, mtTwist } from './wasmMt19937';

/** The imports, by name: wasmKernels.ts supplies libm.ts's log1p and log, and Math.exp. */
export const KERNEL_IMPORTS: readonly ImportDef[] = [
  { module: 'm', name: 'log1p', params: ['f64'], results: ['f64'] },
  { module: 'm', name: 'exp', params: ['f64'], results: ['f64'] },
  { module: 'm', name: 'log', params: ['f64'], results: ['f64'] },
];

export function encodeKernelModule(): Uint8Array {
  // function indices: the imports (0 log1p, 1 exp, 2 log), then 3 pcg64Fill, 4 pcg64Normals,
  // 5 twist, 6 temper, 7 mtFillDoubles, 8 mtGaussPairs
  const funcs = [pcg64Fill(), pcg64Normals(0, 1), mtTwist(6), mtTemper(), mtFillDoubles(5, 6), mtGaussPairs(5, 6, 2)];
  return encodeModule(KERNEL_IMPORTS, funcs, PAGES);
}
