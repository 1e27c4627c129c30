export type ClassNameValue = string | false | null | undefined;

/**
 * Joins class names, skipping the falsy ones. No merging of conflicting Tailwind classes: a component that lets
 * callers change a look it draws itself takes a named option for it (Panel's `tone`), so nothing on screen
 * depends on which of two classes for the same property the stylesheet happens to put last, and no class
 * parser runs while a call is being shown.
 */
export function cn(...classes: ClassNameValue[]): string {
  return classes.filter(Boolean).join(' ');
}
