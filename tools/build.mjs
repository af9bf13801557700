// Bundles the extension, the CLI and the demo with esbuild into out/.
// `vscode` stays external (the host provides it); everything else is bundled so the .vsix
// needs no node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'out/extension.js', format: 'cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/demo.ts'], outfile: 'out/demo.js', format: 'cjs' }),
  // the inspector webview: a browser IIFE and its stylesheet, the only files the panel may load
  build({
    entryPoints: ['webview/inspector.ts', 'webview/inspector.css'], outdir: 'out/webview',
    bundle: true, platform: 'browser', format: 'iife', target: 'es2020', sourcemap: true, logLevel: 'warning',
  }),
]);
console.log('built out/extension.js, out/demo.js, out/webview/inspector.{js,css}');
