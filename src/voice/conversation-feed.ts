// The live events of calls' conversations, for whoever shows them (the Call details timeline). Conversation
// events from the SDK name their conversation; its voice callbacks (mute, keys, leg status) name only the
// call, so the feed learns each call's conversation from member events (their channel is the call's leg)
// and otherwise asks the cloud once (GET /v0.3/legs/{id}).
import {
  callActivityEvent,
  toTimelineEvent,
  type CallActivity,
  type ConversationLiveEvent,
  type SdkConversationEventLike,
} from './conversation-details';

type Listener = (event: ConversationLiveEvent) => void;

export interface ConversationFeed {
  conversationEvent(event: SdkConversationEventLike): void;
  callActivity(callId: string, activity: CallActivity): void;
  /** The conversation a call belongs to; rejects if the cloud does not know the call. */
  conversationOf(callId: string): Promise<string>;
  subscribe(listener: Listener): () => void;
  clear(): void;
}

function legIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('channel' in body)) return undefined;
  const channel = body.channel;
  return typeof channel === 'object' && channel !== null && 'id' in channel && typeof channel.id === 'string' ? channel.id : undefined;
}

export function createConversationFeed(lookUpConversation: (callId: string) => Promise<string>, now: () => number): ConversationFeed {
  const listeners = new Set<Listener>();
  const known = new Map<string, Promise<string>>();
  let sequence = 0;
  const emit = (event: ConversationLiveEvent) => {
    for (const listener of listeners) listener(event);
  };

  function conversationOf(callId: string): Promise<string> {
    let found = known.get(callId);
    if (!found) {
      found = lookUpConversation(callId);
      known.set(callId, found);
      // A failed look-up is not remembered: the next one asks again.
      found.catch(() => known.delete(callId));
    }
    return found;
  }

  return {
    conversationEvent(sdkEvent) {
      const conversationId = sdkEvent.conversationId;
      if (!conversationId) return;
      const legId = legIdOf(sdkEvent.body);
      if (legId && !known.has(legId)) known.set(legId, Promise.resolve(conversationId));
      const event = toTimelineEvent(sdkEvent, now());
      if (event) emit({ conversationId, event });
    },
    callActivity(callId, activity) {
      sequence += 1;
      const event = callActivityEvent(activity, now(), sequence);
      conversationOf(callId).then(
        (conversationId) => emit({ conversationId, event }),
        (error: unknown) => console.warn(`The conversation of call ${callId} could not be found`, error),
      );
    },
    conversationOf,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      listeners.clear();
      known.clear();
    },
  };
}
