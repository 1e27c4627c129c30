import { connectionHandlers } from './connection-handlers';
import type { EventHandler, EventHandlers, SoftphoneEventType } from './event-handlers';
import { inboundHandlers } from './inbound-handlers';
import { inCallHandlers } from './in-call-handlers';
import { outboundHandlers } from './outbound-handlers';
import { preferenceHandlers, withWrapUpAfterCall } from './preference-handlers';
import { recoveryHandlers } from './recovery-handlers';
import type { SoftphoneEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';
import { summaryHandlers } from './summary-handlers';
import { transferHandlers } from './transfer-handlers';

export { endedCallsKept } from './call-list';
export { unmatchedHangupsKept } from './unmatched-hangups';

/** Every event's handler; the type fails to compile if a concern's file leaves an event without one. */
export const softphoneEventHandlers: EventHandlers<SoftphoneEventType> = {
  ...connectionHandlers,
  ...inboundHandlers,
  ...outboundHandlers,
  ...inCallHandlers,
  ...transferHandlers,
  ...recoveryHandlers,
  ...summaryHandlers,
  ...preferenceHandlers,
};

/** Folds one event, from the SDK adapter or a store action, into the softphone state. Pure. */
export function applySoftphoneEvent(state: SoftphoneState, event: SoftphoneEvent): SoftphoneState {
  const handler = softphoneEventHandlers[event.type] as EventHandler<SoftphoneEventType>;
  return withWrapUpAfterCall(state, handler(state, event), event.at);
}
