import { tokenErrorSchema, tokenResponseSchema, type TokenResponse } from '@/contracts/token-api';
import { detailMaxLength, shortenUntrustedText } from '@/lib/untrusted-text';

export interface TokenClientOptions {
  tokenUrl: string;
  mobileApiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type TokenFailureKind =
  | 'unknown-agent'
  | 'unauthorized'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'rejected';

/** A failed token request, with a sentence the agent can act on. */
export class TokenRequestError extends Error {
  readonly kind: TokenFailureKind;
  readonly status: number | undefined;
  constructor(kind: TokenFailureKind, message: string, status?: number) {
    super(message);
    this.name = 'TokenRequestError';
    this.kind = kind;
    this.status = status;
  }
}

export const defaultTokenTimeoutMs = 10_000;

async function errorDetail(response: Response): Promise<string | undefined> {
  try {
    const parsed = tokenErrorSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

function failureFor(status: number, rawDetail: string | undefined, userName: string): TokenRequestError {
  // The backend's words and the typed name are quoted back, cleaned and short: they are not ours.
  const detail = shortenUntrustedText(rawDetail, detailMaxLength);
  const suffix = detail ? ` (${detail})` : '';
  if (status === 404) {
    return new TokenRequestError(
      'unknown-agent',
      `No agent named “${shortenUntrustedText(userName)}” is set up. Check the spelling or ask your supervisor.`,
      status,
    );
  }
  if (status === 401 || status === 403) {
    return new TokenRequestError(
      'unauthorized',
      `The token service refused this app’s key${suffix}. Ask your administrator to check the configuration.`,
      status,
    );
  }
  if (status === 429) {
    return new TokenRequestError('rate-limited', 'Too many sign-in attempts. Wait a minute, then try again.', status);
  }
  if (status >= 500) {
    return new TokenRequestError(
      'server',
      `The token service is having trouble (HTTP ${status})${suffix}. Try again in a moment.`,
      status,
    );
  }
  return new TokenRequestError('rejected', `The token service rejected the sign-in (HTTP ${status})${suffix}.`, status);
}

/** POST {tokenUrl} {user_name, mobile_api_key} -> {user_id, user_name, jwt, expires_at}, validated. */
export async function requestToken(userName: string, options: TokenClientOptions): Promise<TokenResponse> {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? defaultTokenTimeoutMs;
  let response: Response;
  // Phase marks for `npm run bench` (scripts/bench/): the token request's share of sign-in. No effect on behaviour.
  performance.mark('softphone:token-request-start');
  try {
    response = await fetchImpl(options.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user_name: userName, mobile_api_key: options.mobileApiKey }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new TokenRequestError(
        'timeout',
        `The token service did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check your connection and try again.`,
      );
    }
    throw new TokenRequestError('network', 'The token service could not be reached. Check your connection and try again.');
  }
  if (!response.ok) throw failureFor(response.status, await errorDetail(response), userName);

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new TokenRequestError(
      'malformed',
      'The token service sent an answer that is not JSON. Try again, or tell your administrator.',
      response.status,
    );
  }
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'))].join(', ');
    throw new TokenRequestError(
      'malformed',
      `The token service sent an incomplete answer (${fields}). Try again, or tell your administrator.`,
      response.status,
    );
  }
  performance.mark('softphone:token-request-end');
  return parsed.data;
}
