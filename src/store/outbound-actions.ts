// Placing calls: Ready, no other call being talked on, a valid target, the microphone, then the SDK.
import { describeVoiceError } from '@/voice/describe-voice-error';
import { withTimeout } from '@/lib/with-timeout';
import type { DialTarget, VoiceAdapter } from '@/voice/voice-adapter';
import type { CallContext } from './call-context';
import { unheldCallInProgress } from './call-queries';

export interface OutboundActions {
  dial(input: string): Promise<void>;
  /** Calls the backend's echo (the call shows as *Sound check*): the agent hears their own voice. */
  soundCheck(): Promise<void>;
  /** The agent changed the dialer text: an old complaint about it no longer applies. */
  editDial(): void;
}

/** serverCall() resolves once the agent's leg joins; past this the agent is told and can try again. */
export const dialTimeoutMs = 45_000;

/** What a dial resolves to before it is placed: typed input parsed, or the sound check. */
type DialPlan = { ok: true; target: DialTarget; display: string } | { ok: false; message: string };

const soundCheckPlan: DialPlan = { ok: true, target: { kind: 'sound-check' }, display: 'Sound check' };

export function createOutboundActions({ runtime, hangups }: CallContext): OutboundActions {
  const { deps, state, dispatch } = runtime;
  let dialCount = 0;
  /** Set from the moment Call is pressed until the dial is in the state, so a double click dials once. */
  let dialStarting = false;

  async function startCall(resolveTarget: () => Promise<DialPlan>) {
    const voice = runtime.adapter();
    if (!voice || state().connection !== 'ready') {
      dispatch({ type: 'dial-refused', message: 'You can call once the softphone is Ready.', cause: 'not-ready' });
      return;
    }
    if (dialStarting) return;
    // A held call may stay held while the agent places another (to consult someone); a call being talked on may not.
    if (unheldCallInProgress(state())) {
      dispatch({ type: 'dial-refused', message: 'Finish the current call, or hold it, before placing another.', cause: 'busy' });
      return;
    }
    dialStarting = true;
    try {
      const parsed = await resolveTarget().catch(() => undefined);
      if (!parsed) {
        dispatch({ type: 'dial-refused', message: 'The number checker could not be loaded. Reload the page, then try again.', cause: 'unavailable' });
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

  async function placeCall(voice: VoiceAdapter, localId: string, target: DialTarget) {
    const placing = voice.dial(target);
    let callId: string;
    try {
      callId = await withTimeout(placing, dialTimeoutMs, 'The call did not connect in time.', runtime.sessionTimer);
    } catch (error) {
      dispatch({ type: 'dial-failed', localId, message: `The call could not be placed. ${describeVoiceError(error)}` });
      // Should the SDK connect it after all, hang it up: the agent has already been told it failed.
      placing.then(
        (lateCallId) => {
          voice.releaseMedia(lateCallId);
          return hangups.issue(voice, lateCallId);
        },
        () => undefined,
      );
      return;
    }
    dispatch({ type: 'dial-succeeded', localId, callId });
    const call = state().calls[callId];
    // Hung up while the id was unknown, or signed out meanwhile: the far end must not stay connected.
    if (!call || (call.hangupPending && call.state !== 'ended')) await hangups.issue(voice, callId);
  }

  return {
    dial: (input) => startCall(() => deps.parseDialInput(input)),
    soundCheck: () => startCall(async () => soundCheckPlan),
    editDial() {
      if (state().dialError) dispatch({ type: 'dial-edited' });
    },
  };
}
