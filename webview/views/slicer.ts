// The N-D slicing controls above the table and heatmap: which axis runs down the rows and
// which across, a slider (arrow keys, PageUp/PageDown, Home/End) for every other axis, and
// the NumPy index expression of the current slice, copyable.

import { append, button, copyText, h, select } from '../dom';
import type { ArrayMeta } from '../protocol';
import { indexExpression, SliceState } from '../slicing';

export interface Slicer {
  readonly root: HTMLElement;
}

export function slicer(meta: ArrayMeta, state: SliceState, onChange: (s: SliceState) => void, status: (t: string) => void): Slicer {
  const nd = meta.shape.length;
  let pending = state;
  let frame = 0;
  const expr = h('code', { class: 'sl-expr', text: indexExpression(meta.name, meta.shape, state), attrs: { 'aria-label': 'index expression of the shown slice' } });
  const copy = button('Copy', () => {
    void copyText(expr.textContent ?? '').then((ok) => status(ok ? `Copied ${expr.textContent}` : 'Copy failed: the clipboard is not available.'));
  }, { 'aria-label': 'copy the index expression', title: 'Copy the index expression' });
  const root = h('div', { class: 'sl-slicer' }, h('div', { class: 'sl-expr-row' }, h('span', { class: 'sl-muted', text: 'Showing ' }), expr, copy));
  if (nd < 2) return { root };

  const axisOptions = meta.shape.map((d, i) => [String(i), `axis ${i} (${d})`] as const);
  const setAxes = (row: number, col: number): void => {
    if (row === col) {
      // choosing the other list's axis swaps the two
      if (row === pending.colAxis) col = pending.rowAxis!;
      else row = pending.colAxis!;
    }
    onChange({ ...pending, rowAxis: row, colAxis: col });
  };
  const axes = h('div', { class: 'sl-toolbar' },
    select('Rows', axisOptions, String(state.rowAxis), (v) => setAxes(Number(v), pending.colAxis!)),
    select('Columns', axisOptions, String(state.colAxis), (v) => setAxes(pending.rowAxis!, Number(v))),
    button('Swap', () => onChange({ ...pending, rowAxis: pending.colAxis, colAxis: pending.rowAxis }), { title: 'Transpose the shown slice' }));
  append(root, axes);

  const sliders = h('div', { class: 'sl-sliders' });
  meta.shape.forEach((d, ax) => {
    if (ax === state.rowAxis || ax === state.colAxis) return;
    const input = h('input', {
      attrs: { type: 'range', min: 0, max: Math.max(0, d - 1), step: 1, value: state.indices[ax], 'aria-label': `index on axis ${ax}`, disabled: d <= 1 },
    });
    const out = h('output', { text: `${state.indices[ax]}` });
    input.addEventListener('input', () => {
      const indices = [...pending.indices];
      indices[ax] = Number(input.value);
      pending = { ...pending, indices };
      out.textContent = input.value;
      expr.textContent = indexExpression(meta.name, meta.shape, pending);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => onChange(pending));
    });
    append(sliders, h('label', { class: 'sl-field sl-slider' }, h('span', { text: `axis ${ax}` }), input, out, h('span', { class: 'sl-muted', text: `/ ${d - 1}` })));
  });
  append(root, sliders);
  return { root };
}
