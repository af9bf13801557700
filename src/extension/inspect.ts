// "Shape Lens: Inspect Array": opens the inspector webview (webview/, its protocol in
// webview/protocol.ts, the host-side answers in inspectorData.ts) on an array produced by a
// scratch evaluation. One panel, reused; strict CSP with a nonce; only out/webview is loadable.
// The array itself comes from evaluate.ts (the interpreter worker); nothing here runs code.
import * as vscode from 'vscode';
import type { NDArray } from '../../engine/core/ndarray';
import { InspectorSession } from './inspectorData';
import { inspectorHtml, makeNonce } from '../../webview/html';
import type { HostToView } from '../../webview/protocol';
import { inspectorMaxElements } from './settings';

let panel: vscode.WebviewPanel | undefined;
let session: InspectorSession | undefined;
let ready: Promise<void> | undefined;
let output: vscode.OutputChannel | undefined;

/**
 * webview.cspSource as html.ts accepts it: origins only. code-server's includes `'self'`,
 * which html.ts rejects; local resources load through the vscode-cdn.net origin it also names.
 */
export function cspSourceFor(raw: string): string {
  const origins = raw.split(/\s+/).filter((t) => t !== '' && !/[;'"]/.test(t));
  return origins.length ? origins.join(' ') : raw;
}

function post(p: vscode.WebviewPanel, m: HostToView): void {
  void p.webview.postMessage(m);
}

function ensurePanel(context: vscode.ExtensionContext): { panel: vscode.WebviewPanel; session: InspectorSession; ready: Promise<void> } {
  if (panel && session && ready) {
    panel.reveal(vscode.ViewColumn.Beside, true);
    return { panel, session, ready };
  }
  const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
  const p = vscode.window.createWebviewPanel('shapeLens.inspector', 'Shape Lens Inspector', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: true,
  });
  p.webview.html = inspectorHtml({
    scriptUri: p.webview.asWebviewUri(vscode.Uri.joinPath(root, 'inspector.js')).toString(),
    styleUri: p.webview.asWebviewUri(vscode.Uri.joinPath(root, 'inspector.css')).toString(),
    cspSource: cspSourceFor(p.webview.cspSource),
    nonce: makeNonce(),
  });
  const s = new InspectorSession({ maxElements: inspectorMaxElements() });
  let markReady: () => void = () => undefined;
  const r = new Promise<void>((resolve) => { markReady = resolve; });
  p.webview.onDidReceiveMessage((m: unknown) => {
    const res = s.handle(m);
    for (const reply of res.replies) post(p, reply);
    if (res.log.length) {
      output ??= vscode.window.createOutputChannel('Shape Lens Inspector');
      for (const l of res.log) output.appendLine(l);
    }
    if (res.message?.type === 'ready') markReady();
  });
  p.onDidDispose(() => { panel = undefined; session = undefined; ready = undefined; });
  panel = p; session = s; ready = r;
  return { panel: p, session: s, ready: r };
}

/** Shows `array` named `name` in the inspector panel (opening it when needed). */
export async function showInInspector(context: vscode.ExtensionContext, name: string, array: NDArray, source: 'numpy' | 'torch' = 'numpy'): Promise<vscode.WebviewPanel> {
  const { panel: p, session: s, ready: r } = ensurePanel(context);
  // the view says `ready` once its script runs; don't wait forever for a view that failed to load
  await Promise.race([r, new Promise((res) => setTimeout(res, 5000))]);
  post(p, s.open(name, array, { source }));
  return p;
}
