import type { Clock } from './clock';

/**
 * Counts events per key (a client address, an agent name) in a fixed window that opens at the key's first
 * event. Once a key reaches the limit it is refused until its window closes.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or undefined when it is not blocked. */
  retryAfterSeconds(key: string): number | undefined;
  /** Returns how many events the key now has in its window. */
  record(key: string): number;
  readonly max: number;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

interface RateLimiterOptions extends RateLimit {
  now: Clock;
  /** Bounds memory when many keys are counted; the oldest windows are forgotten first. */
  maxTrackedKeys?: number;
}

interface CountWindow {
  startedAt: number;
  count: number;
}

export function createRateLimiter({ max, windowMs, now, maxTrackedKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, CountWindow>();

  const isExpired = (window: CountWindow) => now() - window.startedAt >= windowMs;

  function currentWindow(key: string): CountWindow | undefined {
    const window = windows.get(key);
    if (window !== undefined && isExpired(window)) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function makeRoom() {
    for (const [key, window] of windows) if (isExpired(window)) windows.delete(key);
    // Maps iterate in insertion order, so the first key is the oldest window.
    while (windows.size >= maxTrackedKeys) {
      const oldest = windows.keys().next();
      if (oldest.done === true) break;
      windows.delete(oldest.value);
    }
  }

  return {
    max,
    retryAfterSeconds(key) {
      const window = currentWindow(key);
      if (window === undefined || window.count < max) return undefined;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - now()) / 1000));
    },
    record(key) {
      const window = currentWindow(key);
      if (window !== undefined) {
        window.count += 1;
        return window.count;
      }
      if (windows.size >= maxTrackedKeys) makeRoom();
      windows.set(key, { startedAt: now(), count: 1 });
      return 1;
    },
  };
}
