import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { forwardedClientAddress, normalizeAddress, type ClientAddress } from './client-address';

// app.request has no socket: the test names the socket's address in a header of its own.
const testSocket: ClientAddress = (c) => normalizeAddress(c.req.header('X-Test-Socket') ?? '192.0.2.1');

async function addressSeen(trustedProxies: string[], socket: string, forwardedFor?: string) {
  const app = new Hono();
  const address = forwardedClientAddress(trustedProxies, testSocket);
  app.get('/', (c) => c.text(address(c)));
  const headers: Record<string, string> = { 'X-Test-Socket': socket };
  if (forwardedFor !== undefined) headers['X-Forwarded-For'] = forwardedFor;
  return (await app.request('/', { headers })).text();
}

describe('forwardedClientAddress', () => {
  it('ignores X-Forwarded-For from a caller that is not a trusted proxy, so a client cannot pick its own address', async () => {
    expect(await addressSeen([], '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(await addressSeen(['10.0.0.2'], '203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('takes the address the trusted proxy saw, ignoring what the client wrote further left', async () => {
    expect(await addressSeen(['10.0.0.2'], '10.0.0.2', '198.51.100.1')).toBe('198.51.100.1');
    expect(await addressSeen(['10.0.0.2'], '10.0.0.2', '6.6.6.6, 198.51.100.1')).toBe('198.51.100.1');
  });

  it('walks through a chain of trusted proxies', async () => {
    expect(await addressSeen(['10.0.0.2', '10.0.0.3'], '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.3')).toBe('198.51.100.1');
  });

  it('falls back to the proxy itself when the header is missing or malformed', async () => {
    expect(await addressSeen(['10.0.0.2'], '10.0.0.2')).toBe('10.0.0.2');
    expect(await addressSeen(['10.0.0.2'], '10.0.0.2', 'not-an-address')).toBe('10.0.0.2');
    expect(await addressSeen(['10.0.0.2', '10.0.0.3'], '10.0.0.2', 'junk, 10.0.0.3')).toBe('10.0.0.3');
  });

  it('matches IPv4-mapped IPv6 socket addresses and IPv6 in any case', async () => {
    expect(await addressSeen(['127.0.0.1'], '::ffff:127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(await addressSeen(['::1'], '::1', '2001:DB8::7')).toBe('2001:db8::7');
  });
});
