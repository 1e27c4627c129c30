import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TokenResponse } from '@/contracts/token-api';
import type { ParsedDialInput } from '@/lib/dial-target';
import type { MicrophoneCheck } from '@/voice/microphone-check';
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import { applySoftphoneEvent } from './apply-softphone-event';
import type { ActionEvent } from './softphone-event';
import { initialSoftphoneState, type SoftphoneState } from './softphone-state';
import { createTokenRefresher } from './token-refresher';

export { tokenRefreshLeadMs } from './token-refresher';

export interface SoftphoneDependencies {
  /** Loads (once) and returns the voice adapter; in demo mode only after the fake cloud runs. */
  loadAdapter(): Promise<VoiceAdapter>;
  requestToken(userName: string): Promise<TokenResponse>;
  /** Async because number parsing lives in a lazily loaded chunk. */
  parseDialInput(input: string): Promise<ParsedDialInput>;
  /** Asked before answering or dialing, so a blocked microphone gets a clear message and the call survives. */
  checkMicrophone(): Promise<MicrophoneCheck>;
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

export function createSoftphoneStore(deps: SoftphoneDependencies): SoftphoneStore {
  let adapter: VoiceAdapter | undefined;
  let dialCount = 0;
  /** Set from the moment Call is pressed until the dial is in the state, so a double click dials once. */
  let dialStarting = false;
  const hangupsIssued = new Set<string>();
  const muteConfirmationTimers = new Map<string, () => void>();

  const store: SoftphoneStore = createStore<SoftphoneState & { actions: SoftphoneActions }>()(() => ({
    ...initialSoftphoneState,
    actions: createActions(),
  }));
  const state = () => store.getState();
  // Replace, not merge: the reducer removes keys (a cleared error) and a merge would keep the old ones.
  const dispatch = (event: ActionEvent | VoiceEvent) =>
    store.setState(
      (current) => ({ ...applySoftphoneEvent(current, { ...event, at: deps.now() }), actions: current.actions }),
      true,
    );

  const tokenRefresher = createTokenRefresher({
    now: deps.now,
    setTimer: deps.setTimer,
    async refresh(stillWanted) {
      const agent = state().agent;
      if (!agent || !adapter) return undefined;
      const token = await deps.requestToken(agent.userName);
      if (!stillWanted()) return undefined;
      await adapter.refreshSession(token.jwt);
      if (!stillWanted()) return undefined;
      const expiresAt = Date.parse(token.expires_at);
      dispatch({ type: 'token-refreshed', expiresAt });
      return expiresAt;
    },
  });

  function cancelMuteConfirmation(callId: string) {
    muteConfirmationTimers.get(callId)?.();
    muteConfirmationTimers.delete(callId);
  }

  function onVoiceEvent(event: VoiceEvent) {
    dispatch(event);
    if (event.type === 'mute') cancelMuteConfirmation(event.callId);
    if (event.type === 'media-disconnect') {
      // The SDK tells the cloud nothing when media is lost; hang up so the far end is not left on a dead line.
      adapter?.hangup(event.callId).catch(() => undefined);
    }
    if (event.type === 'session-error') tokenRefresher.stop();
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

  /** Hangs a call up once, however many paths ask (the button, a dial resolving, sign-out). */
  async function issueHangup(voice: VoiceAdapter, callId: string) {
    if (hangupsIssued.has(callId)) return;
    hangupsIssued.add(callId);
    try {
      await voice.hangup(callId);
      // callHangup normally follows from the cloud; if it never does, the call must not stay on screen.
      deps.setTimer(() => dispatch({ type: 'hangup-unconfirmed', callId }), confirmationTimeoutMs);
    } catch (error) {
      hangupsIssued.delete(callId);
      dispatch({ type: 'hangup-failed', callId, message: `Could not hang up. ${describeVoiceError(error)}` });
    }
  }

  // A hoisted function: the store above is created first, and the actions only read it when called.
  function createActions(): SoftphoneActions {
    return {
      async signIn(agentName) {
        const name = agentName.trim();
        const connection = state().connection;
        if (connection === 'fetching-token' || connection === 'connecting' || connection === 'ready' || connection === 'reconnecting') {
          return;
        }
        if (name === '') {
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
          tokenRefresher.start(expiresAt);
        } catch (error) {
          dispatch({ type: 'sign-in-failed', message: `Could not connect to the voice service. ${describeVoiceError(error)}` });
        }
      },

      async signOut() {
        tokenRefresher.stop();
        const voice = adapter;
        if (voice) {
          // Hang up first: deleteSession alone leaves the media running and the far end connected. A dial
          // still waiting for its id is hung up when the id arrives (see dial).
          const open = Object.values(state().calls).filter((call) => call.state !== 'ended' && call.id !== call.localId);
          await Promise.allSettled(
            open.map((call) => (call.state === 'ringing' ? voice.reject(call.id) : issueHangup(voice, call.id))),
          );
          await voice.deleteSession().catch(() => undefined);
        }
        dispatch({ type: 'signed-out' });
      },

      async answer(callId) {
        const voice = adapter;
        if (!voice || state().calls[callId]?.state !== 'ringing') return;
        dispatch({ type: 'answer-requested', callId });
        const microphone = await deps.checkMicrophone();
        if (!microphone.ok) {
          dispatch({ type: 'answer-blocked', callId, message: microphone.message });
          return;
        }
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
          // The SDK fires no event for the agent's own reject.
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
        await issueHangup(voice, callId);
      },

      async toggleMute(callId) {
        const voice = adapter;
        const call = state().calls[callId];
        if (!voice || !call || call.state !== 'active' || call.mutePending) return;
        dispatch({ type: 'mute-requested', callId });
        cancelMuteConfirmation(callId);
        try {
          // The new state shows only when the SDK's `mute` event confirms it.
          await voice.setMuted(callId, !call.muted);
          if (state().calls[callId]?.mutePending) {
            muteConfirmationTimers.set(
              callId,
              deps.setTimer(() => {
                muteConfirmationTimers.delete(callId);
                dispatch({ type: 'mute-unconfirmed', callId });
              }, confirmationTimeoutMs),
            );
          }
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
        const busy = Object.values(state().calls).some(
          (call) => call.state === 'active' || (call.direction === 'outbound' && call.state !== 'ended'),
        );
        if (dialStarting) return;
        if (busy) {
          dispatch({ type: 'dial-invalid', message: 'Finish the current call before placing another.' });
          return;
        }
        dialStarting = true;
        let parsed: ParsedDialInput;
        let microphone: MicrophoneCheck = { ok: true };
        try {
          parsed = await deps.parseDialInput(input);
          if (parsed.ok) microphone = await deps.checkMicrophone();
        } finally {
          dialStarting = false;
        }
        if (!parsed.ok) {
          dispatch({ type: 'dial-invalid', message: parsed.message });
          return;
        }
        if (!microphone.ok) {
          dispatch({ type: 'dial-invalid', message: microphone.message });
          return;
        }
        dialCount += 1;
        const localId = `dial-${dialCount}`;
        dispatch({ type: 'dial-requested', localId, target: parsed.target, display: parsed.display });
        let callId: string;
        try {
          callId = await voice.dial(parsed.target);
        } catch (error) {
          dispatch({ type: 'dial-failed', localId, message: `The call could not be placed. ${describeVoiceError(error)}` });
          return;
        }
        dispatch({ type: 'dial-succeeded', localId, callId });
        const call = state().calls[callId];
        // Hung up while the id was unknown, or signed out meanwhile: the far end must not stay connected.
        if (!call || (call.hangupPending && call.state !== 'ended')) await issueHangup(voice, callId);
      },

      dismissSummary(callId) {
        dispatch({ type: 'summary-dismissed', callId });
      },
    };
  }

  return store;
}
