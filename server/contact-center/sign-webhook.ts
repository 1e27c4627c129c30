import { createHash, createHmac, randomUUID } from 'node:crypto';

// Node built-ins only, so the emulator can sign its webhook requests exactly as Vonage does without
// importing anything that reads the server's environment.

export interface SignWebhookOptions {
  /** Seconds since the epoch for `iat`; tests pin it, everyone else gets the current time. */
  issuedAt?: number;
}

/** SHA-256 hex of the exact bytes sent: what Vonage puts in `payload_hash` so the body cannot be swapped. */
export function payloadHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

const base64Url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The `Authorization: Bearer` token Vonage's signed webhooks carry: an HS256 JWT signed with the account's
 * signature secret, whose `payload_hash` binds it to this body. Pass '' for a GET, which has no body.
 */
export function signWebhook(body: string, secret: string, options: SignWebhookOptions = {}): string {
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = {
    iat: options.issuedAt ?? Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    iss: 'Vonage',
    payload_hash: payloadHash(body),
  };
  const signingInput = `${header}.${base64Url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
