import type { MiddlewareHandler } from 'hono';
import type { BurstLog } from './burst-log';
import type { ClientAddress } from './client-address';
import { escapeForLog } from './log-text';

interface ClientErrorLoggingDeps {
  clientErrors: BurstLog;
  clientAddress: ClientAddress;
}

/**
 * Logs every refused request (4xx), once per burst per address and status, so a guesser or a scanner leaves
 * a trace without flooding the log. Everything the caller chose (path, names in the reason) is escaped.
 */
export function logClientErrors({ clientErrors, clientAddress }: ClientErrorLoggingDeps): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { status } = c.res;
    if (status < 400 || status >= 500) return;
    const address = escapeForLog(clientAddress(c), 60);
    const reason = await errorMessage(c.res);
    clientErrors.warn(
      `${status} ${address}`,
      `refused ${escapeForLog(c.req.method, 20)} ${escapeForLog(c.req.path, 100)} from ${address}: ${status}${reason === undefined ? '' : ` ${escapeForLog(reason)}`}`,
    );
  };
}

/** The `{ error }` sentence every JSON error carries (json-error.ts), read from a copy of the response. */
async function errorMessage(response: Response): Promise<string | undefined> {
  if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) return undefined;
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}
