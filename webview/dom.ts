// DOM building for the inspector without innerHTML: every piece of text goes through
// textContent / text nodes, attributes through setAttribute with a denylist (no `on*`
// handlers, no `style` attribute — the CSP forbids inline styles; geometry is set through
// the CSSOM, which the CSP allows). Nothing here parses HTML.

export type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) {
    for (const [k, v] of Object.entries(props.attrs)) {
      if (v === undefined || v === false) continue;
      setAttr(el, k, v === true ? '' : String(v));
    }
  }
  if (props.text !== undefined) el.textContent = props.text;
  append(el, ...children);
  return el;
}

export function setAttr(el: Element, name: string, value: string): void {
  const n = name.toLowerCase();
  if (n.startsWith('on') || n === 'style' || n === 'srcdoc') throw new Error(`refusing attribute ${name}`);
  el.setAttribute(name, value);
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replaceChildren(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

/** A labelled <select>; `onChange` gets the chosen value. */
export function select<T extends string>(label: string, options: readonly (readonly [T, string])[], value: T, onChange: (v: T) => void): HTMLLabelElement {
  const s = h('select', { attrs: { 'aria-label': label } });
  for (const [v, text] of options) {
    const o = h('option', { text, attrs: { value: v } });
    if (v === value) o.selected = true;
    s.appendChild(o);
  }
  s.addEventListener('change', () => onChange(s.value as T));
  return h('label', { class: 'sl-field' }, h('span', { text: label }), s);
}

export function button(text: string, onClick: () => void, attrs: Props['attrs'] = {}): HTMLButtonElement {
  const b = h('button', { text, attrs: { type: 'button', ...attrs } });
  b.addEventListener('click', onClick);
  return b;
}

/** Sets a CSS length through the CSSOM (allowed by the CSP, unlike a style attribute). */
export function px(el: HTMLElement | SVGElement, prop: 'width' | 'height' | 'left' | 'top', v: number): void {
  (el as HTMLElement).style[prop] = `${v}px`;
}

/** Copies text: the async clipboard API, else a hidden textarea and execCommand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = h('textarea', { class: 'sl-offscreen', attrs: { 'aria-hidden': 'true' } });
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}
