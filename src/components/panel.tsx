import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

/** How a panel stands out: its background and ring, drawn by the panel so callers never fight over them. */
const tones = {
  plain: 'bg-white ring-1 ring-slate-200',
  ringing: 'bg-white ring-2 ring-emerald-400',
  held: 'bg-white ring-1 ring-sky-300',
  wrapUp: 'bg-white ring-1 ring-violet-300',
  demo: 'bg-amber-50 ring-1 ring-amber-200',
} as const;

export type PanelTone = keyof typeof tones;

/**
 * A named region: its aria-label is what QA finds it by (see README, QA contract). `className` adds layout
 * (spacing, width); the look comes from `tone`.
 */
export function Panel({ label, tone = 'plain', className, children, ...props }: ComponentProps<'section'> & { label: string; tone?: PanelTone }) {
  return (
    <section aria-label={label} className={cn('rounded-2xl p-5 shadow-sm', tones[tone], className)} {...props}>
      <h2 className="mb-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h2>
      {children}
    </section>
  );
}
