import type { AuthConfig } from '@/config/app-config';
import { tokenErrorSchema, tokenResponseSchema, type TokenError, type TokenResponse } from '@/contracts/token-api';
import { detailMaxLength, shortenUntrustedText } from '@/lib/untrusted-text';

export interface TokenClientOptions {
  tokenUrl: string;
  /** With the seed's key the body carries it; with organisation sign-in the backend's session cookie goes instead. */
  auth: AuthConfig;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type TokenFailureKind =
  | 'unknown-agent'
  | 'unauthorized'
  | 'signed-out'
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

async function errorBody(response: Response): Promise<TokenError | undefined> {
  try {
    const parsed = tokenErrorSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function failureFor(status: number, body: TokenError | undefined, userName: string, auth: AuthConfig): TokenRequestError {
  // The backend's words and the typed name are quoted back, cleaned and short: they are not ours.
  const detail = shortenUntrustedText(body?.error, detailMaxLength);
  const suffix = detail ? ` (${detail})` : '';
  if (auth.kind === 'organization' && status === 401) {
    return new TokenRequestError(
      'signed-out',
      body?.reason === 'session-expired'
        ? 'Your sign-in with your organisation has expired. Sign in again to keep taking calls.'
        : 'You are not signed in with your organisation any more. Sign in again to keep taking calls.',
      status,
    );
  }
  if (auth.kind === 'organization' && status === 403) {
    const reason = detail ? `: ${detail.replace(/[.\s]+$/, '')}` : '';
    return new TokenRequestError('unauthorized', `The token service refused this request${reason}. Sign out, then sign in again.`, status);
  }
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

/**
 * POST {tokenUrl} -> {user_id, user_name, jwt, expires_at}, validated. The body is {user_name, mobile_api_key}
 * with the seed's key; with organisation sign-in it is {user_name} and the backend's session cookie proves who asks.
 */
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
      body: JSON.stringify(
        options.auth.kind === 'mobile-api-key' ? { user_name: userName, mobile_api_key: options.auth.mobileApiKey } : { user_name: userName },
      ),
      // The session cookie is HttpOnly and SameSite=Strict: it goes to the backend (same site), never to script.
      ...(options.auth.kind === 'organization' ? { credentials: 'include' as const } : {}),
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
  if (!response.ok) throw failureFor(response.status, await errorBody(response), userName, options.auth);

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
