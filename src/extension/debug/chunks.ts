// Cutting a remote array into C-order blocks that each fit one debug-adapter answer, and
// turning the bytes of those blocks back into an engine NDArray. A block is `x[i, j, a:b]`:
// fixed indices on the leading axes and a range on one axis, so its `tobytes()` is a
// contiguous run of the array's C-order values and the blocks concatenate in order.
// Byte order comes from NumPy's type string (`<f4`, `>i8`); int64/uint64 become doubles as
// everywhere in the engine (exact to 2**53). Pure: no `vscode`.
import { NDArray, cStrides } from '../../../engine/core/ndarray';
import { allocate, DType, TypedArray } from '../../../engine/core/dtype';

/** One block: `prefix` indices on axes 0..axis-1, then `start:stop` on `axis`. axis -1: a 0-d array whole. */
export interface Block {
  readonly prefix: readonly number[];
  readonly axis: number;
  readonly start: number;
  readonly stop: number;
  /** values in the block */
  readonly size: number;
}

/** The Python selection of a block: `3, 0:16`, `0:64`, or `...` for a 0-d array. */
export function blockSelection(b: Block): string {
  if (b.axis < 0) return '...';
  return [...b.prefix.map(String), `${b.start}:${b.stop}`].join(', ');
}

/**
 * The blocks of an array of `shape` with `itemsize`-byte values, each at most `maxBytes`
 * (or one value when a value is larger), in C order.
 *
 *   planBlocks([64, 1, 28, 28], 4, 65536) → x[0:20], x[20:40], x[40:60], x[60:64]  (3136 B a row)
 *   planBlocks([2, 100000], 8, 65536) → x[0, 0:8192], …, x[1, 98304:100000]
 */
