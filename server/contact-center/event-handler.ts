import type { Context } from 'hono';
import type { Logger } from '../logger';
import { logSafe } from './log-safe';
import { readWebhookFields } from './webhook-fields';

/**
 * Vonage's call status events. One line each, with the fields needed to follow a call; never the body,
 * which can carry numbers, recordings' URLs or speech results.
 */
export function createEventHandler(logger: Logger) {
  return async (c: Context) => {
    const fields = await readWebhookFields(c);
    const what = fields.status ?? fields.type ?? 'event';
    logger.info(`call event ${logSafe(what)} uuid=${logSafe(fields.uuid)} direction=${logSafe(fields.direction)}`);
    return c.body(null, 204);
  };
}
