import type { OutputRouting } from './audio-output';
import type { CallStatsSample } from './call-stats';
import type { ConversationDetails, ConversationLiveEvent, ConversationRef } from './conversation-details';
import type { VoiceEvent } from './voice-event';
import type { DialTarget } from '@/lib/dial-target';

export type { DialTarget } from '@/lib/dial-target';

/** Everything the store needs from the voice SDK; the Vonage adapter implements it, unit tests fake it. */
export interface VoiceAdapter {
  /**
   * Resolves with the session id. `resumeSessionId`: the session a reloaded page had, so the cloud keeps
   * treating this page as the same session (its calls, its pending events).
   */
  createSession(token: string, resumeSessionId?: string): Promise<string>;
  /**
   * Takes over a call this page does not know yet (it was answered before a reload): the SDK fetches the
   * leg and the agent's member, and renegotiates media. Resolves once the cloud accepted the new offer.
   */
  reconnectCall(callId: string): Promise<void>;
  deleteSession(): Promise<void>;
  refreshSession(token: string): Promise<void>;
  answer(callId: string): Promise<void>;
  reject(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  /** Resolves with the call id once the agent's leg has joined. */
  dial(target: DialTarget): Promise<string>;
  setMuted(callId: string, muted: boolean): Promise<void>;
  /** Earmuffed, the agent hears nothing from the call (the cloud stops sending it); confirmed by `earmuff`. */
  setEarmuffed(callId: string, earmuffed: boolean): Promise<void>;
  sendDtmf(callId: string, digits: string): Promise<void>;
  /** The agent's side of a call's media: RTP packets received, and whether the far end is being played. */
  /**
   * `outputDeviceId`: the device the SDK's audio output plays on ('' = the default), where the browser can
   * choose one; `microphone`: the label of the microphone the call sends.
   */
  mediaReport(callId: string): Promise<{ packetsReceived: number; audioPlaying: boolean; outputDeviceId?: string; microphone?: string }>;
  /** The microphone track the call sends (for a level meter), without opening the microphone again. */
  localAudioTrack(callId: string): MediaStreamTrack | undefined;
  /** Call audio plays on this output device ('' = the default), now and on every later call. */
  setOutputDevice(deviceId: string): Promise<OutputRouting>;
  /**
   * Sends from this microphone ('' = the default): calls in progress switch at once (rejects with a sentence
   * for the agent if the device cannot be opened; the call keeps its microphone), later calls open it.
   */
  setInputDevice(deviceId: string): Promise<void>;
  /** One sample of a call's audio stats (for call quality); undefined when the call has no peer connection. */
  callStats(callId: string): Promise<CallStatsSample | undefined>;
  /**
   * Releases what the SDK holds for a call the app has ended, whatever the SDK's own promises did: closes its
   * peer connection, stops its microphone track, and stops an audio output left with nothing to play.
   * Synchronous and safe to call twice or for a call the SDK never knew.
   */
  releaseMedia(callId: string): void;
  /** A call's conversation (members, chat events) from the cloud, for Call details; ended calls too. */
  conversationDetails(ref: ConversationRef): Promise<ConversationDetails>;
  /** Live events of every call's conversation, for Call details' timeline; returns the unsubscribe function. */
  subscribeConversationEvents(listener: (event: ConversationLiveEvent) => void): () => void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: VoiceEvent) => void): () => void;
  /** Removes every SDK listener the adapter registered. */
  dispose(): void;
}

/** Where the SDK connects: a Vonage region, explicit URLs (live), or the in-page fake cloud (demo). */
export interface VoiceEndpoints {
  region?: 'US' | 'EU' | 'AP';
  apiUrl?: string;
  websocketUrl?: string;
  websocketPath?: string;
}

export interface VoiceAdapterOptions {
  endpoints: VoiceEndpoints;
  /** Vonage's RTC stats telemetry goes to a third-party host: only in live mode. */
  rtcStatsTelemetry: boolean;
}
