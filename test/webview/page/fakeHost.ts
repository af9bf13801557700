// The fake extension host of the browser tests: the outer page embeds the inspector in an
// iframe (as VS Code does) and answers it with the real host-side module
// (src/extension/inspectorData.ts) over engine arrays built here. Fixtures are chosen by the
// page's query (`?fixture=big&max=100000&api=vscode`). Tests drive it through window.__fakeHost.
// Not shipped: bundled by test/webview/harness.ts only.

import { NDArray, cStrides } from '../../../engine/core/ndarray';
import type { DType } from '../../../engine/core/dtype';
import { allocate } from '../../../engine/core/dtype';
import { transpose } from '../../../engine/ops/manipulation';
import { InspectorSession, LocalArraySource, OpenOptions } from '../../../src/extension/inspectorData';
import type { ArraySource, SourceBlock } from '../../../src/extension/inspectorSource';
import { sliceKey, type HostToView, type SliceSpec, type ViewKind } from '../../../webview/protocol';

function make(shape: number[], dtype: DType, f: (flat: number, idx: number[]) => number): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = allocate(dtype, n);
  const strides = cStrides(shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    for (let d = 0; d < shape.length; d++) idx[d] = Math.floor(k / strides[d]) % shape[d];
    data[k] = f(k, idx);
  }
  return new NDArray(data, dtype, shape, strides, 0);
}

/** A 28×28 seven-segment drawing of digit d (strokes of value 1 on 0), for batches that are easy to read. */
function digitPixel(d: number, y: number, x: number): number {
  const seg = ['abcdef', 'bc', 'abged', 'abgcd', 'fgbc', 'afgcd', 'afgedc', 'abc', 'abcdefg', 'abcdfg'][d % 10];
  const inH = (row: number) => Math.abs(y - row) <= 1 && x >= 8 && x <= 19;
  const inV = (col: number, top: boolean) => Math.abs(x - col) <= 1 && (top ? y >= 4 && y <= 14 : y >= 13 && y <= 23);
  const on = (s: string): boolean => {
    switch (s) {
      case 'a': return inH(4);
      case 'g': return inH(13.5);
      case 'd': return inH(23);
      case 'f': return inV(8, true);
      case 'b': return inV(19, true);
      case 'e': return inV(8, false);
      case 'c': return inV(19, false);
      default: return false;
    }
  };
  return [...seg].some(on) ? 1 : 0;
}

interface Fixture { name: string; array: NDArray; opts?: OpenOptions }

const EVIL = '<img src=x onerror="parent.__pwned=1"><script>parent.__pwned=2</script>';

function fixture(name: string): Fixture | undefined {
  switch (name) {
    case 'scalar': return { name: 'loss', array: make([], 'float64', () => 0.6931471805599453) };
    case 'vec': return { name: 'v', array: make([10], 'float64', (k) => k * 0.5) };
    case 'mat': return { name: 'W', array: make([4, 5], 'float64', (_k, [i, j]) => i * 10 + j + 0.25) };
    case 'big': return { name: 'field', array: make([1000, 1000], 'float64', (_k, [i, j]) => Math.sin(i / 60) * Math.cos(j / 90) + (i + j) / 4000) };
    case 'batch': return {
      name: 'images', array: make([64, 1, 28, 28], 'float32', (_k, [n, , y, x]) => digitPixel(n, y, x) * (0.5 + 0.5 * ((n % 7) / 6))),
      opts: { source: 'torch' },
    };
    case 'nhwc': return { name: 'imgs', array: make([12, 16, 16, 3], 'uint8', (_k, [n, y, x, c]) => (c === n % 3 ? 40 + y * 13 : x * 8)) };
    case 'features': return { name: 'X_flat', array: make([16, 784], 'float32', (_k, [n, f]) => digitPixel(n, Math.floor(f / 28), f % 28)) };
    case 'image': return { name: 'img', array: make([32, 48, 3], 'uint8', (_k, [y, x, c]) => (c === 0 ? Math.round(x * 255 / 47) : c === 1 ? Math.round(y * 255 / 31) : ((x >> 3) + (y >> 3)) % 2 ? 255 : 0)) };
    case 'chw': return { name: 'tensor_img', array: make([3, 32, 48], 'float32', (_k, [c, y, x]) => (c === 0 ? x / 47 : c === 1 ? y / 31 : 0.2)), opts: { source: 'torch' } };
    case 'bool': return { name: 'mask', array: make([8, 8], 'bool', (_k, [i, j]) => ((i + j) % 2 === 0 ? 1 : 0)) };
    case 'nan': return {
      name: 'z', array: make([6, 6], 'float64', (_k, [i, j]) => (i === j ? NaN : i === 0 && j === 5 ? Infinity : i === 5 && j === 0 ? -Infinity : (i - j) / 2)),
    };
    case 'nd': return { name: 'x', array: make([5, 4, 3, 2], 'float64', (k) => k) };
    case 'transposed': return { name: 'A.T', array: transpose(make([3, 4], 'int32', (k) => k)) };
    case 'batchloop': return {
      name: 'X', array: make([200, 8], 'float64', (_k, [i, j]) => i + j / 10),
      opts: { highlight: { axis: 0, start: 64, stop: 96, label: 'X[i:i+bs] with i=64, bs=32' } },
    };
    case 'xss': return { name: EVIL, array: make([3, 3], 'float64', (k) => k) };
    case 'empty': return { name: 'e', array: make([0, 3], 'float64', () => 0) };
    default: return undefined;
  }
}

