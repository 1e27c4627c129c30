// How the cloud decides whose token it is holding. The demo's tokens are unsigned and only name their user
// (demo-token.ts); the emulator's live-test mode checks them as Vonage does (emulator/vonage-token-check.ts).
// The cloud asks through this interface only, so it stays free of any host's crypto.
import { readDemoTokenUser } from './demo-token.ts';

/** Vonage's names for a refused token: the socket event type, and the CS error code of a 401. */
export type TokenRefusalCode = 'system:error:invalid-token' | 'system:error:expired-token';

export interface TokenRefusal {
  ok: false;
  code: TokenRefusalCode;
  detail: string;
}

export type UserTokenVerdict =
  | {
      ok: true;
      userName: string;
      /** When the token stops being valid (epoch ms); a live session is ended then. Undefined: never. */
      expiresAtMs?: number;
    }
  | TokenRefusal;

export type ApplicationTokenVerdict = { ok: true } | TokenRefusal;

/** A REST request a token is presented for, checked against the token's ACL. */
export interface TokenUse {
  method: string;
  /** The path below the API base, e.g. `/v0.3/conversations/CON-1`. */
  path: string;
}

export interface TokenCheck {
  /** Whether REST calls are refused without a valid bearer, as Vonage refuses them. The demo lets them through. */
  readonly guardsRest: boolean;
  /** A Client SDK token (a user's: `sub` names the user). Without `use`: everything the SDK needs, as at connect. */
  checkUserToken(token: string, use?: TokenUse): UserTokenVerdict;
  /** A backend's application token (no `sub`), as the Users API takes it. */
  checkApplicationToken(token: string, use: TokenUse): ApplicationTokenVerdict;
}

export function invalidToken(detail: string): TokenRefusal {
  return { ok: false, code: 'system:error:invalid-token', detail };
}

/** The demo: a token names its user and is never checked further (the SDK treats it as opaque anyway). */
export const demoTokenCheck: TokenCheck = {
  guardsRest: false,
  checkUserToken(token) {
    const userName = readDemoTokenUser(token);
    return userName === undefined ? invalidToken('Not a demo token') : { ok: true, userName };
  },
  checkApplicationToken: () => invalidToken('The demo has no application tokens'),
};
