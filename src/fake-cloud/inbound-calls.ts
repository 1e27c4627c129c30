// An inbound call to an agent: invite with the far end's offer, answer, reject, cancel.
import { endCall, nextStamp, pushMemberJoined, pushToAgent, wireView } from './call-events.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import type { InviteCancelReason, RingAgentOptions } from './control-api.ts';
import { agentRejectPlan, inviteCancelPlan, remoteHangupPlan } from './ending-plans.ts';
import { calleeAgentAnswered } from './callee-leg.ts';
import { memberInvited } from './socket-events.ts';

export async function ringAgent(ctx: CloudContext, options: RingAgentOptions): Promise<string> {
  const agent = ctx.state.findAgent(options.agent);
  if (!agent) throw new CloudError(404, 'user:error:not-found', `Unknown agent ${options.agent}`);
  const call = ctx.state.createInboundCall(agent, options.from, options.fromType ?? 'phone');
  let sdp: string;
  try {
    sdp = await ctx.media.createOffer(call.callId);
  } catch (error) {
    ctx.state.markEnded(call, 'MEDIA_FAILURE');
    ctx.media.close(call.callId);
    throw error;
  }
  pushToAgent(ctx, call, { type: 'member:invited', payload: memberInvited(wireView(ctx, call), nextStamp(ctx, call), sdp) });
  ctx.timers.schedule(call.callId, ctx.timing.inviteRingTimeoutMs, () => {
    endCall(ctx, call, inviteCancelPlan('remote-timeout'));
  });
  return call.callId;
}

export function ringingInbound(ctx: CloudContext, callId: string): CallRecord {
  const call = ctx.state.call(callId);
  if (!call || call.direction !== 'inbound' || call.state !== 'ringing') {
    throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${callId} is not a ringing invite`);
  }
  return call;
}

/**
 * Step 2 of answer(): the far end takes the SDK's answer. The SDK's promise resolves only on member:joined,
 * pushed after this reply so it lands once the SDK has the call.
 */
export async function acceptAgentAnswer(ctx: CloudContext, call: CallRecord, sdp: string): Promise<void> {
  if (call.state !== 'ringing') {
    throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${call.callId} is ${call.state}`);
  }
  await ctx.media.applyAnswer(call.callId, sdp);
  // The caller may have given up while the far end took the answer.
  if (!ctx.state.markAnswered(call)) {
    throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${call.callId} is ${call.state}`);
  }
  ctx.timers.clear(call.callId);
  ctx.timers.schedule(call.callId, ctx.timing.pushDelayMs, () => pushMemberJoined(ctx, call));
  calleeAgentAnswered(ctx, call);
  ctx.phones?.callAnswered(call);
  ctx.contactCenter?.agentAnswered(call);
}

/** Called from the agent's DELETE member: the events follow the HTTP reply. */
export function rejectInvite(ctx: CloudContext, call: CallRecord): void {
  endCall(ctx, call, agentRejectPlan(), true);
}

export function cancelInvite(ctx: CloudContext, callId: string, reason: InviteCancelReason): void {
  endCall(ctx, ringingInbound(ctx, callId), inviteCancelPlan(reason));
}

/** The caller will give up `delayMs` after the agent's answer reaches the cloud (see `agentAnswering`). */
export function armCancelOnAnswer(ctx: CloudContext, callId: string, reason: InviteCancelReason, delayMs: number): void {
  ringingInbound(ctx, callId).cancelWhenAnswered = { reason, delayMs };
}

/**
 * Step 1 of answer() reached the cloud (PUT member). A caller armed to give up now does so on a plain
 * timer: the call's own timers are cleared when the answer lands, and this is the caller's doing, not the call's.
 */
export function agentAnswering(ctx: CloudContext, call: CallRecord): void {
  const armed = call.cancelWhenAnswered;
  if (!armed) return;
  delete call.cancelWhenAnswered;
  setTimeout(() => {
    if (call.state === 'ringing') endCall(ctx, call, inviteCancelPlan(armed.reason));
    else if (call.state === 'answered') endCall(ctx, call, remoteHangupPlan());
  }, armed.delayMs);
}
