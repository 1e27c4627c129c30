// The typed control surface of the fake Vonage cloud. In demo and test builds it is exposed as
// `window.fakeVonage`, so QA scenarios (through `page.evaluate`) and the Demo simulator panel drive the far end.
import type { InboundFlow, SetInboundFlowResult } from './ncco/contact-center-port.ts';
import type { ContactCenterCallSnapshot } from './ncco/contact-center-record.ts';
import type { PhoneSnapshot } from './phone-protocol.ts';
import type { DegradeCallOptions } from './media-degrade.ts';

/** Why the far end withdrew an invite; each maps to one SDK `callInviteCancel` reason. */
export type InviteCancelReason = 'remote-cancel' | 'remote-timeout' | 'answered-elsewhere' | 'rejected-elsewhere';

/**
 * When the caller withdraws an invite: now, or timed against the agent's answer (the moment the SDK's first
 * answer request reaches the cloud, plus `delayMs`), to reproduce races between Answer and a caller giving up.
 * If the call has been answered by then, the caller hangs up instead.
 */
export interface CancelTiming {
  when: 'agent-answers';
  delayMs?: number;
}

/** How the far end of the next outbound call behaves. */
export type CalleeBehaviour = 'answer' | 'busy' | 'no-answer';

export interface RingAgentOptions {
  /** Agent user name, e.g. 'Jane'. */
  agent: string;
  /** Caller ID: an E.164 number without '+' for phone callers (as Vonage sends it), a user name for app callers. */
  from: string;
  fromType?: 'phone' | 'app';
}

export interface CalleeOptions {
  behaviour: CalleeBehaviour;
  /** Ringing time before the callee answers, is found busy, or the ring times out. */
  afterMs?: number;
}

export type FakeCallState = 'ringing' | 'answered' | 'ended';

export interface FakeCallSnapshot {
  callId: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  agent: string;
  /** The remote party: the caller of an inbound call, the callee of an outbound one. */
  remote: string;
  state: FakeCallState;
  /** The reason code the cloud sent when the call ended (e.g. 'REMOTE_HANGUP'), once ended. */
  endReason?: string;
  /** The agent's leg is muted (the far end hears nothing from the agent): the SDK's mute, or a hold. */
  agentMuted: boolean;
  /** The agent's leg is earmuffed (the agent hears nothing from the call): a hold. */
  agentEarmuffed: boolean;
  /** DTMF digits the agent sent, in order. */
  dtmf: string;
}

export interface MediaStats {
  /** RTP packets the far end received from the agent. */
  farEndPacketsReceived: number;
  /** RTP packets the agent's SDK peer connection received from the far end. */
  agentPacketsReceived: number;
  /** Whether the SDK's audio output (what the agent hears) is playing the far end's stream. */
  agentAudioPlaying: boolean;
  /**
   * The device the SDK's audio output plays on (its `sinkId`, '' the default; absent where the browser cannot
   * choose one): checks the agent's Speaker choice. Measured in the agent's page, like agentAudioPlaying.
   */
  agentAudioOutputDevice?: string;
  /** The label of the microphone the agent's call sends (checks the Microphone choice, before and during a call). */
  agentMicrophone?: string;
  /**
   * Agent-to-agent calls on the emulator: audio frames of this agent that reached the other agent's far end
   * and were sent on to them (absent where the cloud cannot join two agents, the in-page cloud).
   */
  relayedToOtherAgent?: number;
  /**
   * Calls whose NCCO connected them to a websocket (the emulator only): binary audio frames the far end sent
   * to the socket (the agent's voice) and received from it (played to the agent).
   */
  websocket?: { framesSent: number; framesReceived: number };
}

/** What the app reports about the agent's side of a call's media. */
export interface AgentMediaReport {
  packetsReceived: number;
  audioPlaying: boolean;
  outputDeviceId?: string;
  microphone?: string;
}

export interface BreakMediaOptions {
  /**
   * `allow` (default): the cloud answers the SDK's renegotiation, so the audio comes back (the agent sees
   * Reconnecting audio… for a few seconds). `refuse`: every renegotiation fails, and after about 15 s the SDK
   * gives up (callMediaDisconnect) and the app ends the call.
   */
  repair?: 'allow' | 'refuse';
}

