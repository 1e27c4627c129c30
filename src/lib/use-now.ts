import { useSyncExternalStore } from 'react';

// One shared one-second clock for every timer on screen, instead of an interval per component.
const subscribers = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(callback: () => void) {
  subscribers.add(callback);
  if (!interval) {
    now = Date.now();
    interval = setInterval(() => {
      now = Date.now();
      for (const subscriber of subscribers) subscriber();
    }, 1000);
  }
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/** The current time, updated every second while anything is rendering it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
