// Asks the backend to transfer a call (POST /api/calls/{callId}/transfer): the backend checks, with the
// agent's own Vonage JWT, that the call is theirs, and moves the other party with the Voice API.
import { detailMaxLength, shortenUntrustedText } from '@/lib/untrusted-text';
import type { TransferRequest } from '@/store/store-runtime';

export interface TransferClientOptions {
  /** The token URL (e.g. /api/jwt): the transfer route lives beside it. */
  tokenUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** /api/jwt → /api/calls/{callId}/transfer, on the same origin and path prefix as the token service. */
export function transferUrl(tokenUrl: string, callId: string, base = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(`calls/${encodeURIComponent(callId)}/transfer`, new URL(tokenUrl, base)).toString();
}

async function errorDetail(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

function failureMessage(status: number, detail: string | undefined): string {
  // The backend's sentence goes in brackets before our own full stop: drop its own.
  const suffix = detail ? ` (${shortenUntrustedText(detail.replace(/\.\s*$/, ''), detailMaxLength)})` : '';
  switch (status) {
    case 401:
    case 403:
      return `The transfer was refused${suffix}. Sign out and in again, then retry.`;
    case 404:
      return `The call could not be transferred: the transfer service does not know this call${suffix}.`;
    case 409:
      return `The call could not be transferred${suffix}. It may have just ended.`;
    case 422:
    case 400:
      return `That destination cannot take a transfer${suffix}.`;
    default:
      return `The transfer service failed (HTTP ${status})${suffix}. The call is still with you: try again.`;
  }
}

export function createTransferClient(options: TransferClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return async function transferCall({ callId, to, token }: TransferRequest): Promise<void> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), options.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(transferUrl(options.tokenUrl, callId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ to }),
        signal: abort.signal,
      });
    } catch {
      throw new Error(
        abort.signal.aborted
          ? 'The transfer service did not answer in time. The call is still with you: try again.'
          : 'The transfer service could not be reached. The call is still with you: try again.',
      );
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new Error(failureMessage(response.status, await errorDetail(response)));
  };
}
