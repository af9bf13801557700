// The README's "Diagnostics codes" table (the target of every diagnostic's code link) lists
// exactly the analyzer's codes, each with its CODE_HELP text and an anchor named by the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_HELP } from '../../src/analyzer';

describe('README diagnostics codes', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Diagnostics codes'));
  it.each(Object.entries(CODE_HELP))('%s has its row and anchor', (code, help) => {
    expect(section).toContain(`| <a id="${code}"></a>\`${code}\` | ${help} |`);
  });
  it('lists no unknown code', () => {
    const rows = [...section.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(CODE_HELP).sort());
  });
});
