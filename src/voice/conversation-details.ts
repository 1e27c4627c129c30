// A call's conversation as the app shows it (members, and a timeline of events), read from the SDK's
// conversation APIs. The SDK objects come in through small structural types, so nothing here imports the
// SDK (the adapter passes them in) and the mapping is unit-tested with plain objects.

export type MemberState = 'INVITED' | 'JOINED' | 'LEFT' | 'UNKNOWN';

export interface ConversationMember {
  id: string;
  name: string;
  displayName?: string;
  state: MemberState;
  /** `app` for an agent, `phone` for a caller on the phone network, … */
  channelType?: string;
}

export interface ConversationTimelineEvent {
  /** The cloud's event id, or `live-…` for what the SDK reports without one (mute, keys, leg status). */
  id: string;
  /** The Vonage event type, e.g. `member:joined`, `audio:dtmf`, `leg:status:update`. */
  type: string;
  /** Epoch milliseconds. */
  at: number;
  /** Who did it, when known. */
  from?: string;
  summary: string;
  /** Member events carry the member as it now is, so a live list of members can follow them. */
  member?: ConversationMember;
}

export interface ConversationDetails {
  conversationId: string;
  members: ConversationMember[];
  events: ConversationTimelineEvent[];
}

/** A call's conversation is found through its call (leg) id, or named directly (a history row that kept it). */
export type ConversationRef = { callId: string } | { conversationId: string };

/** One event of a conversation as it happens. */
export interface ConversationLiveEvent {
  conversationId: string;
  event: ConversationTimelineEvent;
}

interface SdkUserLike {
  name?: string | null;
  displayName?: string | null;
}

export interface SdkMemberLike {
  id: string;
  state?: string | null;
  user?: SdkUserLike | null;
  channel?: { type?: string | null } | null;
}

export interface SdkConversationEventLike {
  kind: string;
  id?: number;
  timestamp?: string;
  conversationId?: string;
  from?: { kind: string; user?: SdkUserLike | null };
  body?: unknown;
}

/** What the SDK's voice callbacks report about a call, without an event id or a timestamp. */
export type CallActivity =
  | { kind: 'mute'; muted: boolean; own: boolean }
  | { kind: 'earmuff'; earmuffed: boolean; own: boolean }
  | { kind: 'dtmf'; digits: string; own: boolean }
  | { kind: 'leg-status'; status: string; own: boolean }
  | { kind: 'hangup'; reason: string };

const memberStates = new Set<string>(['INVITED', 'JOINED', 'LEFT']);

function memberState(state: string | null | undefined): MemberState {
  const upper = state?.toUpperCase() ?? '';
  return memberStates.has(upper) ? (upper as MemberState) : 'UNKNOWN';
}

/** Phone members are named by their number, in E.164 without the plus. */
function readableName(name: string): string {
  return /^\d{6,15}$/.test(name) ? `+${name}` : name;
}

function nameOf(user: SdkUserLike | null | undefined): string {
  return user?.displayName || (user?.name ? readableName(user.name) : 'Unknown member');
}

