// What the agent does on a connected call: hang up, mute, keypad tones, and the microphone level meter.
import { describeVoiceError } from '@/voice/describe-voice-error';
import type { VoiceEvent } from '@/voice/voice-event';
import type { CallContext } from './call-context';
import { confirmationTimeoutMs } from './hangup-issuer';

export interface InCallActions {
  hangup(callId: string): Promise<void>;
  toggleMute(callId: string): Promise<void>;
  sendDtmf(callId: string, digits: string): Promise<void>;
  /** The microphone track a connected call sends, for a level meter; undefined when there is none. */
  microphoneTrack(callId: string): MediaStreamTrack | undefined;
}

const muteConfirmationKey = (callId: string) => `mute:${callId}`;

export function createInCallActions({ runtime, hangups, confirmations }: CallContext) {
  const { state, dispatch } = runtime;

  const actions: InCallActions = {
    async hangup(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      if (!voice || !call || call.state === 'ended' || call.hangupPending) return;
      dispatch({ type: 'hangup-requested', callId });
      // A dial still waiting for its call id is hung up as soon as the id arrives (see outbound-actions).
      if (call.id === call.localId) return;
      await hangups.issue(voice, callId);
    },

    async toggleMute(callId) {
      const voice = runtime.adapter();
      const call = state().calls[callId];
      // On hold the call is muted by the hold: Resume is how it comes back.
      if (!voice || !call || call.state !== 'active' || call.mutePending || call.held || call.holdPending) return;
      dispatch({ type: 'mute-requested', callId });
      // The new state shows only when the SDK's `mute` event confirms it; without one, say so.
      confirmations.arm(muteConfirmationKey(callId), confirmationTimeoutMs, () => dispatch({ type: 'mute-unconfirmed', callId }));
      try {
        await voice.setMuted(callId, !call.muted);
      } catch (error) {
        confirmations.cancel(muteConfirmationKey(callId));
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

    microphoneTrack(callId) {
      if (state().calls[callId]?.state !== 'active') return undefined;
      return runtime.adapter()?.localAudioTrack(callId);
    },
  };

  function onVoiceEvent(event: VoiceEvent) {
    if (event.type === 'mute') confirmations.cancel(muteConfirmationKey(event.callId));
    if (event.type === 'call-hangup') hangups.confirmed(event.callId);
    if (event.type === 'media-disconnect') {
      // The SDK tells the cloud nothing when media is lost; hang up so the far end is not left on a dead line.
      runtime.adapter()?.hangup(event.callId).catch(() => undefined);
    }
  }

  return { actions, onVoiceEvent };
}
