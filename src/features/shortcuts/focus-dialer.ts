/**
 * The dialer's number field carries `data-shortcut-target="dialer"`: a stable handle that needs no import
 * between the two features and survives the dialer's own (generated) ids.
 */
export const dialerShortcutTarget = '[data-shortcut-target="dialer"]';

/** Puts focus in the dialer's number field; false when it is not on screen or cannot take focus (behind a dialog). */
export function focusDialer(root: ParentNode = document): boolean {
  const field = root.querySelector<HTMLElement>(dialerShortcutTarget);
  if (!field) return false;
  field.focus();
  return field.ownerDocument.activeElement === field;
}
