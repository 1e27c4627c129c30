import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Identifies the caller for rate limiting. Injected so tests using `app.request` (no socket) can supply one. */
export type ClientAddress = (c: Context) => string;

// The socket's address, never X-Forwarded-For: a header the caller writes cannot be trusted to rate-limit them.
export const socketAddress: ClientAddress = (c) => getConnInfo(c).remote.address ?? 'unknown';
