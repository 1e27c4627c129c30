// Immutable helpers over the calls map that both reducers share: the map is always replaced, never mutated.
import type { Call, CallEndReason, SoftphoneState } from './softphone-state';

/** Ended calls kept for the summary; older ones are dropped so a whole shift cannot grow memory. */
export const endedCallsKept = 5;

export function withCall(state: SoftphoneState, call: Call): SoftphoneState {
  return { ...state, calls: { ...state.calls, [call.id]: call } };
}

export function withoutCall(calls: SoftphoneState['calls'], callId: string): SoftphoneState['calls'] {
  const { [callId]: _removed, ...rest } = calls;
  return rest;
}

function pruneEndedCalls(state: SoftphoneState): SoftphoneState {
  const ended = Object.values(state.calls)
    .filter((call) => call.state === 'ended')
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  if (ended.length <= endedCallsKept) return state;
  const dropped = new Set(ended.slice(endedCallsKept).map((call) => call.id));
  return { ...state, calls: Object.fromEntries(Object.entries(state.calls).filter(([id]) => !dropped.has(id))) };
}

export function endCall(state: SoftphoneState, call: Call, reason: CallEndReason, at: number, error?: string): SoftphoneState {
  if (call.state === 'ended') return state;
  const ended: Call = {
    ...call,
    state: 'ended',
    endReason: reason,
    endedAt: at,
    hangupPending: false,
    mutePending: false,
    rejectPending: false,
    audioReconnecting: undefined,
  };
  if (error !== undefined) ended.error = error;
  return pruneEndedCalls(withCall(state, ended));
}

export function endOpenCalls(state: SoftphoneState, reason: CallEndReason, at: number, only: (call: Call) => boolean) {
  return Object.values(state.calls)
    .filter((call) => call.state !== 'ended' && only(call))
    .reduce((next, call) => endCall(next, call, reason, at), state);
}

export function rekey(state: SoftphoneState, call: Call, callId: string): SoftphoneState {
  if (call.id === callId) return state;
  return { ...state, calls: { ...withoutCall(state.calls, call.id), [callId]: { ...call, id: callId } } };
}

/** Changes a call that is still open; ended calls are history and stay as they are. */
export function updateCall(state: SoftphoneState, callId: string, change: (call: Call) => Partial<Call>): SoftphoneState {
  const call = state.calls[callId];
  if (!call || call.state === 'ended') return state;
  return withCall(state, { ...call, ...change(call) });
}

/** Ends the call if the state holds it (an event may name a call already dismissed). */
export function endIfPresent(state: SoftphoneState, callId: string, reason: CallEndReason, at: number, error?: string): SoftphoneState {
  const call = state.calls[callId];
  return call ? endCall(state, call, reason, at, error) : state;
}
