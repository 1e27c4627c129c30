import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

function setup(options: { maxTrackedKeys?: number } = {}) {
  let time = 1_000_000;
  const limiter = createRateLimiter({ max: 2, windowMs: 10_000, now: () => time, ...options });
  return { limiter, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('blocks a key once it reaches the limit, until the window that opened at its first failure closes', () => {
    const { limiter, advance } = setup();
    expect(limiter.record('a')).toBe(1);
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    advance(4_000);
    expect(limiter.record('a')).toBe(2);
    expect(limiter.retryAfterSeconds('a')).toBe(6);
    advance(5_500);
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    advance(500);
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    expect(limiter.record('a')).toBe(1);
  });

  it('keeps keys apart', () => {
    const { limiter } = setup();
    limiter.record('a');
    limiter.record('a');
    expect(limiter.retryAfterSeconds('a')).toBe(10);
    expect(limiter.retryAfterSeconds('b')).toBeUndefined();
  });

  it('forgets expired windows first, then the oldest, when it tracks too many keys', () => {
    const { limiter, advance } = setup({ maxTrackedKeys: 2 });
    limiter.record('old');
    advance(10_000);
    limiter.record('a');
    limiter.record('a');
    limiter.record('b');
    limiter.record('c');
    // 'old' had expired and made room for 'b'; 'c' then pushed out 'a', the oldest live window.
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    expect(limiter.record('b')).toBe(2);
    expect(limiter.record('c')).toBe(2);
  });
});
