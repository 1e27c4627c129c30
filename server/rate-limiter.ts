import type { Clock } from './clock';

/**
 * Counts failed API-key attempts per client address in a fixed window that opens at the first failure.
 * Once an address reaches the limit it is refused until the window closes, so guessing the key is slow.
 */
export interface FailureRateLimiter {
  /** Seconds until the address may try again, or undefined when it is not blocked. */
  retryAfterSeconds(address: string): number | undefined;
  /** Returns how many failures the address now has in its window. */
  recordFailure(address: string): number;
  readonly maxFailures: number;
}

interface FailureRateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now: Clock;
  /** Bounds memory when many addresses fail; the oldest windows are forgotten first. */
  maxTrackedAddresses?: number;
}

interface FailureWindow {
  startedAt: number;
  failures: number;
}

export function createFailureRateLimiter({
  maxFailures,
  windowMs,
  now,
  maxTrackedAddresses = 10_000,
}: FailureRateLimiterOptions): FailureRateLimiter {
  const windows = new Map<string, FailureWindow>();

  const isExpired = (window: FailureWindow) => now() - window.startedAt >= windowMs;

  function currentWindow(address: string): FailureWindow | undefined {
    const window = windows.get(address);
    if (window !== undefined && isExpired(window)) {
      windows.delete(address);
      return undefined;
    }
    return window;
  }

  function makeRoom() {
    for (const [address, window] of windows) if (isExpired(window)) windows.delete(address);
    // Maps iterate in insertion order, so the first key is the oldest window.
    while (windows.size >= maxTrackedAddresses) {
      const oldest = windows.keys().next();
      if (oldest.done === true) break;
      windows.delete(oldest.value);
    }
  }

  return {
    maxFailures,
    retryAfterSeconds(address) {
      const window = currentWindow(address);
      if (window === undefined || window.failures < maxFailures) return undefined;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - now()) / 1000));
    },
    recordFailure(address) {
      const window = currentWindow(address);
      if (window !== undefined) {
        window.failures += 1;
        return window.failures;
      }
      if (windows.size >= maxTrackedAddresses) makeRoom();
      windows.set(address, { startedAt: now(), failures: 1 });
      return 1;
    },
  };
}
