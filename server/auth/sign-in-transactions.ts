import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

/** What the callback must check against: kept here, so none of it travels through the browser. */
export interface SignInChecks {
  pkceCodeVerifier: string;
  state: string;
  nonce: string;
}

/**
 * Sign-ins that went to the IdP and have not come back, keyed by a random id that only the browser which
 * started them holds (in the transaction cookie). Each is taken once: a replayed callback finds nothing.
 */
export interface SignInTransactions {
  /** Returns the id for the transaction cookie. */
  begin(checks: SignInChecks): string;
  /** The checks for this id, removing them; undefined when unknown or older than the lifetime. */
  take(id: string): SignInChecks | undefined;
}

interface Pending {
  checks: SignInChecks;
  startedAt: number;
}

export const signInTransactionLifetimeMs = 10 * 60 * 1000;

// Anyone can start a sign-in, so the map is bounded: a flood evicts the oldest pending sign-ins, never grows memory.
const defaultMaxPending = 10_000;

export function createSignInTransactions(now: Clock, maxPending = defaultMaxPending): SignInTransactions {
  // A Map iterates in insertion order, so the first key is always the oldest sign-in.
  const pending = new Map<string, Pending>();

  function dropExpired() {
    for (const [id, { startedAt }] of pending) {
      if (now() - startedAt < signInTransactionLifetimeMs) return;
      pending.delete(id);
    }
  }

  return {
    begin(checks) {
      dropExpired();
      while (pending.size >= maxPending) {
        const oldest = pending.keys().next();
        if (oldest.done === true) break;
        pending.delete(oldest.value);
      }
      const id = randomBytes(32).toString('base64url');
      pending.set(id, { checks, startedAt: now() });
      return id;
    },
    take(id) {
      const found = pending.get(id);
      pending.delete(id);
      if (found === undefined || now() - found.startedAt >= signInTransactionLifetimeMs) return undefined;
      return found.checks;
    },
  };
}
