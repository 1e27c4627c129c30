import type { SdkCancelReason, SdkHangupReason } from '@/voice/voice-event';
import { endCall, rekey, updateCall, withCall } from './call-list';
import type { SoftphoneEvent } from './softphone-event';
import type { Call, CallEndReason, SoftphoneState } from './softphone-state';
import type { ConnectionEvent } from './apply-connection-event';

export type CallEvent = Exclude<SoftphoneEvent, ConnectionEvent>;

const cancelReasons: Record<SdkCancelReason, CallEndReason> = {
  RemoteCancel: 'remote-cancel',
  RemoteTimeout: 'remote-timeout',
  AnsweredElsewhere: 'answered-elsewhere',
  RejectedElsewhere: 'rejected-elsewhere',
};

function hangupReason(reason: SdkHangupReason, call: Call): CallEndReason {
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

/**
 * The SDK can report an outbound leg's status before `serverCall` resolves with the call id. Only outbound
 * legs get status updates and the agent places one call at a time, so an update for an unknown id belongs
 * to the one dial still waiting for its id.
 */
function findCallForLegStatus(state: SoftphoneState, callId: string): Call | undefined {
  const known = state.calls[callId];
  if (known) return known;
  const waiting = Object.values(state.calls).filter((call) => call.state === 'dialing' && call.id === call.localId);
  return waiting.length === 1 ? waiting[0] : undefined;
}

/** Hangups for ids the state does not hold, kept briefly in case a dial is about to learn that id. */
export const unmatchedHangupsKept = 5;

function rememberUnmatchedHangup(state: SoftphoneState, callId: string, reason: SdkHangupReason, at: number): SoftphoneState {
  const kept = (state.unmatchedHangups ?? []).filter((hangup) => hangup.callId !== callId).slice(-(unmatchedHangupsKept - 1));
  return { ...state, unmatchedHangups: [...kept, { callId, reason, at }] };
}

const dialByLocalId = (state: SoftphoneState, localId: string) =>
  Object.values(state.calls).find((candidate) => candidate.localId === localId);

function endIfPresent(state: SoftphoneState, callId: string, reason: CallEndReason, at: number, error?: string) {
  const call = state.calls[callId];
  return call ? endCall(state, call, reason, at, error) : state;
}

/**
 * A call just got the microphone: complaints that it was blocked (on the dialer, on invites still ringing)
 * no longer apply and must not stay on screen during the call that worked.
 */
function withoutMicrophoneComplaints(state: SoftphoneState): SoftphoneState {
  let next = state;
  if (next.dialError?.cause === 'microphone') {
    const { dialError: _dialError, ...rest } = next;
    next = rest;
  }
  for (const call of Object.values(next.calls)) {
    if (call.errorAboutMicrophone) {
      next = updateCall(next, call.id, () => ({ error: undefined, errorAboutMicrophone: undefined }));
    }
  }
  return next;
}

/** inbound: ringing -> answering -> active -> ended; outbound: dialing -> ringing -> active -> ended. */
export function applyCallEvent(state: SoftphoneState, event: CallEvent): SoftphoneState {
  switch (event.type) {
    case 'call-invite':
      if (state.calls[event.callId]) return state;
      return withCall(state, {
        id: event.callId,
        direction: 'inbound',
        state: 'ringing',
        remote: event.from,
        channelType: event.channelType,
        startedAt: event.at,
        muted: false,
        mutePending: false,
        hangupPending: false,
        rejectPending: false,
      });
    case 'call-invite-cancel': {
      // The cloud's answer to the agent's own reject can overtake the reject's HTTP reply, and the SDK then
      // calls it RejectedElsewhere: a reject this tab asked for is this agent's own.
      const own = event.reason === 'RejectedElsewhere' && state.calls[event.callId]?.rejectPending;
      return endIfPresent(state, event.callId, own ? 'rejected' : cancelReasons[event.reason], event.at);
    }
    case 'call-hangup': {
      const call = state.calls[event.callId];
      if (!call) return rememberUnmatchedHangup(state, event.callId, event.reason, event.at);
      return endCall(state, call, hangupReason(event.reason, call), event.at);
    }
    case 'leg-status': {
      // The agent's own leg (its id is the call id) says nothing about the callee.
      if (event.legId === event.callId) return state;
      const call = findCallForLegStatus(state, event.callId);
      if (!call || call.direction !== 'outbound' || call.state === 'ended') return state;
      const rekeyed = rekey(state, call, event.callId);
      if (event.status === 'RINGING' && call.state === 'dialing') {
        return updateCall(rekeyed, event.callId, () => ({ state: 'ringing' }));
      }
      if (event.status === 'ANSWERED' && call.state !== 'active') {
        return updateCall(rekeyed, event.callId, () => ({ state: 'active', answeredAt: event.at }));
      }
      return rekeyed;
    }
    case 'mute':
      return updateCall(state, event.callId, () => ({ muted: event.muted, mutePending: false }));
    case 'media-reconnecting':
      return updateCall(state, event.callId, () => ({ audioReconnecting: true }));
    case 'media-reconnected':
      return updateCall(state, event.callId, () => ({ audioReconnecting: undefined }));
    case 'media-disconnect':
      return endIfPresent(state, event.callId, 'media-lost', event.at);

    case 'answer-requested':
      return updateCall(state, event.callId, (call) =>
        call.state === 'ringing' ? { state: 'answering', error: undefined, errorAboutMicrophone: undefined } : {},
      );
    case 'answer-succeeded':
      return withoutMicrophoneComplaints(
        updateCall(state, event.callId, (call) => (call.state === 'answering' ? { state: 'active', answeredAt: event.at } : {})),
      );
    case 'answer-blocked':
      return updateCall(state, event.callId, (call) =>
        call.state === 'answering' ? { state: 'ringing', error: event.message, errorAboutMicrophone: true } : {},
      );
    case 'answer-failed':
      return endIfPresent(state, event.callId, 'answer-failed', event.at, event.message);
    case 'reject-requested':
      return updateCall(state, event.callId, () => ({ rejectPending: true, error: undefined }));
    case 'call-rejected':
      return endIfPresent(state, event.callId, 'rejected', event.at);
    case 'reject-failed':
      return updateCall(state, event.callId, () => ({ rejectPending: false, error: event.message }));

    case 'dial-invalid':
      return { ...state, dialError: { message: event.message, aboutInput: true, cause: 'input' } };
    case 'dial-refused':
      return { ...state, dialError: { message: event.message, aboutInput: false, cause: event.cause } };
    case 'dial-edited': {
      const { dialError: _dialError, ...rest } = state;
      return rest;
    }
    case 'dial-requested': {
      const { dialError: _dialError, ...rest } = state;
      return withCall(rest, {
        id: event.localId,
        localId: event.localId,
        direction: 'outbound',
        state: 'dialing',
        remote: event.display,
        channelType: event.target.kind === 'phone' ? 'phone' : 'app',
        ...(event.target.kind === 'sound-check' ? { soundCheck: true } : {}),
        startedAt: event.at,
        muted: false,
        mutePending: false,
        hangupPending: false,
        rejectPending: false,
      });
    }
    case 'dial-succeeded': {
      const call = dialByLocalId(state, event.localId);
      if (!call) return state;
      const rekeyed = rekey(state, call, event.callId);
      const early = state.unmatchedHangups?.find((hangup) => hangup.callId === event.callId);
      if (!early) return withoutMicrophoneComplaints(rekeyed);
      const remaining = state.unmatchedHangups?.filter((hangup) => hangup !== early) ?? [];
      const named = { ...call, id: event.callId };
      return endCall({ ...rekeyed, unmatchedHangups: remaining }, named, hangupReason(early.reason, named), early.at);
    }
    case 'dial-failed': {
      const call = dialByLocalId(state, event.localId);
      return call ? endCall(state, call, 'dial-failed', event.at, event.message) : state;
    }

    case 'hangup-requested':
      return updateCall(state, event.callId, () => ({ hangupPending: true, error: undefined }));
    case 'hangup-failed':
      return updateCall(state, event.callId, () => ({ hangupPending: false, error: event.message }));
    case 'hangup-unconfirmed':
      return endIfPresent(state, event.callId, 'local-hangup', event.at);
    case 'mute-requested':
      return updateCall(state, event.callId, () => ({ mutePending: true, error: undefined }));
    case 'mute-failed':
      return updateCall(state, event.callId, () => ({ mutePending: false, error: event.message }));
    case 'mute-unconfirmed':
      return updateCall(state, event.callId, (call) =>
        call.mutePending ? { mutePending: false, error: 'The voice service did not confirm the mute change. Try again.' } : {},
      );
    case 'dtmf-failed':
      return updateCall(state, event.callId, () => ({ error: event.message }));
    case 'transfer-requested':
      return updateCall(state, event.callId, (call) => (call.state === 'active' ? { transferPending: true, error: undefined } : {}));
    case 'transfer-failed':
      return updateCall(state, event.callId, () => ({ transferPending: undefined, error: event.message }));
    case 'transfer-confirmed':
      return updateCall(state, event.callId, (call) => (call.state === 'active' ? { transferPending: undefined, transferredTo: event.to } : {}));
    case 'call-transferred': {
      const call = state.calls[event.callId];
      if (!call || call.state === 'ended') return state;
      return endCall(state, { ...call, transferPending: undefined, transferredTo: event.to }, 'transferred', event.at);
    }
    case 'call-resuming': {
      const { call } = event;
      if (state.calls[call.callId]) return state;
      return withCall(state, {
        id: call.callId,
        direction: call.direction,
        state: 'active',
        remote: call.remote,
        channelType: call.channelType,
        ...(call.soundCheck ? { soundCheck: true } : {}),
        startedAt: call.startedAt,
        answeredAt: call.answeredAt,
        // The renegotiated media starts with a live microphone; a muted call is muted again once it is back.
        muted: false,
        mutePending: false,
        hangupPending: false,
        rejectPending: false,
        // Until this page has renegotiated the call's media, nothing is heard either way.
        audioReconnecting: true,
      });
    }
    case 'call-resumed':
      return updateCall(state, event.callId, () => ({ audioReconnecting: undefined }));
    case 'call-resume-failed':
      return endIfPresent(state, event.callId, 'resume-failed', event.at, event.message);
    case 'summaries-dismissed':
      return { ...state, calls: Object.fromEntries(Object.entries(state.calls).filter(([, call]) => call.state !== 'ended')) };
    case 'summary-dismissed':
      if (state.calls[event.callId]?.state !== 'ended') return state;
      return { ...state, calls: Object.fromEntries(Object.entries(state.calls).filter(([id]) => id !== event.callId)) };
  }
}
