import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import type { BurstLog } from './burst-log';
import { logClientErrors } from './client-error-logging';
import { createContactCenterRoutes, type ContactCenterDeps } from './contact-center/create-contact-center';
import { createTransferHandler, type TransferDeps } from './calls/transfer-handler';
import { jsonError } from './json-error';
import { escapeForLog } from './log-text';
import { createTokenHandler, type TokenHandlerDeps } from './token-handler';

export interface AppDeps extends TokenHandlerDeps {
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
  const app = new Hono();

  app.use(logClientErrors(deps));
  // Every answer is JSON for a script: never to be sniffed as something else, framed, or given a referrer.
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: 'DENY',
    }),
  );
  app.use('/api/*', cors({ origin: [...deps.corsOrigins], allowMethods: ['POST'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 }));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        jsonError(c, 405, `${c.req.method} is not allowed here; use ${methods.join(' or ')}.`, { Allow: methods.join(', ') }),
    }),
  );
  // Tokens and errors alike are per-request answers that no browser or proxy should keep.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.post(
    '/api/jwt',
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => jsonError(c, 413, `The request body is larger than ${maxBodyBytes} bytes.`) }),
    createTokenHandler(deps),
  );
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
