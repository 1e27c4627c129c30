import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

/** A named region: its aria-label is what QA finds it by (see README, QA contract). */
export function Panel({ label, className, children, ...props }: ComponentProps<'section'> & { label: string }) {
  return (
    <section aria-label={label} className={cn('rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200', className)} {...props}>
      <h2 className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h2>
      {children}
    </section>
  );
}
