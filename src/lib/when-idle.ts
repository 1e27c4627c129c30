/**
 * Runs `work` when the browser has nothing better to do (requestIdleCallback), at the latest after `timeoutMs`;
 * where there is no idle callback (Safari), after a short timer. For preparing what a later moment needs fast,
 * such as the ringtone before the first call. Returns a function that cancels it.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 200);
  return () => clearTimeout(timer);
}
