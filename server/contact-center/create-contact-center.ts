import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { systemClock, type Clock } from '../clock';
import { jsonError } from '../json-error';
import type { Logger } from '../logger';
import { createAnswerHandler } from './answer-handler';
import { createDtmfHandler } from './dtmf-handler';
import { createEventHandler } from './event-handler';
import type { InboundFlow } from './inbound-ncco';
import { webhookSignature } from './webhook-signature';
import { webhookUrls } from './webhook-urls';

// The emulator codes against this file: these re-exports are its whole contract with the contact center.
export type { InboundFlow } from './inbound-ncco';
export { validateNcco, type NccoValidation } from './validate-ncco';
export { createEchoSocket, type EchoSocket } from './echo-socket';
export { signWebhook } from './sign-webhook';

export interface ContactCenterDeps {
  /** E.164 digits without '+', e.g. '442079460000': the caller id of every call the agents place. */
  contactCenterNumber: string;
  /** Where Vonage reaches this backend, e.g. 'https://cc.example.com'; every callback URL is built from it. */
  publicBaseUrl: string;
  /** Read per call: the demo changes the flow at run time. */
  inboundFlow(): InboundFlow;
  /** Vonage's signed-webhooks secret; when set, every webhook must carry a valid signature. */
  signatureSecret?: string;
  /** Production: refuse to build the routes without a secret (config.ts refuses to start first). */
  requireSignedWebhooks: boolean;
  logger: Logger;
  /** For the signature's freshness check; tests pin it. */
  now?: Clock;
}

// Vonage's webhook bodies are a few hundred bytes; this only stops a stranger from streaming megabytes in.
export const maxWebhookBodyBytes = 64 * 1024;

/**
 * Vonage's voice webhooks under /webhooks/*, built from injected parts so the production server and the
 * emulator mount the very same routes. No CORS: only Vonage's servers call these, never a browser.
 */
export function createContactCenterRoutes(deps: ContactCenterDeps): Hono {
  const { logger, signatureSecret } = deps;
  const secret = signatureSecret === '' ? undefined : signatureSecret;
  if (deps.requireSignedWebhooks && secret === undefined) {
    throw new Error('Signed webhooks are required but no signature secret was given.');
  }
  if (secret === undefined) logger.warn('webhook signatures are NOT checked: set VONAGE_SIGNATURE_SECRET before going live');

  const urls = webhookUrls(deps.publicBaseUrl);
  const routes = new Hono();
  routes.use(
    '/webhooks/*',
    bodyLimit({
      maxSize: maxWebhookBodyBytes,
      onError: (c) => jsonError(c, 413, `The request body is larger than ${maxWebhookBodyBytes} bytes.`),
    }),
    webhookSignature({ secret, logger, now: deps.now ?? systemClock }),
  );
  // GET is Vonage's default answer method; POST when the application is set to it. Same NCCOs either way.
  routes.on(['GET', 'POST'], '/webhooks/answer', createAnswerHandler({ ...deps, urls }));
  routes.post('/webhooks/dtmf', createDtmfHandler({ urls, logger }));
  routes.post('/webhooks/event', createEventHandler(logger));
  return routes;
}
