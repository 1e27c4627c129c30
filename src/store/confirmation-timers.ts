// Deadlines for SDK confirmations (a mute, a hold): armed when the request goes out, cancelled when the
// SDK's event confirms it, and reported as unconfirmed otherwise.
import type { StoreRuntime } from './store-runtime';

export interface ConfirmationTimers {
  arm(key: string, delayMs: number, onTimeout: () => void): void;
  cancel(key: string): void;
  reset(): void;
}

export function createConfirmationTimers(runtime: StoreRuntime): ConfirmationTimers {
  const pending = new Map<string, () => void>();
  const cancel = (key: string) => {
    pending.get(key)?.();
    pending.delete(key);
  };
  return {
    arm(key, delayMs, onTimeout) {
      cancel(key);
      pending.set(
        key,
        runtime.sessionTimer(() => {
          pending.delete(key);
          onTimeout();
        }, delayMs),
      );
    },
    cancel,
    reset() {
      for (const stop of pending.values()) stop();
      pending.clear();
    },
  };
}
