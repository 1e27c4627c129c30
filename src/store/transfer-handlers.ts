// Transferring a connected call: requested, refused (the call stays), confirmed by the backend, then ended.
import { endCall, updateCall } from './call-list';
import type { SomeEventHandlers } from './event-handlers';

export const transferHandlers = {
  'transfer-requested': (state, event) =>
    updateCall(state, event.callId, (call) => (call.state === 'active' ? { transferPending: true, error: undefined } : {})),
  'transfer-failed': (state, event) => updateCall(state, event.callId, () => ({ transferPending: undefined, error: event.message })),
  'transfer-confirmed': (state, event) =>
    updateCall(state, event.callId, (call) => (call.state === 'active' ? { transferPending: undefined, transferredTo: event.to } : {})),
  'call-transferred': (state, event) => {
    const call = state.calls[event.callId];
    if (!call || call.state === 'ended') return state;
    return endCall(state, { ...call, transferPending: undefined, transferredTo: event.to }, 'transferred', event.at);
  },
} satisfies SomeEventHandlers;
