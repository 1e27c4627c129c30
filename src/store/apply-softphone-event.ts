import { applyCallEvent } from './apply-call-event';
import { applyConnectionEvent, type ConnectionEvent } from './apply-connection-event';
import type { SoftphoneEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';

export { endedCallsKept } from './call-list';
export { unmatchedHangupsKept } from './apply-call-event';

const connectionEventTypes = new Set<SoftphoneEvent['type']>([
  'sign-in-started',
  'token-received',
  'session-created',
  'sign-in-failed',
  'signed-out',
  'token-refreshed',
  'session-error',
  'reconnecting',
  'reconnected',
] satisfies ConnectionEvent['type'][]);

const isConnectionEvent = (event: SoftphoneEvent): event is ConnectionEvent => connectionEventTypes.has(event.type);

/** Folds one event, from the SDK adapter or a store action, into the softphone state. Pure. */
export function applySoftphoneEvent(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  return isConnectionEvent(event) ? applyConnectionEvent(state, event) : applyCallEvent(state, event);
}
