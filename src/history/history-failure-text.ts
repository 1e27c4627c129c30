/** Why IndexedDB refused, in words: a full disk reads differently from a browser that forbids storage. */
function why(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError'
    ? 'this browser has no storage space left for it'
    : 'this browser does not let the softphone keep it (a private window, or site storage turned off)';
}

/**
 * The one sentence the agent reads when the history cannot be kept, whether a read (at sign-in, opening the
 * list) or a write (a call that ended) found out first: the softphone itself works on.
 */
export function historyFailureText(error: unknown, failed: 'opened' | 'saved'): string {
  return `Your call history cannot be ${failed}: ${why(error)}. Calls work as usual, but they are not added to your history.`;
}
