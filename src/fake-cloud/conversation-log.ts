// Vonage keeps every event of a conversation (member, audio, leg and rtc events) in a log with growing Int
// ids, which GET /v0.3/conversations/{cid}/events reads back. The fake cloud logs each event exactly as it
// pushes it to the agent, so the log and the socket can never disagree.
import type { CallRecord } from './cloud-state.ts';
import type { SocketEvent } from './wire-types.ts';

export interface LoggedEvent {
  id: number;
  type: string;
  timestamp: string;
  from?: string;
  body: unknown;
  _embedded?: unknown;
}

// Keyed by the call record itself: a reset cloud forgets its calls, and with them their logs.
const logs = new WeakMap<CallRecord, LoggedEvent[]>();

/** `now` stamps events whose wire form carries no timestamp (rtc:hangup, audio toggles). */
export function logConversationEvent(call: CallRecord, event: SocketEvent, now: string): void {
  const { payload } = event;
  // Session events (session:success, errors) belong to no conversation.
  if (!('id' in payload)) return;
  const logged: LoggedEvent = {
    id: payload.id,
    type: event.type,
    timestamp: 'timestamp' in payload ? payload.timestamp : now,
    from: payload.from,
    body: payload.body,
    ...('_embedded' in payload ? { _embedded: payload._embedded } : {}),
  };
  const log = logs.get(call) ?? [];
  log.push(logged);
  logs.set(call, log);
}

export function conversationLog(call: CallRecord): readonly LoggedEvent[] {
  return logs.get(call) ?? [];
}
