// Hold (mute + earmuff: the browser SDK has no hold of its own) and the swap between two calls.
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceEvent } from '@/voice/voice-event';
import type { CallContext } from './call-context';
import { isGone, unheldCallInProgress } from './call-queries';
import { confirmationTimeoutMs } from './hangup-issuer';

export interface HoldActions {
  /** Holds the call, or resumes it if it is held; the button follows the SDK's confirmations. */
  toggleHold(callId: string): Promise<void>;
  /** Resumes a held call; the call in progress, if any, is held first (a swap). Never two calls unheld. */
  resume(callId: string): Promise<void>;
}

export const holdConfirmationKey = (callId: string) => `hold:${callId}`;

export function createHoldActions({ runtime, confirmations }: CallContext) {
  const { state, dispatch } = runtime;

  /** Resolves true once the call is held (or resumed, for `held` false); false if that failed or it ended. */
  function settled(callId: string, held: boolean) {
    return runtime.whenState((current) => {
      const call = current.calls[callId];
      return isGone(call) || !call?.holdPending;
    }, confirmationTimeoutMs * 2).then(() => {
      const call = state().calls[callId];
      return !isGone(call) && call?.held === held;
    });
  }

  async function setHold(callId: string, hold: boolean): Promise<boolean> {
    const voice = runtime.adapter();
    const call = state().calls[callId];
    if (!voice || !call || call.state !== 'active' || call.holdPending || call.hangupPending) return false;
    if ((call.held ?? false) === hold) return true;
    dispatch({ type: 'hold-requested', callId, hold });
    confirmations.arm(holdConfirmationKey(callId), confirmationTimeoutMs, () => dispatch({ type: 'hold-unconfirmed', callId }));
    const keepMuted = hold ? call.muted : call.mutedBeforeHold === true;
    try {
      await Promise.all([keepMuted ? undefined : voice.setMuted(callId, hold), voice.setEarmuffed(callId, hold)]);
    } catch (error) {
      confirmations.cancel(holdConfirmationKey(callId));
      const doing = hold ? 'put the call on hold' : 'take the call off hold';
      dispatch({ type: 'hold-failed', callId, message: `Could not ${doing}. ${describeVoiceError(error)}` });
      return false;
    }
    return settled(callId, hold);
  }

  const actions: HoldActions = {
    async toggleHold(callId) {
      const call = state().calls[callId];
      if (!call) return;
      if (call.held) {
        await actions.resume(callId);
        return;
      }
      await setHold(callId, true);
    },
    async resume(callId) {
      const call = state().calls[callId];
      if (!call?.held) return;
      const other = unheldCallInProgress(state(), callId);
      if (other) {
        // Only a connected call can be held; an outbound call still ringing has to be answered or ended first.
        if (other.state !== 'active') return;
        if (!(await setHold(other.id, true))) return;
      }
      await setHold(callId, false);
    },
  };

  /** The SDK confirmed the last half of a hold or resume: its deadline no longer applies. */
  function onVoiceEvent(event: VoiceEvent) {
    if (event.type !== 'mute' && event.type !== 'earmuff') return;
    if (!state().calls[event.callId]?.holdPending) confirmations.cancel(holdConfirmationKey(event.callId));
  }

  return { actions, setHold, onVoiceEvent };
}
