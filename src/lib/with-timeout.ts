export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/**
 * Settles with `work`, or rejects with a TimeoutError after `ms`: an SDK promise that never settles (the
 * cloud never answered) must not leave a button disabled for the rest of the shift.
 */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  message: string,
  setTimer: (callback: () => void, delayMs: number) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = setTimer(() => reject(new TimeoutError(message)), ms);
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
