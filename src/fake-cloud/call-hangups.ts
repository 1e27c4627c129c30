// Hangups from either side once a call exists (ringing invites have their own cancel/reject paths).
import { endCall } from './call-events.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { inviteCancelPlan, localHangupPlan, remoteHangupPlan } from './ending-plans.ts';
import { rejectInvite } from './inbound-calls.ts';

/** The far end hangs up; on a still-ringing invite that is the caller giving up (RemoteCancel). */
export function remoteHangup(ctx: CloudContext, callId: string): void {
  const call = ctx.state.call(callId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown call ${callId}`);
  const ringingInvite = call.direction === 'inbound' && call.state === 'ringing';
  endCall(ctx, call, ringingInvite ? inviteCancelPlan('remote-cancel') : remoteHangupPlan());
}

/**
 * DELETE member: the SDK's reject() (reason_code REMOTE_REJECT on a ringing invite) or hangup(). The SDK
 * resolves on the HTTP reply but fires callHangup only when rtc:hangup arrives.
 */
export function agentLeaves(ctx: CloudContext, call: CallRecord): void {
  if (call.direction === 'inbound' && call.state === 'ringing') {
    rejectInvite(ctx, call);
    return;
  }
  endCall(ctx, call, localHangupPlan(), true);
}
