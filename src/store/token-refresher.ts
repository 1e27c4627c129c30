/**
 * Keeps an agent's session alive across a shift: refreshes the token at three quarters of its lifetime, so a
 * backend that is down for a while still leaves a quarter of the lifetime to retry in; retries with backoff
 * while the old token still works (reporting each failure, so the agent is told before the session ends);
 * and ignores any refresh that finishes after it was stopped (sign-out).
 */
export interface TokenRefresherDeps {
  now(): number;
  setTimer(callback: () => void, delayMs: number): () => void;
  /** Fetches a new token and hands it to the SDK, unless `stillWanted()` has become false; returns its expiry. */
  refresh(stillWanted: () => boolean): Promise<number | undefined>;
  /** A refresh failed: the next try is at `nextAttemptAt`; without a new token the session ends at `expiresAt`. */
  onRefreshFailed?(failure: { attempt: number; nextAttemptAt: number; expiresAt: number; reason: string }): void;
}

/** Refresh when this share of the token's lifetime has passed (not a fixed minute before expiry). */
export const refreshAtLifetimeShare = 0.75;
/** Retries after a failed refresh: 5 s, then doubling, at most a minute apart. */
export const tokenRefreshRetryMs = { first: 5_000, max: 60_000 } as const;
const minimumDelayMs = 5_000;

/** How long after receiving a token that lives `lifetimeMs` from now its refresh is due. */
export function refreshDelayFor(lifetimeMs: number): number {
  return Math.max(Math.round(lifetimeMs * refreshAtLifetimeShare), minimumDelayMs);
}

/** The wait before retry number `attempt` (1 for the first retry). */
export function retryDelayFor(attempt: number): number {
  return Math.min(tokenRefreshRetryMs.first * 2 ** (attempt - 1), tokenRefreshRetryMs.max);
}

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
    wait(refreshDelayFor(expiresAt - deps.now()), () => void attempt(current, expiresAt, 0));
  }

  async function attempt(current: number, expiresAt: number, failures: number) {
    const stillWanted = () => current === generation;
    try {
      const nextExpiry = await deps.refresh(stillWanted);
      if (stillWanted() && nextExpiry !== undefined) schedule(nextExpiry, current);
    } catch (error) {
      // The current token still works until it expires; keep trying, and say so (and why: some failures, such as
      // a sign-in that ran out at the backend, need the agent rather than another try).
      if (!stillWanted()) return;
      const delay = retryDelayFor(failures + 1);
      const reason = error instanceof Error ? error.message : String(error);
      deps.onRefreshFailed?.({ attempt: failures + 1, nextAttemptAt: deps.now() + delay, expiresAt, reason });
      wait(delay, () => void attempt(current, expiresAt, failures + 1));
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
