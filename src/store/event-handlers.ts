// The reducer is a table of handlers, one per event type, grouped by concern in their own files. The table's
// type requires a handler for every event, so no event can be forgotten (or fall through and wipe the state).
import type { SoftphoneEvent } from './softphone-event';
import type { SoftphoneState } from './softphone-state';

export type SoftphoneEventType = SoftphoneEvent['type'];

export type EventOfType<T extends SoftphoneEventType> = Extract<SoftphoneEvent, { type: T }>;

export type EventHandler<T extends SoftphoneEventType> = (state: SoftphoneState, event: EventOfType<T>) => SoftphoneState;

/** Handlers for the event types `T`, each typed with its own event. */
export type EventHandlers<T extends SoftphoneEventType> = { readonly [K in T]: EventHandler<K> };

/** What each concern's file declares: handlers for some of the events (the full table checks they add up). */
export type SomeEventHandlers = Partial<EventHandlers<SoftphoneEventType>>;
