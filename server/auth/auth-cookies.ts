import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { signInTransactionLifetimeMs } from './sign-in-transactions';

/**
 * The two cookies sign-in uses. Both hold only a random id for state kept on the server, and both are HttpOnly
 * (no script, XSS included, can read them) and Secure (browsers allow that on http://localhost as well).
 */
interface AuthCookie {
  read(c: Context): string | undefined;
  set(c: Context, id: string, maxAgeSeconds: number): void;
  clear(c: Context): void;
}

function authCookie(name: string, options: Pick<CookieOptions, 'path' | 'sameSite'>): AuthCookie {
  const attributes = { ...options, httpOnly: true, secure: true };
  return {
    read: (c) => getCookie(c, name) || undefined,
    set: (c, id, maxAgeSeconds) => setCookie(c, name, id, { ...attributes, maxAge: maxAgeSeconds }),
    clear: (c) => setCookie(c, name, '', { ...attributes, maxAge: 0 }),
  };
}

/**
 * Binds a sign-in to the browser that started it. Lax, because it must come back on the IdP's top-level redirect
 * to /auth/callback, a cross-site navigation that Strict cookies would miss; scoped to /auth, where it is read.
 */
export const signInCookie = authCookie('softphone-sign-in', { path: '/auth', sameSite: 'Lax' });
export const signInCookieMaxAgeSeconds = signInTransactionLifetimeMs / 1000;

/**
 * The signed-in agent. Strict: only pages of the softphone's own site send it, so no other site can make a
 * browser spend it. The SPA and the backend must therefore share a site (e.g. app. and api.example.com).
 */
export const sessionCookie = authCookie('softphone-session', { path: '/', sameSite: 'Strict' });
