// Back to an empty cloud: every call ended without events (their far ends closed, their timers cleared), every
// socket closed, every session forgotten, the default callee. A shared emulator starts each QA scenario here.
import type { CloudContext } from './cloud-context.ts';

export function resetCloud(ctx: CloudContext): void {
  for (const { callId } of ctx.state.snapshots()) {
    ctx.timers.clear(callId);
    ctx.media.close(callId);
  }
  ctx.contactCenter?.reset();
  ctx.phones?.reset();
  ctx.hub.closeAll();
  ctx.state.clear();
  ctx.callee = { behaviour: 'answer' };
}
