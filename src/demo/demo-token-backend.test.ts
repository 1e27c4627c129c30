import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '@/contracts/token-api';
import { readDemoTokenUser } from '@/fake-cloud/demo-token';
import { requestToken, TokenRequestError } from '@/features/auth/token-client';
import { createDemoTokenBackend } from './demo-token-backend.ts';

const tokenUrl = 'http://softphone.test/api/jwt';
const backend = createDemoTokenBackend({
  tokenUrl,
  mobileApiKey: 'demo-mobile-key',
  agents: [{ userName: 'Jane', userId: 'USR-jane' }],
  now: () => Date.parse('2026-11-22T10:00:00Z'),
});
const server = setupServer(...backend.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.control.setBehaviour({ kind: 'normal' }));
afterAll(() => server.close());

const ask = (name: string, mobileApiKey = 'demo-mobile-key') => requestToken(name, { tokenUrl, auth: { kind: 'mobile-api-key', mobileApiKey }, timeoutMs: 500 });

describe('demo token backend through the real token client', () => {
  it('issues Jane a one-hour demo token the fake cloud recognises', async () => {
    const answer = await ask('jane');
    expect(tokenResponseSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ user_id: 'USR-jane', user_name: 'Jane', expires_at: '2026-11-22T11:00:00.000Z' });
    expect(readDemoTokenUser(answer.jwt)).toBe('Jane');
  });

  it.each([
    ['an unknown agent', () => ask('Nobody'), 'unknown-agent', 404],
    ['a wrong key', () => ask('Jane', 'nope'), 'unauthorized', 401],
  ])('answers %s with the right failure', async (_case, call, kind, status) => {
    await expect(call()).rejects.toMatchObject({ kind, status });
  });

  it('can be told to fail, hang or send a malformed body', async () => {
    await backend.control.setBehaviour({ kind: 'status', status: 500 });
    await expect(ask('Jane')).rejects.toMatchObject({ kind: 'server', status: 500 });
    await backend.control.setBehaviour({ kind: 'malformed' });
    await expect(ask('Jane')).rejects.toMatchObject({ kind: 'malformed' });
    await backend.control.setBehaviour({ kind: 'hang' });
    const hung = await ask('Jane').catch((error: unknown) => error);
    expect(hung).toBeInstanceOf(TokenRequestError);
    expect(hung).toMatchObject({ kind: 'timeout' });
    expect((await backend.control.requests()).slice(-3)).toEqual(['Jane', 'Jane', 'Jane']);
  });
});
