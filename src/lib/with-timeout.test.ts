import { describe, expect, it } from 'vitest';
import { TimeoutError, withTimeout } from './with-timeout';
import { deferred } from '@/testing/deferred';

/** Timers that fire only when the test says so. */
function manualTimers() {
  const timers: Array<{ callback: () => void; delayMs: number; cancelled: boolean }> = [];
  const setTimer = (callback: () => void, delayMs: number) => {
    const timer = { callback, delayMs, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const fire = () => {
    for (const timer of timers) if (!timer.cancelled) timer.callback();
  };
  const live = () => timers.filter((timer) => !timer.cancelled).map((timer) => timer.delayMs);
  return { setTimer, fire, live };
}

describe('withTimeout', () => {
  it('arms one timer for the given time', () => {
    const timers = manualTimers();
    void withTimeout(deferred<string>().promise, 1_234, 'slow', timers.setTimer).catch(() => undefined);
    expect(timers.live()).toEqual([1_234]);
  });

  it('settles with the work’s value and cancels the timer', async () => {
    const timers = manualTimers();
    const work = deferred<string>();
    const result = withTimeout(work.promise, 1_000, 'slow', timers.setTimer);
    work.resolve('done');
    await expect(result).resolves.toBe('done');
    expect(timers.live()).toEqual([]);
  });

  it('rejects with the work’s own error and cancels the timer', async () => {
    const timers = manualTimers();
    const work = deferred<string>();
    const failure = new Error('refused');
    const result = withTimeout(work.promise, 1_000, 'slow', timers.setTimer);
    work.reject(failure);
    await expect(result).rejects.toBe(failure);
    expect(timers.live()).toEqual([]);
  });

  it('rejects with a TimeoutError carrying the message when the timer fires first', async () => {
    const timers = manualTimers();
    const result = withTimeout(deferred<string>().promise, 1_000, 'No answer from the voice service.', timers.setTimer);
    timers.fire();
    const error: unknown = await result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'No answer from the voice service.' });
  });

  it('stays timed out when the work resolves afterwards', async () => {
    const timers = manualTimers();
    const work = deferred<string>();
    const result = withTimeout(work.promise, 1_000, 'slow', timers.setTimer);
    timers.fire();
    work.resolve('too late');
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stays timed out when the work fails afterwards, without an unhandled rejection', async () => {
    const timers = manualTimers();
    const work = deferred<string>();
    const result = withTimeout(work.promise, 1_000, 'slow', timers.setTimer);
    timers.fire();
    work.reject(new Error('late failure'));
    await expect(result).rejects.toMatchObject({ name: 'TimeoutError', message: 'slow' });
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  });

  it('resolves with an already settled value before any timer fires', async () => {
    const timers = manualTimers();
    await expect(withTimeout(Promise.resolve(7), 1_000, 'slow', timers.setTimer)).resolves.toBe(7);
    timers.fire();
    expect(timers.live()).toEqual([]);
  });
});
