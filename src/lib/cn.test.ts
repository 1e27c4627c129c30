import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins class names and skips the falsy ones', () => {
    expect(cn('px-3', false, undefined, null, '', 'text-sm')).toBe('px-3 text-sm');
  });

  it('lets a background and ring passed in win over the panel’s own', () => {
    expect(cn('rounded-2xl bg-white p-5 ring-1 ring-slate-200', 'bg-amber-50 ring-amber-200')).toBe('rounded-2xl p-5 ring-1 bg-amber-50 ring-amber-200');
  });

  it('lets a ring width passed in win, and keeps classes of different properties side by side', () => {
    expect(cn('ring-1 ring-slate-200 text-sm', 'ring-2 ring-emerald-400 text-slate-700')).toBe('text-sm ring-2 ring-emerald-400 text-slate-700');
  });

  it('keeps variants apart: a hover background does not replace the plain one', () => {
    expect(cn('bg-white hover:bg-slate-50', 'bg-indigo-600')).toBe('hover:bg-slate-50 bg-indigo-600');
  });
});
