import type { DialTarget } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import type { RecoverableCall } from './recovery-record';
import type { Agent, AgentPreferences, Availability, DialRefusal } from './softphone-state';

/** What the store's actions report: the other half of what `applySoftphoneEvent` folds into state. */
export type ActionEvent =
  | { type: 'sign-in-started'; agentName: string }
  | { type: 'token-received'; expiresAt: number }
  | { type: 'session-created'; sessionId: string; agent: Agent }
  | { type: 'sign-in-failed'; message: string }
  | { type: 'signed-out' }
  | { type: 'token-refreshed'; expiresAt: number }
  /** Renewing the token failed `failures` times in a row; the next try is due at `nextAttemptAt`. */
  | { type: 'token-refresh-failed'; failures: number; nextAttemptAt: number; expiresAt: number; reason: string }
  /** After a lost connection the softphone tries again by itself; `attempt` counts from 1. */
  | { type: 'auto-reconnect-scheduled'; attempt: number; nextAttemptAt: number }
  | { type: 'answer-requested'; callId: string }
  | { type: 'answer-succeeded'; callId: string }
  | { type: 'answer-failed'; callId: string; message: string }
  /** Answering was not attempted (the microphone is blocked): the invite keeps ringing. */
  | { type: 'answer-blocked'; callId: string; message: string }
  | { type: 'reject-requested'; callId: string }
  | { type: 'call-rejected'; callId: string }
  | { type: 'reject-failed'; callId: string; message: string }
  /** What was typed cannot be called. */
  | { type: 'dial-invalid'; message: string }
  /** The input is fine but no call can be placed now (not Ready, already on a call, microphone blocked). */
  | { type: 'dial-refused'; message: string; cause: DialRefusal }
  | { type: 'dial-edited' }
  | { type: 'dial-requested'; localId: string; target: DialTarget; display: string }
  | { type: 'dial-succeeded'; localId: string; callId: string }
  | { type: 'dial-failed'; localId: string; message: string }
  | { type: 'hangup-requested'; callId: string }
  | { type: 'hangup-failed'; callId: string; message: string }
  /** The cloud never confirmed a hangup the SDK had already carried out: end the call locally. */
  | { type: 'hangup-unconfirmed'; callId: string }
  | { type: 'mute-unconfirmed'; callId: string }
  | { type: 'mute-requested'; callId: string }
  | { type: 'mute-failed'; callId: string; message: string }
  | { type: 'dtmf-failed'; callId: string; message: string }
  /** `hold`: true to hold (mute + earmuff), false to resume; the SDK's events confirm each half. */
  | { type: 'hold-requested'; callId: string; hold: boolean }
  | { type: 'hold-failed'; callId: string; message: string }
  /** The cloud did not confirm both halves of a hold or resume in time. */
  | { type: 'hold-unconfirmed'; callId: string }
  /** The agent's remembered settings, read at sign-in. */
  | { type: 'preferences-loaded'; preferences: AgentPreferences }
  | { type: 'availability-changed'; availability: Availability }
  | { type: 'preferences-changed'; wrapUpSeconds: number; autoAnswerSeconds: number | undefined }
  /** Wrap-up is over: its countdown ran out, or the agent pressed Ready for calls. */
  | { type: 'wrap-up-ended' }
  | { type: 'transfer-requested'; callId: string }
  | { type: 'transfer-failed'; callId: string; message: string }
  /** The backend moved the other party; the agent's own leg has been hung up. */
  | { type: 'transfer-confirmed'; callId: string; to: string }
  | { type: 'call-transferred'; callId: string; to: string }
  /** A call answered before the page reloaded is on screen again while this page takes it back. */
  | { type: 'call-resuming'; call: RecoverableCall }
  | { type: 'call-resumed'; callId: string }
  | { type: 'call-resume-failed'; callId: string; message: string }
  | { type: 'summary-dismissed'; callId: string }
  /** Every ended call's summary at once. */
  | { type: 'summaries-dismissed' };

/** Every event carries the instant it happened, so the reducer stays pure. */
export type SoftphoneEvent = (VoiceEvent | ActionEvent) & { at: number };
