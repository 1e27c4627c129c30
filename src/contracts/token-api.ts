import { z } from 'zod/mini';

// zod/mini: the same schemas at a fraction of the size, since the SPA's entry chunk parses these.
// The seed contact-center backend's contract for POST /api/jwt. The SPA's token client and the reference
// token server (server/) both parse with these schemas, so the two cannot drift apart.

export const tokenRequestSchema = z.object({
  user_name: z.string(),
  mobile_api_key: z.string(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

const nonEmpty = () => z.string().check(z.minLength(1));

export const tokenResponseSchema = z.object({
  user_id: nonEmpty(),
  user_name: nonEmpty(),
  jwt: nonEmpty(),
  /** ISO 8601 instant at which the JWT stops being accepted. */
  expires_at: z.iso.datetime({ offset: true }),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/**
 * Every error answer, from the demo backend and the reference server alike, has this shape. With organisation
 * sign-in, a 401 also says why: nobody is signed in to the backend, or that sign-in has run out.
 */
export const tokenErrorSchema = z.object({ error: z.string(), reason: z.optional(z.enum(['signed-out', 'session-expired'])) });
export type TokenError = z.infer<typeof tokenErrorSchema>;

/** GET /api/session with organisation sign-in: who is signed in to the backend in this browser, and until when. */
export const backendSessionSchema = z.object({ user_name: nonEmpty(), expires_at: z.iso.datetime({ offset: true }) });
export type BackendSession = z.infer<typeof backendSessionSchema>;

/** One fixture both test suites use: what a successful exchange for agent Jane looks like. */
export const janeTokenExchangeFixture = {
  request: { user_name: 'Jane', mobile_api_key: 'demo-mobile-key' },
  response: {
    user_id: 'USR-jane',
    user_name: 'Jane',
    jwt: 'header.payload.signature',
    expires_at: '2026-11-22T12:00:00.000Z',
  },
} as const satisfies { request: TokenRequest; response: TokenResponse };
