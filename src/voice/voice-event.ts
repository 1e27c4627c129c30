// The one typed event union the SDK adapter produces. SDK enum values are copied as string unions here so
// that nothing outside the adapter needs the SDK's types (and the SDK stays in its own lazy chunk).

export type SdkCancelReason = 'RemoteCancel' | 'AnsweredElsewhere' | 'RejectedElsewhere' | 'RemoteTimeout';
export type SdkHangupReason = 'REMOTE_HANGUP' | 'REMOTE_REJECT' | 'REMOTE_NO_ANSWER_TIMEOUT' | 'LOCAL_HANGUP' | 'MEDIA_TIMEOUT';
export type SdkLegStatus = 'RINGING' | 'ANSWERED' | 'COMPLETED';
export type SdkSessionErrorReason = 'EXPIRED_TOKEN' | 'TRANSPORT_CLOSED' | 'PING_TIMEOUT';
export type ChannelType = 'app' | 'phone' | 'sip' | 'websocket';

export type VoiceEvent =
  | { type: 'call-invite'; callId: string; from: string; channelType: ChannelType }
  | { type: 'call-invite-cancel'; callId: string; reason: SdkCancelReason }
  /** `mos`: the cloud's mean opinion score of the call's audio (1–5), when it sent one. */
  | { type: 'call-hangup'; callId: string; reason: SdkHangupReason; mos?: number }
  | { type: 'leg-status'; callId: string; legId: string; status: SdkLegStatus }
  | { type: 'mute'; callId: string; muted: boolean }
  /** The cloud confirmed the agent's earmuff (they hear nothing from the call) or its end. */
  | { type: 'earmuff'; callId: string; earmuffed: boolean }
  /** Keypad digits pressed by the other party of the call (the agent's own are not reported). */
  | { type: 'dtmf-received'; callId: string; digits: string }
  /** The call's audio path broke; the SDK is renegotiating it (autoReconnectMedia). */
  | { type: 'media-reconnecting'; callId: string }
  /** The audio path is back after `media-reconnecting`. */
  | { type: 'media-reconnected'; callId: string }
  /** The audio path is gone for good: lost with no repair, or every repair failed. */
  | { type: 'media-disconnect'; callId: string }
  | { type: 'session-error'; reason: SdkSessionErrorReason }
  /** The socket dropped; the SDK will try to reconnect (its own `reconnecting` comes seconds later). */
  | { type: 'connection-interrupted' }
  | { type: 'reconnecting' }
  | { type: 'reconnected' };
