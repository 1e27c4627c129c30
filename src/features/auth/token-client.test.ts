import { describe, expect, it, vi } from 'vitest';
import { janeTokenExchangeFixture } from '@/contracts/token-api';
import { detailMaxLength, ellipsis, nameMaxLength } from '@/lib/untrusted-text';
import { requestToken, TokenRequestError, type TokenFailureKind } from './token-client';

const tokenUrl = 'https://backend.example.test/api/jwt';
const fixture = janeTokenExchangeFixture;

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function answering(response: () => Response) {
  return vi.fn<typeof fetch>(async () => response());
}

function options(fetchStub: typeof fetch, timeoutMs?: number) {
  return { tokenUrl, auth: { kind: 'mobile-api-key' as const, mobileApiKey: fixture.request.mobile_api_key }, fetch: fetchStub, timeoutMs };
}

/** The rejection, checked to be a TokenRequestError. */
async function failure(promise: Promise<unknown>): Promise<TokenRequestError> {
  const error: unknown = await promise.then(
    () => new Error('expected the token request to fail'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TokenRequestError);
  if (!(error instanceof TokenRequestError)) throw error;
  return error;
}

describe('requestToken', () => {
  it('posts the agent name and app key, and returns the parsed contract', async () => {
    const fetchStub = answering(() => jsonResponse(fixture.response));
    const token = await requestToken(fixture.request.user_name, options(fetchStub));

    expect(token).toEqual(fixture.response);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(url).toBe(tokenUrl);
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual(fixture.request);
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('with organisation sign-in, sends the session cookie and no key, and asks for the agent’s own token', async () => {
    const fetchStub = answering(() => jsonResponse(fixture.response));
    await requestToken('Jane', { tokenUrl, auth: { kind: 'organization' }, fetch: fetchStub });
    const [, init] = fetchStub.mock.calls[0] ?? [];
    expect(init?.credentials).toBe('include');
    expect(JSON.parse(String(init?.body))).toEqual({ user_name: 'Jane' });
  });

  it.each([
    ['session-expired', 'Your sign-in with your organisation has expired. Sign in again to keep taking calls.'],
    ['signed-out', 'You are not signed in with your organisation any more. Sign in again to keep taking calls.'],
  ])('with organisation sign-in, a 401 (%s) asks the agent to sign in again', async (reason, message) => {
    const organization = { tokenUrl, auth: { kind: 'organization' as const }, fetch: answering(() => jsonResponse({ error: 'x', reason }, 401)) };
    const error = await failure(requestToken('Jane', organization));
    expect(error).toMatchObject({ kind: 'signed-out', status: 401, message });
  });

  it('with organisation sign-in, a request for another agent’s token (403) is refused in the backend’s words', async () => {
    const refusing = answering(() => jsonResponse({ error: 'You can ask only for your own token.' }, 403));
    const error = await failure(requestToken('Joe', { tokenUrl, auth: { kind: 'organization' }, fetch: refusing }));
    expect(error.message).toBe('The token service refused this request: You can ask only for your own token. Sign out, then sign in again.');
  });

  it('drops fields the contract does not name', async () => {
    const token = await requestToken('Jane', options(answering(() => jsonResponse({ ...fixture.response, extra: 'ignored' }))));
    expect(token).toEqual(fixture.response);
  });

  it('names the agent when the backend does not know them (404)', async () => {
    const error = await failure(requestToken('Jnae', options(answering(() => jsonResponse({ error: 'unknown user' }, 404)))));
    expect(error.kind).toBe('unknown-agent');
    expect(error.status).toBe(404);
    expect(error.message).toBe('No agent named “Jnae” is set up. Check the spelling or ask your supervisor.');
  });

  it('quotes a very long or disguised agent name cleaned and short', async () => {
    const notFound = () => jsonResponse({ error: 'unknown user' }, 404);
    const long = await failure(requestToken('J'.repeat(10_000), options(answering(notFound))));
    expect(long.message).toBe(`No agent named “${'J'.repeat(nameMaxLength - 1)}${ellipsis}” is set up. Check the spelling or ask your supervisor.`);
    const disguised = await failure(requestToken('Jane\u202E(admin)', options(answering(notFound))));
    expect(disguised.message).toContain('No agent named “Jane(admin)”');
  });

  it('quotes the backend’s detail cleaned and short', async () => {
    const detail = `\u202Edown\u0000 ${'x'.repeat(5_000)}`;
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse({ error: detail }, 500)))));
    expect(error.message).toBe(
      `The token service is having trouble (HTTP 500) (down ${'x'.repeat(detailMaxLength - 6)}${ellipsis}). Try again in a moment.`,
    );
  });

  it('leaves out a detail that is only control characters', async () => {
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse({ error: '\u202E\u0007' }, 500)))));
    expect(error.message).toBe('The token service is having trouble (HTTP 500). Try again in a moment.');
  });

  it.each([401, 403])('reports a refused app key (%i) with the backend’s detail', async (status) => {
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse({ error: 'bad mobile_api_key' }, status)))));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(status);
    expect(error.message).toBe(
      'The token service refused this app’s key (bad mobile_api_key). Ask your administrator to check the configuration.',
    );
  });

  it('reports too many attempts (429)', async () => {
    const error = await failure(requestToken('Jane', options(answering(() => new Response('slow down', { status: 429 })))));
    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(error.message).toBe('Too many sign-in attempts. Wait a minute, then try again.');
  });

  it.each([
    [500, { error: 'database down' }, 'The token service is having trouble (HTTP 500) (database down). Try again in a moment.'],
    [503, { error: 'maintenance' }, 'The token service is having trouble (HTTP 503) (maintenance). Try again in a moment.'],
    [500, undefined, 'The token service is having trouble (HTTP 500). Try again in a moment.'],
    [503, undefined, 'The token service is having trouble (HTTP 503). Try again in a moment.'],
    [502, { message: 'not the error shape' }, 'The token service is having trouble (HTTP 502). Try again in a moment.'],
  ])('reports a server failure %i with body %j', async (status, body, message) => {
    const respond = () => (body === undefined ? new Response('<html>Bad gateway</html>', { status }) : jsonResponse(body, status));
    const error = await failure(requestToken('Jane', options(answering(respond))));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(status);
    expect(error.message).toBe(message);
  });

  it.each([
    [400, { error: 'user_name required' }, 'The token service rejected the sign-in (HTTP 400) (user_name required).'],
    [422, undefined, 'The token service rejected the sign-in (HTTP 422).'],
  ])('reports another refusal %i', async (status, body, message) => {
    const respond = () => (body === undefined ? new Response(null, { status }) : jsonResponse(body, status));
    const error = await failure(requestToken('Jane', options(answering(respond))));
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(status);
    expect(error.message).toBe(message);
  });

  it('gives up when the service does not answer in time', async () => {
    const neverAnswers = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const startedAt = Date.now();
    const error = await failure(requestToken('Jane', options(neverAnswers, 30)));
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(error.kind).toBe('timeout');
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/^The token service did not answer within \d+ seconds\. Check your connection and try again\.$/);
  });

  it('states the default timeout in seconds', async () => {
    const abortsAtOnce = vi.fn<typeof fetch>(async () => {
      throw new DOMException('The operation timed out.', 'TimeoutError');
    });
    const error = await failure(requestToken('Jane', options(abortsAtOnce)));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The token service did not answer within 10 seconds. Check your connection and try again.');
  });

  it('reports an unreachable service', async () => {
    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(requestToken('Jane', options(offline)));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('The token service could not be reached. Check your connection and try again.');
  });

  it('reports a 200 answer that is not JSON', async () => {
    const error = await failure(requestToken('Jane', options(answering(() => new Response('<html>login page</html>', { status: 200 })))));
    expect(error.kind).toBe('malformed');
    expect(error.status).toBe(200);
    expect(error.message).toBe('The token service sent an answer that is not JSON. Try again, or tell your administrator.');
  });

  it('names the fields missing from a 200 answer', async () => {
    const { jwt: _jwt, user_id: _userId, ...partial } = fixture.response;
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse(partial)))));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('The token service sent an incomplete answer (user_id, jwt). Try again, or tell your administrator.');
  });

  it('names the body when a 200 answer is not an object at all', async () => {
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse(null)))));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('(body)');
  });

  it.each(['tomorrow', '2026-11-22', '1795003200'])('refuses an expires_at that is not an ISO instant: %s', async (expiresAt) => {
    const error = await failure(requestToken('Jane', options(answering(() => jsonResponse({ ...fixture.response, expires_at: expiresAt })))));
    expect(error.kind satisfies TokenFailureKind).toBe('malformed');
    expect(error.message).toBe('The token service sent an incomplete answer (expires_at). Try again, or tell your administrator.');
  });

  it('accepts an expires_at with a UTC offset', async () => {
    const token = await requestToken('Jane', options(answering(() => jsonResponse({ ...fixture.response, expires_at: '2026-11-22T13:00:00+01:00' }))));
    expect(token.expires_at).toBe('2026-11-22T13:00:00+01:00');
  });
});
