import { jwtVerify } from 'jose';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { janeTokenExchangeFixture, tokenErrorSchema, tokenResponseSchema } from '../src/contracts/token-api';
import { createApp, maxBodyBytes } from './app';
import { createAppDeps } from './app-deps';
import type { TokenServerConfig } from './config';
import type { JwtSigner } from './jwt-signer';
import { createFakeUsersApi, type FakeUsersApi } from './testing/fake-users-api';
import { createRecordingLogger } from './testing/recording-logger';
import { createTestConfig, testApplicationId, testUsersApiUrl } from './testing/test-config';
import { createTestKeyPair } from './testing/test-key-pair';

const keys = createTestKeyPair();
// One hour before the fixture's expires_at, so a default-lifetime token expires exactly when the fixture says.
const signInTime = Date.parse('2026-11-22T11:00:00.000Z');
const signInSeconds = signInTime / 1000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Written out here rather than imported, so a change to the server's ACL has to be made twice, on purpose.
const expectedAcl = {
  paths: {
    '/*/users/**': {},
    '/*/conversations/**': {},
    '/*/sessions/**': {},
    '/*/devices/**': {},
    '/*/image/**': {},
    '/*/media/**': {},
    '/*/applications/**': {},
    '/*/push/**': {},
    '/*/knocking/**': {},
    '/*/legs/**': {},
  },
};

const mswServer = setupServer();
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

let usersApi: FakeUsersApi;
let logger: ReturnType<typeof createRecordingLogger>;
let currentTime: number;

beforeEach(() => {
  usersApi = createFakeUsersApi(testUsersApiUrl);
  mswServer.use(...usersApi.handlers);
  logger = createRecordingLogger();
  currentTime = signInTime;
});

interface BuildOptions {
  config?: Partial<TokenServerConfig>;
  signer?: JwtSigner;
}

function buildApp({ config, signer }: BuildOptions = {}) {
  const deps = createAppDeps(createTestConfig(keys, config), {
    now: () => currentTime,
    logger,
    // app.request has no socket, so tests name the caller's address in a header.
    clientAddress: (c) => c.req.header('X-Test-Address') ?? '192.0.2.1',
  });
  return createApp(signer === undefined ? deps : { ...deps, signer });
}

type App = ReturnType<typeof buildApp>;

