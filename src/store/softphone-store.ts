import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TokenResponse } from '@/contracts/token-api';
import type { ParsedDialInput } from '@/lib/dial-target';
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { applySoftphoneEvent } from './apply-softphone-event';
import type { ActionEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';

export interface SoftphoneDependencies {
  /** Loads (once) and returns the voice adapter; in demo mode only after the fake cloud runs. */
  loadAdapter(): Promise<VoiceAdapter>;
  requestToken(userName: string): Promise<TokenResponse>;
  /** Async because number parsing lives in a lazily loaded chunk. */
  parseDialInput(input: string): Promise<ParsedDialInput>;
  now(): number;
  setTimer(callback: () => void, delayMs: number): () => void;
}

export interface SoftphoneActions {
  signIn(agentName: string): Promise<void>;
  signOut(): Promise<void>;
  answer(callId: string): Promise<void>;
  reject(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  toggleMute(callId: string): Promise<void>;
  sendDtmf(callId: string, digits: string): Promise<void>;
  dial(input: string): Promise<void>;
  dismissSummary(callId: string): void;
}

export type SoftphoneStore = StoreApi<SoftphoneState & { actions: SoftphoneActions }>;

/** How long to wait for the cloud to confirm a hangup or a mute before the app settles it itself. */
export const confirmationTimeoutMs = 5_000;
/** Refresh the token this long before it expires, so an agent's shift never hits an expired session. */
export const tokenRefreshLeadMs = 60_000;
const tokenRefreshRetryMs = 30_000;

export function createSoftphoneStore(deps: SoftphoneDependencies): SoftphoneStore {
  let adapter: VoiceAdapter | undefined;
  let cancelRefresh: (() => void) | undefined;
  let dialCount = 0;

  const store: SoftphoneStore = createStore<SoftphoneState & { actions: SoftphoneActions }>()(() => ({
    ...initialSoftphoneState,
    actions: createActions(),
  }));
  const state = () => store.getState();
  const dispatch = (event: ActionEvent | VoiceEvent) =>
    store.setState((current) => applySoftphoneEvent(current, { ...event, at: deps.now() }));

  function onVoiceEvent(event: VoiceEvent) {
    dispatch(event);
    if (event.type === 'media-disconnect') {
      // The SDK tells the cloud nothing when media is lost; hang up so the far end is not left on a dead line.
      adapter?.hangup(event.callId).catch(() => undefined);
    }
    if (event.type === 'session-error') stopTokenRefresh();
  }

  async function getAdapter(): Promise<VoiceAdapter> {
    if (adapter) return adapter;
    const loaded = await deps.loadAdapter();
    if (!adapter) {
      adapter = loaded;
      adapter.subscribe(onVoiceEvent);
    }
    return adapter;
  }

  function stopTokenRefresh() {
    cancelRefresh?.();
    cancelRefresh = undefined;
  }

  function scheduleTokenRefresh(expiresAt: number) {
    stopTokenRefresh();
    const delay = Math.max(expiresAt - tokenRefreshLeadMs - deps.now(), 5_000);
    cancelRefresh = deps.setTimer(() => void refreshToken(), delay);
  }

  async function refreshToken() {
    const agent = state().agent;
    if (!agent || !adapter || state().connection === 'signed-out') return;
    try {
      const token = await deps.requestToken(agent.userName);
      await adapter.refreshSession(token.jwt);
      const expiresAt = Date.parse(token.expires_at);
      dispatch({ type: 'token-refreshed', expiresAt });
      scheduleTokenRefresh(expiresAt);
    } catch {
      // The current token still works until it expires; keep trying until then.
      cancelRefresh = deps.setTimer(() => void refreshToken(), tokenRefreshRetryMs);
    }
  }

  // A hoisted function: the store above is created first, and the actions only read it when called.
  function createActions(): SoftphoneActions {
    return {
    async signIn(agentName) {
      const name = agentName.trim();
      const connection = state().connection;
      if (connection === 'fetching-token' || connection === 'connecting') return;
      if (name === '') {
        dispatch({ type: 'sign-in-started', agentName: name });
        dispatch({ type: 'sign-in-failed', message: 'Enter your agent name to sign in.' });
        return;
      }
      dispatch({ type: 'sign-in-started', agentName: name });
      // Download the SDK while the token is on its way.
      const adapterReady = getAdapter();
      adapterReady.catch(() => undefined);
      let token: TokenResponse;
      try {
        token = await deps.requestToken(name);
      } catch (error) {
        dispatch({ type: 'sign-in-failed', message: error instanceof Error ? error.message : String(error) });
        return;
      }
      const expiresAt = Date.parse(token.expires_at);
      dispatch({ type: 'token-received', agent: { userName: token.user_name, userId: token.user_id }, expiresAt });
      try {
        const voice = await adapterReady;
        const sessionId = await voice.createSession(token.jwt);
        dispatch({ type: 'session-created', sessionId });
        scheduleTokenRefresh(expiresAt);
      } catch (error) {
        dispatch({ type: 'sign-in-failed', message: `Could not connect to the voice service. ${describeVoiceError(error)}` });
      }
    },

    async signOut() {
      stopTokenRefresh();
      const voice = adapter;
      if (voice) {
        // Hang up first: deleteSession alone leaves the media running and the far end connected.
        const open = Object.values(state().calls).filter((call) => call.state !== 'ended' && call.id !== call.localId);
        await Promise.allSettled(
          open.map((call) => (call.state === 'ringing' ? voice.reject(call.id) : voice.hangup(call.id))),
        );
        await voice.deleteSession().catch(() => undefined);
      }
      dispatch({ type: 'signed-out' });
    },

    async answer(callId) {
      const voice = adapter;
      if (!voice || state().calls[callId]?.state !== 'ringing') return;
      dispatch({ type: 'answer-requested', callId });
      try {
        await voice.answer(callId);
        dispatch({ type: 'answer-succeeded', callId });
      } catch (error) {
        dispatch({ type: 'answer-failed', callId, message: `Could not answer. ${describeVoiceError(error)}` });
      }
    },

    async reject(callId) {
      const voice = adapter;
      if (!voice || state().calls[callId]?.state !== 'ringing') return;
      try {
        await voice.reject(callId);
        dispatch({ type: 'call-rejected', callId });
      } catch (error) {
        dispatch({ type: 'reject-failed', callId, message: `Could not reject. ${describeVoiceError(error)}` });
      }
    },

    async hangup(callId) {
      const voice = adapter;
      const call = state().calls[callId];
      if (!voice || !call || call.state === 'ended' || call.hangupPending) return;
      dispatch({ type: 'hangup-requested', callId });
      // A dial still waiting for its call id is hung up as soon as the id arrives (see dial).
      if (call.id === call.localId) return;
      try {
        await voice.hangup(callId);
        deps.setTimer(() => dispatch({ type: 'hangup-unconfirmed', callId }), confirmationTimeoutMs);
      } catch (error) {
        dispatch({ type: 'hangup-failed', callId, message: `Could not hang up. ${describeVoiceError(error)}` });
      }
    },

    async toggleMute(callId) {
      const voice = adapter;
      const call = state().calls[callId];
      if (!voice || !call || call.state !== 'active' || call.mutePending) return;
      dispatch({ type: 'mute-requested', callId });
      try {
        // The new state shows only when the SDK's `mute` event confirms it.
        await voice.setMuted(callId, !call.muted);
        deps.setTimer(() => dispatch({ type: 'mute-unconfirmed', callId }), confirmationTimeoutMs);
      } catch (error) {
        dispatch({ type: 'mute-failed', callId, message: `Could not change mute. ${describeVoiceError(error)}` });
      }
    },

    async sendDtmf(callId, digits) {
      const voice = adapter;
      if (!voice || state().calls[callId]?.state !== 'active') return;
      await voice.sendDtmf(callId, digits).catch((error: unknown) =>
        dispatch({ type: 'dtmf-failed', callId, message: `Could not send the keypad tones. ${describeVoiceError(error)}` }),
      );
    },

    async dial(input) {
      const voice = adapter;
      if (!voice || state().connection !== 'ready') {
        dispatch({ type: 'dial-invalid', message: 'You can call once the softphone is Ready.' });
        return;
      }
      if (Object.values(state().calls).some((call) => call.state === 'active' || call.direction === 'outbound' && call.state !== 'ended')) {
        dispatch({ type: 'dial-invalid', message: 'Finish the current call before placing another.' });
        return;
      }
      const parsed = await deps.parseDialInput(input);
      if (!parsed.ok) {
        dispatch({ type: 'dial-invalid', message: parsed.message });
        return;
      }
      dialCount += 1;
      const localId = `dial-${dialCount}`;
      dispatch({ type: 'dial-requested', localId, target: parsed.target, display: parsed.display });
      try {
        const callId = await voice.dial(parsed.target);
        dispatch({ type: 'dial-succeeded', localId, callId });
        const call = state().calls[callId];
        if (call?.hangupPending && call.state !== 'ended') {
          await voice.hangup(callId).catch(() => undefined);
          deps.setTimer(() => dispatch({ type: 'hangup-unconfirmed', callId }), confirmationTimeoutMs);
        }
      } catch (error) {
        dispatch({ type: 'dial-failed', localId, message: `The call could not be placed. ${describeVoiceError(error)}` });
      }
    },

    dismissSummary(callId) {
      dispatch({ type: 'summary-dismissed', callId });
    },
    };
  }

  return store;
}
