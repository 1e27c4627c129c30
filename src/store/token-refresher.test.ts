import { describe, expect, it, vi } from 'vitest';
import { deferred, type Deferred } from '@/testing/deferred';
import { createTokenRefresher, refreshDelayFor, retryDelayFor } from './token-refresher';

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

function setup(onRefreshFailed?: (failure: { attempt: number; nextAttemptAt: number; expiresAt: number; reason: string }) => void) {
  const clock = manualClock(start);
  const attempts: Array<Deferred<number | undefined> & { stillWanted: () => boolean }> = [];
  const refresh = vi.fn((stillWanted: () => boolean) => {
    const attempt = { ...deferred<number | undefined>(), stillWanted };
    attempts.push(attempt);
    return attempt.promise;
  });
  const refresher = createTokenRefresher({ now: clock.now, setTimer: clock.setTimer.bind(clock), refresh, onRefreshFailed });
  const lastAttempt = () => {
    const attempt = attempts.at(-1);
    if (!attempt) throw new Error('refresh was never called');
    return attempt;
  };
  return { clock, refresh, refresher, attempts, lastAttempt };
}

describe('createTokenRefresher', () => {
  it('refreshes at three quarters of the token’s lifetime', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([refreshDelayFor(hour)]);
    clock.advance(refreshDelayFor(hour) - 1);
    expect(refresh).not.toHaveBeenCalled();
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('measures the delay from the current time', () => {
    const { clock, refresher } = setup();
    clock.advance(10_000);
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([refreshDelayFor(hour - 10_000)]);
  });

  it.each([
    ['a token about to expire', start + 3_000],
    ['a token that has already expired', start - 1_000],
    ['a token that lives 6 s', start + 6_000],
  ])('never refreshes sooner than 5 s from now, even for %s', (_case, expiresAt) => {
    const { clock, refresh, refresher } = setup();
    refresher.start(expiresAt);
    expect(clock.pendingDelays).toEqual([5_000]);
    clock.advance(4_999);
    expect(refresh).not.toHaveBeenCalled();
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps three quarters of the lifetime when that is just over the minimum', () => {
    const { clock, refresher } = setup();
    refresher.start(start + 8_000);
    expect(clock.pendingDelays).toEqual([6_000]);
  });

  it('schedules the next refresh from the expiry the refresh returned', async () => {
    const { clock, refresh, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    expect(lastAttempt().stillWanted()).toBe(true);
    lastAttempt().resolve(clock.now() + 2 * hour);
    await settle();
    expect(clock.pendingDelays).toEqual([refreshDelayFor(2 * hour)]);
    clock.advance(refreshDelayFor(2 * hour));
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('stops when a refresh reports no expiry', async () => {
    const { clock, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    lastAttempt().resolve(undefined);
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('retries with backoff after failed refreshes, reporting each failure with the next try and the expiry', async () => {
    const failures: unknown[] = [];
    const { clock, refresh, refresher, lastAttempt } = setup((failure) => failures.push(failure));
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    lastAttempt().reject(new Error('offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([5_000]);
    expect(failures).toEqual([{ attempt: 1, nextAttemptAt: clock.now() + 5_000, expiresAt: start + hour, reason: 'offline' }]);

    clock.advance(4_999);
    expect(refresh).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(refresh).toHaveBeenCalledTimes(2);

    lastAttempt().reject(new Error('still offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([10_000]);
    expect(failures).toHaveLength(2);
    clock.advance(10_000);
    expect(refresh).toHaveBeenCalledTimes(3);

    lastAttempt().resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([refreshDelayFor(hour)]);
  });

  it('backs off to at most a minute between tries', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayFor)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
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
    clock.advance(refreshDelayFor(hour));
    refresher.stop();
    expect(lastAttempt().stillWanted()).toBe(false);
    lastAttempt().resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('stop() during a refresh: a late failure does not re-arm a retry', async () => {
    const { clock, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    refresher.stop();
    lastAttempt().reject(new Error('offline'));
    await settle();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('stop() cancels a pending retry', async () => {
    const { clock, refresh, refresher, lastAttempt } = setup();
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    lastAttempt().reject(new Error('offline'));
    await settle();
    refresher.stop();
    expect(clock.pendingDelays).toEqual([]);
    clock.advance(retryDelayFor(1));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('start() again replaces the scheduled refresh', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    refresher.start(start + 2 * hour);
    expect(clock.pendingDelays).toEqual([refreshDelayFor(2 * hour)]);
    clock.advance(hour);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('start() again supersedes a refresh in flight: its late result neither re-arms nor disturbs the new schedule', async () => {
    const { clock, refresh, refresher, attempts } = setup();
    refresher.start(start + hour);
    clock.advance(refreshDelayFor(hour));
    const old = attempts[0];
    if (!old) throw new Error('no first attempt');

    refresher.start(clock.now() + 3 * hour);
    expect(old.stillWanted()).toBe(false);
    expect(clock.pendingDelays).toEqual([refreshDelayFor(3 * hour)]);

    old.resolve(clock.now() + hour);
    await settle();
    expect(clock.pendingDelays).toEqual([refreshDelayFor(3 * hour)]);

    clock.advance(refreshDelayFor(3 * hour));
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(attempts[1]?.stillWanted()).toBe(true);
  });

  it('start() after stop() works again', () => {
    const { clock, refresh, refresher } = setup();
    refresher.start(start + hour);
    refresher.stop();
    refresher.start(start + hour);
    expect(clock.pendingDelays).toEqual([refreshDelayFor(hour)]);
    clock.advance(refreshDelayFor(hour));
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
