// Bundles the extension, the CLI and the demo with esbuild into out/.
// `vscode` stays external (the host provides it); everything else is bundled so the .vsix
// needs no node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', sourcemap: true, logLevel: 'warning' };

/** out/extension.js, what activation compiles (test/extension/bundle.test.ts checks what it holds). */
export const EXTENSION_BUNDLE = {
  entryPoints: ['src/extension/extension.ts'], outfile: 'out/extension.js', format: 'cjs', external: ['vscode', './language', './inspectorData'], minify: true,
  // import('./inspectorData') as require(): the extension host's ESM resolver wants file extensions
  supported: { 'dynamic-import': false },
};

async function buildAll() {
  await Promise.all([
    // Minified: VS Code compiles the whole bundle at activation and less source compiles faster
    // (the source maps keep stack traces readable). The parser and analyzer are a bundle of their
    // own: out/language.js (the providers), which extension.js requires on first use, runs them
    // in out/analysisWorker.js, a worker thread, which also instruments scratch evaluation's
    // programs. Activation compiles neither, nor out/inspectorData.js: the inspector's host side and
    // the engine's operations it needs, required when an inspector first opens.
    build({ ...common, ...EXTENSION_BUNDLE }),
    build({ ...common, entryPoints: ['src/extension/inspectorData.ts'], outfile: 'out/inspectorData.js', format: 'cjs', external: ['vscode'], minify: true }),
    build({ ...common, entryPoints: ['src/extension/language.ts'], outfile: 'out/language.js', format: 'cjs', external: ['vscode'], minify: true }),
    build({ ...common, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'out/analysisWorker.js', format: 'cjs', minify: true }),
    // the interpreter's worker thread: the extension runs scratch code in it (runInWorker looks next to extension.js)
    build({ ...common, entryPoints: ['src/worker.ts'], outfile: 'out/worker.js', format: 'cjs' }),
    // `shape-lens run FILE.py` (package.json "bin"); it runs programs in out/worker.js beside it
    build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'out/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
    build({ ...common, entryPoints: ['src/demo.ts'], outfile: 'out/demo.js', format: 'cjs' }),
    // the inspector webview: a browser IIFE and its stylesheet, the only files the panel may load
    build({
      entryPoints: ['webview/inspector.ts', 'webview/inspector.css'], outdir: 'out/webview',
      bundle: true, platform: 'browser', format: 'iife', target: 'es2020', sourcemap: true, logLevel: 'warning',
    }),
    // `--e2e`: the integration suite that runs inside VS Code's extension host (mocha stays external)
    ...(process.argv.includes('--e2e') ? [
      build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/test/suite/index.js', format: 'cjs', external: ['vscode', 'mocha'] }),
    ] : []),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log('built out/extension.js, out/language.js, out/analysisWorker.js, out/worker.js, out/cli.js, out/demo.js, out/webview/inspector.{js,css}');
}
