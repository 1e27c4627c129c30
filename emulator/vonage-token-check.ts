// Tokens checked as Vonage checks them, for the emulator's live-test mode: an RS256 signature by the
// application's private key (verified with its public key), the application's id, a time window that
// includes now, and for a Client SDK token a `sub` and an ACL covering what the SDK calls. Synchronous
// (node:crypto), so the socket's handshake answers in the same turn as today.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { TokenCheck, TokenRefusal, TokenUse, UserTokenVerdict } from '../src/fake-cloud/token-check.ts';
import { invalidToken } from '../src/fake-cloud/token-check.ts';
import { aclGrants, missingSdkFamilies } from './vonage-acl.ts';

export interface VonageApplication {
  applicationId: string;
  /** The application's public key: a KeyObject, or SPKI PEM text ("-----BEGIN PUBLIC KEY-----"). */
  publicKey: KeyObject | string;
}

/** Clocks differ a little between the backend and the cloud: `iat` and `nbf` may be this far ahead. */
const clockSkewSeconds = 30;

type Claims = Record<string, unknown>;
type ClaimsResult = { ok: true; claims: Claims } | TokenRefusal;

export function rsaPublicKey(key: KeyObject | string): KeyObject {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key.type === 'public' ? key : createPublicKey(key);
  if (publicKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`The Vonage application's key must be an RSA key (got ${publicKey.asymmetricKeyType ?? 'unknown'})`);
  }
  return publicKey;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isClaims(value: unknown): value is Claims {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function vonageTokenCheck(application: VonageApplication, now: () => number = () => Date.now()): TokenCheck {
  const publicKey = rsaPublicKey(application.publicKey);

  function signatureMatches(signingInput: string, signature: string): boolean {
    try {
      return verify('sha256', Buffer.from(signingInput), publicKey, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }

  function signedClaims(token: string): ClaimsResult {
    const parts = token.split('.');
    const [header, payload, signature] = parts;
    if (parts.length !== 3 || !header || !payload || !signature) return invalidToken('Not a JWT');
    const headerJson = decodeJson(header);
    if (!isClaims(headerJson) || headerJson.alg !== 'RS256') return invalidToken('The token is not signed with RS256');
    if (!signatureMatches(`${header}.${payload}`, signature)) return invalidToken("The signature does not match the application's public key");
    const claims = decodeJson(payload);
    if (!isClaims(claims)) return invalidToken('The token payload is not a JSON object');
    if (claims.application_id !== application.applicationId) return invalidToken('The token is for another application');
    return timeWindow(claims);
  }

  function timeWindow(claims: Claims): ClaimsResult {
    const { exp, iat, nbf } = claims;
    const nowSeconds = now() / 1000;
    if (typeof exp !== 'number') return invalidToken('The token has no exp');
    if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + clockSkewSeconds || iat >= exp)) {
      return invalidToken('The token iat is in the future or after exp');
    }
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds + clockSkewSeconds)) {
      return invalidToken('The token is not valid yet (nbf)');
    }
    if (exp <= nowSeconds) return { ok: false, code: 'system:error:expired-token', detail: 'The token has expired' };
    return { ok: true, claims };
  }

  return {
    guardsRest: true,

    checkUserToken(token: string, use?: TokenUse): UserTokenVerdict {
      const checked = signedClaims(token);
      if (!checked.ok) return checked;
      const { sub, acl, exp } = checked.claims;
      if (typeof sub !== 'string' || sub === '') return invalidToken('A Client SDK token needs a sub (the user name)');
      if (use === undefined) {
        const missing = missingSdkFamilies(acl);
        if (missing.length > 0) return invalidToken(`The token's ACL does not grant ${missing.map((family) => `/*/${family}/**`).join(', ')}`);
      } else if (!aclGrants(acl, use)) {
        return invalidToken(`The token's ACL does not grant ${use.method} ${use.path}`);
      }
      return { ok: true, userName: sub, expiresAtMs: Number(exp) * 1000 };
    },

    checkApplicationToken(token, use) {
      const checked = signedClaims(token);
      if (!checked.ok) return checked;
      // An application token has no ACL and may do anything; one with an ACL only what it lists.
      const { acl } = checked.claims;
      if (acl !== undefined && !aclGrants(acl, use)) return invalidToken(`The token's ACL does not grant ${use.method} ${use.path}`);
      return { ok: true };
    },
  };
}
