// The explainers the editor opens from a hover on an operator. Broadcasting (`a + b`): the
// two shapes right-aligned, stretched dims marked, the result shape or the failing dim with
// NumPy's error text. Matmul (`a @ b`): the (…, n, k) × (…, k, m) → (…, n, m) diagram with
// the matched k dims highlighted. Shapes and error texts come from the engine's shape rules
// (engine/shape/); this file only lays them out. Dims may be symbols from the analyzer.

import { broadcastShapes } from '../../engine/shape/broadcast';
import { Dim, dimEq, dimText, isNum, sym } from '../../engine/shape/dim';
import { matmulShape } from '../../engine/shape/matmul';
import type { View } from '../context';
import { h, px } from '../dom';
import { shapeText } from '../format';
import type { ExplainBroadcastMessage, ExplainDim, ExplainMatmulMessage } from '../protocol';

const toDim = (d: ExplainDim): Dim => (typeof d === 'number' ? d : sym(d));
const tupleText = (s: readonly Dim[]): string => shapeText(s.map(dimText));

type Column = 'same' | 'stretch-a' | 'stretch-b' | 'stretch-both' | 'clash' | 'unknown';

function columnKind(a: Dim | null, b: Dim | null): Column {
  const ea = a ?? 1, eb = b ?? 1;
  const eq = dimEq(ea, eb);
  if (eq === true) return 'same';
  if (ea === 1) return 'stretch-a';
  if (eb === 1) return 'stretch-b';
  return eq === false ? 'clash' : 'unknown';
}

function dimCell(d: Dim | null, kind: Column, mine: 'a' | 'b', target: Dim | null): HTMLElement {
  const stretched = (kind === 'stretch-a' && mine === 'a') || (kind === 'stretch-b' && mine === 'b');
  const text = d === null ? '·' : dimText(d);
  const cell = h('div', { class: `sl-dim${d === null ? ' sl-dim-missing' : ''}${stretched ? ' sl-stretched' : ''}${kind === 'clash' ? ' sl-clash' : ''}` });
  if (stretched && target !== null) {
    cell.textContent = d === null ? `· → ${dimText(target)}` : `1 → ${dimText(target)}`;
    cell.title = d === null ? `missing dim: treated as 1, stretched to ${dimText(target)}` : `size 1: stretched (repeated) to ${dimText(target)}`;
  } else {
    cell.textContent = text;
    if (d === null) cell.title = 'missing dim: treated as 1';
  }
  return cell;
}

export class BroadcastExplainer implements View {
  readonly root: HTMLElement;

  constructor(m: ExplainBroadcastMessage) {
    const a = m.a.shape.map(toDim), b = m.b.shape.map(toDim);
    const nd = Math.max(a.length, b.length);
    const at = (s: Dim[], i: number): Dim | null => (i < nd - s.length ? null : s[i - (nd - s.length)]);
    const r = broadcastShapes(a, b);
    const kinds = Array.from({ length: nd }, (_, i) => columnKind(at(a, i), at(b, i)));
    const resultDims = Array.from({ length: nd }, (_, i): Dim | null => {
      if (kinds[i] === 'clash') return null;
      if (r.ok) return r.value[i];
      const da = at(a, i) ?? 1, db = at(b, i) ?? 1;
      return da === 1 ? db : da;
    });
    const grid = h('div', { class: 'sl-bcast-grid', attrs: { role: 'table', 'aria-label': 'broadcasting, shapes aligned from the right' } });
    grid.style.gridTemplateColumns = `auto repeat(${Math.max(nd, 1)}, minmax(3.5em, auto))`;
    const row = (label: string, cells: HTMLElement[], cls = ''): void => {
      const r0 = h('div', { class: `sl-bcast-label ${cls}`, text: label, attrs: { role: 'rowheader' } });
      grid.append(r0, ...cells);
    };
    row('axis', Array.from({ length: nd }, (_, i) => h('div', { class: 'sl-axis-head', text: String(i - nd) })), 'sl-muted');
    row(`${m.a.label}  ${tupleText(a)}`, Array.from({ length: nd }, (_, i) => dimCell(at(a, i), kinds[i], 'a', resultDims[i])));
    row(`${m.b.label}  ${tupleText(b)}`, Array.from({ length: nd }, (_, i) => dimCell(at(b, i), kinds[i], 'b', resultDims[i])));
    row(`${m.a.label} ${m.op} ${m.b.label}`, Array.from({ length: nd }, (_, i) => {
      const d = resultDims[i];
      return h('div', { class: `sl-dim sl-result${d === null ? ' sl-clash' : ''}`, text: d === null ? '✗' : dimText(d) });
    }), 'sl-result-label');

    const outcome = r.ok
      ? h('p', { class: 'sl-outcome sl-ok' }, 'Result shape ', h('code', { text: tupleText(r.value) }))
      : h('div', { class: 'sl-outcome sl-error' },
        h('p', {}, h('code', { text: `${r.error.pyType}: ${r.error.message}` })),
        h('p', { text: kinds.map((k, i) => (k === 'clash' ? `axis ${i - nd}: ${dimText(at(a, i)!)} vs ${dimText(at(b, i)!)} — not equal and neither is 1.` : '')).filter(Boolean).join(' ') }));
    const unknown = kinds.includes('unknown')
      ? h('p', { class: 'sl-muted', text: 'Some dims are symbols: they broadcast only if they turn out equal (or 1) at run time.' }) : null;
    this.root = h('section', { class: 'sl-explain', attrs: { 'aria-label': 'broadcasting explainer' } },
      h('h2', {}, 'Broadcasting ', h('code', { text: `${m.a.label} ${m.op} ${m.b.label}` })),
      h('p', { class: 'sl-muted', text: 'Shapes line up from the right. In each column the dims must be equal, or one of them 1; a 1 — or a missing dim on the left — is stretched (repeated) to match the other.' }),
      grid, outcome, unknown);
  }

