// What the fake cloud knows: agents, sessions (which outlive sockets, as on Vonage), calls with their
// conversation, legs and members. Pure bookkeeping: no timers, no sockets, no WebRTC.
import type { CalleeBehaviour, FakeCallSnapshot, FakeCallState, InviteCancelReason } from './control-api.ts';
import type { IdFactory } from './cloud-ids.ts';
import type { ChannelEndpoint, PendingEvent, WireChannel, WireLegStatus } from './wire-types.ts';

export interface AgentRecord {
  userName: string;
  userId: string;
  displayName: string;
}

export interface SessionRecord {
  id: string;
  userName: string;
  /** Latest bearer token: refreshSession replaces it and later reconnects carry the new one. */
  token: string;
  /** Events pushed while the session had no socket, replayed in `session:success.pending_events`. */
  pending: PendingEvent[];
}

export interface CallRecord {
  callId: string;
  conversationId: string;
  conversationName: string;
  direction: 'inbound' | 'outbound';
  agent: AgentRecord;
  agentMemberId: string;
  /** The far party's member and leg in the conversation. */
  remoteMemberId: string;
  remoteLegId: string;
  remoteUserId: string;
  remote: string;
  remoteType: 'phone' | 'app';
  state: FakeCallState;
  endReason?: string;
  agentMuted: boolean;
  agentEarmuffed: boolean;
  /** The audio to the agent is degraded on demand (media-degrade.ts): the hangup's quality reflects it. */
  mediaImpairment?: { lossPercent: number; jitterMs: number };
  dtmf: string;
  knockingId?: string;
  /** Outbound: member:joined for the agent has gone out (it must go out exactly once). */
  agentJoinAnnounced: boolean;
  /** Outbound: the callee leg's statuses so far, sent whole in each leg:status:update. */
  calleeLegHistory: { status: WireLegStatus; date: string }[];
  createdAt: string;
  answeredAt?: string;
  /** The other agent's leg of an agent-to-agent call. */
  bridgedCallId?: string;
  /** Set by the control API: the caller gives up this long after the agent's answer reaches the cloud. */
  cancelWhenAnswered?: { reason: InviteCancelReason; delayMs: number };
  /** Set by the control API's breakMedia: whether the SDK's renegotiation of the broken media is answered. */
  mediaRepair?: 'allow' | 'refuse';
  /** Highest event id used in this call's conversation; ids must be Ints that grow. */
  lastEventId: number;
  /** Outbound through an NCCO: the connect waiting for the callee leg's outcome (ncco/agent-leg.ts). */
  calleeSettled?: (outcome: CalleeBehaviour) => void;
}

const maxPendingEvents = 100;

export class CloudState {
  private readonly agents: AgentRecord[];
  private readonly ids: IdFactory;
  private readonly now: () => Date;
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly calls = new Map<string, CallRecord>();

