// The in-page fake Vonage cloud: MSW handlers that the real @vonage/client-sdk talks to, plus the control
// API that plays the far end. The app starts MSW's worker with `handlers` BEFORE importing the SDK (the
// SDK's socket library captures window.WebSocket when it loads).
import type { RequestHandler, WebSocketHandler } from 'msw';
import { callRoutes } from './call-routes';
import { CallTimers } from './call-timers';
import { defaultTiming, type CloudContext, type CloudTiming } from './cloud-context';
import { randomIdFactory } from './cloud-ids';
import { CloudState } from './cloud-state';
import type { FakeVonageControl } from './control-api';
import { createControl, type AgentMediaProbe } from './fake-vonage-control';
import type { FarEndMedia } from './far-end-media';
import { fallbackRoutes } from './fallback-routes';
import { sessionRoutes } from './session-routes';
import type { HeartbeatOptions } from './socket-connection';
import { createSocketHandler } from './socket-handler';
import { SocketHub } from './socket-hub';
import { WebRtcFarEndMedia } from './webrtc-far-end-media';

export interface FakeCloudEndpoints {
  apiUrl: string;
  websocketUrl: string;
  websocketPath: string;
}

export interface FakeCloudOptions {
  endpoints: FakeCloudEndpoints;
  agents: readonly { userName: string; userId: string; displayName: string }[];
  /** Test seams; the defaults are real WebRTC, Vonage-like timers and a 25 s / 20 s heartbeat. */
  media?: FarEndMedia;
  timing?: Partial<CloudTiming>;
  heartbeat?: HeartbeatOptions;
}

export interface FakeCloud {
  handlers: Array<RequestHandler | WebSocketHandler>;
  control: FakeVonageControl;
  /** The app registers how to read the agent's inbound RTP packet count for a call (it uses the SDK's getPeerConnection). */
  setAgentMediaProbe(probe: AgentMediaProbe): void;
}

const defaultHeartbeat: HeartbeatOptions = { pingIntervalMs: 25_000, pingTimeoutMs: 20_000 };

export function createFakeCloud(options: FakeCloudOptions): FakeCloud {
  const ids = randomIdFactory();
  const state = new CloudState(options.agents, ids);
  const ctx: CloudContext = {
    state,
    ids,
    hub: new SocketHub(state),
    media: options.media ?? new WebRtcFarEndMedia(),
    timers: new CallTimers(),
    timing: { ...defaultTiming, ...options.timing },
    callee: { behaviour: 'answer' },
  };
  let agentProbe: AgentMediaProbe | undefined;
  const { apiUrl, websocketUrl } = options.endpoints;
  const heartbeat = options.heartbeat ?? defaultHeartbeat;

  return {
    handlers: [
      ...sessionRoutes(ctx, apiUrl, websocketUrl),
      ...callRoutes(ctx, apiUrl),
      ...fallbackRoutes(apiUrl),
      createSocketHandler({ state, hub: ctx.hub, heartbeat }, options.endpoints),
    ],
    control: createControl(ctx, () => agentProbe),
    setAgentMediaProbe: (probe) => {
      agentProbe = probe;
    },
  };
}
