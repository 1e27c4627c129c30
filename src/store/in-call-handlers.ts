// A connected call: hangup, mute, hold (mute + earmuff), the other party's keypad digits, and its media.
import { endCall, endIfPresent, updateCall } from './call-list';
import { hangupReason } from './end-reasons';
import type { SomeEventHandlers } from './event-handlers';
import type { Call, SoftphoneState } from './softphone-state';
import { rememberUnmatchedHangup } from './unmatched-hangups';

/** The digits shown on a call are the last few the caller pressed: a long IVR session cannot grow them. */
export const digitsReceivedKept = 32;

/**
 * Hold is mute plus earmuff, each confirmed by its own SDK event in either order: the hold (or the resume)
 * takes effect only once both halves are confirmed.
 */
function settleHold(call: Call, at: number): Partial<Call> {
  if (call.holdPending === 'hold' && call.muted && call.earmuffed) return { held: true, heldAt: at, holdPending: undefined };
  if (call.holdPending === 'resume' && !call.earmuffed && call.muted === (call.mutedBeforeHold ?? false)) {
    return { held: false, heldAt: undefined, holdPending: undefined, mutedBeforeHold: undefined };
  }
  return {};
}

function withHoldSettled(state: SoftphoneState, callId: string, at: number): SoftphoneState {
  return updateCall(state, callId, (call) => settleHold(call, at));
}

export const inCallHandlers = {
  'call-hangup': (state, event) => {
    const call = state.calls[event.callId];
    if (!call) return rememberUnmatchedHangup(state, event.callId, event.reason, event.at);
    return endCall(state, call, hangupReason(event.reason, call), event.at);
  },
  mute: (state, event) => withHoldSettled(updateCall(state, event.callId, () => ({ muted: event.muted, mutePending: false })), event.callId, event.at),
  earmuff: (state, event) => withHoldSettled(updateCall(state, event.callId, () => ({ earmuffed: event.earmuffed })), event.callId, event.at),
  'dtmf-received': (state, event) =>
    updateCall(state, event.callId, (call) => ({ digitsReceived: `${call.digitsReceived ?? ''}${event.digits}`.slice(-digitsReceivedKept) })),
  'media-reconnecting': (state, event) => updateCall(state, event.callId, () => ({ audioReconnecting: true })),
  'media-reconnected': (state, event) => updateCall(state, event.callId, () => ({ audioReconnecting: undefined })),
  'media-disconnect': (state, event) => endIfPresent(state, event.callId, 'media-lost', event.at),
  'hangup-requested': (state, event) => updateCall(state, event.callId, () => ({ hangupPending: true, error: undefined })),
  'hangup-failed': (state, event) => updateCall(state, event.callId, () => ({ hangupPending: false, error: event.message })),
  'hangup-unconfirmed': (state, event) => endIfPresent(state, event.callId, 'local-hangup', event.at),
  'mute-requested': (state, event) => updateCall(state, event.callId, () => ({ mutePending: true, error: undefined })),
  'mute-failed': (state, event) => updateCall(state, event.callId, () => ({ mutePending: false, error: event.message })),
  'mute-unconfirmed': (state, event) =>
    updateCall(state, event.callId, (call) =>
      call.mutePending ? { mutePending: false, error: 'The voice service did not confirm the mute change. Try again.' } : {},
    ),
  'dtmf-failed': (state, event) => updateCall(state, event.callId, () => ({ error: event.message })),
  'hold-requested': (state, event) =>
    updateCall(state, event.callId, (call) => {
      if (call.state !== 'active') return {};
      return event.hold
        ? { holdPending: 'hold', mutedBeforeHold: call.muted, error: undefined }
        : { holdPending: 'resume', error: undefined };
    }),
  'hold-failed': (state, event) => updateCall(state, event.callId, () => ({ holdPending: undefined, error: event.message })),
  'hold-unconfirmed': (state, event) =>
    updateCall(state, event.callId, (call) =>
      call.holdPending
        ? {
            holdPending: undefined,
            error: call.holdPending === 'hold' ? 'The voice service did not confirm the hold. Try again.' : 'The voice service did not confirm the resume. Try again.',
          }
        : {},
    ),
} satisfies SomeEventHandlers;