  dispose(): void { /* nothing to release */ }
}

/** A side length on screen for a dim: logarithmic, so (1, 1000) stays readable. */
function sideFor(d: Dim): number {
  return isNum(d) ? Math.round(28 + 18 * Math.log2(Math.max(1, d))) : 72;
}

type Role = 'n' | 'k' | 'm';

/** A matrix drawn as a box w × hgt; `top`/`left` label its column and row dims, coloured by role. */
function rect(cls: string, w: Dim, hgt: Dim, label: string, top?: [Role, Dim], left?: [Role, Dim]): HTMLElement {
  const box = h('div', { class: `sl-mat ${cls}`, attrs: { role: 'img', 'aria-label': `${label}: ${dimText(hgt)} rows by ${dimText(w)} columns` } },
    h('span', { class: 'sl-mat-name', text: label }),
    top ? h('span', { class: `sl-mat-top sl-lab-${top[0]}`, text: `${top[0]} = ${dimText(top[1])}` }) : null,
    left ? h('span', { class: `sl-mat-left sl-lab-${left[0]}`, text: `${left[0]} = ${dimText(left[1])}` }) : null);
  px(box, 'width', sideFor(w));
  px(box, 'height', sideFor(hgt));
  return box;
}

function chip(d: Dim, role: 'n' | 'k' | 'm' | 'batch', state = ''): HTMLElement {
  return h('span', { class: `sl-chip sl-chip-${role}${state ? ` ${state}` : ''}`, text: dimText(d), attrs: { title: role === 'batch' ? 'batch dim (broadcast)' : role } });
}

function tupleOf(chips: HTMLElement[]): HTMLElement {
  const parts: (HTMLElement | string)[] = ['('];
  chips.forEach((c, i) => { if (i) parts.push(', '); parts.push(c); });
  if (chips.length === 1) parts.push(',');
  parts.push(')');
  return h('span', { class: 'sl-tuple' }, ...parts);
}

export class MatmulExplainer implements View {
  readonly root: HTMLElement;

