// The other party presses keys during an answered call (a PSTN caller's DTMF, the Phone page's keypad): the
// cloud tells the agent's SDK with `audio:dtmf` from the caller's member and leg, which the SDK turns into
// its `dtmf` event (PROTOCOL.md §4.5), as it does for a caller typing an account number to an agent.
import { nextStamp, pushToAgent } from './call-events.ts';
import type { CallRecord } from './cloud-state.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { AudioDtmfEvent } from './wire-types.ts';

function callerDtmf(call: CallRecord, id: number, digits: string): AudioDtmfEvent {
  return { id, cid: call.conversationId, from: call.remoteMemberId, body: { digit: digits, channel: { id: call.remoteLegId, type: call.remoteType } } };
}

export function callerPressesKeys(ctx: CloudContext, callId: string, digits: string): void {
  if (!/^[0-9*#]{1,32}$/.test(digits)) throw new CloudError(400, 'http:error:validation-fail', 'Digits are 0-9, * and #, at most 32 at a time');
  const call = ctx.state.call(callId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown call ${callId}`);
  if (call.state !== 'answered') throw new CloudError(409, 'conversation:error:invalid-state', `Call ${callId} is not answered`);
  pushToAgent(ctx, call, { type: 'audio:dtmf', payload: callerDtmf(call, nextStamp(ctx, call).id, digits) });
}
