// The cloud's legs as Vonage's Voice API describes them (GET /v1/calls/{uuid}, GET /v1/calls?conversation_uuid)
// and moves them (PUT /v1/calls/{uuid} transfer). An agent's leg and the caller it talks to share one
// conversation, as on Vonage: for a contact-center caller that is the caller's conversation; for a caller
// rung straight at the agent (the control API, the Demo simulator) it is the agent call's own.
import { CloudError, type CloudContext } from '../cloud-context.ts';
import type { CallRecord } from '../cloud-state.ts';

export interface VoiceApiEndpoint {
  type: 'app' | 'phone';
  user?: string;
  number?: string;
}

export interface VoiceApiLeg {
  uuid: string;
  conversation_uuid: string;
  status: 'ringing' | 'answered' | 'completed';
  direction: 'inbound' | 'outbound';
  from: VoiceApiEndpoint;
  to: VoiceApiEndpoint;
}

const statusOf = (state: CallRecord['state']): VoiceApiLeg['status'] => (state === 'ended' ? 'completed' : state);
const phone = (number: string): VoiceApiEndpoint => ({ type: 'phone', number });
const app = (user: string): VoiceApiEndpoint => ({ type: 'app', user });

/** The other party as an endpoint: a number, or another agent. */
const remoteEndpoint = (call: CallRecord): VoiceApiEndpoint => (call.remoteType === 'phone' ? phone(call.remote) : app(call.remote));

function agentLeg(ctx: CloudContext, call: CallRecord): VoiceApiLeg {
  const caller = ctx.contactCenter?.callerConnectedTo(call.callId);
  const self = app(call.agent.userName);
  const other = caller ? phone(caller.from) : remoteEndpoint(call);
  return {
    uuid: call.callId,
    conversation_uuid: caller?.conversationId ?? call.conversationId,
    status: statusOf(call.state),
    direction: call.direction,
    from: call.direction === 'inbound' ? other : self,
    to: call.direction === 'inbound' ? self : other,
  };
}

/** The far party of a call rung straight at the agent: its own leg in the agent call's conversation. */
function directCallerLeg(call: CallRecord): VoiceApiLeg {
  return { uuid: call.remoteLegId, conversation_uuid: call.conversationId, status: statusOf(call.state), direction: 'inbound', from: remoteEndpoint(call), to: app(call.agent.userName) };
}

const isDirectPhoneCaller = (ctx: CloudContext, call: CallRecord) =>
  call.direction === 'inbound' && call.remoteType === 'phone' && ctx.contactCenter?.callerConnectedTo(call.callId) === undefined;

function allLegs(ctx: CloudContext): VoiceApiLeg[] {
  const calls = ctx.state.snapshots().flatMap(({ callId }) => {
    const call = ctx.state.call(callId);
    return call ? [call] : [];
  });
  const legs = calls.map((call) => agentLeg(ctx, call));
  for (const call of calls) if (isDirectPhoneCaller(ctx, call)) legs.push(directCallerLeg(call));
  for (const caller of ctx.contactCenter?.callerLegs() ?? []) {
    legs.push({ uuid: caller.id, conversation_uuid: caller.conversationId, status: caller.ended ? 'completed' : 'answered', direction: 'inbound', from: phone(caller.from), to: phone(caller.to) });
  }
  return legs;
}

export function describeLeg(ctx: CloudContext, uuid: string): VoiceApiLeg | undefined {
  return allLegs(ctx).find((leg) => leg.uuid === uuid);
}

export function legsInConversation(ctx: CloudContext, conversationUuid: string): VoiceApiLeg[] {
  return allLegs(ctx).filter((leg) => leg.conversation_uuid === conversationUuid);
}

/**
 * Moves a caller's leg into a new NCCO. A contact-center caller leaves the agent it was connected to (that
 * agent's own leg stays until their app hangs it up); a caller rung straight at an agent is taken over by the
 * contact center from here on, as a scripted caller with the same number.
 */
export function transferLeg(ctx: CloudContext, uuid: string, ncco: unknown): void {
  const contactCenter = ctx.contactCenter;
  if (!contactCenter) throw new CloudError(501, 'voice:error:needs-emulator', 'Transfers need the emulator’s contact center (npm run dev).');
  if (contactCenter.callerLegs().some((caller) => caller.id === uuid && !caller.ended)) {
    contactCenter.transferCaller(uuid, ncco);
    return;
  }
  const direct = ctx.state
    .snapshots()
    .map(({ callId }) => ctx.state.call(callId))
    .find((call): call is CallRecord => call !== undefined && call.remoteLegId === uuid && isDirectPhoneCaller(ctx, call));
  if (direct && ctx.phones?.dialledDirectly(direct)) {
    throw new CloudError(409, 'voice:error:not-transferable', 'The emulator transfers callers of the contact center’s number; a Phone that dialled an agent directly cannot be moved.');
  }
  if (direct?.state === 'answered') {
    contactCenter.adoptCaller(direct.remote, ncco);
    return;
  }
  throw new CloudError(404, 'voice:error:not-found', `No call ${uuid} that can be transferred`);
}