function postJwt(app: App, body: unknown, headers: Record<string, string> = {}) {
  return app.request('/api/jwt', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectError(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  return tokenErrorSchema.parse(await response.json()).error;
}

const janeRequest = janeTokenExchangeFixture.request;

describe('POST /api/jwt: success', () => {
  it('answers the shared contract and fixture, with a JWT signed by the application key', async () => {
    const response = await postJwt(buildApp(), janeRequest);

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = tokenResponseSchema.parse(await response.json());
    expect({ ...body, jwt: janeTokenExchangeFixture.response.jwt }).toEqual(janeTokenExchangeFixture.response);

    const { payload, protectedHeader } = await jwtVerify(body.jwt, keys.publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(signInTime),
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toEqual({
      application_id: testApplicationId,
      sub: 'Jane',
      iat: signInSeconds,
      exp: signInSeconds + 3600,
      jti: expect.stringMatching(uuidPattern),
      acl: expectedAcl,
    });
  });

  it('rejects a JWT checked with any other key', async () => {
    const body = tokenResponseSchema.parse(await (await postJwt(buildApp(), janeRequest)).json());
    const stranger = createTestKeyPair();
    await expect(jwtVerify(body.jwt, stranger.publicKey, { currentDate: new Date(signInTime) })).rejects.toThrow();
  });

  it('uses the configured lifetime and a fresh jti for every token', async () => {
    const app = buildApp({ config: { tokenTtlSeconds: 86_400 } });
    const first = tokenResponseSchema.parse(await (await postJwt(app, janeRequest)).json());
    const second = tokenResponseSchema.parse(await (await postJwt(app, janeRequest)).json());

    expect(first.expires_at).toBe('2026-11-23T11:00:00.000Z');
    const verify = (jwt: string) => jwtVerify(jwt, keys.publicKey, { currentDate: new Date(signInTime) });
    const [a, b] = await Promise.all([verify(first.jwt), verify(second.jwt)]);
    expect(a.payload.exp).toBe(signInSeconds + 86_400);
    expect(a.payload.jti).not.toBe(b.payload.jti);
  });

  it('matches agent names ignoring case but answers with the configured spelling', async () => {
    const response = await postJwt(buildApp(), { ...janeRequest, user_name: 'jANE' });
    const body = tokenResponseSchema.parse(await response.json());
    expect(body.user_name).toBe('Jane');
    const { payload } = await jwtVerify(body.jwt, keys.publicKey, { currentDate: new Date(signInTime) });
    expect(payload.sub).toBe('Jane');
  });
});

describe('POST /api/jwt: Vonage users', () => {
  it('creates the user on first sign-in, then answers from its cache', async () => {
    const app = buildApp();
    await postJwt(app, janeRequest);
    await postJwt(app, janeRequest);

    expect(usersApi.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(usersApi.requests[1]?.body).toEqual({ name: 'Jane', display_name: 'Jane' });
    expect(usersApi.users).toEqual([{ id: 'USR-jane', name: 'Jane' }]);
  });

  it('returns the id of a user that already exists, without creating one', async () => {
    usersApi.users.push({ id: 'USR-existing-joe', name: 'Joe' });
    const body = tokenResponseSchema.parse(await (await postJwt(buildApp(), { ...janeRequest, user_name: 'Joe' })).json());

    expect(body.user_id).toBe('USR-existing-joe');
    expect(usersApi.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${testUsersApiUrl}/v1/users?name=Joe`,
    ]);
  });

  it('re-reads the user when another server created it first (409)', async () => {
    usersApi.users.push({ id: 'USR-raced-jane', name: 'Jane' });
    // The first read misses the user, as if it was created between our read and our write.
    mswServer.use(http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({ _embedded: { users: [] } }), { once: true }));

    const body = tokenResponseSchema.parse(await (await postJwt(buildApp(), janeRequest)).json());

    expect(body.user_id).toBe('USR-raced-jane');
    expect(usersApi.requests.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('authenticates to the Users API with an application JWT that has no sub', async () => {
    await postJwt(buildApp(), janeRequest);
    const authorization = usersApi.requests[0]?.authorization ?? '';
    expect(authorization).toMatch(/^Bearer /);

    const { payload } = await jwtVerify(authorization.slice('Bearer '.length), keys.publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(signInTime),
    });
    expect(payload).toEqual({
      application_id: testApplicationId,
      iat: signInSeconds,
      exp: signInSeconds + 300,
      jti: expect.stringMatching(uuidPattern),
    });
  });

  it.each([
    ['answers 500', () => HttpResponse.json({ title: 'Internal' }, { status: 500 })],
    ['rejects the credentials', () => HttpResponse.json({ title: 'Unauthorized' }, { status: 401 })],
    ['is unreachable', () => HttpResponse.error()],
    ['answers something unexpected', () => HttpResponse.text('<html>maintenance</html>')],
  ])('answers 502 when the Users API %s, and recovers once it is back', async (_case, failure) => {
    const app = buildApp();
    mswServer.use(http.get(`${testUsersApiUrl}/v1/users`, failure, { once: true }));

    const message = await expectError(await postJwt(app, janeRequest), 502);
    expect(message).toMatch(/Users API/);
    expect(logger.lines.some((line) => line.startsWith('error Vonage Users API failed for Jane'))).toBe(true);

    // The failure was not cached: the next sign-in reaches the (now healthy) API and succeeds.
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });

  it('answers 502 when creating the user fails', async () => {
    mswServer.use(http.post(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({}, { status: 403 })));
    await expectError(await postJwt(buildApp(), janeRequest), 502);
  });
});

describe('POST /api/jwt: bad input', () => {
  it('answers 400 for malformed JSON', async () => {
    expect(await expectError(await postJwt(buildApp(), '{"user_name": "Jane",'), 400)).toMatch(/not valid JSON/);
  });

  it.each([
    [{}, 'user_name is required; mobile_api_key is required.'],
    [{ user_name: 'Jane' }, 'mobile_api_key is required.'],
    [{ user_name: 7, mobile_api_key: 'demo-mobile-key' }, 'user_name must be a string.'],
    [{ user_name: 'Jane', mobile_api_key: null }, 'mobile_api_key must be a string.'],
  ])('answers 400 for missing or non-string fields: %j', async (body, expected) => {
    expect(await expectError(await postJwt(buildApp(), body), 400)).toBe(expected);
  });

  it.each(['[]', 'null', '"Jane"', '42'])('answers 400 when the JSON is not an object: %s', async (body) => {
    expect(await expectError(await postJwt(buildApp(), body), 400)).toMatch(/JSON object/);
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    const app = buildApp();
    await expectError(await postJwt(app, janeRequest, { 'Content-Type': 'text/plain' }), 415);
    const withoutType = await app.request('/api/jwt', { method: 'POST', body: new Blob([JSON.stringify(janeRequest)]) });
    await expectError(withoutType, 415);
  });

  it('answers 401 for a wrong key, even for an unknown agent, so agents cannot be enumerated', async () => {
    const app = buildApp();
    await expectError(await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' }), 401);
    await expectError(await postJwt(app, { user_name: 'Mallory', mobile_api_key: 'wrong-key-123' }), 401);
    expect(usersApi.requests).toEqual([]);
  });

  it('answers 401 for a key that differs only in length or case', async () => {
    const app = buildApp();
    for (const key of ['', 'demo-mobile-ke', 'demo-mobile-key ', 'DEMO-MOBILE-KEY']) {
      await expectError(await postJwt(app, { ...janeRequest, mobile_api_key: key }), 401);
    }
  });

  it('answers 404 for an agent that is not configured', async () => {
    const message = await expectError(await postJwt(buildApp(), { ...janeRequest, user_name: 'Mallory' }), 404);
    expect(message).toBe('"Mallory" is not an agent here.');
    expect(usersApi.requests).toEqual([]);
  });

  it('answers 413 for an oversized body, with or without a Content-Length', async () => {
    const app = buildApp();
    const oversized = JSON.stringify({ ...janeRequest, padding: 'x'.repeat(maxBodyBytes) });
    await expectError(await postJwt(app, oversized, { 'Content-Length': String(oversized.length) }), 413);
    await expectError(await postJwt(app, oversized), 413);
  });

  it('answers 405 with an Allow header for a wrong method', async () => {
    const app = buildApp();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await app.request('/api/jwt', { method });
      await expectError(response, 405);
      expect(response.headers.get('Allow')).toBe('POST');
    }
    const health = await app.request('/healthz', { method: 'POST' });
    await expectError(health, 405);
    expect(health.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers 404 JSON for unknown routes', async () => {
    await expectError(await buildApp().request('/api/token', { method: 'POST' }), 404);
    await expectError(await buildApp().request('/'), 404);
  });

  it('answers 500 JSON when something unexpected breaks, and keeps serving', async () => {
    let broken = true;
    const workingSigner = createAppDeps(createTestConfig(keys), {
      now: () => currentTime,
      logger,
      clientAddress: () => 'x',
    }).signer;
    const flakySigner: JwtSigner = {
      ...workingSigner,
      signAgentToken: (userName, lifetime) => {
        if (broken) throw new RangeError('boom');
        return workingSigner.signAgentToken(userName, lifetime);
      },
    };
    const app = buildApp({ signer: flakySigner });

    const failed = await postJwt(app, janeRequest);
    expect(await expectError(failed, 500)).toBe('Internal server error.');
    expect(failed.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(logger.lines).toContain('error unexpected RangeError on POST /api/jwt');
    broken = false;
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });

  it('keeps serving good requests after every kind of bad one', async () => {
    const app = buildApp();
    await postJwt(app, '{');
    await postJwt(app, { user_name: 1 });
    await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' });
    await postJwt(app, { ...janeRequest, user_name: 'Mallory' });
    await postJwt(app, 'x'.repeat(maxBodyBytes + 1));
    await app.request('/api/jwt');
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });
});

describe('POST /api/jwt: limits', () => {
  const signInLimits = { failuresPerAddress: 3, failuresPerAgent: 5, tokensPerAgent: 4 };
  const fifteenMinutes = 15 * 60 * 1000;
  const wrongKey = { ...janeRequest, mobile_api_key: 'wrong-key-123' };
  const from = (address: string) => ({ 'X-Test-Address': address });

  it('answers 429 with Retry-After once an address has used up its failures, even with the right key', async () => {
    const app = buildApp({ config: { signInLimits } });
    for (let attempt = 0; attempt < 3; attempt += 1) await expectError(await postJwt(app, wrongKey), 401);

    const limited = await postJwt(app, janeRequest);
    expect(await expectError(limited, 429)).toMatch(/Too many failed attempts from your address/);
    expect(limited.headers.get('Retry-After')).toBe('900');

    currentTime += 45_000;
    expect((await postJwt(app, janeRequest)).headers.get('Retry-After')).toBe('855');
  });

  it('limits per address, and lets the address try again when the window closes', async () => {
    const app = buildApp({ config: { signInLimits } });
    for (let attempt = 0; attempt < 3; attempt += 1) await postJwt(app, wrongKey);

    expect((await postJwt(app, janeRequest, from('198.51.100.7'))).status).toBe(200);
    currentTime += fifteenMinutes;
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });

  it('refuses concurrent guesses beyond the limit: the check and the count happen with no await between', async () => {
    const app = buildApp({ config: { signInLimits } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => postJwt(app, wrongKey)));
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(17);
  });

  it('limits wrong keys per agent name across addresses, the same for names that are not agents', async () => {
    const app = buildApp({ config: { signInLimits } });
    for (const name of ['Jane', 'Mallory']) {
      // Five addresses, one wrong key each: no address is near its own limit.
      for (let address = 1; address <= 5; address += 1) {
        await expectError(await postJwt(app, { user_name: name, mobile_api_key: 'wrong-key-123' }, from(`203.0.113.${address}`)), 401);
      }
    }
    const jane = await postJwt(app, janeRequest, from('198.51.100.7'));
    const mallory = await postJwt(app, { ...janeRequest, user_name: 'mALLORY' }, from('198.51.100.7'));
    // A locked agent and a locked stranger answer alike, so the lock does not reveal who is an agent.
    expect(await expectError(jane, 429)).toBe(await expectError(mallory, 429));
    expect(jane.headers.get('Retry-After')).toBe(mallory.headers.get('Retry-After'));
    // Other agents are not affected.
    expect((await postJwt(app, { ...janeRequest, user_name: 'Joe' }, from('198.51.100.7'))).status).toBe(200);
  });

  it('a whole office behind one address cannot lock an agent: the address is refused first', async () => {
    const app = buildApp({ config: { signInLimits: { ...signInLimits, failuresPerAddress: 3, failuresPerAgent: 4 } } });
    for (let attempt = 0; attempt < 10; attempt += 1) await postJwt(app, wrongKey, from('192.0.2.99'));
    expect((await postJwt(app, janeRequest, from('198.51.100.7'))).status).toBe(200);
  });

  it('counts names that are not agents as failures, so discovering agents is as slow as guessing the key', async () => {
    const app = buildApp({ config: { signInLimits } });
    for (const name of ['Alice', 'Bob', 'Carol']) await expectError(await postJwt(app, { ...janeRequest, user_name: name }), 404);
    expect(await expectError(await postJwt(app, { ...janeRequest, user_name: 'Joe' }), 429)).toMatch(/Too many failed attempts/);
    expect(usersApi.requests).toEqual([]);
  });

  it('limits the tokens issued per agent, concurrent requests included, and issues again when the window closes', async () => {
    const app = buildApp({ config: { signInLimits } });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => postJwt(app, janeRequest, from(`203.0.113.${index}`))));
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    const refused = answers.find((response) => response.status === 429);
    expect(await expectError(refused ?? new Response(), 429)).toBe('Too many tokens for Jane; try again in 900 s.');

    expect((await postJwt(app, { ...janeRequest, user_name: 'Joe' })).status).toBe(200);
    currentTime += fifteenMinutes;
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });

  it('does not count successful sign-ins or malformed requests as failures', async () => {
    const app = buildApp({ config: { signInLimits: { ...signInLimits, tokensPerAgent: 100 } } });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await postJwt(app, janeRequest);
      await postJwt(app, '{');
      await postJwt(app, { user_name: 1 });
    }
    expect((await postJwt(app, janeRequest)).status).toBe(200);
  });
});

describe('CORS, health and logging', () => {
  it('lets only the configured origin call the API from a browser', async () => {
    const app = buildApp();
    const preflight = (origin: string) =>
      app.request('/api/jwt', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });

    const allowed = await preflight('http://localhost:5817');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5817');
    expect(allowed.headers.get('Access-Control-Allow-Methods')).toBe('POST');
    expect((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();

    const posted = await postJwt(app, janeRequest, { Origin: 'http://localhost:5817' });
    expect(posted.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5817');
  });

  it('answers GET /healthz with 200 {ok:true}', async () => {
    const response = await buildApp().request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('never logs tokens, keys or key material', async () => {
    const app = buildApp();
    const issued = tokenResponseSchema.parse(await (await postJwt(app, janeRequest)).json());
    await postJwt(app, { ...janeRequest, mobile_api_key: 'guessed-key-9876' });
    await postJwt(app, { ...janeRequest, user_name: 'Mallory' });
    mswServer.use(http.get(`${testUsersApiUrl}/v1/users`, () => HttpResponse.json({}, { status: 500 })));
    await postJwt(app, { ...janeRequest, user_name: 'Joe' });

    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThanOrEqual(4);
    const keyBody = keys.privateKeyPem.split('\n')[1] ?? 'unreachable';
    const jwtParts = issued.jwt.split('.');
    for (const secret of [issued.jwt, ...jwtParts, janeRequest.mobile_api_key, 'guessed-key-9876', 'PRIVATE KEY', keyBody]) {
      expect(log).not.toContain(secret);
    }
    expect(usersApi.requests[0]?.authorization).toMatch(/^Bearer ./);
    expect(log).not.toContain(usersApi.requests[0]?.authorization?.slice('Bearer '.length));
  });
});

describe('security headers and refusal logs', () => {
  it('sends the headers a JSON API needs on every answer: tokens, errors, health and unknown routes', async () => {
    const app = buildApp();
    const answers = [
      await postJwt(app, janeRequest),
      await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' }),
      await app.request('/healthz'),
      await app.request('/nothing-here'),
    ];
    for (const response of answers) {
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('X-Frame-Options')).toBe('DENY');
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
      expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
    }
  });

  it('logs every refusal once per burst per address and status, with the count on the next line', async () => {
    const app = buildApp();
    for (let attempt = 0; attempt < 5; attempt += 1) await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' });
    await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' }, { 'X-Test-Address': '198.51.100.7' });
    await app.request('/nothing-here');
    expect(logger.lines).toEqual([
      'warn refused POST /api/jwt from 192.0.2.1: 401 Wrong mobile_api_key.',
      'warn refused POST /api/jwt from 198.51.100.7: 401 Wrong mobile_api_key.',
      'warn refused GET /nothing-here from 192.0.2.1: 404 Nothing at GET /nothing-here.',
    ]);

    currentTime += 60_000;
    await postJwt(app, { ...janeRequest, mobile_api_key: 'wrong-key-123' });
    expect(logger.lines.at(-1)).toBe('warn refused POST /api/jwt from 192.0.2.1: 401 Wrong mobile_api_key. (and 4 more like it in the 60 s before)');
  });

  it('escapes control and bidirectional characters that a caller puts in a name or a path', async () => {
    const app = buildApp();
    await postJwt(app, { ...janeRequest, user_name: 'Mal\u202Elory\n[token-server] issued a token for Jane' });
    await app.request('/api/%E2%80%AEevil%0Aline', { method: 'POST', headers: { 'X-Test-Address': '198.51.100.7' } });
    const log = logger.lines.join('\n');
    expect(logger.lines).toHaveLength(2);
    expect(log).not.toMatch(/[\u202E\r]/u);
    expect(logger.lines[0]).toBe(
      'warn refused POST /api/jwt from 192.0.2.1: 404 "Mal\\u{202e}lory\\n[token-server] issued a token for Jane" is not an agent here.',
    );
    expect(logger.lines[1]).toContain('\\u{202e}evil\\u{a}line');
  });
});
