// The check behind each committed WebAssembly module (randomWasm.test.ts, gemmWasm.test.ts):
// the base64 constant in its *Bytes.ts must be exactly what its readable source encodes, and
// UPDATE_WASM=1 rewrites that file when it is not.

import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface PinnedModule {
  /** what the source encodes now */
  readonly bytes: Uint8Array;
  /** the committed constant */
  readonly committed: string;
  /** the *Bytes.ts file that holds it, its constant's name, and its two header comment lines */
  readonly file: URL;
  readonly constName: string;
  readonly header: readonly [string, string];
}

function bytesFile(m: PinnedModule, b64: string): string {
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 100) lines.push(`  '${b64.slice(i, i + 100)}'`);
  return [...m.header, '', `export const ${m.constName} =`, lines.join(' +\n') + ';', ''].join('\n');
}

export function expectPinnedBytes(m: PinnedModule): void {
  const b64 = Buffer.from(m.bytes).toString('base64');
  if (process.env.UPDATE_WASM === '1' && b64 !== m.committed) writeFileSync(m.file, bytesFile(m, b64));
  else expect(m.committed, 'regenerate with UPDATE_WASM=1 (see this file)').toBe(b64);
}
