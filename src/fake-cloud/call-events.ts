// Pushing a call's events to its agent, and running an ending plan exactly once.
import type { CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { partnerEnding, partnerOf } from './agent-to-agent.ts';
import type { EndingPlan, EndingStep } from './ending-plans.ts';
import { logConversationEvent } from './conversation-log.ts';
import { memberJoined, memberLeft, rtcHangup, type CallWireView, type EventStamp } from './socket-events.ts';
import type { SocketEvent } from './wire-types.ts';

export function wireView(ctx: CloudContext, call: CallRecord): CallWireView {
  return { call, channel: ctx.state.agentChannel(call) };
}

export function nextStamp(ctx: CloudContext, call: CallRecord): EventStamp {
  return { id: ctx.state.nextEventId(call), timestamp: ctx.state.timestamp() };
}

export function pushToAgent(ctx: CloudContext, call: CallRecord, event: SocketEvent): void {
  logConversationEvent(call, event, ctx.state.timestamp());
  ctx.hub.pushToUser(call.agent.userName, event);
}

export function pushMemberJoined(ctx: CloudContext, call: CallRecord): void {
  pushToAgent(ctx, call, { type: 'member:joined', payload: memberJoined(wireView(ctx, call), nextStamp(ctx, call)) });
}

function stepEvent(ctx: CloudContext, call: CallRecord, step: EndingStep): SocketEvent {
  const view = wireView(ctx, call);
  const stamp = nextStamp(ctx, call);
  switch (step.kind) {
    case 'rtc:hangup':
      return { type: 'rtc:hangup', payload: rtcHangup(view, stamp, call.remoteMemberId, step.reason) };
    case 'member:left':
      return { type: 'member:left', payload: memberLeft(view, stamp, step.reason) };
    case 'member:joined':
      return { type: 'member:joined', payload: memberJoined(view, stamp) };
  }
}

/**
 * Ends the call with the plan's events; returns false (and sends nothing) if it had already ended.
 * `afterReply` defers the events past the HTTP reply of the agent's own request: a reject whose member:left
 * reached the SDK before its DELETE reply would look like "rejected elsewhere" to the rejecting tab.
 */
export function endCall(ctx: CloudContext, call: CallRecord, plan: EndingPlan, afterReply = false): boolean {
  if (!ctx.state.markEnded(call, plan.endReason)) return false;
  ctx.timers.clear(call.callId);
  ctx.media.close(call.callId);
  ctx.phones?.callEnded(call);
  ctx.contactCenter?.agentCallEnded(call);
  const partner = partnerOf(ctx, call);
  if (partner && partner.state !== 'ended') endCall(ctx, partner, partnerEnding(call, partner));
  const push = () => {
    for (const step of plan.steps) pushToAgent(ctx, call, stepEvent(ctx, call, step));
  };
  if (afterReply) setTimeout(push, ctx.timing.pushDelayMs);
  else push();
  return true;
}