  constructor(agents: readonly AgentRecord[], ids: IdFactory, now: () => Date = () => new Date()) {
    this.agents = [...agents];
    this.ids = ids;
    this.now = now;
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  findAgent(userName: string): AgentRecord | undefined {
    return this.agents.find((agent) => agent.userName === userName);
  }

  /** Every user the cloud knows, as the Users API lists them. */
  allAgents(): readonly AgentRecord[] {
    return this.agents;
  }

  /** A user created through the Users API; like Vonage's users, it outlives resets. */
  addAgent(userName: string, displayName: string): AgentRecord {
    const agent: AgentRecord = { userName, userId: this.ids.next('USR'), displayName };
    this.agents.push(agent);
    return agent;
  }

  /**
   * A reconnect (or a reloaded page) names its old session id: keep that id so the SDK's state stays valid.
   * An id the cloud never issued, or one of another user, is replaced by a fresh session.
   */
  openSession(userName: string, token: string, requestedId?: string): SessionRecord {
    const existing = requestedId === undefined ? undefined : this.sessions.get(requestedId);
    if (existing && existing.userName === userName) {
      existing.token = token;
      return existing;
    }
    const id = requestedId !== undefined && !existing ? requestedId : this.ids.next('sess');
    const session: SessionRecord = { id, userName, token, pending: [] };
    this.sessions.set(id, session);
    return session;
  }

  session(id: string): SessionRecord | undefined {
    return this.sessions.get(id);
  }

  sessionsOf(userName: string): SessionRecord[] {
    return [...this.sessions.values()].filter((session) => session.userName === userName);
  }

  /** Forgets every session and call (see resetCloud). */
  clear(): void {
    this.sessions.clear();
    this.calls.clear();
  }

  endSession(id: string): void {
    this.sessions.delete(id);
  }

  queuePending(session: SessionRecord, event: PendingEvent): void {
    session.pending.push(event);
    if (session.pending.length > maxPendingEvents) session.pending.shift();
  }

  takePending(session: SessionRecord): PendingEvent[] {
    const events = session.pending;
    session.pending = [];
    return events;
  }

  createInboundCall(agent: AgentRecord, from: string, fromType: 'phone' | 'app'): CallRecord {
    return this.addCall(agent, 'inbound', from, fromType);
  }

  /** The callee is unknown until the SDK knocks; `setCallee` details arrive with POST /knocking. */
  createOutboundCall(agent: AgentRecord): CallRecord {
    return this.addCall(agent, 'outbound', '', 'phone');
  }

  call(callId: string): CallRecord | undefined {
    return this.calls.get(callId);
  }

  callByConversation(conversationId: string): CallRecord | undefined {
    return [...this.calls.values()].find((call) => call.conversationId === conversationId);
  }

  callByKnocking(knockingId: string): CallRecord | undefined {
    return [...this.calls.values()].find((call) => call.knockingId === knockingId);
  }

  nextEventId(call: CallRecord): number {
    call.lastEventId += 1;
    return call.lastEventId;
  }

  setCallee(call: CallRecord, to: ChannelEndpoint): void {
    call.remote = to.type === 'phone' ? to.number : to.user;
    call.remoteType = to.type;
    call.knockingId = this.ids.next('KNO');
  }

  /** Returns false when the call is not ringing (already answered or ended), so callers skip side effects. */
  markAnswered(call: CallRecord): boolean {
    if (call.state !== 'ringing') return false;
    call.state = 'answered';
    call.answeredAt = this.timestamp();
    return true;
  }

  /** Returns false when the call had already ended: every ending runs at most once. */
  markEnded(call: CallRecord, reason: string): boolean {
    if (call.state === 'ended') return false;
    call.state = 'ended';
    call.endReason = reason;
    return true;
  }

  /** The agent's leg as every member event describes it (the same object the invite carried). */
  agentChannel(call: CallRecord): WireChannel {
    const remote: ChannelEndpoint =
      call.remoteType === 'phone' ? { type: 'phone', number: call.remote } : { type: 'app', user: call.remote };
    const agent: ChannelEndpoint = { type: 'app', user: call.agent.userName };
    return call.direction === 'inbound'
      ? { id: call.callId, type: 'app', from: remote, to: agent }
      : { id: call.callId, type: 'app', from: agent, to: remote };
  }

  snapshots(): FakeCallSnapshot[] {
    return [...this.calls.values()].map((call) => ({
      callId: call.callId,
      conversationId: call.conversationId,
      direction: call.direction,
      agent: call.agent.userName,
      remote: call.remote,
      state: call.state,
      ...(call.endReason === undefined ? {} : { endReason: call.endReason }),
      agentMuted: call.agentMuted,
      agentEarmuffed: call.agentEarmuffed,
      dtmf: call.dtmf,
    }));
  }

  private addCall(
    agent: AgentRecord,
    direction: 'inbound' | 'outbound',
    remote: string,
    remoteType: 'phone' | 'app',
  ): CallRecord {
    const conversationId = this.ids.next('CON');
    const call: CallRecord = {
      callId: this.ids.next('LEG'),
      conversationId,
      conversationName: `NAM-${conversationId}`,
      direction,
      agent,
      agentMemberId: this.ids.next('MEM'),
      remoteMemberId: this.ids.next('MEM'),
      remoteLegId: this.ids.next('LEG'),
      remoteUserId: this.ids.next('USR'),
      remote,
      remoteType,
      state: 'ringing',
      agentMuted: false,
      agentEarmuffed: false,
      dtmf: '',
      agentJoinAnnounced: false,
      calleeLegHistory: [],
      createdAt: this.timestamp(),
      lastEventId: 0,
    };
    this.calls.set(call.callId, call);
    return call;
  }
}
