/** Input types that take no typed text: a key pressed on them is never part of what the agent writes. */
const nonTextInputTypes = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/**
 * Whether a key pressed with focus on `target` belongs to what the agent is typing: text inputs, text areas,
 * selects (typing a letter picks an option) and editable content. Buttons and links are not text entry, so
 * the keypad digits work once a call's button has focus.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputTypes.has(target.type);
}
