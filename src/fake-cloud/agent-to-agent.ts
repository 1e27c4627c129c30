// A call from one agent to another by name (serverCall with type 'app'): when the callee has a session, the
// cloud rings that agent for real, and each agent's leg has its own far-end peer; the media host bridges
// the two far ends, so the agents hear each other. A callee with no session gets the simulated far end.
import type { CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { calleeBusyPlan, calleeNoAnswerPlan, inviteCancelPlan, remoteHangupPlan, type EndingPlan } from './ending-plans.ts';

/** The answered agent-to-agent pair, for a host that can join their audio (the emulator's Node far ends). */
export function partnerOf(ctx: CloudContext, call: CallRecord): CallRecord | undefined {
  return call.bridgedCallId === undefined ? undefined : ctx.state.call(call.bridgedCallId);
}

export function link(caller: CallRecord, callee: CallRecord): void {
  caller.bridgedCallId = callee.callId;
  callee.bridgedCallId = caller.callId;
}

/** How the other leg ends when one leg of an agent-to-agent call ends. */
export function partnerEnding(ended: CallRecord, partner: CallRecord): EndingPlan {
  if (partner.state === 'answered') return remoteHangupPlan();
  if (partner.direction === 'inbound') return inviteCancelPlan('remote-cancel');
  // The caller is still waiting: the callee agent rejected, or never answered.
  return ended.endReason === 'REMOTE_REJECT' ? calleeBusyPlan() : calleeNoAnswerPlan();
}
