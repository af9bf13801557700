// Loads out/language.js (src/extension/language.ts: the providers over the analysis worker),
// a bundle of its own so that activation does not compile it (tools/build.mjs keeps it
// external to out/extension.js). A plain require: synchronous, and resolved next to
// out/extension.js.
import type * as Language from './language';

export type { LanguageFeatures } from './language';

let loaded: typeof Language | undefined;

export function loadLanguage(): typeof Language {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loaded ??= require('./language') as typeof Language;
}
