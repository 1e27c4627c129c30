import { describe, expect, it } from 'vitest';
import { createFailureRateLimiter } from './rate-limiter';

function setup(options: { maxTrackedAddresses?: number } = {}) {
  let time = 1_000_000;
  const limiter = createFailureRateLimiter({ maxFailures: 2, windowMs: 10_000, now: () => time, ...options });
  return { limiter, advance: (ms: number) => (time += ms) };
}

describe('createFailureRateLimiter', () => {
  it('blocks an address once it reaches the limit, until the window that opened at its first failure closes', () => {
    const { limiter, advance } = setup();
    expect(limiter.recordFailure('a')).toBe(1);
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    advance(4_000);
    expect(limiter.recordFailure('a')).toBe(2);
    expect(limiter.retryAfterSeconds('a')).toBe(6);
    advance(5_500);
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    advance(500);
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    expect(limiter.recordFailure('a')).toBe(1);
  });

  it('keeps addresses apart', () => {
    const { limiter } = setup();
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    expect(limiter.retryAfterSeconds('a')).toBe(10);
    expect(limiter.retryAfterSeconds('b')).toBeUndefined();
  });

  it('forgets expired windows first, then the oldest, when it tracks too many addresses', () => {
    const { limiter, advance } = setup({ maxTrackedAddresses: 2 });
    limiter.recordFailure('old');
    advance(10_000);
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    // 'old' had expired and made room for 'b'; 'c' then pushed out 'a', the oldest live window.
    expect(limiter.retryAfterSeconds('a')).toBeUndefined();
    expect(limiter.recordFailure('b')).toBe(2);
    expect(limiter.recordFailure('c')).toBe(2);
  });
});
