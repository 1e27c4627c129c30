import { withTimeout } from '@/lib/with-timeout';
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { DialTarget, VoiceAdapter } from '@/voice/voice-adapter';
import type { VoiceEvent } from '@/voice/voice-event';
import type { StoreRuntime } from './store-runtime';

export interface CallActions {
  answer(callId: string): Promise<void>;
  reject(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  toggleMute(callId: string): Promise<void>;
  sendDtmf(callId: string, digits: string): Promise<void>;
  dial(input: string): Promise<void>;
  /** Calls the backend's echo (the call shows as *Sound check*): the agent hears their own voice. */
  soundCheck(): Promise<void>;
  /** The microphone track a connected call sends, for a level meter; undefined when there is none. */
  microphoneTrack(callId: string): MediaStreamTrack | undefined;
  /** The agent changed the dialer text: an old complaint about it no longer applies. */
  editDial(): void;
  dismissSummary(callId: string): void;
  dismissAllSummaries(): void;
}

/** How long to wait for the cloud to confirm a hangup or a mute before the app settles it itself. */
export const confirmationTimeoutMs = 5_000;
/** answer() waits for the cloud's member:joined and for media; it must not wait for ever. */
export const answerTimeoutMs = 20_000;
/** serverCall() resolves once the agent's leg joins; past this the agent is told and can try again. */
export const dialTimeoutMs = 45_000;

/** What a dial resolves to before it is placed: typed input parsed, or the sound check. */
type DialPlan = { ok: true; target: DialTarget; display: string } | { ok: false; message: string };

const soundCheckPlan: DialPlan = { ok: true, target: { kind: 'sound-check' }, display: 'Sound check' };

export function createCallActions(runtime: StoreRuntime) {
  const { deps, state, dispatch } = runtime;
  let dialCount = 0;
  /** Set from the moment Call is pressed until the dial is in the state, so a double click dials once. */
  let dialStarting = false;
  const hangupsIssued = new Set<string>();
  const muteConfirmations = new Map<string, () => void>();

  // Session timers: sign-out cancels them, so a deadline from the last session never fires into the next.
  const timeout = <T>(work: Promise<T>, ms: number, message: string) => withTimeout(work, ms, message, runtime.sessionTimer);

  function cancelMuteConfirmation(callId: string) {
    muteConfirmations.get(callId)?.();
    muteConfirmations.delete(callId);
  }

  /** Hangs a call up once, however many paths ask (the button, a dial resolving, sign-out). */
  async function issueHangup(voice: VoiceAdapter, callId: string) {
    if (hangupsIssued.has(callId)) return;
    hangupsIssued.add(callId);
    // callHangup normally follows from the cloud; if it never does, the call must not stay on screen.
    const settle = runtime.sessionTimer(() => dispatch({ type: 'hangup-unconfirmed', callId }), confirmationTimeoutMs);
    try {
      await voice.hangup(callId);
    } catch (error) {
      settle();
      hangupsIssued.delete(callId);
      dispatch({ type: 'hangup-failed', callId, message: `Could not hang up. ${describeVoiceError(error)}` });
    }
  }

  /** Before deleteSession: a session deleted with calls up leaves their media running and the far end on. */
  async function endCallsForSignOut(voice: VoiceAdapter) {
    const open = Object.values(state().calls).filter((call) => call.state !== 'ended' && call.id !== call.localId);
    await timeout(
      Promise.allSettled(open.map((call) => (call.state === 'ringing' ? voice.reject(call.id) : issueHangup(voice, call.id)))),
      confirmationTimeoutMs,
      'Hanging up before sign-out took too long',
    ).catch(() => undefined);
  }

  function onVoiceEvent(event: VoiceEvent) {
    if (event.type === 'mute') cancelMuteConfirmation(event.callId);
    if (event.type === 'call-hangup') hangupsIssued.delete(event.callId);
    if (event.type === 'media-disconnect') {
      // The SDK tells the cloud nothing when media is lost; hang up so the far end is not left on a dead line.
      runtime.adapter()?.hangup(event.callId).catch(() => undefined);
    }
  }

  function reset() {
    for (const cancel of muteConfirmations.values()) cancel();
    muteConfirmations.clear();
    hangupsIssued.clear();
  }

  const actions: CallActions = {
    async answer(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || call?.state !== 'ringing' || call.rejectPending) return;
      dispatch({ type: 'answer-requested', callId });
      const microphone = await deps.checkMicrophone();
      if (!microphone.ok) {
        dispatch({ type: 'answer-blocked', callId, message: microphone.message });
        return;
      }
      const answering = voice.answer(callId);
      try {
        await timeout(answering, answerTimeoutMs, 'The call did not connect in time.');
        dispatch({ type: 'answer-succeeded', callId });
      } catch (error) {
        dispatch({ type: 'answer-failed', callId, message: `Could not answer. ${describeVoiceError(error)}` });
        // Tell the cloud, so the caller is routed on instead of ringing an agent who cannot take the call;
        // and should the SDK connect it after all, hang up: the agent has been told it failed.
        voice.reject(callId).catch(() => undefined);
        answering.then(() => voice.hangup(callId), () => undefined).catch(() => undefined);
      }
    },

    async reject(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || call?.state !== 'ringing' || call.rejectPending) return;
      dispatch({ type: 'reject-requested', callId });
      try {
        await timeout(voice.reject(callId), confirmationTimeoutMs, 'The voice service did not confirm in time.');
        // The SDK fires no event for the agent's own reject.
        dispatch({ type: 'call-rejected', callId });
      } catch (error) {
        dispatch({ type: 'reject-failed', callId, message: `Could not reject. ${describeVoiceError(error)}` });
      }
    },

