// A call's audio path breaking, as a network change or a lost media server would break it: the far end's
// peer goes away without a word on the signalling side. The SDK notices only through its peer connection
// (PROTOCOL.md §12) and, with autoReconnectMedia, renegotiates through POST …/rtc/{legId}/offer, which the
// cloud answers with a new far-end peer (reload-recovery.ts) unless QA asked it to refuse the repair.
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import type { BreakMediaOptions } from './control-api.ts';

export function breakCallMedia(ctx: CloudContext, callId: string, options: BreakMediaOptions = {}): void {
  const call = ctx.state.call(callId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown call ${callId}`);
  if (call.state !== 'answered') {
    throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${callId} is ${call.state}: only a connected call has audio to break`);
  }
  call.mediaRepair = options.repair ?? 'allow';
  ctx.media.sever(callId);
}

/** Whether the SDK's renegotiation of this call's media must fail (as a media server that is gone would). */
export function refusesMediaRepair(call: CallRecord): boolean {
  return call.mediaRepair === 'refuse';
}
