import { verifySignature } from '@vonage/jwt';
import type { MiddlewareHandler } from 'hono';
import { decodeJwt } from 'jose';
import type { Clock } from '../clock';
import { jsonError } from '../json-error';
import type { Logger } from '../logger';
import { payloadHash } from './sign-webhook';

interface WebhookSignatureOptions {
  /** Undefined: signatures are not checked (development only; config.ts refuses this in production). */
  secret: string | undefined;
  logger: Logger;
  now: Clock;
}

// A captured request replayed later should fail; the slack allows for clock skew between Vonage and us.
const maxAgeSeconds = 5 * 60;
const maxFutureSeconds = 60;

/** Why a token is refused, or undefined when it is good. Never mentions the token or the secret. */
function signatureProblem(token: string, secret: string, body: string | undefined, nowSeconds: number): string | undefined {
  // HS256 with the signature secret; @vonage/jwt also accepts RS256, which a string secret can never verify.
  if (!verifySignature(token, secret)) return 'the signature does not verify';
  const claims = decodeJwt(token);
  if (typeof claims.iat !== 'number') return 'the token has no iat';
  if (claims.iat < nowSeconds - maxAgeSeconds || claims.iat > nowSeconds + maxFutureSeconds) return 'the token is stale (iat)';
  if (body !== undefined && claims.payload_hash !== payloadHash(body)) return 'payload_hash does not match the body';
  return undefined;
}

/**
 * Refuses a webhook that Vonage did not sign. For a POST the token's payload_hash must match the raw body,
 * so a valid token cannot be reused with a different body; a GET has no body to bind.
 */
export function webhookSignature({ secret, logger, now }: WebhookSignatureOptions): MiddlewareHandler {
  return async (c, next) => {
    if (secret === undefined) return next();
    const authorization = c.req.header('Authorization') ?? '';
    const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
    const body = c.req.method === 'POST' ? await c.req.text() : undefined;
    const problem =
      token === undefined ? 'no Authorization: Bearer token' : signatureProblem(token, secret, body, Math.floor(now() / 1000));
    if (problem !== undefined) {
      logger.warn(`refused ${c.req.method} ${c.req.path}: ${problem}`);
      return jsonError(c, 401, 'This webhook must carry a valid Vonage signature.');
    }
    return next();
  };
}
