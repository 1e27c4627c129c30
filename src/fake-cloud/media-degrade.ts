// A call's audio to the agent degraded on demand (loss, jitter), so QA sees the softphone's call quality drop
// to Poor and come back. The far end's host does the degrading (emulator/media/frame-impairment.ts); the
// in-page cloud of the static demo cannot, and says so.
import { CloudError, type CloudContext } from './cloud-context.ts';

export interface DegradeCallOptions {
  /** Share of the far end's 10 ms audio frames lost, 0–100. */
  lossPercent: number;
  /** Typical extra delay (ms) of held-back audio, 0–1000. */
  jitterMs: number;
}

export function degradeOptionsProblem(options: DegradeCallOptions | undefined): string | undefined {
  const { lossPercent, jitterMs } = options ?? { lossPercent: Number.NaN, jitterMs: Number.NaN };
  if (!(Number.isFinite(lossPercent) && lossPercent >= 0 && lossPercent <= 100)) return 'lossPercent must be a number from 0 to 100';
  if (!(Number.isFinite(jitterMs) && jitterMs >= 0 && jitterMs <= 1_000)) return 'jitterMs must be a number of milliseconds from 0 to 1000';
  return undefined;
}

function answeredCall(ctx: CloudContext, callId: string) {
  const call = ctx.state.call(callId);
  if (!call) throw new CloudError(404, 'conversation:error:not-found', `Unknown call ${callId}`);
  if (call.state !== 'answered') {
    throw new CloudError(409, 'conversation:error:invalid-member-state', `Call ${callId} is ${call.state}: only a connected call has audio to degrade`);
  }
  if (!ctx.media.degrade) {
    throw new CloudError(501, 'media:error:needs-emulator', 'Degrading a call’s audio needs the emulator’s far ends (npm run dev or npm run emulator).');
  }
  return ctx.media.degrade;
}

/** The audio the agent receives on this call is degraded until `restoreCallMedia` (or its media is renegotiated). */
export function degradeCallMedia(ctx: CloudContext, callId: string, options: DegradeCallOptions): void {
  const problem = degradeOptionsProblem(options);
  if (problem) throw new CloudError(400, 'http:error:validation-fail', problem);
  if (!answeredCall(ctx, callId).call(ctx.media, callId, options)) {
    throw new CloudError(409, 'media:error:no-peer', `Call ${callId} has no audio to degrade right now`);
  }
  const call = ctx.state.call(callId);
  if (call) call.mediaImpairment = { lossPercent: options.lossPercent, jitterMs: options.jitterMs };
}

export function restoreCallMedia(ctx: CloudContext, callId: string): void {
  answeredCall(ctx, callId).call(ctx.media, callId, undefined);
  const call = ctx.state.call(callId);
  if (call) call.mediaImpairment = undefined;
}
