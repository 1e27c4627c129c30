/** Waits before each new try of a lazy chunk: about 15 s in all, enough for a dev server or Wi-Fi to come back. */
export const chunkRetryDelaysMs = [500, 1_000, 2_000, 4_000, 8_000] as const;

/**
 * Loads a lazy chunk, trying again after a failed fetch (a network blip, a server restarting) before giving up,
 * so one lost request does not cost the agent a feature until they reload. The last failure is passed on.
 */
export async function retryingImport<T>(
  load: () => Promise<T>,
  delaysMs: readonly number[] = chunkRetryDelaysMs,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (const delay of delaysMs) {
    try {
      return await load();
    } catch {
      await wait(delay);
    }
  }
  return load();
}