const q = new URLSearchParams(location.search);
const max = q.has('max') ? Number(q.get('max')) : undefined;
const session = new InspectorSession({ maxElements: max, idPrefix: q.get('prefix') ?? '' });
const log: string[] = [];
const received: unknown[] = [];
let frame: HTMLIFrameElement;
let current: string | undefined;
let restarted = false;
const GONE = 'The array this panel showed is gone (the window was reloaded).';

function transferables(m: HostToView): Transferable[] {
  if ((m.type === 'chunk' || m.type === 'axisSummary') && m.data instanceof ArrayBuffer) return [m.data];
  return [];
}

function post(m: unknown): void {
  frame.contentWindow!.postMessage(m, '*', transferables(m as HostToView));
}

// built before the inspector loads, so building it is not part of any measured time
const built = new Map<string, Fixture | undefined>();
const initial = q.get('fixture');
if (initial) built.set(initial, fixture(initial));

/** Windows read by the `?remote=…` source, in order (`0:64:1,0:32:1`). */
const reads: string[] = [];
let resumed = false;
let currentName = '';

/**
 * `?remote=ms`: the fixture behind an asynchronous source that answers each window after `ms`,
 * as a paused program read through the debug adapter does (debug/remoteSource.ts), and goes
 * stale when the test says the program resumed.
 */
function remoteLike(array: LocalArraySource, ms: number): ArraySource {
  return {
    info: array.info,
    readBlock: async (slice: SliceSpec): Promise<SourceBlock> => {
      reads.push(sliceKey(slice));
      await new Promise((res) => setTimeout(res, ms));
      return array.readBlock(slice);
    },
    stats: (...a) => array.stats(...a),
    axisSummary: (...a) => array.axisSummary(...a),
    staleReason: () => (resumed ? 'the program has resumed since this array was opened' : undefined),
  };
}

function openFixture(name: string): void {
  if (!built.has(name)) built.set(name, fixture(name));
  const f = built.get(name);
  if (!f) { log.push(`unknown fixture ${name}`); return; }
  const source = q.has('remote') ? remoteLike(new LocalArraySource(f.array), Number(q.get('remote'))) : f.array;
  const open = session.open(f.name, source, {
    ...f.opts, ...(q.has('remote') ? { origin: 'read on demand from the paused program (fake)' } : {}),
    ...(q.has('view') ? { view: q.get('view') as ViewKind } : {}),
  });
  currentName = f.name;
  current = open.array.id;
  post(open);
}

window.addEventListener('message', async (ev: MessageEvent) => {
  if (ev.source !== frame.contentWindow) return;
  received.push(ev.data);
  const r = await session.handle(ev.data);
  log.push(...r.log);
  if (r.message?.type === 'ready') {
    // after restartHost(): what src/extension/inspect.ts answers a revived panel whose array is gone
    if (restarted) {
      if (r.message.restoreId !== undefined && r.replies.length === 0) post({ type: 'error', message: GONE });
      return;
    }
    if (r.replies.length === 0 && q.get('fixture')) openFixture(q.get('fixture')!);
  }
  for (const m of r.replies) post(m);
});

// state that survives a reload of the iframe, as VS Code keeps a webview's setState
const savedState: { value: unknown } = { value: undefined };

declare global {
  interface Window {
    __fakeHost: {
      post(m: unknown): void; open(name: string): void; log: string[]; received: unknown[];
      current(): string | undefined; reloadView(): void; savedState: { value: unknown }; EVIL: string;
      /** forget every array, as a reloaded window's extension host has */
      restartHost(): void;
      /** windows the `?remote` source was asked for */
      reads: string[];
      /** the debugged program resumes: the source goes stale and the host says so (src/extension/inspect.ts noticeStaleSource) */
      resume(): void;
    };
    __pwned?: number;
  }
}

window.__fakeHost = {
  post, open: openFixture, log, received, current: () => current, savedState, EVIL,
  reloadView: () => { frame.src = frame.src; },
  restartHost: () => { for (const id of session.openIds) session.close(id); restarted = true; },
  reads,
  resume: () => {
    resumed = true;
    if (current) post({ type: 'error', id: current, message: `${currentName}: the program has resumed since this array was opened. Values not read yet cannot be shown; inspect it again at the next stop.` });
  },
};

frame = document.createElement('iframe');
frame.id = 'inspector';
frame.title = 'inspector';
frame.src = `/inspector.html${q.get('api') === 'vscode' ? '?shim=1' : ''}`;
document.body.appendChild(frame);
