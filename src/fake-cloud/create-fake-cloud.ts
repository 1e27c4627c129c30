// The in-page fake Vonage cloud: MSW handlers that the real @vonage/client-sdk talks to, plus the control
// API that plays the far end. The app starts MSW's worker with `handlers` BEFORE importing the SDK (the
// SDK's socket library captures window.WebSocket when it loads).
import type { RequestHandler, WebSocketHandler } from 'msw';
import { callRoutes } from './call-routes.ts';
import { CallTimers } from './call-timers.ts';
import { defaultTiming, type CloudContext, type CloudTiming } from './cloud-context.ts';
import { randomIdFactory } from './cloud-ids.ts';
import { CloudState } from './cloud-state.ts';
import { conversationRoutes } from './conversation-routes.ts';
import type { FakeVonageControl } from './control-api.ts';
import { createControl, type AgentMediaProbe } from './fake-vonage-control.ts';
import type { FarEndMedia } from './far-end-media.ts';
import { ContactCenterCalls } from './ncco/contact-center-calls.ts';
import type { ContactCenterOptions } from './ncco/contact-center-port.ts';
import { OrphanedLegWatch } from './orphaned-legs.ts';
import { voiceApiRoutes } from './voice-api/voice-api-routes.ts';
import { PhoneLines } from './phone-lines.ts';
import { fallbackRoutes } from './fallback-routes.ts';
import { restTokenGuard } from './rest-token-guard.ts';
import { sessionRoutes } from './session-routes.ts';
import type { HeartbeatOptions, SocketConnectionDeps } from './socket-connection.ts';
import { createSocketHandler } from './socket-handler.ts';
import { SocketHub } from './socket-hub.ts';
import { demoTokenCheck, type TokenCheck } from './token-check.ts';
import { usersApiRoutes } from './users-api-routes.ts';
import { WebRtcFarEndMedia } from './webrtc-far-end-media.ts';

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
  /** The contact center's backend (the emulator): its number's calls and agents' outbound calls run its NCCOs. */
  contactCenter?: ContactCenterOptions;
  /** Where the Voice API (`/v1/calls`, transfers) is served; only hosts with a contact center need it. */
  voiceApiUrl?: string;
  /** How tokens are checked; default: the demo's unsigned tokens, trusted for their `sub`. */
  tokens?: TokenCheck;
  /** Where the Users API (`/v1/users`) is served, for a backend that signs its own tokens; needs `tokens`. */
  usersApiUrl?: string;
}

export interface FakeCloud {
  /** Everything, for the in-page host: REST routes and the MSW WebSocket interceptor. */
  handlers: Array<RequestHandler | WebSocketHandler>;
  /** REST routes only, for a host that serves real HTTP (MSW's getResponse answers real requests). */
  restHandlers: RequestHandler[];
  /** What a host needs to carry the SDK's socket itself (see acceptSocket). */
  socket: SocketConnectionDeps;
  control: FakeVonageControl;
  /** Simulated PSTN phones; a host that carries Phone pages registers them here (the emulator does). */
  phones: PhoneLines;
  /** Stops the cloud's own timers (the orphaned-leg watch, session expiries); the host is shutting down. */
  dispose(): void;
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
  const phones = new PhoneLines(ctx, options.agents.map((agent) => agent.userName));
  ctx.phones = phones;
  if (options.contactCenter) ctx.contactCenter = new ContactCenterCalls(ctx, options.contactCenter);
  let agentProbe: AgentMediaProbe | undefined;
  const orphanedLegs = new OrphanedLegWatch(ctx);
  orphanedLegs.start();
  const { apiUrl, websocketUrl } = options.endpoints;
  const heartbeat = options.heartbeat ?? defaultHeartbeat;
  const tokens = options.tokens ?? demoTokenCheck;
  const restHandlers = [
    ...(tokens.guardsRest ? restTokenGuard(state, tokens, apiUrl, websocketUrl) : []),
    ...(options.usersApiUrl === undefined ? [] : usersApiRoutes(state, tokens, options.usersApiUrl)),
    ...sessionRoutes(ctx, tokens, apiUrl, websocketUrl),
    ...callRoutes(ctx, apiUrl),
    ...conversationRoutes(ctx, apiUrl),
    ...(options.voiceApiUrl === undefined ? [] : voiceApiRoutes(ctx, options.voiceApiUrl)),
    ...fallbackRoutes(apiUrl),
  ];
  const socket: SocketConnectionDeps = { state, hub: ctx.hub, heartbeat, tokens };

  return {
    handlers: [...restHandlers, createSocketHandler(socket, options.endpoints)],
    restHandlers,
    socket,
    control: createControl(ctx, () => agentProbe),
    dispose: () => {
      orphanedLegs.stop();
      ctx.hub.expiry.clearAll();
    },
    phones,
    setAgentMediaProbe: (probe) => {
      agentProbe = probe;
    },
  };
}
