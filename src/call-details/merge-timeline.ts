// Pure helpers that fold live conversation events into what the cloud returned: the same event may come
// both ways (a member event the socket delivered and the cloud lists), so events are keyed by id.
import type { ConversationMember, ConversationTimelineEvent } from '@/voice/conversation-details';

/** The timeline a conversation keeps in memory at most (a call has tens of events, not hundreds). */
export const maxTimelineEvents = 300;

function byTime(a: ConversationTimelineEvent, b: ConversationTimelineEvent): number {
  return a.at - b.at;
}

/** Both lists in time order, each event once (the first seen wins), the newest `maxTimelineEvents` kept. */
export function mergeTimeline(
  current: readonly ConversationTimelineEvent[],
  incoming: readonly ConversationTimelineEvent[],
): ConversationTimelineEvent[] {
  const seen = new Set(current.map((event) => event.id));
  const added = incoming.filter((event) => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
  if (added.length === 0) return [...current];
  // A stable sort keeps events of the same instant in the order they arrived.
  return [...current, ...added].sort(byTime).slice(-maxTimelineEvents);
}

/** A member event updates that member's state, or adds a member the list did not have yet. */
export function withMemberChange(members: readonly ConversationMember[], changed: ConversationMember): ConversationMember[] {
  const index = members.findIndex((member) => member.id === changed.id);
  if (index === -1) return [...members, changed];
  const existing = members[index];
  const merged: ConversationMember = { ...existing, ...changed, channelType: changed.channelType ?? existing?.channelType };
  if (merged.channelType === undefined) delete merged.channelType;
  return members.map((member, at) => (at === index ? merged : member));
}

