// The control surface (window.fakeVonage) over the cloud: what QA scenarios and the demo simulator drive.
import { callerPressesKeys } from './caller-keypad.ts';
import { remoteHangup } from './call-hangups.ts';
import { CloudError, type CloudContext } from './cloud-context.ts';
import type { AgentMediaReport, FakeVonageControl } from './control-api.ts';
import { breakCallMedia } from './media-faults.ts';
import { degradeCallMedia, restoreCallMedia } from './media-degrade.ts';
import type { ContactCenterCalls } from './ncco/contact-center-calls.ts';
import { demoContactCenterNumber } from './ncco/contact-center-port.ts';
import { resetCloud } from './reset-cloud.ts';
import { armCancelOnAnswer, cancelInvite, ringAgent } from './inbound-calls.ts';

/** The in-page cloud has no backend to ask for NCCOs: the contact center's calls need the emulator. */
function needsEmulator(ctx: CloudContext): ContactCenterCalls {
  if (ctx.contactCenter) return ctx.contactCenter;
  throw new CloudError(501, 'contact-center:error:needs-emulator', 'The contact center’s call flows run on the emulator only (npm run dev or npm run emulator).');
}

export type AgentMediaProbe = (callId: string) => Promise<AgentMediaReport>;

const noAgentMedia: AgentMediaReport = { packetsReceived: 0, audioPlaying: false };

export function createControl(ctx: CloudContext, agentProbe: () => AgentMediaProbe | undefined): FakeVonageControl {
  const requireAgent = (agent: string) => {
    if (!ctx.state.findAgent(agent)) throw new CloudError(404, 'user:error:not-found', `Unknown agent ${agent}`);
  };
  return {
    ringAgent: (options) => ringAgent(ctx, options),
    cancelInvite: async (callId, reason, timing) =>
      timing ? armCancelOnAnswer(ctx, callId, reason, timing.delayMs ?? 0) : cancelInvite(ctx, callId, reason),
    hangup: async (callId) => {
      // A scripted caller of the contact center hangs up by its own leg id.
      if (ctx.contactCenter?.snapshots().some((call) => call.id === callId && call.origin === 'scripted')) ctx.contactCenter.callerHangsUp(callId);
      else remoteHangup(ctx, callId);
    },
    setCallee: async (options) => {
      ctx.callee = { ...options };
    },
    calls: async () => ctx.state.snapshots(),
    mediaStats: async (callId) => {
      const probe = agentProbe();
      const [farEndPacketsReceived, agent] = await Promise.all([
        ctx.media.packetsReceived(callId),
        probe ? probe(callId).catch(() => noAgentMedia) : Promise.resolve(noAgentMedia),
      ]);
      const relayed = ctx.media.relayedFrames?.(callId);
      const websocket = ctx.media.websocketStats?.(callId);
      return {
        farEndPacketsReceived,
        agentPacketsReceived: agent.packetsReceived,
        agentAudioPlaying: agent.audioPlaying,
        ...(agent.outputDeviceId === undefined ? {} : { agentAudioOutputDevice: agent.outputDeviceId }),
        ...(agent.microphone === undefined ? {} : { agentMicrophone: agent.microphone }),
        ...(relayed === undefined ? {} : { relayedToOtherAgent: relayed }),
        ...(websocket === undefined ? {} : { websocket }),
      };
    },
    expireSession: async (agent) => {
      requireAgent(agent);
      ctx.hub.expireUser(agent);
    },
    dropConnection: async (agent, options) => {
      requireAgent(agent);
      ctx.hub.dropUser(agent, options?.offlineMs);
    },
    reset: async () => resetCloud(ctx),
    setMaxSessions: async (max) => {
      if (!Number.isInteger(max) || max < 1) throw new CloudError(400, 'http:error:validation-fail', 'max must be a whole number of at least 1');
      ctx.hub.maxSessionsPerUser = max;
    },
    breakMedia: async (callId, options) => breakCallMedia(ctx, callId, options),
    degradeCall: async (callId, options) => degradeCallMedia(ctx, callId, options),
    restoreCall: async (callId) => restoreCallMedia(ctx, callId),
    sessions: async (agent) => {
      requireAgent(agent);
      return ctx.hub.sessionSnapshots(agent);
    },
    restoreNetwork: async (agent) => {
      requireAgent(agent);
      ctx.hub.restoreUser(agent);
    },
    phones: async () => ctx.phones?.snapshots() ?? [],
    contactCenter: async () => ctx.contactCenter?.info() ?? { number: demoContactCenterNumber, inboundFlow: { kind: 'ivr' } },
    setInboundFlow: async (flow) => needsEmulator(ctx).setInboundFlow(flow),
    callContactCenter: async (options) => needsEmulator(ctx).callFromScript(options?.from),
    sendDigits: async (callerLegId, digits) => needsEmulator(ctx).sendDigits(callerLegId, digits),
    callerPresses: async (callId, digits) => callerPressesKeys(ctx, callId, digits),
    contactCenterCalls: async () => ctx.contactCenter?.snapshots() ?? [],
  };
}
