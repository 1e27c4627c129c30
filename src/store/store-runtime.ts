// What the action modules share: the store's state and dispatch, its dependencies, and the voice adapter.
import type { TokenResponse } from '@/contracts/token-api';
import type { ParsedDialInput } from '@/lib/dial-target';
import type { MicrophoneCheck } from '@/voice/microphone-check';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import type { PreferencesStorage } from './preference-actions';
import type { RecoveryStorage } from './recovery-record';
import type { ActionEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';

/** What the backend needs to transfer a call: the agent's own token proves the call is theirs. */
export interface TransferRequest {
  callId: string;
  /** An E.164 number (`+44…`) or an agent's name, as the dialer parses it. */
  to: string;
  token: string;
}

export interface SoftphoneDependencies {
  /** Loads (once) and returns the voice adapter; in demo mode only after the fake cloud runs. */
  loadAdapter(): Promise<VoiceAdapter>;
  requestToken(userName: string): Promise<TokenResponse>;
  /** Async because number parsing lives in a lazily loaded chunk. */
  parseDialInput(input: string): Promise<ParsedDialInput>;
  /** Asked before answering or dialing, so a blocked microphone gets a clear message and the call survives. */
  checkMicrophone(): Promise<MicrophoneCheck>;
  /**
   * The last check found the microphone working, and the browser still grants it (microphone-readiness.ts):
   * Answer then leaves the check to the SDK's own getUserMedia, and checks only to explain a failed answer.
   */
  microphoneKnownWorking?(): boolean;
  now(): number;
  /** A number in [0, 1): spreads retries so a floor of agents does not reconnect in one instant. */
  random(): number;
  /** Subscribes to the browser's `online` event; returns the unsubscribe function. */
  onNetworkOnline(callback: () => void): () => void;
  setTimer(callback: () => void, delayMs: number): () => void;
  /** Asks the backend to transfer the call's other party; rejects with a sentence for the agent. */
  transferCall?(request: TransferRequest): Promise<void>;
  /** Where the session and its connected calls are kept across a page reload; absent, nothing is kept. */
  recoveryStorage?: RecoveryStorage;
  /** Where each agent's availability, wrap-up and auto-answer settings are kept between sessions. */
  preferencesStorage?: PreferencesStorage;
  /** The short tone that tells the agent an invite is being answered by itself. */
  playAutoAnswerTone?(): void;
  /**
   * With organisation sign-in: ends the backend's session (its cookie) after the Vonage session, so Sign out
   * leaves nothing that could mint another token. Rejects with a sentence for the agent.
   */
  endBackendSession?(): Promise<void>;
}

export interface StoreRuntime {
  deps: SoftphoneDependencies;
  state(): SoftphoneState;
  dispatch(event: ActionEvent | VoiceEvent): void;
  /** The adapter once loaded; actions that need a session use this and do nothing before sign-in. */
  adapter(): VoiceAdapter | undefined;
  loadAdapter(): Promise<VoiceAdapter>;
  /**
   * While a reloaded page takes its session back, the stored record must survive the states on the way
   * (signed out, connecting): it is written again only once this is called with false.
   */
  holdRecoveryRecord(held: boolean): void;
  /** The agent's current Vonage token, in memory only (never in state or storage): the transfer route needs it. */
  currentToken(): string | undefined;
  setCurrentToken(token: string | undefined): void;
  /**
   * Resolves true once `predicate` holds for the state (at once if it already does), false after `timeoutMs`
   * or at sign-out: how one action waits for another's confirmation (a hold before an answer).
   */
  whenState(predicate: (state: SoftphoneState) => boolean, timeoutMs: number): Promise<boolean>;
  /** A timer that sign-out cancels, so nothing from the last session fires into the next one. */
  sessionTimer(callback: () => void, delayMs: number): () => void;
}
