// How the SDK's hangup and cancel reasons become the app's end reasons.
import type { SdkCancelReason, SdkHangupReason } from '@/voice/voice-event';
import type { Call, CallEndReason } from './softphone-state';

export const cancelReasons: Record<SdkCancelReason, CallEndReason> = {
  RemoteCancel: 'remote-cancel',
  RemoteTimeout: 'remote-timeout',
  AnsweredElsewhere: 'answered-elsewhere',
  RejectedElsewhere: 'rejected-elsewhere',
};

export function hangupReason(reason: SdkHangupReason, call: Call): CallEndReason {
  // The agent asked to hang up and the SDK confirmed it: theirs, whatever reason the SDK gives. SDK 2.3.1
  // forgets its own pending hangup when the cloud's member:joined lands after it (as it can within a moment
  // of answering) and then reports REMOTE_HANGUP for the agent's own hangup.
  if (call.hangupPending) return 'local-hangup';
  // The backend has moved the other party: however this leg then ends, the agent transferred the call.
  if (call.transferredTo) return 'transferred';
  switch (reason) {
    case 'LOCAL_HANGUP':
      return 'local-hangup';
    case 'REMOTE_HANGUP':
      return 'remote-hangup';
    case 'REMOTE_REJECT':
      return call.direction === 'outbound' && call.state !== 'active' ? 'busy-or-declined' : 'remote-hangup';
    case 'REMOTE_NO_ANSWER_TIMEOUT':
      return 'no-answer';
    case 'MEDIA_TIMEOUT':
      return 'media-timeout';
  }
}
