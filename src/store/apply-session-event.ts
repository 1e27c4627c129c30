import { connectionHandlers } from './connection-handlers';
import type { EventHandler, SoftphoneEventType } from './event-handlers';
import { preferenceHandlers, withWrapUpAfterCall } from './preference-handlers';
import { recoveryHandlers } from './recovery-handlers';
import type { SoftphoneEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';
import { summaryHandlers } from './summary-handlers';

/**
 * The handlers the store needs before the call machinery (call-machinery.ts) is loaded: signing in and out, the
 * connection, the agent's settings, calls being taken back after a reload. The same functions as in the full
 * table (apply-softphone-event.ts), which takes over once the call machinery is in.
 */
const sessionEventHandlers: Partial<Record<SoftphoneEventType, EventHandler<SoftphoneEventType>>> = {
  ...connectionHandlers,
  ...recoveryHandlers,
  ...summaryHandlers,
  ...preferenceHandlers,
} as Partial<Record<SoftphoneEventType, EventHandler<SoftphoneEventType>>>;

/** Folds an event of signing in, the connection or the agent's settings into the state. Pure. */
export function applySessionEvent(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  const handler = sessionEventHandlers[event.type];
  // Call events come from the voice adapter and the call actions, both loaded with the call machinery.
  if (!handler) throw new Error(`The call machinery must be loaded before a '${event.type}' event`);
  return withWrapUpAfterCall(state, handler(state, event), event.at);
}
