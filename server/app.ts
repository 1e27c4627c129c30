import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { AgentDirectory } from './agent-directory';
import { createSessionRoutes, type SessionRoutesDeps } from './auth/session-routes';
import { createSessionTokenHandler } from './auth/session-token-handler';
import type { BurstLog } from './burst-log';
import type { ClientAddress } from './client-address';
import { logClientErrors } from './client-error-logging';
import { createContactCenterRoutes, type ContactCenterDeps } from './contact-center/create-contact-center';
import { createTransferHandler, type TransferDeps } from './calls/transfer-handler';
import { jsonError } from './json-error';
import { escapeForLog } from './log-text';
import { createTokenHandler } from './token-handler';
import type { TokenIssuingDeps } from './token-issuer';

/** How POST /api/jwt knows who is asking (AUTH_MODE). */
export type AuthDeps =
  /** OpenID Connect sign-in, a session cookie, and tokens only for the session's own agent. */
  | ({ mode: 'oidc' } & Omit<SessionRoutesDeps, 'agents' | 'clientAddress' | 'logger' | 'clientErrors'>)
  /** The seed contract: anyone with the (public) key may ask for any agent. */
  | { mode: 'mobile-api-key'; mobileApiKey: string };

export interface AppDeps extends TokenIssuingDeps {
  auth: AuthDeps;
  agents: AgentDirectory;
  clientAddress: ClientAddress;
  corsOrigins: readonly string[];
  /** Refused requests (4xx), logged once per burst. */
  clientErrors: BurstLog;
  /** Vonage's voice webhooks under /webhooks/*; left out when the contact center is not configured. */
  contactCenter?: ContactCenterDeps;
  /** POST /api/calls/{callId}/transfer; left out when the contact center is not configured. */
  transfer?: TransferDeps;
}

// A token request is two short strings; anything near this size is a mistake or an attack.
export const maxBodyBytes = 4 * 1024;

/** The whole HTTP surface, built from injected parts so tests drive it with `app.request` and no port. */
export function createApp(deps: AppDeps): Hono {
  const { auth } = deps;
  const app = new Hono();

  app.use(logClientErrors(deps));
  // Every answer is JSON for a script: never to be sniffed as something else, framed, or given a referrer.
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: 'DENY',
    }),
  );
  app.use('/api/*', cors(corsOptions(deps)));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        jsonError(c, 405, `${c.req.method} is not allowed here; use ${methods.join(' or ')}.`, { Allow: methods.join(', ') }),
    }),
  );
  // Tokens, sessions, sign-in redirects and errors alike are per-request answers that no browser or proxy should keep.
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  app.use('/api/*', noStore);
  app.use('/auth/*', noStore);

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.post(
    '/api/jwt',
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => jsonError(c, 413, `The request body is larger than ${maxBodyBytes} bytes.`) }),
    auth.mode === 'oidc' ? createSessionTokenHandler({ ...deps, sessions: auth.sessions }) : createTokenHandler({ ...deps, mobileApiKey: auth.mobileApiKey }),
  );
  if (auth.mode === 'oidc') app.route('/', createSessionRoutes({ ...deps, ...auth }));
  if (deps.transfer !== undefined) {
    app.post(
      '/api/calls/:callId/transfer',
      bodyLimit({ maxSize: maxBodyBytes, onError: (c) => jsonError(c, 413, `The request body is larger than ${maxBodyBytes} bytes.`) }),
      createTransferHandler(deps.transfer),
    );
  }
  // Mounted beside /api, outside its CORS: only Vonage's servers call the webhooks.
  if (deps.contactCenter !== undefined) app.route('/', createContactCenterRoutes(deps.contactCenter));

  app.notFound((c) => jsonError(c, 404, `Nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => {
    deps.logger.error(`unexpected ${escapeForLog(error.name, 60)} on ${escapeForLog(c.req.method, 20)} ${escapeForLog(c.req.path, 100)}`);
    return jsonError(c, 500, 'Internal server error.');
  });
  return app;
}

// With sessions the browser must send the cookie (credentials) and may also read and end the session; the
// seed contract has only POST /api/jwt, and no cookie to send. Authorization carries the agent's Vonage token
// to the transfer route, in either mode.
function corsOptions({ auth, corsOrigins }: AppDeps): Parameters<typeof cors>[0] {
  const origin = [...corsOrigins];
  const allowHeaders = ['Content-Type', 'Authorization'];
  return auth.mode === 'oidc'
    ? { origin, credentials: true, allowMethods: ['GET', 'POST', 'DELETE'], allowHeaders, maxAge: 600 }
    : { origin, allowMethods: ['POST'], allowHeaders, maxAge: 600 };
}
