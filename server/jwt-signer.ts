import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Clock } from './clock';
import { agentAcl } from './vonage-acl';

export interface SignedToken {
  jwt: string;
  /** Seconds since the epoch, as in the `exp` claim. */
  expiresAt: number;
}

export interface JwtSigner {
  /** A Client SDK token for one agent: `sub` is the Vonage user name, with the ACL the SDK needs. */
  signAgentToken(userName: string, lifetimeSeconds: number): Promise<SignedToken>;
  /** A server-to-Vonage token (no `sub`, no ACL), used only to call the Users API. */
  signApplicationToken(lifetimeSeconds: number): Promise<SignedToken>;
}

interface JwtSignerOptions {
  applicationId: string;
  privateKey: KeyObject;
  now: Clock;
}

export function createJwtSigner({ applicationId, privateKey, now }: JwtSignerOptions): JwtSigner {
  async function sign(lifetimeSeconds: number, extraClaims: { sub?: string; acl?: unknown }): Promise<SignedToken> {
    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const { sub, acl } = extraClaims;
    const builder = new SignJWT({ application_id: applicationId, ...(acl === undefined ? {} : { acl }) })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID());
    if (sub !== undefined) builder.setSubject(sub);
    return { jwt: await builder.sign(privateKey), expiresAt };
  }

  return {
    signAgentToken: (userName, lifetimeSeconds) => sign(lifetimeSeconds, { sub: userName, acl: agentAcl }),
    signApplicationToken: (lifetimeSeconds) => sign(lifetimeSeconds, {}),
  };
}
