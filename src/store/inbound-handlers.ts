// inbound: ringing -> answering -> active -> ended (or ringing -> ended). An invite that arrives while the
// agent is not Available is declined at once: it is created ended, and the actions reject it with the SDK.
import { autoAnswerAtFor, declineReasonFor } from './availability';
import { endCall, endIfPresent, updateCall, withCall } from './call-list';
import { cancelReasons } from './end-reasons';
import type { SomeEventHandlers } from './event-handlers';
import type { Call, SoftphoneState } from './softphone-state';

/**
 * A call just got the microphone: complaints that it was blocked (on the dialer, on invites still ringing)
 * no longer apply and must not stay on screen during the call that worked.
 */
export function withoutMicrophoneComplaints(state: SoftphoneState): SoftphoneState {
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

export const inboundHandlers = {
  'call-invite': (state, event) => {
    if (state.calls[event.callId]) return state;
    const invite: Call = {
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
    };
    const declined = declineReasonFor(state, event.at);
    if (declined) return endCall(state, invite, declined, event.at);
    const autoAnswerAt = autoAnswerAtFor(state, event.at);
    return withCall(state, autoAnswerAt === undefined ? invite : { ...invite, autoAnswerAt });
  },
  'call-invite-cancel': (state, event) => {
    // The cloud's answer to the agent's own reject can overtake the reject's HTTP reply, and the SDK then
    // calls it RejectedElsewhere: a reject this tab asked for is this agent's own.
    const own = event.reason === 'RejectedElsewhere' && state.calls[event.callId]?.rejectPending;
    return endIfPresent(state, event.callId, own ? 'rejected' : cancelReasons[event.reason], event.at);
  },
  'answer-requested': (state, event) =>
    updateCall(state, event.callId, (call) =>
      call.state === 'ringing' ? { state: 'answering', autoAnswerAt: undefined, error: undefined, errorAboutMicrophone: undefined } : {},
    ),
  'answer-succeeded': (state, event) =>
    withoutMicrophoneComplaints(
      updateCall(state, event.callId, (call) => (call.state === 'answering' ? { state: 'active', answeredAt: event.at } : {})),
    ),
  'answer-blocked': (state, event) =>
    updateCall(state, event.callId, (call) =>
      call.state === 'answering' ? { state: 'ringing', error: event.message, errorAboutMicrophone: true } : {},
    ),
  'answer-failed': (state, event) => endIfPresent(state, event.callId, 'answer-failed', event.at, event.message),
  'reject-requested': (state, event) => updateCall(state, event.callId, () => ({ rejectPending: true, autoAnswerAt: undefined, error: undefined })),
  'call-rejected': (state, event) => endIfPresent(state, event.callId, 'rejected', event.at),
  'reject-failed': (state, event) => updateCall(state, event.callId, () => ({ rejectPending: false, error: event.message })),
} satisfies SomeEventHandlers;
