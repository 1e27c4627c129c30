import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins class names and skips the falsy ones', () => {
    expect(cn('px-3', false, undefined, null, '', 'text-sm')).toBe('px-3 text-sm');
  });

  it('keeps every class it is given, in order', () => {
    expect(cn('ring-1 text-sm', 'flex-1')).toBe('ring-1 text-sm flex-1');
  });

  it('gives an empty string for nothing', () => {
    expect(cn(undefined, false)).toBe('');
  });
});
