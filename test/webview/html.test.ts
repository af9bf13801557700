// The inspector document the host serves (webview/html.ts): a strict CSP with the nonce,
// the bundle's two files, attribute escaping, and refusal of sources that could inject.

import { describe, expect, test } from 'vitest';
import { inspectorCsp, inspectorHtml, makeNonce } from '../../webview/html';

const opts = { scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/inspector.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/inspector.css', cspSource: 'https://*.vscode-cdn.net', nonce: 'abc123XYZ' };

describe('inspectorHtml', () => {
  test('a strict CSP: nothing by default, scripts only with the nonce, styles only from the bundle origin', () => {
    expect(inspectorCsp(opts)).toBe("default-src 'none'; style-src https://*.vscode-cdn.net; script-src 'nonce-abc123XYZ'; img-src https://*.vscode-cdn.net blob: data:; font-src https://*.vscode-cdn.net");
    const html = inspectorHtml(opts);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).toContain(`<script nonce="abc123XYZ" src="${opts.scriptUri}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${opts.styleUri}">`);
    expect(html).not.toMatch(/unsafe-(inline|eval)|style=|<style/);
    expect((html.match(/<script/g) ?? []).length).toBe(1);
  });
  test('URIs and titles are escaped into attributes and text', () => {
    const html = inspectorHtml({ ...opts, scriptUri: 'x" onload="alert(1)', title: '</title><script>' });
    expect(html).toContain('src="x&quot; onload=&quot;alert(1)"');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;</title>');
  });
  test.each([
    ["'self' https://*.vscode-cdn.net", "style-src 'self' https://*.vscode-cdn.net;"],
    ['http://127.0.0.1:8080', 'style-src http://127.0.0.1:8080;'],
    ['vscode-resource:', 'style-src vscode-resource:;'],
  ])('accepts cspSource %s', (cspSource, want) => expect(inspectorCsp({ ...opts, cspSource })).toContain(want));
  test.each([
    "https://x; script-src 'unsafe-inline'", "'unsafe-eval'", 'https://x"', '',
  ])('refuses cspSource %s', (cspSource) => expect(() => inspectorCsp({ ...opts, cspSource })).toThrow(/bad cspSource/));
  test('refuses a nonce that could break out of the directive', () => {
    expect(() => inspectorCsp({ ...opts, nonce: "x' 'unsafe-inline" })).toThrow(/nonce/);
  });
  test('nonces are 32 fresh alphanumerics', () => {
    const a = makeNonce(), b = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
  });
});
