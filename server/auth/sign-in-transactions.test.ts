import { describe, expect, it } from 'vitest';
import { createSignInTransactions, signInTransactionLifetimeMs, type SignInChecks } from './sign-in-transactions';

const checks = (n: number): SignInChecks => ({ pkceCodeVerifier: `verifier-${n}`, state: `state-${n}`, nonce: `nonce-${n}` });

describe('sign-in transactions', () => {
  it('gives each sign-in an unguessable id, and its checks back exactly once', () => {
    const transactions = createSignInTransactions(() => 0);
    const id = transactions.begin(checks(1));
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(transactions.begin(checks(2))).not.toBe(id);
    expect(transactions.take(id)).toEqual(checks(1));
    expect(transactions.take(id)).toBeUndefined();
    expect(transactions.take('made-up')).toBeUndefined();
  });

  it('forgets a sign-in after ten minutes', () => {
    let now = 0;
    const transactions = createSignInTransactions(() => now);
    const late = transactions.begin(checks(1));
    const inTime = transactions.begin(checks(2));
    now = signInTransactionLifetimeMs - 1;
    expect(transactions.take(inTime)).toEqual(checks(2));
    now = signInTransactionLifetimeMs;
    expect(transactions.take(late)).toBeUndefined();
  });

  it('keeps at most the configured number pending, dropping the oldest first', () => {
    const transactions = createSignInTransactions(() => 0, 3);
    const ids = [1, 2, 3, 4].map((n) => transactions.begin(checks(n)));
    expect(ids.map((id) => transactions.take(id))).toEqual([undefined, checks(2), checks(3), checks(4)]);
  });
});