  constructor(m: ExplainMatmulMessage) {
    const a = m.a.shape.map(toDim), b = m.b.shape.map(toDim);
    const r = matmulShape(a, b);
    const notes: string[] = [];
    const enough = a.length >= 1 && b.length >= 1;
    const a2 = a.length === 1 ? [1, a[0]] : a;
    const b2 = b.length === 1 ? [b[0], 1] : b;
    if (a.length === 1) notes.push(`${m.a.label} is 1-D: it acts as a row (1, ${dimText(a[0])}) and that 1 is dropped from the result.`);
    if (b.length === 1) notes.push(`${m.b.label} is 1-D: it acts as a column (${dimText(b[0])}, 1) and that 1 is dropped from the result.`);
    const body: (HTMLElement | null)[] = [];
    if (enough) {
      const n = a2[a2.length - 2], ka = a2[a2.length - 1], kb = b2[b2.length - 2], mm = b2[b2.length - 1];
      const keq = dimEq(ka, kb);
      const kState = keq === true ? 'sl-match' : keq === false ? 'sl-clash' : 'sl-unknown';
      const batchA = a2.slice(0, -2), batchB = b2.slice(0, -2);
      const resultChips = r.ok ? r.value.map((d, i, all) => {
        const fromEnd = all.length - i;
        const role = b.length === 1 ? (fromEnd === 1 ? 'n' : 'batch') : a.length === 1 ? (fromEnd === 1 ? 'm' : 'batch')
          : fromEnd === 2 ? 'n' : fromEnd === 1 ? 'm' : 'batch';
        return chip(d, role as 'n' | 'm' | 'batch');
      }) : [];
      body.push(h('p', { class: 'sl-matmul-eq' },
        h('span', { text: `${m.a.label} ` }), tupleOf([...batchA.map((d) => chip(d, 'batch')), chip(n, 'n'), chip(ka, 'k', kState)]),
        h('span', { text: ' @ ' }),
        h('span', { text: `${m.b.label} ` }), tupleOf([...batchB.map((d) => chip(d, 'batch')), chip(kb, 'k', kState), chip(mm, 'm')]),
        h('span', { text: ' → ' }),
        r.ok ? tupleOf(resultChips) : h('span', { class: 'sl-clash', text: '✗' })));
      // the picture: b above the result, a to its left
      const picture = h('div', { class: 'sl-matmul-picture', attrs: { 'aria-hidden': 'false' } },
        h('div', { class: 'sl-mat-spacer' }),
        rect(`sl-mat-b ${kState}`, mm, kb, m.b.label, ['m', mm], ['k', kb]),
        rect(`sl-mat-a ${kState}`, ka, n, m.a.label, ['k', ka], ['n', n]),
        r.ok ? rect('sl-mat-c', mm, n, `result (${dimText(n)}, ${dimText(mm)})`) : h('div', { class: 'sl-mat sl-mat-c sl-clash', text: '✗' }));
      body.push(picture);
      if (keq === false) {
        // the usual slip: one operand needs a transpose
        const fix = b2.length >= 2 && dimEq(ka, mm) === true ? `${m.a.label} @ ${m.b.label}.T`
          : a2.length >= 2 && dimEq(n, kb) === true ? `${m.a.label}.T @ ${m.b.label}` : undefined;
        if (fix) body.push(h('p', { class: 'sl-hint' }, 'Did you mean ', h('code', { text: fix }), '?'));
      }
      body.push(h('p', {
        class: 'sl-muted',
        text: keq === false
          ? `The inner dims differ: ${m.a.label} has k = ${dimText(ka)} columns but ${m.b.label} has k = ${dimText(kb)} rows. Each result element is a row of ${m.a.label} dotted with a column of ${m.b.label}, so they must be the same length.`
          : `Each result element [i, j] is row i of ${m.a.label} dotted with column j of ${m.b.label}: both have length k = ${dimText(ka)}. Leading (batch) dims broadcast.`,
      }));
    }
    const outcome = r.ok
      ? h('p', { class: 'sl-outcome sl-ok' }, 'Result shape ', h('code', { text: tupleText(r.value) }))
      : h('div', { class: 'sl-outcome sl-error' }, h('p', {}, h('code', { text: `${r.error.pyType}: ${r.error.message}` })));
    this.root = h('section', { class: 'sl-explain', attrs: { 'aria-label': 'matrix multiplication explainer' } },
      h('h2', {}, 'Matrix product ', h('code', { text: `${m.a.label} @ ${m.b.label}` }), ' ', h('span', { class: 'sl-muted', text: `${tupleText(a)} @ ${tupleText(b)}` })),
      ...body,
      ...notes.map((t) => h('p', { class: 'sl-muted', text: t })),
      outcome);
  }

  dispose(): void { /* nothing to release */ }
}
