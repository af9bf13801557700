// "Shape Lens: Inspect Array" and the explainers: opens the inspector webview (webview/, its
// protocol in webview/protocol.ts, the host-side answers in inspectorData.ts) on an array
// produced by a scratch evaluation, or on a broadcasting/matmul diagram from an operator hover.
// One panel, reused; strict CSP with a nonce; only out/webview is loadable. The panel does not
// keep its page while hidden: the view saves its state (getState/setState) and, shown again,
// says `ready`, and the host re-sends what it showed. A serializer revives it after a reload.
// The array comes from evaluate.ts (the interpreter worker, an engine NDArray) or from a paused
// program (debug/inspectRemote.ts, an ArraySource read window by window); nothing here runs code.
import * as vscode from 'vscode';
import type { NDArray } from '../../engine/core/ndarray';
import { loadInspectorDataNow, type InspectorSession, type OpenOptions } from './inspectorDataBundle';
import type { ArraySource } from './inspectorSource';
import { inspectorHtml, makeNonce } from '../../webview/html';
import type { HostToView, OpenMessage } from '../../webview/protocol';
import { inspectorMaxElements } from './settings';
import { EXPLAIN_COMMAND, ExplainRequest, parseExplainArg } from './explainLink';

/** The webview panel type: also the `onWebviewPanel:` activation event in package.json. */
export const INSPECTOR_VIEW_TYPE = 'shapeLens.inspector';

interface Inspector {
  readonly panel: vscode.WebviewPanel;
  readonly session: InspectorSession;
  /** resolves when the view first says `ready` */
  readonly ready: Promise<void>;
  /** what the panel shows now, re-sent when the view reloads (shown again, or revived) */
  current?: OpenMessage;
}

let inspector: Inspector | undefined;
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

function log(lines: readonly string[]): void {
  if (!lines.length) return;
  output ??= vscode.window.createOutputChannel('Shape Lens Inspector');
  for (const l of lines) output.appendLine(l);
}

/** Wires a panel (new, or revived by the serializer) to a fresh session. */
function adopt(context: vscode.ExtensionContext, p: vscode.WebviewPanel): Inspector {
  const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
  p.webview.options = { enableScripts: true, localResourceRoots: [root] };
  p.webview.html = inspectorHtml({
    scriptUri: p.webview.asWebviewUri(vscode.Uri.joinPath(root, 'inspector.js')).toString(),
    styleUri: p.webview.asWebviewUri(vscode.Uri.joinPath(root, 'inspector.css')).toString(),
    cspSource: cspSourceFor(p.webview.cspSource),
    nonce: makeNonce(),
  });
  const session = new (loadInspectorDataNow().InspectorSession)({ maxElements: inspectorMaxElements() });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const me: Inspector = { panel: p, session, ready };
  p.webview.onDidReceiveMessage(async (m: unknown) => {
    const res = await session.handle(m);
    log(res.log);
    if (res.message?.type === 'ready') {
      // the view (re)loaded: it gets what the host shows now, whatever it had saved
      markReady();
      if (me.current) post(p, me.current);
      else if (res.message.restoreId !== undefined) {
        post(p, { type: 'error', message: 'The array this panel showed is gone (the window was reloaded). Run "Shape Lens: Inspect Array" again to see it.' });
      }
      // an explainer needs no re-send: the view keeps it in its saved state
      return;
    }
    for (const reply of res.replies) post(p, reply);
  });
  p.onDidDispose(() => {
    if (me.current) session.close(me.current.array.id);
    if (inspector === me) inspector = undefined;
  });
  inspector = me;
  return me;
}

function ensurePanel(context: vscode.ExtensionContext): Inspector {
  if (inspector) {
    inspector.panel.reveal(vscode.ViewColumn.Beside, true);
    return inspector;
  }
  const p = vscode.window.createWebviewPanel(INSPECTOR_VIEW_TYPE, 'Shape Lens Inspector', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'webview')],
  });
  return adopt(context, p);
}

/** Waits for the view's first `ready`, but not forever for a view that failed to load. */
async function loaded(i: Inspector): Promise<void> {
  await Promise.race([i.ready, new Promise((res) => setTimeout(res, 5000))]);
}

/**
 * Shows `array` named `name` in the inspector panel (opening it when needed): an engine array,
 * or a source whose values are read as the view asks for them.
 */
export async function showInInspector(context: vscode.ExtensionContext, name: string, array: NDArray | ArraySource, source: 'numpy' | 'torch' = 'numpy', opts: OpenOptions = {}): Promise<vscode.WebviewPanel> {
  const i = ensurePanel(context);
  await loaded(i);
  if (i.current) i.session.close(i.current.array.id);
  i.current = i.session.open(name, array, { ...opts, source });
  post(i.panel, i.current);
  return i.panel;
}

/**
 * Test hook: answers `m` as if the view had sent it and returns the replies (not posted). The
 * real-VS-Code suite cannot scroll the webview, so it asks for the windows a scroll would.
 */
export async function answerAsView(m: unknown): Promise<{ arrayId?: string; replies: HostToView[] }> {
  const i = inspector;
  if (!i) return { replies: [] };
  const r = await i.session.handle(m);
  log(r.log);
  return { ...(i.current ? { arrayId: i.current.array.id } : {}), replies: r.replies };
}

/** The id of the array the panel shows now (tests). */
export function shownArrayId(): string | undefined {
  return inspector?.current?.array.id;
}

/**
 * Tells the view plainly when the array it shows can no longer be read (the debugged program
 * resumed or ended): values it already shows stay, windows not yet read show this message.
 */
export function noticeStaleSource(): void {
  const i = inspector;
  if (!i?.current) return;
  const id = i.current.array.id;
  const reason = i.session.sourceOf(id)?.staleReason?.();
  if (reason) post(i.panel, { type: 'error', id, message: `${i.current.array.name}: ${reason}. Values not read yet cannot be shown; inspect it again at the next stop.` });
}

/** Shows a broadcasting or matmul diagram in the inspector panel (opening it when needed). */
export async function showExplainer(context: vscode.ExtensionContext, req: ExplainRequest): Promise<vscode.WebviewPanel> {
  const i = ensurePanel(context);
  await loaded(i);
  post(i.panel, req);
  return i.panel;
}

/** The explainer command (the operator hover's link) and the serializer that revives a panel after a reload. */
export function registerInspector(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (arg?: unknown) => {
      const req = parseExplainArg(arg);
      if (typeof req === 'string') {
        void vscode.window.showWarningMessage(`Shape Lens: cannot show that diagram (${req})`);
        return undefined;
      }
      await showExplainer(context, req);
      return req.type;
    }),
    vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW_TYPE, {
      // the view restores its own saved state (an explainer fully; an array's view settings
      // once the array is shown again); arrays live only in the extension host, so a revived
      // panel says when its array is gone
      async deserializeWebviewPanel(p: vscode.WebviewPanel): Promise<void> {
        if (inspector && inspector.panel !== p) inspector.panel.dispose();
        adopt(context, p);
      },
    }),
  );
}
