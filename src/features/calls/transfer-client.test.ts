import { describe, expect, it, vi } from 'vitest';
import { createTransferClient, transferUrl } from './transfer-client';

const request = { callId: 'LEG-1/x', to: 'Joe', token: 'agent.jwt' };

describe('the transfer client', () => {
  it('posts beside the token URL with the agent’s token', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    await createTransferClient({ tokenUrl: '/api/jwt', timeoutMs: 1000, fetch: fetchMock })(request);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(transferUrl('/api/jwt', 'LEG-1/x'));
    expect(url.endsWith('/api/calls/LEG-1%2Fx/transfer')).toBe(true);
    expect(init.headers).toMatchObject({ authorization: 'Bearer agent.jwt' });
    expect(JSON.parse(String(init.body))).toEqual({ to: 'Joe' });
  });

  it('quotes the backend’s sentence without a doubled full stop', async () => {
    const fetchMock = vi.fn(async () => Response.json({ error: 'Transfer to an agent set up here.' }, { status: 422 }));
    await expect(createTransferClient({ tokenUrl: '/api/jwt', timeoutMs: 1000, fetch: fetchMock })(request)).rejects.toThrow(
      'That destination cannot take a transfer (Transfer to an agent set up here).',
    );
  });

  it('keeps a path prefix', () => {
    expect(transferUrl('https://cc.example.com/backend/api/jwt', 'LEG-1')).toBe('https://cc.example.com/backend/api/calls/LEG-1/transfer');
  });

  it.each([
    [401, /refused.*Sign out and in again/],
    [404, /does not know this call/],
    [409, /may have just ended/],
    [422, /cannot take a transfer/],
    [502, /HTTP 502.*still with you/],
  ])('explains HTTP %i', async (status, message) => {
    const fetchMock = vi.fn(async () => Response.json({ error: 'detail here' }, { status }));
    await expect(createTransferClient({ tokenUrl: '/api/jwt', timeoutMs: 1000, fetch: fetchMock })(request)).rejects.toThrow(message);
  });

  it('explains a network failure and a timeout', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createTransferClient({ tokenUrl: '/api/jwt', timeoutMs: 1000, fetch: down })(request)).rejects.toThrow(/could not be reached/);
    const hang = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    await expect(createTransferClient({ tokenUrl: '/api/jwt', timeoutMs: 10, fetch: hang as unknown as typeof fetch })(request)).rejects.toThrow(/did not answer in time/);
  });
});
