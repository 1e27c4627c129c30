// The callee leg of an agent's outbound call: its status updates to the caller's SDK, and the callee agent
// answering. Shared by inbound-calls.ts (the callee's side) and outbound-calls.ts (the caller's side).
import { nextStamp, pushToAgent } from './call-events.ts';
import type { CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { partnerOf } from './agent-to-agent.ts';
import { legStatusUpdate } from './socket-events.ts';
import type { WireLegStatus } from './wire-types.ts';

export function pushLegStatus(ctx: CloudContext, call: CallRecord, status: WireLegStatus): void {
  call.calleeLegHistory.push({ status, date: ctx.state.timestamp() });
  const payload = legStatusUpdate(call, nextStamp(ctx, call), call.calleeLegHistory);
  pushToAgent(ctx, call, { type: 'leg:status:update', payload });
}

/** An NCCO's connect waits on the callee leg's outcome (ncco/agent-leg.ts); each outcome is told once. */
export function takeCalleeHook(call: CallRecord): CallRecord['calleeSettled'] {
  const hook = call.calleeSettled;
  call.calleeSettled = undefined;
  return hook;
}

/** The callee agent answered: the caller's leg is answered and the two far ends are joined. */
export function calleeAgentAnswered(ctx: CloudContext, calleeCall: CallRecord): void {
  const call = partnerOf(ctx, calleeCall);
  if (!call || !ctx.state.markAnswered(call)) return;
  pushLegStatus(ctx, call, 'answered');
  ctx.media.bridge?.(call.callId, calleeCall.callId);
  takeCalleeHook(call)?.('answer');
}
