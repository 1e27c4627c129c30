// An agent's outbound call (SDK serverCall): the far end answers the SDK's offer inside the /legs reply,
// the agent's member joins, then the callee's leg rings and answers, is busy, or never answers.
import { endCall, pushMemberJoined } from './call-events.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord, SessionRecord } from './cloud-state.ts';
import type { CalleeOptions } from './control-api.ts';
import { link } from './agent-to-agent.ts';
import { calleeBusyPlan, calleeNoAnswerPlan, inviteCancelPlan, localHangupPlan } from './ending-plans.ts';
import { ringAgent } from './inbound-calls.ts';
import { pushLegStatus, takeCalleeHook } from './callee-leg.ts';
import type { ChannelEndpoint } from './wire-types.ts';

export async function openOutboundLeg(
  ctx: CloudContext,
  session: SessionRecord,
  offerSdp: string,
): Promise<{ rtc_id: string; sdp: string }> {
  const agent = ctx.state.findAgent(session.userName);
  if (!agent) throw new CloudError(403, 'system:error:permission', `Unknown user ${session.userName}`);
  const call = ctx.state.createOutboundCall(agent);
  const sdp = await ctx.media.answerOffer(call.callId, offerSdp);
  // The SDK fails the call with media_timeout if member:joined is not in within 10 s of this reply.
  ctx.timers.schedule(call.callId, ctx.timing.outboundJoinFallbackMs, () => announceJoined(ctx, call, ctx.callee));
  return { rtc_id: call.callId, sdp };
}

/**
 * POST /knocking: who the agent calls. `appUser` is set when the SDK's call context named an app user
 * (`custom_data.type === 'app'`); a signed-in agent is then rung for real (see agent-to-agent.ts).
 */
export function knock(
  ctx: CloudContext,
  call: CallRecord,
  to: ChannelEndpoint,
  appUser?: string,
  customData: Record<string, unknown> = {},
): string {
  const callee = appUser === undefined ? undefined : ctx.state.findAgent(appUser);
  const reachable = callee !== undefined && ctx.state.sessionsOf(callee.userName).length > 0 && callee.userName !== call.agent.userName;
  ctx.state.setCallee(call, reachable ? { type: 'app', user: callee.userName } : to);
  if (call.knockingId === undefined) throw new Error('setCallee must assign a knocking id');
  if (ctx.contactCenter) {
    // The emulator: the backend's answer URL decides (ncco/agent-leg.ts), as on Vonage.
    ctx.contactCenter.agentServerCall(call, customData);
  } else if (reachable) {
    ringAgentForAgent(ctx, call, callee.userName);
  } else if (to.type === 'phone' && ctx.phones?.ringForAgent(call, to.number)) {
    // A Phone page has this number: it rings there, and its user answers, rejects or lets it ring.
  } else {
    const simulated = { ...ctx.callee };
    ctx.timers.schedule(call.callId, ctx.timing.pushDelayMs, () => announceJoined(ctx, call, simulated));
  }
  return call.knockingId;
}

/** The caller agent's leg is up at once; the callee agent's invite rings on every one of their sessions. */
function ringAgentForAgent(ctx: CloudContext, call: CallRecord, calleeName: string): void {
  call.agentJoinAnnounced = true;
  ctx.timers.schedule(call.callId, ctx.timing.pushDelayMs, () => {
    pushMemberJoined(ctx, call);
    ringAgentFromAgent(ctx, call, calleeName);
  });
}

/** Rings the callee agent for a caller agent whose member has joined; leg:status `ringing` once it rings. */
export function ringAgentFromAgent(ctx: CloudContext, call: CallRecord, calleeName: string): void {
  ringAgent(ctx, { agent: calleeName, from: call.agent.userName, fromType: 'app' }).then(
    (calleeCallId) => {
      const calleeCall = ctx.state.call(calleeCallId);
      if (!calleeCall) return;
      link(call, calleeCall);
      if (call.state === 'ended') endCall(ctx, calleeCall, inviteCancelPlan('remote-cancel'));
      else pushLegStatus(ctx, call, 'ringing');
    },
    () => endCall(ctx, call, calleeNoAnswerPlan()),
  );
}

/** DELETE /v0.3/knocking/{id}: the agent gave up before the callee answered. */
export function cancelKnock(ctx: CloudContext, knockingId: string): void {
  const call = ctx.state.callByKnocking(knockingId);
  if (!call) throw new CloudError(404, 'knocking:error:not-found', `Unknown knocker ${knockingId}`);
  endCall(ctx, call, localHangupPlan(), true);
}

function announceJoined(ctx: CloudContext, call: CallRecord, callee: CalleeOptions): void {
  announceJoinedThen(ctx, call, () => {
    ctx.timers.schedule(call.callId, outcomeDelay(ctx, callee), () => settleCallee(ctx, call, callee));
  });
}

/** The agent's member joins, then the callee's leg rings and `ringing` runs (once, whatever asks twice). */
export function announceJoinedThen(ctx: CloudContext, call: CallRecord, ringing: () => void): void {
  if (call.agentJoinAnnounced || call.state !== 'ringing') return;
  call.agentJoinAnnounced = true;
  pushMemberJoined(ctx, call);
  ctx.timers.schedule(call.callId, ctx.timing.calleeRingDelayMs, () => {
    pushLegStatus(ctx, call, 'ringing');
    ringing();
  });
}

export function outcomeDelay(ctx: CloudContext, callee: CalleeOptions): number {
  if (callee.afterMs !== undefined) return callee.afterMs;
  switch (callee.behaviour) {
    case 'answer':
      return ctx.timing.defaultAnswerAfterMs;
    case 'busy':
      return ctx.timing.defaultBusyAfterMs;
    case 'no-answer':
      return ctx.timing.defaultNoAnswerAfterMs;
  }
}

/** The callee answers, is busy or rings out: the same wire events for the simulated callee and a Phone page. */
export function settleCallee(ctx: CloudContext, call: CallRecord, callee: CalleeOptions): void {
  // Settled already (answered, or ended): a late ring timeout or outcome does nothing.
  if (call.state !== 'ringing') return;
  const hook = takeCalleeHook(call);
  if (hook && callee.behaviour !== 'answer') {
    // An NCCO's connect failed: the NCCO decides what follows (the next action, or hanging up).
    hook(callee.behaviour);
    return;
  }
  switch (callee.behaviour) {
    case 'answer':
      if (ctx.state.markAnswered(call)) pushLegStatus(ctx, call, 'answered');
      hook?.('answer');
      return;
    case 'busy':
      endCall(ctx, call, calleeBusyPlan());
      return;
    case 'no-answer':
      endCall(ctx, call, calleeNoAnswerPlan());
      return;
  }
}