    async hangup(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || !call || call.state === 'ended' || call.hangupPending) return;
      dispatch({ type: 'hangup-requested', callId });
      // A dial still waiting for its call id is hung up as soon as the id arrives (see dial).
      if (call.id === call.localId) return;
      await issueHangup(voice, callId);
    },

    async toggleMute(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || !call || call.state !== 'active' || call.mutePending) return;
      dispatch({ type: 'mute-requested', callId });
      cancelMuteConfirmation(callId);
      // The new state shows only when the SDK's `mute` event confirms it; without one, say so.
      muteConfirmations.set(
        callId,
        runtime.sessionTimer(() => {
          muteConfirmations.delete(callId);
          dispatch({ type: 'mute-unconfirmed', callId });
        }, confirmationTimeoutMs),
      );
      try {
        await voice.setMuted(callId, !call.muted);
      } catch (error) {
        cancelMuteConfirmation(callId);
        dispatch({ type: 'mute-failed', callId, message: `Could not change mute. ${describeVoiceError(error)}` });
      }
    },

    async sendDtmf(callId, digits) {
      const voice = runtime.adapter();
      if (!voice || state().calls[callId]?.state !== 'active') return;
      await voice.sendDtmf(callId, digits).catch((error: unknown) =>
        dispatch({ type: 'dtmf-failed', callId, message: `Could not send the keypad tones. ${describeVoiceError(error)}` }),
      );
    },

    async dial(input) {
      await startCall(() => deps.parseDialInput(input));
    },

    async soundCheck() {
      await startCall(async () => soundCheckPlan);
    },

    microphoneTrack(callId) {
      if (state().calls[callId]?.state !== 'active') return undefined;
      return runtime.adapter()?.localAudioTrack(callId);
    },

    editDial() {
      if (state().dialError) dispatch({ type: 'dial-edited' });
    },

    dismissSummary(callId) {
      dispatch({ type: 'summary-dismissed', callId });
    },

    dismissAllSummaries() {
      dispatch({ type: 'summaries-dismissed' });
    },
  };

  /** The dial flow: Ready, one call at a time, a valid target, the microphone, then the SDK. */
  async function startCall(resolveTarget: () => Promise<DialPlan>) {
    const voice = runtime.adapter();
    if (!voice || state().connection !== 'ready') {
      dispatch({ type: 'dial-refused', message: 'You can call once the softphone is Ready.', cause: 'not-ready' });
      return;
    }
    if (dialStarting) return;
    const busy = Object.values(state().calls).some(
      (call) => call.state === 'active' || (call.direction === 'outbound' && call.state !== 'ended'),
    );
    if (busy) {
      dispatch({ type: 'dial-refused', message: 'Finish the current call before placing another.', cause: 'busy' });
      return;
    }
    dialStarting = true;
    try {
      const parsed = await resolveTarget().catch(() => undefined);
      if (!parsed) {
        dispatch({
          type: 'dial-refused',
          message: 'The number checker could not be loaded. Reload the page, then try again.',
          cause: 'unavailable',
        });
        return;
      }
      if (!parsed.ok) {
        dispatch({ type: 'dial-invalid', message: parsed.message });
        return;
      }
      const microphone = await deps.checkMicrophone();
      if (!microphone.ok) {
        dispatch({ type: 'dial-refused', message: microphone.message, cause: 'microphone' });
        return;
      }
      dialCount += 1;
      const localId = `dial-${dialCount}`;
      dispatch({ type: 'dial-requested', localId, target: parsed.target, display: parsed.display });
      dialStarting = false;
      await placeCall(voice, localId, parsed.target);
    } finally {
      dialStarting = false;
    }
  }

  async function placeCall(voice: VoiceAdapter, localId: string, target: Parameters<VoiceAdapter['dial']>[0]) {
    const placing = voice.dial(target);
    let callId: string;
    try {
      callId = await timeout(placing, dialTimeoutMs, 'The call did not connect in time.');
    } catch (error) {
      dispatch({ type: 'dial-failed', localId, message: `The call could not be placed. ${describeVoiceError(error)}` });
      // Should the SDK connect it after all, hang it up: the agent has already been told it failed.
      placing.then(
        (lateCallId) => {
          voice.releaseMedia(lateCallId);
          return issueHangup(voice, lateCallId);
        },
        () => undefined,
      );
      return;
    }
    dispatch({ type: 'dial-succeeded', localId, callId });
    const call = state().calls[callId];
    // Hung up while the id was unknown, or signed out meanwhile: the far end must not stay connected.
    if (!call || (call.hangupPending && call.state !== 'ended')) await issueHangup(voice, callId);
  }

  return { actions, onVoiceEvent, endCallsForSignOut, reset };
}
