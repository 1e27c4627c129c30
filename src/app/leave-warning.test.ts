// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SoftphoneStore } from '@/store/softphone-store';
import { initialSoftphoneState, type Call } from '@/store/softphone-state';
import { warnBeforeLeavingDuringCalls } from './leave-warning';

const activeCall: Call = {
  id: 'IN-1',
  direction: 'inbound',
  state: 'active',
  remote: '447700900001',
  channelType: 'phone',
  startedAt: 1,
  answeredAt: 2,
  muted: false,
  mutePending: false,
  hangupPending: false,
  rejectPending: false,
};

function harness() {
  const store = createStore(() => ({ ...initialSoftphoneState, actions: {} })) as unknown as SoftphoneStore;
  const listeners = new Set<EventListener>();
  const target = {
    addEventListener: vi.fn((_type: string, listener: EventListener) => void listeners.add(listener)),
    removeEventListener: vi.fn((_type: string, listener: EventListener) => void listeners.delete(listener)),
  };
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    for (const listener of listeners) listener(event);
    return event.defaultPrevented;
  };
  return { store, target, unload, listeners };
}

describe('the warning before leaving during a call', () => {
  it('asks only while a call is in progress', () => {
    const { store, target, unload } = harness();
    warnBeforeLeavingDuringCalls(store, target as unknown as Window);
    expect(unload()).toBe(false);
    store.setState({ calls: { 'IN-1': activeCall } });
    expect(unload()).toBe(true);
    store.setState({ calls: { 'IN-1': { ...activeCall, state: 'ended', endReason: 'remote-hangup', endedAt: 3 } } });
    expect(unload()).toBe(false);
  });

  it('does not stack listeners as the state changes, and unsubscribes cleanly', () => {
    const { store, target, listeners } = harness();
    const stop = warnBeforeLeavingDuringCalls(store, target as unknown as Window);
    store.setState({ calls: { 'IN-1': activeCall } });
    store.setState({ calls: { 'IN-1': { ...activeCall, muted: true } } });
    expect(target.addEventListener).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
