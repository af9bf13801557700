// A committed WebAssembly module (base64 in a *WasmBytes.ts file), compiled and instantiated on
// first use, synchronously. Where there is no WebAssembly, no SIMD (CompileError) or a host that
// refuses synchronous compilation (RangeError), it is null and callers keep their JS kernels.

import { fromBase64 } from './base64';

/** The slice of the WebAssembly JS API used here (the project's lib settings carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/**
 * A getter of the module's exports (typed `E`, the caller's description of them), made into
 * `K` by `wrap` once: the instance on the first call, the same afterwards, null where it cannot run.
 */
export function lazyInstance<E, K = E>(base64: string, wrap: (exports: E) => K = (e) => e as unknown as K): () => K | null {
  let kernel: K | null | undefined;
  return () => {
    if (kernel === undefined) {
      kernel = null;
      const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
      if (wasm !== undefined) {
        try {
          kernel = wrap(new wasm.Instance(new wasm.Module(fromBase64(base64)), {}).exports as E);
        } catch {
          kernel = null;
        }
      }
    }
    return kernel;
  };
}

/** A module's own memory, grown to at least `bytes`; false when it cannot grow (the caller keeps JS). */
export function reserveMemory(memory: { buffer: ArrayBuffer; grow(pages: number): number }, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (have >= bytes) return true;
  try {
    memory.grow(Math.ceil((bytes - have) / 65536));
  } catch {
    return false;
  }
  return true;
}
