// outbound: dialing -> ringing -> active -> ended (or ended from any earlier state). A dial is keyed by a
// local id until serverCall resolves with the call id.
import { endCall, rekey, updateCall, withCall } from './call-list';
import { hangupReason } from './end-reasons';
import type { SomeEventHandlers } from './event-handlers';
import { withoutMicrophoneComplaints } from './inbound-handlers';
import type { Call, SoftphoneState } from './softphone-state';
import { takeUnmatchedHangup } from './unmatched-hangups';

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

const dialByLocalId = (state: SoftphoneState, localId: string) => Object.values(state.calls).find((candidate) => candidate.localId === localId);

export const outboundHandlers = {
  'leg-status': (state, event) => {
    // The agent's own leg (its id is the call id) says nothing about the callee.
    if (event.legId === event.callId) return state;
    const call = findCallForLegStatus(state, event.callId);
    if (!call || call.direction !== 'outbound' || call.state === 'ended') return state;
    const rekeyed = rekey(state, call, event.callId);
    if (event.status === 'RINGING' && call.state === 'dialing') return updateCall(rekeyed, event.callId, () => ({ state: 'ringing' }));
    if (event.status === 'ANSWERED' && call.state !== 'active') {
      return updateCall(rekeyed, event.callId, () => ({ state: 'active', answeredAt: event.at }));
    }
    return rekeyed;
  },
  'dial-invalid': (state, event) => ({ ...state, dialError: { message: event.message, aboutInput: true, cause: 'input' } }),
  'dial-refused': (state, event) => ({ ...state, dialError: { message: event.message, aboutInput: false, cause: event.cause } }),
  'dial-edited': (state) => {
    const { dialError: _dialError, ...rest } = state;
    return rest;
  },
  'dial-requested': (state, event) => {
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
  },
  'dial-succeeded': (state, event) => {
    const call = dialByLocalId(state, event.localId);
    if (!call) return state;
    const rekeyed = rekey(state, call, event.callId);
    const taken = takeUnmatchedHangup(rekeyed, event.callId);
    if (!taken) return withoutMicrophoneComplaints(rekeyed);
    const named = { ...call, id: event.callId };
    return endCall(taken.state, named, hangupReason(taken.early.reason, named), taken.early.at);
  },
  'dial-failed': (state, event) => {
    const call = dialByLocalId(state, event.localId);
    return call ? endCall(state, call, 'dial-failed', event.at, event.message) : state;
  },
} satisfies SomeEventHandlers;
