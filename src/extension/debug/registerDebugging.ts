// Live debugging, registered in one place: the session tracker, inline shapes for Python,
// the "Shapes" view in Run and Debug and "Inspect in Shape Lens". Returns what the extension's
// API exposes to tests (the last inline values, the view's lines, the inspector's answers).
import * as vscode from 'vscode';
import { DebugSessions } from './debugSessions';
import { InlineShapesProvider, type InlineShape } from './inlineShapes';
import { ShapesView } from './shapesView';
import { inspectInShapeLens, remoteSourcesMayBeStale } from './inspectRemote';
import { answerAsView, shownArrayId } from '../inspect';
import type { HostToView } from '../../../webview/protocol';

export interface DebuggingApi {
  /** the inline shapes last given to VS Code */
  lastInlineShapes(): { uri: string; frameId: number; values: InlineShape[]; asked?: string } | undefined;
  /** the Shapes view's lines once its refresh in progress has finished */
  shapesViewLines(): Promise<string[]>;
  /** the inspector's current array id, and its answers to a message as if the view sent it (the suite cannot scroll a webview) */
  inspectorArrayId(): string | undefined;
  inspectorRequest(message: unknown): Promise<HostToView[]>;
}

export function registerDebugging(context: vscode.ExtensionContext): DebuggingApi {
  const sessions = new DebugSessions();
  const inline = new InlineShapesProvider(sessions);
  const view = new ShapesView(sessions);
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    sessions, view,
    vscode.languages.registerInlineValuesProvider({ language: 'python' }, inline),
    vscode.window.registerTreeDataProvider('shapeLens.shapes', view),
    vscode.commands.registerCommand('shapeLens.inspectInShapeLens', (arg?: unknown) => inspectInShapeLens(context, sessions, arg)),
    sessions.onDidChange((c) => {
      if (c.kind === 'stopped' || c.kind === 'ended' || c.kind === 'running') {
        clearTimeout(timer);
        void view.refresh();
        remoteSourcesMayBeStale();
        return;
      }
      // another frame focused: wait for the UI's own requests to settle
      clearTimeout(timer);
      timer = setTimeout(() => void view.refresh(), 100);
    }),
    vscode.debug.onDidChangeActiveDebugSession(() => { clearTimeout(timer); void view.refresh(); }),
    { dispose: () => clearTimeout(timer) },
  );
  return {
    lastInlineShapes: () => inline.last,
    shapesViewLines: async () => { await view.refreshing; return view.lines(); },
    inspectorArrayId: shownArrayId,
    inspectorRequest: async (m) => (await answerAsView(m)).replies,
  };
}
