// The demo against the shared local emulator on this page's origin: nothing is intercepted in the page; the
// SDK's REST and socket reach the emulator over the network like they would reach Vonage.
import type { AgentMediaReport, FakeVonageControl } from '@/fake-cloud/control-api';
import { emulatorControlClient, emulatorTokenBackendClient } from '@/fake-cloud/control-http-client';
import { fakeCloudEndpoints } from '@/fake-cloud/fake-endpoints';
import type { DemoBackend } from './start-demo-backend.ts';

export function connectToEmulator(): DemoBackend {
  const origin = window.location.origin;
  const remote = emulatorControlClient(origin);
  let agentProbe: ((callId: string) => Promise<AgentMediaReport>) | undefined;
  // The emulator counts its far end's packets; the agent's side is only visible here, in the agent's page.
  const control: FakeVonageControl = {
    ...remote,
    async mediaStats(callId) {
      const [farEnd, agent] = await Promise.all([
        remote.mediaStats(callId),
        agentProbe ? agentProbe(callId).catch(() => undefined) : Promise.resolve(undefined),
      ]);
      if (!agent) return farEnd;
      const output = agent.outputDeviceId === undefined ? {} : { agentAudioOutputDevice: agent.outputDeviceId };
      const microphone = agent.microphone === undefined ? {} : { agentMicrophone: agent.microphone };
      return { ...farEnd, agentPacketsReceived: agent.packetsReceived, agentAudioPlaying: agent.audioPlaying, ...output, ...microphone };
    },
  };
  window.fakeVonage = control;
  window.fakeTokenBackend = emulatorTokenBackendClient(origin);
  return {
    endpoints: fakeCloudEndpoints(origin),
    control,
    setAgentMediaProbe: (probe) => {
      agentProbe = probe;
    },
  };
}
