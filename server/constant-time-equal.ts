import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a caller-supplied secret with the configured one without leaking, through timing, how many
 * leading characters matched or how long the real secret is: both sides are hashed to the same length first.
 */
export function constantTimeEqual(supplied: string, expected: string): boolean {
  const suppliedDigest = createHash('sha256').update(supplied, 'utf8').digest();
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(suppliedDigest, expectedDigest);
}
