import { applyCallEvent } from './apply-call-event';
import { applyConnectionEvent, connectionEventTypes, type ConnectionEvent } from './apply-connection-event';
import type { SoftphoneEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';

export { endedCallsKept } from './call-list';
export { unmatchedHangupsKept } from './apply-call-event';

const connectionEvents = new Set<SoftphoneEvent['type']>(connectionEventTypes);

const isConnectionEvent = (event: SoftphoneEvent): event is ConnectionEvent => connectionEvents.has(event.type);

/** Folds one event, from the SDK adapter or a store action, into the softphone state. Pure. */
export function applySoftphoneEvent(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  return isConnectionEvent(event) ? applyConnectionEvent(state, event) : applyCallEvent(state, event);
}
