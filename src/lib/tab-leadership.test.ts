import { describe, expect, it, vi } from 'vitest';
import { FakeLockManager } from '@/testing/fake-lock-manager';
import { createTabLeadership, everyTabLeads, type LockRequester } from './tab-leadership';

const lock = 'softphone-ringer:Jane';
/** Lets queued grants, releases and rejections run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('tab leadership over Web Locks', () => {
  it('the first tab to run leads, the next waits and takes over when the leader stops running', async () => {
    const browser = new FakeLockManager();
    const first = createTabLeadership(lock, browser.tab());
    const second = createTabLeadership(lock, browser.tab());
    const firstChanged = vi.fn();
    const secondChanged = vi.fn();

    const stopFirst = first.subscribe(firstChanged);
    await settle();
    second.subscribe(secondChanged);
    await settle();
    expect([first.getSnapshot(), second.getSnapshot()]).toEqual([true, false]);
    expect(firstChanged).toHaveBeenCalledTimes(1);
    expect(secondChanged).not.toHaveBeenCalled();

    // The leader signs out (its last subscriber leaves).
    stopFirst();
    expect(first.getSnapshot()).toBe(false);
    await settle();
    expect(second.getSnapshot()).toBe(true);
    expect(secondChanged).toHaveBeenCalledTimes(1);
  });

  it('when the leading tab closes, the next tab in line leads', async () => {
    const browser = new FakeLockManager();
    const leaderTab = browser.tab();
    const leader = createTabLeadership(lock, leaderTab);
    const follower = createTabLeadership(lock, browser.tab());
    leader.subscribe(() => undefined);
    await settle();
    follower.subscribe(() => undefined);
    await settle();
    expect(follower.getSnapshot()).toBe(false);

    leaderTab.close();
    await settle();
    expect(follower.getSnapshot()).toBe(true);
  });

  it('holds the lock until the last subscriber leaves, and runs again on a new subscriber', async () => {
    const browser = new FakeLockManager();
    const leadership = createTabLeadership(lock, browser.tab());
    const stopA = leadership.subscribe(() => undefined);
    const stopB = leadership.subscribe(() => undefined);
    await settle();
    expect(browser.holder(lock)).toBe(0);

    stopA();
    stopA();
    await settle();
    expect(leadership.getSnapshot()).toBe(true);
    stopB();
    await settle();
    expect(browser.holder(lock)).toBeUndefined();

    leadership.subscribe(() => undefined);
    await settle();
    expect(leadership.getSnapshot()).toBe(true);
  });

  it('a waiting tab that stops running leaves the queue and never leads', async () => {
    const browser = new FakeLockManager();
    const leaderTab = browser.tab();
    const leader = createTabLeadership(lock, leaderTab);
    const quitter = createTabLeadership(lock, browser.tab());
    const last = createTabLeadership(lock, browser.tab());
    leader.subscribe(() => undefined);
    await settle();
    const stopQuitter = quitter.subscribe(() => undefined);
    last.subscribe(() => undefined);
    await settle();
    expect(browser.waiting(lock)).toBe(2);

    stopQuitter();
    await settle();
    expect(browser.waiting(lock)).toBe(1);
    leaderTab.close();
    await settle();
    expect([quitter.getSnapshot(), last.getSnapshot()]).toEqual([false, true]);
  });

  it('subscribing and leaving at once (StrictMode) neither leads nor keeps the lock', async () => {
    const browser = new FakeLockManager();
    const leadership = createTabLeadership(lock, browser.tab());
    leadership.subscribe(() => undefined)();
    await settle();
    expect(leadership.getSnapshot()).toBe(false);
    expect(browser.holder(lock)).toBeUndefined();
  });

  it('each name has its own leader: Jane and Joe signed in in one browser both ring', async () => {
    const browser = new FakeLockManager();
    const jane = createTabLeadership('softphone-ringer:Jane', browser.tab());
    const joe = createTabLeadership('softphone-ringer:Joe', browser.tab());
    jane.subscribe(() => undefined);
    joe.subscribe(() => undefined);
    await settle();
    expect([jane.getSnapshot(), joe.getSnapshot()]).toEqual([true, true]);
  });

  it('a leader whose lock another tab steals stops leading and queues again', async () => {
    const browser = new FakeLockManager();
    const leader = createTabLeadership(lock, browser.tab());
    leader.subscribe(() => undefined);
    await settle();
    browser.tab().steal(lock);
    await settle();
    expect(leader.getSnapshot()).toBe(false);
    expect(browser.waiting(lock)).toBe(1);
  });
});

describe('without a working Web Locks API every tab leads (ringing twice beats not ringing)', () => {
  it('no navigator.locks', () => {
    const leadership = createTabLeadership(lock, undefined);
    expect(leadership).toBe(everyTabLeads);
    const stop = leadership.subscribe(() => undefined);
    expect(leadership.getSnapshot()).toBe(true);
    stop();
  });

  it('locks that refuse the request', async () => {
    const refusing: LockRequester = {
      request: (() => Promise.reject(new DOMException('Access denied', 'SecurityError'))) as LockRequester['request'],
    };
    const leadership = createTabLeadership(lock, refusing);
    const changed = vi.fn();
    leadership.subscribe(changed);
    await settle();
    expect(leadership.getSnapshot()).toBe(true);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
