import type { Context } from 'hono';
import type { Logger } from '../logger';
import { ivrChoiceNcco, ivrChoices, maxMenuAttempts } from './inbound-ncco';
import { logSafe } from './log-safe';
import { readWebhookFields, type WebhookFields } from './webhook-fields';
import type { WebhookUrls } from './webhook-urls';

interface DtmfHandlerDeps {
  urls: WebhookUrls;
  logger: Logger;
}

/** `dtmf.digits` from Vonage's input webhook; an older payload sent the digits as a plain `dtmf` string. */
function pressedDigits(fields: WebhookFields): string | undefined {
  const dtmf = fields.dtmf;
  if (typeof dtmf === 'string') return dtmf;
  if (typeof dtmf === 'object' && dtmf !== null && 'digits' in dtmf && typeof dtmf.digits === 'string') return dtmf.digits;
  return undefined;
}

// Anything but a small whole number counts as the last attempt, so a tampered URL cannot loop the menu.
function attemptFrom(query: string | undefined): number {
  if (query === undefined) return 1;
  return /^[1-9]$/.test(query) ? Number(query) : maxMenuAttempts;
}

/** The IVR's input webhook: the caller's key picks an agent, or gets the menu once more, then a goodbye. */
export function createDtmfHandler({ urls, logger }: DtmfHandlerDeps) {
  return async (c: Context) => {
    const fields = await readWebhookFields(c);
    const digits = pressedDigits(fields);
    const attempt = attemptFrom(c.req.query('attempt'));
    const agent = digits === undefined ? undefined : ivrChoices[digits];
    // Digits are not logged: in a custom flow an input could collect something private.
    logger.info(`dtmf ${logSafe(fields.uuid)}: ${agent === undefined ? `no valid choice on attempt ${attempt}` : `connecting to ${agent}`}`);
    return c.json(ivrChoiceNcco(digits, attempt, urls), 200, { 'Cache-Control': 'no-store' });
  };
}
