import type { Context } from 'hono';
import { jsonError } from './json-error';

/**
 * Requiring JSON also forces browsers to send a CORS preflight before the request, so other sites cannot post
 * to the token route blind, with or without the agent's cookies.
 */
export const isJsonRequest = (c: Context) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '');

export const tooMany = (c: Context, retryAfter: number, what: string) =>
  jsonError(c, 429, `Too many ${what}; try again in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });
