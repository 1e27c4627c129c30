import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** Identifies the caller for rate limiting. Injected so tests using `app.request` (no socket) can supply one. */
export type ClientAddress = (c: Context) => string;

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`; IPv6 is compared in lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  return mapped ?? lower;
}

// The socket's address: with no trusted proxy, a header the caller writes cannot be trusted to rate-limit them.
export const socketAddress: ClientAddress = (c) => normalizeAddress(getConnInfo(c).remote.address ?? 'unknown');

/**
 * The client's address as the configured proxies (TRUSTED_PROXY) saw it. X-Forwarded-For is read only when
 * the socket is one of those proxies, and from the right: each proxy appends the address it was called from,
 * so the rightmost entry that is not a trusted proxy is the first one no one we trust could have written.
 * Anything a client put further left is ignored, and a malformed entry stops the walk at the last proxy.
 */
export function forwardedClientAddress(trustedProxies: readonly string[], socket: ClientAddress = socketAddress): ClientAddress {
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  return (c) => {
    let address = socket(c);
    if (!trusted.has(address)) return address;
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',').map(normalizeAddress).filter((hop) => hop !== '');
    for (const hop of hops.reverse()) {
      if (isIP(hop) === 0) return address;
      address = hop;
      if (!trusted.has(hop)) return hop;
    }
    return address;
  };
}
