// Demo tokens look like JWTs (so code that handles real ones handles these) but are unsigned: the fake
// cloud only needs to know whose socket is connecting. The SDK treats the token as opaque.

interface DemoTokenClaims {
  sub: string;
  exp: number;
  iat: number;
}

function base64UrlEncode(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  const padded = text.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return atob(padded);
}

export function mintDemoToken(userName: string, nowMs: number, lifetimeSeconds: number): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: DemoTokenClaims = { sub: userName, iat, exp: iat + lifetimeSeconds };
  const header = base64UrlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  return `${header}.${base64UrlEncode(JSON.stringify(claims))}.demo`;
}

/** The user name a demo token was minted for, or undefined when the token is not one of ours. */
export function readDemoTokenUser(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof claims === 'object' && claims !== null && 'sub' in claims && typeof claims.sub === 'string') {
      return claims.sub;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
