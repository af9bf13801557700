// The inspector's HTML document, for the host to serve (webview.html) and for the test page:
// a strict Content-Security-Policy (`default-src 'none'`, scripts only with the nonce, styles
// and scripts only from the bundle's origin, no eval, no remote resources) and the two bundle
// files. Pure string building; no DOM, no `vscode`. The extension passes
// `webview.asWebviewUri(...)` strings and `webview.cspSource`; it should also set
// `localResourceRoots` to the bundle folder (out/webview) only.

export interface InspectorHtmlOptions {
  /** URI of out/webview/inspector.js as the webview sees it */
  readonly scriptUri: string;
  /** URI of out/webview/inspector.css */
  readonly styleUri: string;
  /** `webview.cspSource`: the origin of local resources */
  readonly cspSource: string;
  /** a fresh random nonce per document (see makeNonce) */
  readonly nonce: string;
  readonly title?: string;
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };
const escapeAttr = (s: string): string => s.replace(/[&"<>']/g, (c) => ATTR_ESCAPES[c]);

/** 32 random alphanumerics from a CSPRNG (crypto.getRandomValues exists in node ≥ 19 and browsers). */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

/** One CSP source expression: `'self'`, or a scheme/host source such as `https://*.vscode-cdn.net`. */
const SOURCE = /^(?:'self'|[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/)?[^\s;,'"]*|\*?[A-Za-z0-9.*-]+(?::\d+)?)$/;

export function inspectorCsp(o: Pick<InspectorHtmlOptions, 'cspSource' | 'nonce'>): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(o.nonce)) throw new Error('nonce must be base64 characters');
  // webview.cspSource is one or more source expressions (code-server's starts with 'self');
  // anything else (a `;`, a quote) could smuggle in a directive, so refuse it
  const sources = o.cspSource.trim().split(/\s+/);
  if (sources.length === 0 || sources.some((t) => !SOURCE.test(t))) throw new Error(`bad cspSource ${JSON.stringify(o.cspSource)}`);
  return [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource} blob: data:`,
    `font-src ${o.cspSource}`,
  ].join('; ');
}

export function inspectorHtml(o: InspectorHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(inspectorCsp(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(o.styleUri)}">
<title>${escapeAttr(o.title ?? 'Shape Lens Inspector')}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>
`;
}
