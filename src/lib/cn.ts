import { twMerge, type ClassNameValue } from 'tailwind-merge';

/**
 * Joins class names, skipping the falsy ones. Of two Tailwind classes that set the same property the later
 * wins (tailwind-merge), so a component's defaults give way to the `className` a caller passes: a panel's own
 * `bg-white ring-slate-200` loses to `bg-amber-50 ring-amber-200`, whatever order the stylesheet has them in.
 */
export function cn(...classes: ClassNameValue[]): string {
  return twMerge(...classes);
}
