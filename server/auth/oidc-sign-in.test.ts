import { jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../src/contracts/token-api';
import { createApp } from '../app';
import { createAppDeps } from '../app-deps';
import type { SignInLimitCounts } from '../sign-in-limits';
import { startLocalIdentityProvider, type LocalIdentityProvider } from '../testing/local-identity-provider';
import { createRecordingLogger } from '../testing/recording-logger';
import { createTestBrowser, type TestBrowser } from '../testing/test-browser';
import { createTestConfig } from '../testing/test-config';
import { createTestKeyPair } from '../testing/test-key-pair';
import type { OidcAuthConfig } from './auth-config';
import { discoverOidcSignIn, type OidcSignIn } from './oidc-sign-in';

// The whole sign-in for real: a real OpenID Connect provider on a free port, real discovery, real codes and
// ID tokens. Only the Users API is replaced (by a map), and the backend is driven with app.request.
const keys = createTestKeyPair();
const backendOrigin = 'http://127.0.0.1:5830';
const appUrl = 'http://localhost:5817/';
const clientSecret = 'local-client-secret-0123456789';
const sessionTtlSeconds = 43_200;

let identityProvider: LocalIdentityProvider;
let signIn: OidcSignIn;
let oidcAuth: OidcAuthConfig;

beforeAll(async () => {
  identityProvider = await startLocalIdentityProvider({
    port: 0,
    clients: [{ client_id: 'softphone', client_secret: clientSecret, redirect_uris: [`${backendOrigin}/auth/callback`] }],
    // joe is spelled in lower case at the IdP, as people often are; AGENTS says Joe.
    accounts: ['Jane', 'joe', 'Mallory'],
  });
  oidcAuth = {
    mode: 'oidc',
    issuer: identityProvider.issuer,
    clientId: 'softphone',
    clientSecret,
    redirectUri: `${backendOrigin}/auth/callback`,
    appUrl,
    agentClaim: 'preferred_username',
    scopes: 'openid profile',
    sessionTtlSeconds,
  };
  signIn = await discoverOidcSignIn(oidcAuth);
});
afterAll(() => identityProvider.close());

let logger: ReturnType<typeof createRecordingLogger>;
let currentTime: number;
beforeEach(() => {
  logger = createRecordingLogger();
  currentTime = Date.now();
});

function buildApp(signInLimits?: SignInLimitCounts) {
  const config = createTestConfig(keys, { auth: oidcAuth, ...(signInLimits === undefined ? {} : { signInLimits }) });
  const deps = createAppDeps(config, { now: () => currentTime, logger, clientAddress: () => '192.0.2.1', oidcSignIn: signIn });
  const app = createApp({ ...deps, users: { userIdFor: async (name) => `USR-${name.toLowerCase()}` } });
  const browser = createTestBrowser({ backendOrigin, app, identityProviderOrigin: identityProvider.issuer });
  return { app, browser };
}

type App = ReturnType<typeof buildApp>['app'];

const backendHost = new URL(backendOrigin).host;

/** From the SPA's "Sign in" link to the IdP's page: answers that page's HTML. */
async function openSignInPage(browser: TestBrowser): Promise<{ html: string; formUrl: string }> {
  const { url, response } = await browser.visit(`${backendOrigin}/auth/login`);
  expect(response?.status).toBe(200);
  const html = (await response?.text()) ?? '';
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no sign-in form at ${url}`);
  return { html, formUrl: new URL(action, url).href };
}

/** Signs in at the IdP as `username` (or cancels) and answers where the browser ended up. */
async function signInAs(browser: TestBrowser, username: string, action: 'sign-in' | 'cancel' = 'sign-in') {
  const { formUrl } = await openSignInPage(browser);
  return (await browser.visit(formUrl, { username, action })).url;
}

const sessionCookieOf = (browser: TestBrowser) => browser.cookie(backendHost, 'softphone-session') ?? '';

function call(app: App, browser: TestBrowser, path: string, init: RequestInit = {}) {
  const session = browser.cookie(backendHost, 'softphone-session');
  const headers = new Headers(init.headers);
  if (session !== undefined) headers.set('Cookie', `softphone-session=${session}`);
  return app.request(`${backendOrigin}${path}`, { ...init, headers });
}

const postJwt = (app: App, browser: TestBrowser, body: unknown = {}) =>
  call(app, browser, '/api/jwt', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('OpenID Connect sign-in', () => {
  it('walks from /auth/login through the IdP to a session, a token for Jane only, and sign-out', async () => {
    const { app, browser } = buildApp();

    const login = await app.request(`${backendOrigin}/auth/login`);
    expect(login.status).toBe(302);
    const authorization = new URL(login.headers.get('Location') ?? '');
    expect(authorization.origin).toBe(identityProvider.issuer);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'softphone',
      redirect_uri: `${backendOrigin}/auth/callback`,
      scope: 'openid profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      // Asked every time: on a shared desk the next agent must not land in the previous agent's IdP session.
      prompt: 'login',
    });
    expect(login.headers.get('Set-Cookie')).toMatch(/^softphone-sign-in=[\w-]{43}; Max-Age=600; Path=\/auth; HttpOnly; Secure; SameSite=Lax$/);
    expect(login.headers.get('Cache-Control')).toBe('no-store');

    const { html } = await openSignInPage(browser);
    expect(html).toContain('<title>Sign in to Example Org</title>');
    expect(html).toContain('<label for="username">Username</label>');
    expect(await signInAs(browser, 'Jane')).toBe(appUrl);

    const [sessionSetCookie] = browser.backendSetCookies.filter((cookie) => cookie.startsWith('softphone-session='));
    expect(sessionSetCookie).toMatch(new RegExp(`^softphone-session=[\\w-]{43}; Max-Age=${sessionTtlSeconds}; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    expect(browser.backendSetCookies).toContain('softphone-sign-in=; Max-Age=0; Path=/auth; HttpOnly; Secure; SameSite=Lax');
    expect(browser.cookie(backendHost, 'softphone-sign-in')).toBeUndefined();

    const session = await call(app, browser, '/api/session');
    expect(session.status).toBe(200);
    expect(session.headers.get('Cache-Control')).toBe('no-store');
    expect(await session.json()).toEqual({ user_name: 'Jane', expires_at: new Date(currentTime + sessionTtlSeconds * 1000).toISOString() });

    for (const body of [{}, { user_name: 'jane' }]) {
      const issued = await postJwt(app, browser, body);
      expect(issued.status).toBe(200);
      const token = tokenResponseSchema.parse(await issued.json());
      expect(token).toMatchObject({ user_id: 'USR-jane', user_name: 'Jane' });
      const { payload } = await jwtVerify(token.jwt, keys.publicKey, { currentDate: new Date(currentTime) });
      expect(payload.sub).toBe('Jane');
    }

    const forJoe = await postJwt(app, browser, { user_name: 'Joe' });
    expect(forJoe.status).toBe(403);
    expect(await forJoe.json()).toEqual({ error: 'You can ask only for your own token.' });

    const sessionId = sessionCookieOf(browser);
    const signOut = await call(app, browser, '/api/session', { method: 'DELETE' });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('Set-Cookie')).toBe('softphone-session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict');

    // The old cookie, replayed, is worth nothing now.
    const replayed = await app.request(`${backendOrigin}/api/jwt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `softphone-session=${sessionId}` },
      body: '{}',
    });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: 'You are not signed in; sign in first.', reason: 'signed-out' });
    expect((await call(app, browser, '/api/session', { method: 'DELETE' })).status).toBe(204);

    expect(logger.lines).toContain('info Jane signed out');
    expect(logger.lines.some((line) => /^info Jane signed in from 192\.0\.2\.1; the session ends /.test(line))).toBe(true);
    const log = logger.lines.join('\n');
    for (const secret of [sessionId, clientSecret, authorization.searchParams.get('state') ?? 'unreachable']) expect(log).not.toContain(secret);
  });

  it('sends the browser back with sign_in=cancelled when the user cancels at the IdP', async () => {
    const { browser } = buildApp();
    expect(await signInAs(browser, '', 'cancel')).toBe(`${appUrl}?sign_in=cancelled`);
    expect(sessionCookieOf(browser)).toBe('');
  });

  it('refuses an identity that is not one of AGENTS, and logs who it was', async () => {
    const { app, browser } = buildApp();
    expect(await signInAs(browser, 'Mallory')).toBe(`${appUrl}?sign_in=refused`);
    expect(sessionCookieOf(browser)).toBe('');
    expect(logger.lines).toContain('warn sign-in refused for subject Mallory from 192.0.2.1: preferred_username "Mallory" is not in AGENTS');
    expect((await postJwt(app, browser)).status).toBe(401);
  });

  it('shows the IdP page again for an unknown username', async () => {
    const { browser } = buildApp();
    const { formUrl } = await openSignInPage(browser);
    const { response } = await browser.visit(formUrl, { username: 'Nobody', action: 'sign-in' });
    const html = (await response?.text()) ?? '';
    expect(html).toContain('<p role="alert">No such account</p>');
    expect(html).toContain('<title>Sign in to Example Org</title>');
  });

  it('answers sign_in=expired for a callback without the transaction cookie, with another state, or too late', async () => {
    const { app, browser } = buildApp();
    expect(await app.request(`${backendOrigin}/auth/callback?code=abc&state=xyz`)).toMatchObject({ status: 303 });
    expect((await app.request(`${backendOrigin}/auth/callback?code=abc&state=xyz`)).headers.get('Location')).toBe(`${appUrl}?sign_in=expired`);

    // A transaction cookie, but the answer is for some other sign-in.
    await browser.visit(`${backendOrigin}/auth/login`);
    expect((await browser.visit(`${backendOrigin}/auth/callback?code=abc&state=not-this-one`)).url).toBe(`${appUrl}?sign_in=expired`);

    // The user signed in at the IdP, but the callback reaches a browser without the cookie.
    const { formUrl } = await openSignInPage(browser);
    browser.forget(backendHost, 'softphone-sign-in');
    expect((await browser.visit(formUrl, { username: 'Jane', action: 'sign-in' })).url).toBe(`${appUrl}?sign_in=expired`);

    expect(sessionCookieOf(browser)).toBe('');

    // The user took longer than ten minutes at the IdP (in a fresh browser: this one is signed in there now).
    const slowBrowser = createTestBrowser({ backendOrigin, app, identityProviderOrigin: identityProvider.issuer });
    const slow = await openSignInPage(slowBrowser);
    currentTime += 10 * 60 * 1000;
    expect((await slowBrowser.visit(slow.formUrl, { username: 'Jane', action: 'sign-in' })).url).toBe(`${appUrl}?sign_in=expired`);
    expect(sessionCookieOf(slowBrowser)).toBe('');
  });

  it('answers sign_in=failed when the code cannot be redeemed, e.g. a callback replayed with a forged code', async () => {
    const { app, browser } = buildApp();
    const login = await app.request(`${backendOrigin}/auth/login`);
    const state = new URL(login.headers.get('Location') ?? '').searchParams.get('state') ?? '';
    const transaction = /softphone-sign-in=([\w-]+)/.exec(login.headers.get('Set-Cookie') ?? '')?.[1] ?? '';
    const callback = await app.request(`${backendOrigin}/auth/callback?code=forged&state=${state}&iss=${encodeURIComponent(identityProvider.issuer)}`, {
      headers: { Cookie: `softphone-sign-in=${transaction}` },
    });
    expect(callback.headers.get('Location')).toBe(`${appUrl}?sign_in=failed`);
    expect(logger.lines.some((line) => line.startsWith('warn sign-in from 192.0.2.1 failed: ') && line.includes('invalid_grant'))).toBe(true);
    expect(sessionCookieOf(browser)).toBe('');
  });

  it('ends the session after SESSION_TTL_SECONDS: session and token requests answer 401 session-expired', async () => {
    const { app, browser } = buildApp();
    await signInAs(browser, 'Jane');
    currentTime += sessionTtlSeconds * 1000 - 1;
    expect((await postJwt(app, browser)).status).toBe(200);

    currentTime += 1;
    const expired = { error: 'Your session has expired; sign in again.', reason: 'session-expired' };
    const session = await call(app, browser, '/api/session');
    expect(session.status).toBe(401);
    expect(await session.json()).toEqual(expired);
    const token = await postJwt(app, browser);
    expect(token.status).toBe(401);
    expect(await token.json()).toEqual(expired);
  });
});

describe('POST /api/jwt with sessions', () => {
  it('answers 401 signed-out without a session cookie, and refuses a mobile_api_key, non-JSON and a bad name', async () => {
    const { app, browser } = buildApp();
    const signedOut = await postJwt(app, browser, {});
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: 'You are not signed in; sign in first.', reason: 'signed-out' });
    expect((await call(app, browser, '/api/session')).status).toBe(401);

    await signInAs(browser, 'Jane');
    const withKey = await postJwt(app, browser, { user_name: 'Jane', mobile_api_key: 'demo-mobile-key' });
    expect(withKey.status).toBe(400);
    expect(await withKey.json()).toEqual({ error: 'mobile_api_key is not used here: agents sign in at /auth/login.' });
    expect((await postJwt(app, browser, { user_name: 7 })).status).toBe(400);
    expect((await postJwt(app, browser, [])).status).toBe(400);
    expect((await call(app, browser, '/api/jwt', { method: 'POST', body: '{}' })).status).toBe(415);
  });

  it('counts asking for someone else as a failure for the address and for the signed-in agent', async () => {
    const { app, browser } = buildApp({ failuresPerAddress: 100, failuresPerAgent: 2, tokensPerAgent: 100 });
    await signInAs(browser, 'Jane');
    expect((await postJwt(app, browser, { user_name: 'Joe' })).status).toBe(403);
    expect((await postJwt(app, browser, { user_name: 'Mallory' })).status).toBe(403);
    const locked = await postJwt(app, browser);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toBe('900');

    // Joe, whom Jane asked for, is not locked out by it.
    const joe = createTestBrowser({ backendOrigin, app, identityProviderOrigin: identityProvider.issuer });
    await signInAs(joe, 'joe');
    const joesToken = await postJwt(app, joe);
    expect(joesToken.status).toBe(200);
    expect(tokenResponseSchema.parse(await joesToken.json()).user_name).toBe('Joe');
  });
});

describe('CORS with credentials', () => {
  const preflight = (app: App, origin: string, method: string) =>
    app.request(`${backendOrigin}/api/session`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
    });

  it('lets the configured origin send the session cookie, and no other origin', async () => {
    const { app, browser } = buildApp();
    const allowed = await preflight(app, 'http://localhost:5817', 'DELETE');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5817');
    expect(allowed.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(allowed.headers.get('Access-Control-Allow-Methods')).toBe('GET,POST,DELETE');

    const refused = await preflight(app, 'https://evil.example', 'DELETE');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();

    await signInAs(browser, 'Jane');
    const fromApp = await call(app, browser, '/api/jwt', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5817' },
      body: '{}',
    });
    expect(fromApp.status).toBe(200);
    expect(fromApp.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5817');
    expect(fromApp.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });
});

describe('AUTH_MODE=mobile-api-key', () => {
  it('has no sign-in routes and no session API', async () => {
    const app = createApp(createAppDeps(createTestConfig(keys), { now: () => currentTime, logger, clientAddress: () => '192.0.2.1' }));
    for (const path of ['/auth/login', '/auth/callback', '/api/session']) expect((await app.request(path)).status).toBe(404);
    expect((await app.request('/api/session', { method: 'DELETE' })).status).toBe(404);
  });
});
