// A session lives as long as its latest token: Vonage ends it at the token's `exp` unless refreshSession (or a
// reconnect) brought a newer one. One timer per session, re-armed by each accepted token and cleared when the
// session ends another way, so a floor of sessions holds exactly one timer each and none after they end.

/** setTimeout's limit (about 24.8 days); a token valid longer than that outlives any run of the emulator. */
const longestDelayMs = 2 ** 31 - 1;

export class SessionExpiry {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly expire: (sessionId: string) => void;

  /** `expire` ends the session; it runs at most once per arming. */
  constructor(expire: (sessionId: string) => void) {
    this.expire = expire;
  }

  /** The session now ends at `expiresAtMs` (replacing any earlier arming); undefined: it never expires. */
  arm(sessionId: string, expiresAtMs: number | undefined, nowMs = Date.now()): void {
    this.clear(sessionId);
    if (expiresAtMs === undefined) return;
    const delayMs = Math.max(0, expiresAtMs - nowMs);
    if (delayMs > longestDelayMs) return;
    const timer = setTimeout(() => {
      this.timers.delete(sessionId);
      this.expire(sessionId);
    }, delayMs);
    // A pending expiry must not keep a Node host (a test, a global setup) alive; browsers' timers are numbers.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(sessionId, timer);
  }

  clear(sessionId: string): void {
    clearTimeout(this.timers.get(sessionId));
    this.timers.delete(sessionId);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Sessions with an expiry pending, for leak checks. */
  get pending(): number {
    return this.timers.size;
  }
}
