import type { VoiceEvent } from './voice-event';

/**
 * What to dial: a phone number in E.164 form, another agent (an app user) by name, or the sound check (the
 * backend's answer URL connects it to its echo, so the agent hears their own voice).
 */
export type DialTarget = { kind: 'phone'; e164: string } | { kind: 'agent'; userName: string } | { kind: 'sound-check' };

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
  mediaReport(callId: string): Promise<{ packetsReceived: number; audioPlaying: boolean }>;
  /** The microphone track the call sends (for a level meter), without opening the microphone again. */
  localAudioTrack(callId: string): MediaStreamTrack | undefined;
  /**
   * Releases what the SDK holds for a call the app has ended, whatever the SDK's own promises did: closes its
   * peer connection, stops its microphone track, and stops an audio output left with nothing to play.
   * Synchronous and safe to call twice or for a call the SDK never knew.
   */
  releaseMedia(callId: string): void;
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
