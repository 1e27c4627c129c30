import { describe, expect, it, vi } from 'vitest';
import { deferred, type Deferred } from '@/testing/deferred';
import { createTokenRefresher, tokenRefreshLeadMs, tokenRefreshRetryMs } from './token-refresher';

/** A hand-driven clock: timers run only when the test advances time past them. */
function manualClock(start: number) {
  let time = start;
  let nextId = 0;
  let timers: Array<{ at: number; callback: () => void; id: number }> = [];
  return {
    now: () => time,
    setTimer(callback: () => void, delayMs: number) {
      const id = nextId++;
      timers.push({ at: time + delayMs, callback, id });
      return () => {
        timers = timers.filter((timer) => timer.id !== id);
      };
    },
    advance(ms: number) {
      const target = time + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        time = due.at;
        due.callback();
      }
      time = target;
    },
    get pendingDelays() {
      return timers.map((timer) => timer.at - time).sort((a, b) => a - b);
    },
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const start = 1_000_000;
const hour = 3_600_000;

function setup() {
  const clock = manualClock(start);
  const attempts: Array<Deferred<number | undefined> & { stillWanted: () => boolean }> = [];
  const refresh = vi.fn((stillWanted: () => boolean) => {
    const attempt = { ...deferred<number | undefined>(), stillWanted };
    attempts.push(attempt);
    return attempt.promise;
  });
  const refresher = createTokenRefresher({ now: clock.now, setTimer: clock.setTimer.bind(clock), refresh });
  const lastAttempt = () => {
    const attempt = attempts.at(-1);
    if (!attempt) throw new Error('refresh was never called');
    return attempt;
  };
  return { clock, refresh, refresher, attempts, lastAttempt };
}

describe('createTokenRefresher', () => {
  it(`refreshes ${tokenRefreshLeadMs} ms before the token expires`, () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([hour - tokenRefreshLeadMs]);
    clock.advance(hour - tokenRefreshLeadMs - 1);
    expect(refresh).not.toHaveBeenCalled();
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('measures the delay from the current time', () => {
    const { clock, refresher } = setup();
    clock.advance(10_000);
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([hour - tokenRefreshLeadMs - 10_000]);
  });

  it.each([
    ['a token about to expire', start + 30_000],
    ['a token that has already expired', start - 1_000],
    ['a token whose lead time is exactly now', start + tokenRefreshLeadMs],
  ])('never refreshes sooner than 5 s from now, even for %s', (_case, expiresAt) => {
    const { clock, refresh, refresher } = setup();
    refresher.start(expiresAt);
    expect(clock.pendingDelays).toEqual([5_000]);
    clock.advance(4_999);
    expect(refresh).not.toHaveBeenCalled();
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the lead time when it is just over the minimum', () => {
    const { clock, refresher } = setup();
    refresher.start(start + tokenRefreshLeadMs + 5_001);
    expect(clock.pendingDelays).toEqual([5_001]);
  });

  it('schedules the next refresh from the expiry the refresh returned', async () => {
    const { clock, refresh, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    expect(lastAttempt().stillWanted()).toBe(true);
    lastAttempt().resolve(clock.now() + 2 * hour);
    await settle();
    expect(clock.pendingDelays).toEqual([2 * hour - tokenRefreshLeadMs]);
    clock.advance(2 * hour - tokenRefreshLeadMs);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('stops when a refresh reports no expiry', async () => {
    const { clock, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    lastAttempt().resolve(undefined);
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it(`retries ${tokenRefreshRetryMs} ms after a failed refresh, and again after another failure`, async () => {
    const { clock, refresh, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    lastAttempt().reject(new Error('offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([tokenRefreshRetryMs]);

    clock.advance(tokenRefreshRetryMs - 1);
    expect(refresh).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(2);

    lastAttempt().reject(new Error('still offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([tokenRefreshRetryMs]);
    clock.advance(tokenRefreshRetryMs);
    expect(refresh).toHaveBeenCalledTimes(3);

    lastAttempt().resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([hour - tokenRefreshLeadMs]);
  });

  it('stop() cancels the scheduled refresh', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    refresher.stop();
    expect(clock.pendingDelays).toEqual([]);
    clock.advance(2 * hour);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('stop() during a refresh tells it it is no longer wanted, and a late success does not re-arm', async () => {
    const { clock, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    refresher.stop();
    expect(lastAttempt().stillWanted()).toBe(false);
    lastAttempt().resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('stop() during a refresh: a late failure does not re-arm a retry', async () => {
    const { clock, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    refresher.stop();
    lastAttempt().reject(new Error('offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('stop() cancels a pending retry', async () => {
    const { clock, refresh, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    lastAttempt().reject(new Error('offline'));
    await settle();
    refresher.stop();
    expect(clock.pendingDelays).toEqual([]);
    clock.advance(tokenRefreshRetryMs);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('start() again replaces the scheduled refresh', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    refresher.start(start + 2 * hour);
    expect(clock.pendingDelays).toEqual([2 * hour - tokenRefreshLeadMs]);
    clock.advance(hour);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('start() again supersedes a refresh in flight: its late result neither re-arms nor disturbs the new schedule', async () => {
    const { clock, refresh, refresher, attempts } = setup();
    refresher.start(start + hour);
    clock.advance(hour - tokenRefreshLeadMs);
    const old = attempts[0];
    if (!old) throw new Error('no first attempt');

    refresher.start(clock.now() + 3 * hour);
    expect(old.stillWanted()).toBe(false);
    expect(clock.pendingDelays).toEqual([3 * hour - tokenRefreshLeadMs]);

    old.resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([3 * hour - tokenRefreshLeadMs]);

    clock.advance(3 * hour - tokenRefreshLeadMs);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(attempts[1]?.stillWanted()).toBe(true);
  });

  it('start() after stop() works again', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    refresher.stop();
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([hour - tokenRefreshLeadMs]);
    clock.advance(hour - tokenRefreshLeadMs);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
