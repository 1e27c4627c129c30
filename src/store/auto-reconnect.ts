// After the SDK gives up on a lost connection (sessionError TRANSPORT_CLOSED, about 12–25 s of refused
// retries) it does nothing more, even when the network returns (PROTOCOL.md §11). An agent who has not
// noticed would miss every call from then on, so the softphone keeps trying by itself: with backoff, and at
// once when the browser says it is online again.

/** Delay before try n (from 1): 1 s, 2 s, 4 s … capped at 30 s. */
export function autoReconnectDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(autoReconnectMaxDelayMs, 1_000 * 2 ** (attempt - 1));
  // ±20 %, so a whole floor of agents does not come back in the same instant after an outage.
  return Math.round(base * (0.8 + 0.4 * random()));
}

export const autoReconnectMaxDelayMs = 30_000;

export interface AutoReconnectorDeps {
  now(): number;
  random(): number;
  /** A timer that sign-out cancels. */
  setTimer(callback: () => void, delayMs: number): () => void;
  /** Subscribes to the browser coming back online; returns the unsubscribe function. */
  onNetworkOnline(callback: () => void): () => void;
  /** Tells the store when the next try will be. */
  scheduled(attempt: number, nextAttemptAt: number): void;
  /** One try; resolves whatever its outcome (the store reports it). */
  attempt(): Promise<void>;
}

export function createAutoReconnector(deps: AutoReconnectorDeps) {
  let active = false;
  let attempts = 0;
  let cancelTimer: (() => void) | undefined;
  let unsubscribeOnline: (() => void) | undefined;
  let running = false;
  /** A try reported failure while it was still running: schedule the next one when it returns. */
  let failedWhileRunning = false;
  let retryAtOnce = false;

  async function tryNow() {
    cancelTimer?.();
    cancelTimer = undefined;
    if (!active) return;
    if (running) {
      // The network came back while a try was under way: should that try fail, the next one goes at once.
      retryAtOnce = true;
      return;
    }
    running = true;
    try {
      await deps.attempt();
    } finally {
      running = false;
    }
    const again = retryAtOnce;
    retryAtOnce = false;
    if (failedWhileRunning) {
      failedWhileRunning = false;
      if (again) void tryNow();
      else scheduleNext();
    }
  }

  function scheduleNext() {
    if (!active || running) return;
    cancelTimer?.();
    attempts += 1;
    const delay = autoReconnectDelayMs(attempts, deps.random);
    deps.scheduled(attempts, deps.now() + delay);
    cancelTimer = deps.setTimer(() => void tryNow(), delay);
  }

  return {
    /** The connection was lost: start trying (a second call while already trying changes nothing). */
    start() {
      if (active) return;
      active = true;
      attempts = 0;
      unsubscribeOnline = deps.onNetworkOnline(() => void tryNow());
      scheduleNext();
    },
    /** A try (ours or the agent's Reconnect) failed: wait, then try again. */
    failed() {
      if (running) failedWhileRunning = true;
      else scheduleNext();
    },
    /** Back, signed out, or the session expired (a new sign-in is the agent's call). */
    stop() {
      active = false;
      failedWhileRunning = false;
      retryAtOnce = false;
      cancelTimer?.();
      cancelTimer = undefined;
      unsubscribeOnline?.();
      unsubscribeOnline = undefined;
    },
    get active() {
      return active;
    },
  };
}
