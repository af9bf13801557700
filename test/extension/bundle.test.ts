// What activation compiles: out/extension.js, built as tools/build.mjs builds it. The parser, the
// analyzer, the engine's operations and the inspector's data code live in bundles of their own,
// loaded on first use (languageBundle.ts, inspectorDataBundle.ts); one static import of them
// from the registration code would pull them back in without any test failing but this one.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { EXTENSION_BUNDLE } from '../../tools/build.mjs';

describe('out/extension.js', () => {
  it('holds no parser, analyzer, engine operations or inspector data code', async () => {
    const r = await build({ ...EXTENSION_BUNDLE, bundle: true, platform: 'node', target: 'node18', write: false, metafile: true, logLevel: 'silent' });
    const output = Object.values(r.metafile?.outputs ?? {}).find((o) => o.entryPoint === 'src/extension/extension.ts');
    const inputs = Object.keys(output?.inputs ?? {});
    expect(inputs).toContain('src/extension/extension.ts');
    const heavy = inputs.filter((f) => /^(src\/python|src\/analyzer|engine\/ops|engine\/shape|node_modules\/@lezer)\//.test(f)
      || /^src\/extension\/(inspectorData|language|languageService)\.ts$/.test(f));
    expect(heavy).toEqual([]);
  });
});
