/**
 * Keeps an agent's session alive across a shift: refreshes the token a little before it expires, retries
 * while the old token still works, and ignores any refresh that finishes after it was stopped (sign-out).
 */
export interface TokenRefresherDeps {
  now(): number;
  setTimer(callback: () => void, delayMs: number): () => void;
  /** Fetches a new token and hands it to the SDK, unless `stillWanted()` has become false; returns its expiry. */
  refresh(stillWanted: () => boolean): Promise<number | undefined>;
}

/** Refresh the token this long before it expires, so an agent's shift never hits an expired session. */
export const tokenRefreshLeadMs = 60_000;
export const tokenRefreshRetryMs = 30_000;
const minimumDelayMs = 5_000;

export interface TokenRefresher {
  start(expiresAt: number): void;
  stop(): void;
}

export function createTokenRefresher(deps: TokenRefresherDeps): TokenRefresher {
  let generation = 0;
  let cancelTimer: (() => void) | undefined;

  const wait = (delayMs: number, run: () => void) => {
    cancelTimer?.();
    cancelTimer = deps.setTimer(run, delayMs);
  };

  function schedule(expiresAt: number, current: number) {
    wait(Math.max(expiresAt - tokenRefreshLeadMs - deps.now(), minimumDelayMs), () => void attempt(current));
  }

  async function attempt(current: number) {
    const stillWanted = () => current === generation;
    try {
      const expiresAt = await deps.refresh(stillWanted);
      if (stillWanted() && expiresAt !== undefined) schedule(expiresAt, current);
    } catch {
      // The current token still works until it expires; keep trying until then.
      if (stillWanted()) wait(tokenRefreshRetryMs, () => void attempt(current));
    }
  }

  return {
    start(expiresAt) {
      generation += 1;
      schedule(expiresAt, generation);
    },
    stop() {
      generation += 1;
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
}
