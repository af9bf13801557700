// Loads out/inspectorData.js (src/extension/inspectorData.ts: the inspector's host-side answers,
// with the engine's arrays and reductions they compute with), a bundle of its own so that
// activation does not compile it: it is most of what out/extension.js would otherwise hold, and
// only an open inspector, an Inspect Array or a paused program's array needs it.
// tools/build.mjs keeps `./inspectorData` external to out/extension.js, so both loaders resolve
// next to out/extension.js. The import() form also runs under vitest (the debug source's tests);
// the require() form is for the inspector panel's synchronous setup.
import type * as InspectorData from './inspectorData';

export type { InspectorSession, OpenOptions } from './inspectorData';

let loaded: typeof InspectorData | undefined;

export async function loadInspectorData(): Promise<typeof InspectorData> {
  return loaded ??= await import('./inspectorData');
}

export function loadInspectorDataNow(): typeof InspectorData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loaded ??= require('./inspectorData') as typeof InspectorData;
}
