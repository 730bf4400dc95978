/**
 * What the webviews' scripts share for drawing: an element built from its attributes and children
 * (text goes in as text nodes, never as markup), and a redraw that keeps the keyboard focus.
 * Browser code: no `vscode`, no extension modules.
 */

type Attributes = Record<string, string | undefined>;

/** `<tag attributes…>children…</tag>`: undefined attributes and children are left out; strings become text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}

/** A state replaces the whole view: redraws `root` and puts the keyboard focus back on the control of the same `data-focus`. */
export function redrawKeepingFocus(root: HTMLElement, draw: () => void): void {
  const focused = document.activeElement?.getAttribute('data-focus');
  draw();
  if (focused) root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
}
