import type { Context } from 'hono';
import type { Logger } from '../logger';
import { agentCallNcco, agentCallTarget, apologyNcco } from './agent-call-ncco';
import { inboundNcco, unavailableNcco, type InboundFlow } from './inbound-ncco';
import { logSafe } from './log-safe';
import { validateNcco } from './validate-ncco';
import { customData, readWebhookFields, type WebhookFields } from './webhook-fields';
import type { WebhookUrls } from './webhook-urls';

interface AnswerHandlerDeps {
  contactCenterNumber: string;
  urls: WebhookUrls;
  inboundFlow(): InboundFlow;
  logger: Logger;
}

function answerNcco(fields: WebhookFields, deps: AnswerHandlerDeps): unknown[] {
  const call = logSafe(fields.uuid);
  const agent = fields.from_user;
  if (typeof agent === 'string' && agent !== '') {
    // The context wins; a top-level `to` is the seed's PARAMS_TO, for callers that send no context.
    const context = { to: fields.to, type: fields.type, ...customData(fields) };
    const target = agentCallTarget(context);
    // The kind only: the dialled number is the customer's, and logs are not the place for it.
    const outcome = target.kind === 'malformed' ? `refused (${target.reason})` : target.kind;
    deps.logger.info(`answer ${call}: call from agent ${logSafe(agent)}, ${outcome}`);
    return agentCallNcco(target, deps.contactCenterNumber, deps.urls);
  }

  const flow = deps.inboundFlow();
  if (flow.kind === 'custom') {
    // The demo can swap the custom NCCO at run time, so it is checked on every call, not only at start.
    const checked = validateNcco(flow.ncco);
    if (!checked.ok) {
      deps.logger.error(`answer ${call}: the custom NCCO is invalid (${checked.problems.join('; ')}); playing an apology`);
      return unavailableNcco();
    }
  }
  deps.logger.info(`answer ${call}: inbound call, ${flow.kind} flow`);
  return inboundNcco(flow, deps.urls);
}

/**
 * Vonage's answer webhook, GET or POST. It always answers 200 with an NCCO: an error here would leave the
 * caller in silence, so anything unexpected becomes a spoken apology.
 */
export function createAnswerHandler(deps: AnswerHandlerDeps) {
  return async (c: Context) => {
    const fields = await readWebhookFields(c);
    let ncco: unknown[];
    try {
      ncco = answerNcco(fields, deps);
    } catch (error) {
      deps.logger.error(`answer ${logSafe(fields.uuid)}: ${error instanceof Error ? error.name : 'error'} while building the NCCO`);
      ncco = apologyNcco();
    }
    return c.json(ncco, 200, { 'Cache-Control': 'no-store' });
  };
}
