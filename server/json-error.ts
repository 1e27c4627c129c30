import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TokenError } from '../src/contracts/token-api';

/** Every error the server sends has the contract's `{ error }` shape, whatever went wrong. */
export function jsonError(c: Context, status: ContentfulStatusCode, message: string, headers?: Record<string, string>) {
  const body: TokenError = { error: message };
  return c.json(body, status, headers);
}
