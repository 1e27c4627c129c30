/**
 * One tab at a time leads for a given name, among the tabs and windows of one browser profile on this
 * origin: the leader holds a Web Lock of that name, the others queue for it and the next in line takes over
 * the moment the leader lets go, closes or crashes (the browser releases a closed tab's locks itself, which
 * a BroadcastChannel heartbeat could only guess at).
 *
 * A tab runs for leadership while something subscribes and stops when the last subscriber leaves, so it
 * reads as an external store (`useSyncExternalStore`). Where Web Locks are missing (an insecure origin, an
 * old browser) or refuse, every tab leads: a duty such as ringing is done twice rather than not at all.
 */
export interface TabLeadership {
  subscribe(onChange: () => void): () => void;
  /** Whether this tab leads right now. */
  getSnapshot(): boolean;
}

/** The part of `navigator.locks` used here, so tests can hand in a fake. */
export type LockRequester = Pick<LockManager, 'request'>;

/** Every tab leads: for browsers without Web Locks, and for tabs not running for anything. */
export const everyTabLeads: TabLeadership = { subscribe: () => () => undefined, getSnapshot: () => true };

export function createTabLeadership(lockName: string, locks: LockRequester | undefined): TabLeadership {
  if (!locks) return everyTabLeads;
  const listeners = new Set<() => void>();
  let leading = false;
  /** The current run: aborts the queued request, or ends the held lock. */
  let stopRunning: (() => void) | undefined;

  const setLeading = (value: boolean) => {
    if (leading === value) return;
    leading = value;
    for (const listener of [...listeners]) listener();
  };

  const run = () => {
    const queued = new AbortController();
    let letGo: (() => void) | undefined;
    let stopped = false;
    stopRunning = () => {
      stopped = true;
      queued.abort();
      letGo?.();
    };
    let granted = false;
    locks
      .request(lockName, { signal: queued.signal }, () => {
        if (stopped) return undefined;
        granted = true;
        setLeading(true);
        // Held until this run stops; the browser also releases it when the tab goes away.
        return new Promise<void>((resolve) => (letGo = resolve));
      })
      .then(
        () => undefined,
        () => {
          if (stopped) return;
          if (granted) {
            // Another tab took the lock with `steal`: queue again behind it.
            setLeading(false);
            run();
            return;
          }
          // Refused outright (a SecurityError in a sandboxed frame): with no way to elect, this tab leads
          // rather than leave the duty undone.
          setLeading(true);
        },
      );
  };

  const stop = () => {
    stopRunning?.();
    stopRunning = undefined;
    setLeading(false);
  };

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      if (listeners.size === 1) run();
      return () => {
        if (!listeners.delete(onChange) || listeners.size > 0) return;
        stop();
      };
    },
    getSnapshot: () => leading,
  };
}

const byName = new Map<string, TabLeadership>();

/** This page's leadership for `lockName`, shared by everyone who asks for the same name. */
export function tabLeadership(lockName: string): TabLeadership {
  let leadership = byName.get(lockName);
  if (!leadership) {
    // `navigator.locks` is typed as always there, but insecure origins and older browsers lack it.
    const locks = (navigator as Partial<Navigator>).locks;
    leadership = createTabLeadership(lockName, locks);
    byName.set(lockName, leadership);
  }
  return leadership;
}
