import type { Clock } from './clock';
import { createRateLimiter, type RateLimiter } from './rate-limiter';

/** How many of each event a key may have per window; set with the LIMIT_* variables. */
export interface SignInLimitCounts {
  /** Wrong keys and unknown agent names from one client address. */
  failuresPerAddress: number;
  /** Wrong keys for one agent name, from any address, whether or not the name is an agent. */
  failuresPerAgent: number;
  /** Tokens issued for one agent. */
  tokensPerAgent: number;
}

export const signInLimitWindowMs = 15 * 60 * 1000;

// One address is refused well before it alone could lock an agent (10 < 30), so a single guesser, or a whole
// office behind one proxy, cannot lock an agent out; only a spread-out attack on one name can. Thirty tokens
// in fifteen minutes is a sign-in, a refresh and a few reloads in several tabs, not a token farm.
export const defaultSignInLimits: SignInLimitCounts = { failuresPerAddress: 10, failuresPerAgent: 30, tokensPerAgent: 30 };

export interface SignInLimiters {
  failuresPerAddress: RateLimiter;
  failuresPerAgent: RateLimiter;
  tokensPerAgent: RateLimiter;
}

export function createSignInLimiters(counts: SignInLimitCounts, now: Clock, windowMs = signInLimitWindowMs): SignInLimiters {
  return {
    failuresPerAddress: createRateLimiter({ max: counts.failuresPerAddress, windowMs, now }),
    failuresPerAgent: createRateLimiter({ max: counts.failuresPerAgent, windowMs, now }),
    tokensPerAgent: createRateLimiter({ max: counts.tokensPerAgent, windowMs, now }),
  };
}
