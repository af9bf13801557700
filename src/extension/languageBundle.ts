// Loads out/language.js (src/extension/language.ts: the providers over the analysis worker)
// and out/instrument.js (the parser, for scratch evaluation's instrumentation), bundles of
// their own so that activation does not compile them (tools/build.mjs keeps them external to
// out/extension.js). A plain require: synchronous, and resolved next to out/extension.js.
import type * as Language from './language';
import type * as Instrument from './instrument';

export type { LanguageFeatures } from './language';

let loaded: typeof Language | undefined;

export function loadLanguage(): typeof Language {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loaded ??= require('./language') as typeof Language;
}

let instrumentLoaded: typeof Instrument | undefined;

export function loadInstrument(): typeof Instrument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return instrumentLoaded ??= require('./instrument') as typeof Instrument;
}
