// The members of a call's conversation as GET /v0.3/conversations/{cid}/members lists them (GetMember):
// the agent's member and the other party's. States and instants come from the call and its event log, so
// they match what the socket said: INVITED on the invite, JOINED once in the call, LEFT when it ended.
import type { CallRecord } from './cloud-state.ts';
import { conversationLog, type LoggedEvent } from './conversation-log.ts';

type MemberState = 'INVITED' | 'JOINED' | 'LEFT';

export interface MemberSnapshot {
  id: string;
  state: MemberState;
  _embedded: { user: { id: string; name: string; display_name?: string } };
  channel: { type: 'app' | 'phone'; id: string; from?: { number?: string; id?: string }; to?: { number?: string; id?: string } };
  timestamp: { invited?: string; joined?: string; left?: string };
}

function agentMemberEvent(log: readonly LoggedEvent[], call: CallRecord, type: string): LoggedEvent | undefined {
  return log.find((event) => event.type === type && memberIdOf(event) === call.agentMemberId);
}

function memberIdOf(event: LoggedEvent): string | undefined {
  const body = event.body;
  return typeof body === 'object' && body !== null && 'member_id' in body && typeof body.member_id === 'string' ? body.member_id : undefined;
}

/** When the call ended: the agent's member:left, or else the last event (a hangup without member:left). */
function endedAt(log: readonly LoggedEvent[], call: CallRecord): string | undefined {
  if (call.state !== 'ended') return undefined;
  return agentMemberEvent(log, call, 'member:left')?.timestamp ?? log.at(-1)?.timestamp ?? call.createdAt;
}

function withoutUndefined<T extends Record<string, string | undefined>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function agentMember(call: CallRecord, log: readonly LoggedEvent[], left: string | undefined): MemberSnapshot {
  const invited = agentMemberEvent(log, call, 'member:invited')?.timestamp;
  const joined = agentMemberEvent(log, call, 'member:joined')?.timestamp ?? call.answeredAt;
  const state: MemberState = call.state === 'ended' ? 'LEFT' : joined !== undefined ? 'JOINED' : 'INVITED';
  return {
    id: call.agentMemberId,
    state,
    _embedded: { user: { id: call.agent.userId, name: call.agent.userName, display_name: call.agent.displayName } },
    channel: { type: 'app', id: call.callId },
    timestamp: withoutUndefined({ invited, joined, left }),
  };
}

/**
 * The caller of an inbound call is in the conversation before the agent is invited; the callee of an
 * outbound call is invited when the agent dials and joins when they answer.
 */
function remoteMember(call: CallRecord, left: string | undefined): MemberSnapshot {
  const inbound = call.direction === 'inbound';
  const joined = inbound ? call.createdAt : call.answeredAt;
  const state: MemberState = call.state === 'ended' ? 'LEFT' : joined !== undefined ? 'JOINED' : 'INVITED';
  const endpoint = call.remoteType === 'phone' ? { number: call.remote } : { id: call.remoteUserId };
  return {
    id: call.remoteMemberId,
    state,
    _embedded: { user: { id: call.remoteUserId, name: call.remote } },
    channel: { type: call.remoteType, id: call.remoteLegId, ...(inbound ? { from: endpoint } : { to: endpoint }) },
    timestamp: withoutUndefined({ invited: inbound ? undefined : call.createdAt, joined, left }),
  };
}

export function conversationMembers(call: CallRecord): MemberSnapshot[] {
  const log = conversationLog(call);
  const left = endedAt(log, call);
  // A call with no other party yet (an outbound call before its knock, the sound check) has one member.
  return call.remote === '' ? [agentMember(call, log, left)] : [agentMember(call, log, left), remoteMember(call, left)];
}
