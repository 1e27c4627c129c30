// Fresh ids per call: the SDK's remote-event buffer is keyed by conversation id and remembers the highest
// event id seen, so reusing a conversation id would make it drop the new call's events.

export interface IdFactory {
  next(prefix: string): string;
}

export function randomIdFactory(): IdFactory {
  return { next: (prefix) => `${prefix}-${crypto.randomUUID()}` };
}

/** Predictable ids for unit tests: `CON-1`, `LEG-2`, ... */
export function sequentialIdFactory(): IdFactory {
  let counter = 0;
  return {
    next: (prefix) => {
      counter += 1;
      return `${prefix}-${counter}`;
    },
  };
}
