import type { ChannelType, SdkHangupReason } from '@/voice/voice-event';

/** Every connection state, in the order a sign-in goes through them; the type is derived from it. */
export const connectionStatuses = [
  'signed-out',
  'fetching-token',
  'connecting',
  'ready',
  'reconnecting',
  'offline',
  'session-expired',
  'error',
] as const;

export type ConnectionStatus = (typeof connectionStatuses)[number];

/** Why a dial was refused though the input was fine; each stops applying on its own (see selectDialError). */
export type DialRefusal = 'not-ready' | 'busy' | 'microphone' | 'unavailable';

export type CallDirection = 'inbound' | 'outbound';

/**
 * inbound: ringing -> answering -> active -> ended (or ringing -> ended).
 * outbound: dialing -> ringing -> active -> ended (or ended from any earlier state).
 */
export type CallState = 'ringing' | 'answering' | 'dialing' | 'active' | 'ended';

/** Why a call ended, in the app's words; the summary turns each into a sentence. */
export type CallEndReason =
  | 'remote-hangup'
  | 'local-hangup'
  | 'rejected'
  | 'remote-cancel'
  | 'remote-timeout'
  | 'answered-elsewhere'
  | 'rejected-elsewhere'
  | 'busy-or-declined'
  | 'no-answer'
  | 'media-timeout'
  | 'media-lost'
  | 'dial-failed'
  | 'answer-failed'
  | 'connection-lost'
  /** The agent handed the other party to someone else (`transferredTo` says who). */
  | 'transferred'
  /** The page reloaded during the call and could not take it back. */
  | 'resume-failed'
  /** Declined the moment it rang because the agent was Away, on Do not disturb, or in wrap-up. */
  | 'declined-away'
  | 'declined-do-not-disturb'
  | 'declined-wrap-up'
  | 'signed-out';

export interface Call {
  id: string;
  /** For outbound calls: the id the store used before the SDK gave the call id. */
  localId?: string;
  direction: CallDirection;
  state: CallState;
  /** The caller of an inbound call or the callee of an outbound one, as the SDK gave it. */
  remote: string;
  channelType: ChannelType;
  /** The agent's sound check (a call to the backend's echo): the call shows the microphone level. */
  soundCheck?: boolean;
  /** Epoch ms: when an inbound call started ringing, or when the agent pressed Call. */
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  endReason?: CallEndReason;
  /** A transfer request is on its way to the backend. */
  transferPending?: boolean;
  /** Set when the call ended by a transfer: the destination as the agent typed it, cleaned. */
  transferredTo?: string;
  /** The audio path broke and the SDK is repairing it: the call goes on, the agent is told. */
  audioReconnecting?: boolean;
  /** The mute state the SDK confirmed with its `mute` event. */
  muted: boolean;
  /** The earmuff state the SDK confirmed with its `earmuff` event: the agent hears nothing from the call. */
  earmuffed?: boolean;
  /**
   * On hold: muted and earmuffed, both confirmed. The browser SDK has no hold of its own, so hold is those two;
   * the button changes only once both are confirmed (and back once both are undone).
   */
  held?: boolean;
  /** A hold or resume is on its way: the mute and earmuff changes are not both confirmed yet. */
  holdPending?: 'hold' | 'resume';
  /** When the hold was confirmed: the On hold timer counts from here. */
  heldAt?: number;
  /** Whether the agent had muted the call before holding it: resuming keeps that mute. */
  mutedBeforeHold?: boolean;
  /** Keypad digits the other party pressed during the call, in order. */
  digitsReceived?: string;
  /** Auto-answer is on: the invite will be answered at this instant unless the agent acts first. */
  autoAnswerAt?: number;
  /** A mute or unmute request is on its way and not yet confirmed. */
  mutePending: boolean;
  hangupPending: boolean;
  rejectPending: boolean;
  /** Why the last action on this call failed, for the agent to read. */
  error?: string;
  /** `error` says the microphone is blocked: it stops applying once any call connects. */
  errorAboutMicrophone?: boolean;
}

/** Whether invites may ring: Away and Do not disturb decline them at once, so routing moves on. */
export type Availability = 'available' | 'away' | 'do-not-disturb';

/** The agent's shift settings, remembered per agent across reloads. */
export interface AgentPreferences {
  availability: Availability;
  /** Seconds of wrap-up after each connected call; 0 for none. */
  wrapUpSeconds: number;
  /** Seconds before an invite is answered by itself; undefined when auto-answer is off. */
  autoAnswerSeconds?: number;
}

export const defaultAgentPreferences: AgentPreferences = { availability: 'available', wrapUpSeconds: 0 };

export interface Agent {
  userName: string;
  userId: string;
}

export interface SoftphoneState {
  connection: ConnectionStatus;
  /** Set once a session is established and kept until sign-out, through offline spells and reconnects. */
  agent?: Agent;
  lastAgentName: string;
  sessionId?: string;
  tokenExpiresAt?: number;
  /** The token could not be renewed: the agent is told the next try and when the session would end. */
  /** `reason`: the last failure's sentence, from the token client (already cleaned and short). */
  tokenRenewal?: { failures: number; nextAttemptAt: number; expiresAt: number; reason: string };
  /** Set while the softphone reconnects by itself after a lost connection: the next try and its number. */
  autoReconnect?: { attempt: number; nextAttemptAt: number };
  /** A sentence for the agent about the connection (sign-in failures, lost session). */
  connectionError?: string;
  calls: Readonly<Record<string, Call>>;
  /** Why the last dial was not placed; `aboutInput` when the typed text is at fault. */
  dialError?: { message: string; aboutInput: boolean; cause: DialRefusal | 'input' };
  preferences: AgentPreferences;
  /** After a connected call: invites are declined until this instant, or until Ready for calls. */
  wrapUp?: { endsAt: number; afterCallId: string };
  /** SDK hangups for call ids not (yet) in `calls`: a dial may learn that id a moment later. */
  unmatchedHangups?: ReadonlyArray<{ callId: string; reason: SdkHangupReason; at: number }>;
}

export const initialSoftphoneState: SoftphoneState = {
  connection: 'signed-out',
  lastAgentName: '',
  calls: {},
  preferences: defaultAgentPreferences,
};