export function* planBlocks(shape: readonly number[], itemsize: number, maxBytes: number): Generator<Block> {
  const nd = shape.length;
  if (nd === 0) { yield { prefix: [], axis: -1, start: 0, stop: 1, size: 1 }; return; }
  if (shape.some((d) => d === 0)) return;
  const rowElems = new Array<number>(nd);
  let r = 1;
  for (let k = nd - 1; k >= 0; k--) { rowElems[k] = r; r *= shape[k]; }
  let axis = 0;
  while (axis < nd - 1 && rowElems[axis] * itemsize > maxBytes) axis++;
  const per = Math.max(1, Math.floor(maxBytes / (rowElems[axis] * itemsize)));
  const idx = new Array<number>(axis).fill(0);
  for (;;) {
    for (let s = 0; s < shape[axis]; s += per) {
      const stop = Math.min(shape[axis], s + per);
      yield { prefix: [...idx], axis, start: s, stop, size: (stop - s) * rowElems[axis] };
    }
    let d = axis - 1;
    for (; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
    if (d < 0) return;
  }
}

interface TypeInfo { readonly dtype: DType; readonly size: number; readonly little: boolean }

/** NumPy's type string → the engine dtype and byte order; an Error for types the engine lacks. */
export function parseTypestr(typestr: string): TypeInfo | Error {
  const m = /^([<>|=])([biuf])(\d+)$/.exec(typestr);
  if (!m) return new Error(`values of type ${typestr} cannot be shown`);
  const size = Number(m[3]);
  const names: Record<string, DType | undefined> = {
    b1: 'bool', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64', u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', f4: 'float32', f8: 'float64',
  };
  const dtype = names[`${m[2]}${size}`];
  if (!dtype) return new Error(`values of type ${typestr} cannot be shown`);
  // '=' is the sender's native order; every platform torch and debugpy run on in practice is little-endian
  return { dtype, size, little: m[1] !== '>' };
}

/**
 * Writes `bytes` (values of `t`) into `out` from element `at`; returns the count written.
 * Bools become 0/1 whatever their byte; int64/uint64 round to the nearest double.
 */
export function decodeInto(bytes: Uint8Array, t: TypeInfo, out: TypedArray, at: number): number {
  const n = bytes.byteLength / t.size;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = t.little;
  switch (t.dtype) {
    case 'bool': for (let i = 0; i < n; i++) out[at + i] = bytes[i] ? 1 : 0; break;
    case 'uint8': out.set(bytes, at); break;
    case 'int8': for (let i = 0; i < n; i++) out[at + i] = dv.getInt8(i); break;
    case 'int16': for (let i = 0; i < n; i++) out[at + i] = dv.getInt16(2 * i, le); break;
    case 'uint16': for (let i = 0; i < n; i++) out[at + i] = dv.getUint16(2 * i, le); break;
    case 'int32': for (let i = 0; i < n; i++) out[at + i] = dv.getInt32(4 * i, le); break;
    case 'uint32': for (let i = 0; i < n; i++) out[at + i] = dv.getUint32(4 * i, le); break;
    case 'float32': for (let i = 0; i < n; i++) out[at + i] = dv.getFloat32(4 * i, le); break;
    case 'float64': for (let i = 0; i < n; i++) out[at + i] = dv.getFloat64(8 * i, le); break;
    case 'int64': for (let i = 0; i < n; i++) out[at + i] = Number(dv.getBigInt64(8 * i, le)); break;
    case 'uint64': for (let i = 0; i < n; i++) out[at + i] = Number(dv.getBigUint64(8 * i, le)); break;
  }
  return n;
}

/**
 * Collects blocks, in plan order, into one C-contiguous NDArray of `shape`. The first block
 * fixes the dtype (the type the adapter sent: float16 arrives as float32); each later block
 * must have the same type and the size its plan said.
 */
export class ArrayAssembler {
  private out: { data: TypedArray; type: TypeInfo } | undefined;
  private filled = 0;
  readonly size: number;

  constructor(readonly shape: readonly number[]) {
    this.size = shape.reduce((p, d) => p * d, 1);
  }

  add(typestr: string, bytes: Uint8Array, expectedValues: number): void {
    const t = parseTypestr(typestr);
    if (t instanceof Error) throw t;
    if (bytes.byteLength !== expectedValues * t.size) {
      throw new Error(`a chunk held ${bytes.byteLength} bytes, expected ${expectedValues} values of ${t.size} bytes (the array changed while it was read?)`);
    }
    if (!this.out) this.out = { data: allocate(t.dtype, this.size), type: t };
    else if (this.out.type.dtype !== t.dtype) throw new Error(`chunks of different types: ${this.out.type.dtype} then ${t.dtype}`);
    if (this.filled + expectedValues > this.size) throw new Error('more values than the array holds');
    this.filled += decodeInto(bytes, t, this.out.data, this.filled);
  }

  /** The array, once every value has arrived; `fallbackDtype` for an empty array (no blocks). */
  finish(fallbackDtype: DType): NDArray {
    if (this.filled !== this.size) throw new Error(`only ${this.filled} of ${this.size} values arrived`);
    const dtype = this.out?.type.dtype ?? fallbackDtype;
    const data = this.out?.data ?? allocate(dtype, 0);
    return new NDArray(data, dtype, [...this.shape], cStrides(this.shape), 0);
  }
}

/** One axis of a window, as the inspector's protocol spells it (webview/protocol.ts AxisSel). */
export type WindowAxis = { readonly index: number } | { readonly start: number; readonly stop: number; readonly step: number };

/**
 * A window `x[sel]` of the inspector (fixed indices and strided ranges) cut into sub-windows
 * whose values each fit `maxBytes`, in C order of the window, so their bytes concatenate to
 * the window's. Each sub-window is again a selection on the array itself.
 *
 *   planWindow([{ start: 0, stop: 2000, step: 2 }, { start: 0, stop: 2000, step: 2 }], 8, 4_000_000)
 *     → x[0:999:2, 0:2000:2], x[1000:1999:2, 0:2000:2]  (500 sampled rows of 8000 B a block)
 */
export function* planWindow(sel: readonly WindowAxis[], itemsize: number, maxBytes: number): Generator<{ sel: WindowAxis[]; size: number }> {
  const ranges: number[] = [];
  const lens: number[] = [];
  sel.forEach((a, i) => {
    if ('index' in a) return;
    ranges.push(i);
    lens.push(a.stop <= a.start ? 0 : Math.ceil((a.stop - a.start) / a.step));
  });
  for (const b of planBlocks(lens, itemsize, maxBytes)) {
    const out: WindowAxis[] = [...sel];
    if (b.axis >= 0) {
      b.prefix.forEach((p, k) => {
        const r = sel[ranges[k]] as { start: number; step: number };
        out[ranges[k]] = { index: r.start + p * r.step };
      });
      const r = sel[ranges[b.axis]] as { start: number; step: number };
      out[ranges[b.axis]] = { start: r.start + b.start * r.step, stop: r.start + (b.stop - 1) * r.step + 1, step: r.step };
    }
    yield { sel: out, size: b.size };
  }
}
