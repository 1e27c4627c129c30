// Legs orphaned by a vanished page time out on their own, as PROTOCOL.md §18.9 asks of a cloud: the SDK
// tells nobody when its page closes mid-call, so the far end would otherwise hold a dead line for ever.
// A leg is orphaned when its agent has no socket open AND the far end has heard nothing from the agent for
// `orphanedLegTimeoutMs`. Either alone is normal: the socket drops while media flows during a network
// blip (§12), and media stops while the socket is up during a media repair.
import { endCall } from './call-events.ts';
import type { CloudContext } from './cloud-context.ts';
import { orphanedLegPlan } from './ending-plans.ts';

interface Silence {
  packets: number;
  since: number;
}

export class OrphanedLegWatch {
  private readonly ctx: CloudContext;
  private readonly now: () => number;
  private readonly silences = new Map<string, Silence>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(ctx: CloudContext, now: () => number = Date.now) {
    this.ctx = ctx;
    this.now = now;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.ctx.timing.orphanCheckMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.silences.clear();
  }

  /** One round over the connected calls; public so unit tests drive it without waiting. */
  async check(): Promise<void> {
    const connected = this.ctx.state.snapshots().filter((call) => call.state === 'answered');
    for (const id of this.silences.keys()) if (!connected.some((call) => call.callId === id)) this.silences.delete(id);
    for (const { callId, agent } of connected) {
      if (this.ctx.hub.openSessionCount(agent) > 0) {
        this.silences.delete(callId);
        continue;
      }
      const packets = await this.ctx.media.packetsReceived(callId);
      const silence = this.silences.get(callId);
      if (!silence || packets > silence.packets) {
        this.silences.set(callId, { packets, since: this.now() });
        continue;
      }
      if (this.now() - silence.since < this.ctx.timing.orphanedLegTimeoutMs) continue;
      this.silences.delete(callId);
      const call = this.ctx.state.call(callId);
      if (call) endCall(this.ctx, call, orphanedLegPlan());
    }
  }
}