/** One session (a tab or device) of an agent as the cloud sees it. */
export interface FakeSessionSnapshot {
  sessionId: string;
  /** Sockets the session has open now: 0 while a tab reloads or its network is down. */
  openSockets: number;
}

export interface FakeVonageControl {
  ringAgent(options: RingAgentOptions): Promise<string>;
  cancelInvite(callId: string, reason: InviteCancelReason, timing?: CancelTiming): Promise<void>;
  /** The far end hangs up an answered call. */
  hangup(callId: string): Promise<void>;
  setCallee(options: CalleeOptions): Promise<void>;
  calls(): Promise<FakeCallSnapshot[]>;
  mediaStats(callId: string): Promise<MediaStats>;
  /** The cloud ends the agent's session as for an expired token (SDK sessionError EXPIRED_TOKEN). */
  expireSession(agent: string): Promise<void>;
  /**
   * The cloud drops the agent's socket without a goodbye; the SDK reconnects on its own. With `offlineMs`,
   * reconnect attempts are refused for that long, as while a network is down (the SDK gives up after 5
   * attempts, about 25 s, with sessionError TRANSPORT_CLOSED).
   */
  dropConnection(agent: string, options?: { offlineMs?: number }): Promise<void>;
  /**
   * The call's audio path breaks as a network change would break it: the far end vanishes without a word on
   * the signalling side, and the SDK notices within about 10 s (its peer connection goes `disconnected`).
   */
  breakMedia(callId: string, options?: BreakMediaOptions): Promise<void>;
  /**
   * The audio the agent receives on a connected call is degraded as on a bad network: `lossPercent` of the
   * far end's audio frames dropped (in short bursts), held back by up to twice `jitterMs` now and then; the
   * agent's stats show jitter and concealed audio. Emulator only. Until `restoreCall` or a renegotiation.
   */
  degradeCall(callId: string, options: DegradeCallOptions): Promise<void>;
  /** Ends `degradeCall`: the far end's audio flows cleanly again. */
  restoreCall(callId: string): Promise<void>;
  /** The agent's sessions (tabs, devices), including those whose socket is gone for now (a reload). */
  sessions(agent: string): Promise<FakeSessionSnapshot[]>;
  /** How many sessions (tabs, devices) one agent may have open at once; one more is refused (default 5). */
  setMaxSessions(max: number): Promise<void>;
  /** Back to an empty cloud: no calls, no sessions, no outage, the default callee, the IVR inbound flow (each scenario starts here). */
  reset(): Promise<void>;
  /** Ends an outage started by `dropConnection(..., { offlineMs })` early: new sockets are accepted again. */
  restoreNetwork(agent: string): Promise<void>;
  /**
   * The simulated PSTN phones (Phone pages) open now: number, status, call, keypad digits, the other party.
   * The in-page cloud of the static demo has none.
   */
  phones(): Promise<PhoneSnapshot[]>;
  /** The contact center's number (E.164 digits) and the flow its number answers with (emulator; the static demo: the number). */
  contactCenter(): Promise<{ number: string; inboundFlow: InboundFlow }>;
  /** Chooses the inbound flow; a custom NCCO must pass Vonage's checks, and an invalid one is never applied. */
  setInboundFlow(flow: InboundFlow): Promise<SetInboundFlowResult>;
  /** A scripted caller (a tone far end) dials the contact center's number; resolves to the caller's leg id. */
  callContactCenter(options?: { from?: string }): Promise<string>;
  /** The caller presses keys (DTMF) on a call to the contact center, for its `input` actions. */
  sendDigits(callerLegId: string, digits: string): Promise<void>;
  /** The other party of an answered call presses keys (0-9, * and #): the agent's SDK hears them as DTMF. */
  callerPresses(callId: string, digits: string): Promise<void>;
  /** Every call the contact center's NCCOs ran: caller, current action, prompts said, digits, outcome, error, events. */
  contactCenterCalls(): Promise<ContactCenterCallSnapshot[]>;
}

declare global {
  interface Window {
    fakeVonage?: FakeVonageControl;
  }
}
