import type { Clock } from './clock';
import type { Logger } from './logger';

/**
 * Logs a repeated event once per burst: the first occurrence of a key is logged at once, repeats within
 * `quietMs` are only counted, and the next occurrence after that is logged with the count. A flood of
 * refused requests costs one line a minute per key instead of a line per request.
 */
export interface BurstLog {
  warn(key: string, line: string): void;
}

interface Burst {
  loggedAt: number;
  repeats: number;
}

interface BurstLogOptions {
  logger: Logger;
  now: Clock;
  quietMs?: number;
  /** Bounds memory when many keys repeat; the oldest bursts are forgotten (and may be logged again). */
  maxTrackedKeys?: number;
}

export function createBurstLog({ logger, now, quietMs = 60_000, maxTrackedKeys = 10_000 }: BurstLogOptions): BurstLog {
  const bursts = new Map<string, Burst>();
  return {
    warn(key, line) {
      const burst = bursts.get(key);
      if (burst !== undefined && now() - burst.loggedAt < quietMs) {
        burst.repeats += 1;
        return;
      }
      const repeats = burst?.repeats ?? 0;
      logger.warn(repeats === 0 ? line : `${line} (and ${repeats} more like it in the ${Math.round(quietMs / 1000)} s before)`);
      // Re-inserted so the map stays ordered by last log, oldest first.
      bursts.delete(key);
      if (bursts.size >= maxTrackedKeys) {
        const oldest = bursts.keys().next();
        if (oldest.done !== true) bursts.delete(oldest.value);
      }
      bursts.set(key, { loggedAt: now(), repeats: 0 });
    },
  };
}
