// POST /api/calls/{callId}/transfer {to}: an agent hands the other party of their call to another agent or
// a number. `callId` is the agent's own leg (the only id the SDK gives the app); the agent's token proves
// who asks, Vonage's record of that leg proves it is theirs, and the other legs of its conversation are
// the ones moved. The agent's own leg is left for the app to hang up once this answers.
import type { Context } from 'hono';
import type { AgentDirectory } from '../agent-directory';
import { jsonError } from '../json-error';
import type { Logger } from '../logger';
import { e164Digits } from '../contact-center/phone-number';
import type { AgentTokenVerifier } from './agent-token';
import { transferNcco, type TransferTarget } from './transfer-ncco';
import type { CallLeg, VoiceCalls } from './voice-calls';

export interface TransferDeps {
  verifyAgentToken: AgentTokenVerifier;
  calls: VoiceCalls;
  agents: AgentDirectory;
  contactCenterNumber: string;
  logger: Logger;
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

const isAgentsLeg = (leg: CallLeg, agent: string) =>
  [leg.from, leg.to].some((end) => end?.type === 'app' && end.user?.toLowerCase() === agent.toLowerCase());

const stillUp = (leg: CallLeg) => !['completed', 'failed', 'rejected', 'busy', 'cancelled', 'timeout', 'unanswered'].includes(leg.status);

function readTarget(to: unknown, agents: AgentDirectory): TransferTarget | undefined {
  if (typeof to !== 'string') return undefined;
  if (to.trim().startsWith('+')) {
    const number = e164Digits(to);
    return number === undefined ? undefined : { kind: 'phone', number };
  }
  const agent = agents.canonicalName(to.trim());
  return agent === undefined ? undefined : { kind: 'app', user: agent };
}

export function createTransferHandler(deps: TransferDeps) {
  return async (c: Context) => {
    const agent = await deps.verifyAgentToken(bearer(c.req.header('authorization')) ?? '');
    if (agent === undefined) return jsonError(c, 401, 'Sign in again: the agent token is missing, expired or not ours.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return jsonError(c, 400, 'The body must be JSON: {"to": "Joe"} or {"to": "+447700900123"}.');
    }
    const target = readTarget((body as { to?: unknown } | null)?.to, deps.agents);
    if (target === undefined) return jsonError(c, 422, 'Transfer to an agent set up here, or to an E.164 number such as +447700900123.');
    if (target.kind === 'app' && target.user.toLowerCase() === agent.toLowerCase()) return jsonError(c, 422, 'An agent cannot transfer a call to themself.');

    const callId = c.req.param('callId') ?? '';
    const own = await deps.calls.getCall(callId);
    if (own === undefined || !isAgentsLeg(own, agent)) return jsonError(c, 404, 'No call of yours has that id.');
    const others = (await deps.calls.legsOf(own.conversationUuid)).filter((leg) => leg.uuid !== own.uuid && stillUp(leg));
    if (others.length === 0) return jsonError(c, 409, 'The other party has already left the call.');
    for (const leg of others) await deps.calls.transfer(leg.uuid, transferNcco(target, deps.contactCenterNumber));
    deps.logger.info(`transfer by ${agent}: ${others.length} leg(s) to ${target.kind === 'app' ? `agent ${target.user}` : 'a phone number'}`);
    return c.body(null, 204);
  };
}
