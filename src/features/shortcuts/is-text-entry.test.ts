// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTextEntry } from './is-text-entry';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  const made = host.firstElementChild;
  if (!made) throw new Error(`No element in ${html}`);
  return made;
}

describe('isTextEntry', () => {
  it('is true where keys become text: text-like inputs, text areas, selects, editable content', () => {
    for (const html of ['<input>', '<input type="tel">', '<input type="search">', '<input type="number">', '<textarea></textarea>', '<select></select>']) {
      expect(isTextEntry(element(html)), html).toBe(true);
    }
    const editable = element('<div contenteditable="true"></div>') as HTMLElement;
    // happy-dom does not derive isContentEditable from the attribute; a browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTextEntry(editable)).toBe(true);
  });

  it('is false on buttons, checkboxes, links, the page itself and no target', () => {
    for (const html of ['<button>Mute</button>', '<input type="checkbox">', '<input type="submit">', '<a href="#">x</a>']) {
      expect(isTextEntry(element(html)), html).toBe(false);
    }
    expect(isTextEntry(document.body)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isTextEntry(window)).toBe(false);
  });
});
