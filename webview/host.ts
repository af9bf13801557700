// The view's side of the channel to the extension host. Inside VS Code it uses
// acquireVsCodeApi() (postMessage, getState/setState); in a plain browser page it falls back
// to posting to the embedding page (window.parent, as VS Code's own frames do) or, when not
// embedded, a `shape-lens:to-host` CustomEvent, with state in sessionStorage — so the app
// runs in a test page with a fake host. Every incoming message is validated (webview/protocol.ts);
// rejected ones are logged and dropped, never acted on. Requests carry a requestId and
// resolve with the matching reply.

import {
  AxisSummaryMessage, ChunkMessage, HostToView, StatsMessage, validateHostMessage, ViewToHost,
} from './protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  // provided by VS Code inside webviews (once per document)
  // eslint-disable-next-line no-var
  var acquireVsCodeApi: (() => VsCodeApi) | undefined;
}

const STORAGE_KEY = 'shape-lens-inspector-state';

function fallbackApi(): VsCodeApi {
  let memory: unknown;
  return {
    postMessage: (message) => {
      if (window.parent !== window) window.parent.postMessage(message, '*');
      else window.dispatchEvent(new CustomEvent('shape-lens:to-host', { detail: message }));
    },
    getState: () => {
      try {
        const s = window.sessionStorage.getItem(STORAGE_KEY);
        return s === null ? memory : JSON.parse(s);
      } catch { return memory; }
    },
    setState: (state) => {
      memory = state;
      try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch { /* storage unavailable */ }
    },
  };
}

type Reply = ChunkMessage | StatsMessage | AxisSummaryMessage;

export class HostBridge {
  private readonly api: VsCodeApi;
  private readonly pending = new Map<number, { resolve: (m: Reply) => void; reject: (e: Error) => void }>();
  private nextRequest = 1;
  private rejectedCount = 0;
  readonly inVsCode: boolean;
  private listener: ((m: HostToView) => void) | undefined;

  constructor() {
    this.inVsCode = typeof globalThis.acquireVsCodeApi === 'function';
    this.api = this.inVsCode ? globalThis.acquireVsCodeApi!() : fallbackApi();
    window.addEventListener('message', (ev: MessageEvent) => this.receive(ev.data));
  }

  /** Messages that are not replies to a request (open, explain…, unsolicited errors). */
  onMessage(fn: (m: HostToView) => void): void {
    this.listener = fn;
  }

  post(m: ViewToHost): void {
    this.api.postMessage(m);
  }

  getState<T>(): Partial<T> | undefined {
    const s = this.api.getState();
    return typeof s === 'object' && s !== null ? (s as Partial<T>) : undefined;
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }

  request<T extends Reply>(make: (requestId: number) => ViewToHost): Promise<T> {
    const requestId = this.nextRequest++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(requestId, { resolve: resolve as (m: Reply) => void, reject });
      this.post(make(requestId));
    });
  }

  private receive(raw: unknown): void {
    const v = validateHostMessage(raw);
    if (!v.ok) {
      this.rejectedCount++;
      const line = `[shape-lens] rejected message: ${v.error}`;
      console.warn(line);
      if (this.rejectedCount <= 20) this.post({ type: 'log', level: 'warn', message: line });
      return;
    }
    const m = v.value;
    if ((m.type === 'chunk' || m.type === 'stats' || m.type === 'axisSummary' || m.type === 'error') && m.requestId !== undefined) {
      const p = this.pending.get(m.requestId);
      if (p) {
        this.pending.delete(m.requestId);
        if (m.type === 'error') p.reject(new Error(m.message));
        else p.resolve(m);
        return;
      }
      if (m.type !== 'error') return; // a late reply for a request nobody waits on
    }
    this.listener?.(m);
  }

  get rejected(): number {
    return this.rejectedCount;
  }
}