export function toConversationMember(member: SdkMemberLike): ConversationMember {
  const channelType = member.channel?.type?.toLowerCase();
  const displayName = member.user?.displayName ?? undefined;
  return {
    id: member.id,
    name: member.user?.name ? readableName(member.user.name) : 'Unknown member',
    ...(displayName ? { displayName } : {}),
    state: memberState(member.state),
    ...(channelType ? { channelType } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function memberOfEvent(body: unknown, state: MemberState): ConversationMember | undefined {
  if (!isRecord(body) || typeof body.memberId !== 'string') return undefined;
  const user = isRecord(body.user) ? (body.user as SdkUserLike) : undefined;
  return toConversationMember({ id: body.memberId, state, user });
}

const memberEvents: Record<string, { state: MemberState; verb: string }> = {
  'member:invited': { state: 'INVITED', verb: 'was invited' },
  'member:joined': { state: 'JOINED', verb: 'joined' },
  'member:left': { state: 'LEFT', verb: 'left' },
};

function timeOf(timestamp: string | undefined, fallback: number): number {
  const parsed = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(parsed) ? fallback : parsed;
}

/**
 * One SDK conversation event (from getConversationEvents or the `conversationEvent` listener) as a timeline
 * entry; undefined for what is not kept (ephemeral events have no id).
 */
export function toTimelineEvent(event: SdkConversationEventLike, receivedAt: number): ConversationTimelineEvent | undefined {
  if (event.id === undefined) return undefined;
  const base = { id: String(event.id), type: event.kind, at: timeOf(event.timestamp, receivedAt) };
  const memberEvent = memberEvents[event.kind];
  if (memberEvent) {
    const member = memberOfEvent(event.body, memberEvent.state);
    const name = member ? (member.displayName ?? member.name) : 'A member';
    return { ...base, from: name, summary: `${name} ${memberEvent.verb}`, ...(member ? { member } : {}) };
  }
  const from = event.from?.kind === 'embeddedInfo' ? nameOf(event.from.user) : undefined;
  return { ...base, ...(from ? { from } : {}), summary: from ? `${from}: ${event.kind}` : event.kind };
}

const legStatusSummaries: Record<string, string> = {
  RINGING: 'is ringing',
  ANSWERED: 'answered',
  COMPLETED: 'ended',
};

const hangupSummaries: Record<string, string> = {
  LOCAL_HANGUP: 'You hung up',
  REMOTE_HANGUP: 'The other party hung up',
  REMOTE_REJECT: 'The other party declined the call',
  REMOTE_NO_ANSWER_TIMEOUT: 'The other party did not answer',
  MEDIA_TIMEOUT: 'The call’s audio timed out',
};

function activityEntry(activity: CallActivity): { type: string; summary: string; from?: string } {
  const who = 'own' in activity && activity.own ? 'You' : 'The other party';
  switch (activity.kind) {
    case 'mute':
      return { type: activity.muted ? 'audio:mute:on' : 'audio:mute:off', from: who, summary: `${who} ${activity.muted ? 'muted' : 'unmuted'} the microphone` };
    case 'earmuff':
      return { type: activity.earmuffed ? 'audio:earmuff:on' : 'audio:earmuff:off', from: who, summary: `${who} turned earmuff ${activity.earmuffed ? 'on' : 'off'}` };
    case 'dtmf':
      return { type: 'audio:dtmf', from: who, summary: `${who} pressed ${activity.digits}` };
    case 'leg-status': {
      const leg = activity.own ? 'Your leg' : 'The other party’s leg';
      return { type: 'leg:status:update', summary: `${leg} ${legStatusSummaries[activity.status] ?? activity.status.toLowerCase()}` };
    }
    case 'hangup':
      return { type: 'rtc:hangup', summary: hangupSummaries[activity.reason] ?? 'The call ended' };
  }
}

/** An SDK voice callback as a timeline entry; `sequence` makes its id unique, as the SDK gives none. */
export function callActivityEvent(activity: CallActivity, at: number, sequence: number): ConversationTimelineEvent {
  const { type, summary, from } = activityEntry(activity);
  return { id: `live-${sequence}`, type, at, summary, ...(from ? { from } : {}) };
}

/** The SDK's conversation reads the details need; VonageClient has them (structurally). */
export interface ConversationReader {
  getConversationMembers(
    conversationId: string,
    parameters: { pageSize: number; cursor?: string },
  ): Promise<{ members: SdkMemberLike[]; nextCursor?: string | null }>;
  getConversationEvents(
    conversationId: string,
    parameters: { pageSize: number; order: 'asc'; cursor?: string },
  ): Promise<{ events: SdkConversationEventLike[]; nextCursor?: string | null }>;
}

const pageSize = 100;
// A call's conversation holds a handful of chat events; the cap only guards against a cursor that never ends.
const maxPages = 10;

async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber += 1) {
    const page = await read(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/**
 * Members and events from the cloud. SDK 2.3.1 lists only the chat group of events (member, message and
 * custom events): the audio and leg events of a call reach the app only live, through `CallActivity`.
 */
export async function readConversationDetails(reader: ConversationReader, conversationId: string, now: number): Promise<ConversationDetails> {
  const withCursor = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
  const [members, events] = await Promise.all([
    allPages(async (cursor) => {
      const page = await reader.getConversationMembers(conversationId, { pageSize, ...withCursor(cursor) });
      return { items: page.members, nextCursor: page.nextCursor };
    }),
    allPages(async (cursor) => {
      const page = await reader.getConversationEvents(conversationId, { pageSize, order: 'asc', ...withCursor(cursor) });
      return { items: page.events, nextCursor: page.nextCursor };
    }),
  ]);
  return {
    conversationId,
    members: members.map(toConversationMember),
    events: events.flatMap((event) => toTimelineEvent(event, now) ?? []),
  };
}
