// Builders for every event the fake cloud pushes, shaped like the captures in /work/shared/vonage-wire.
// Each takes the event id explicitly so the per-conversation counter stays in one place (CloudState).
import type { AgentRecord, CallRecord, SessionRecord } from './cloud-state.ts';
import type {
  AudioDtmfEvent,
  AudioToggleEvent,
  LegStatusUpdateEvent,
  MemberInvitedEvent,
  MemberJoinedEvent,
  MemberLeftEvent,
  PendingEvent,
  RtcAnswerEvent,
  RtcHangupEvent,
  SessionSuccessEvent,
  WireChannel,
  WireHangupReason,
  WireLegStatus,
  WireMemberEventBody,
  WireMemberLeftReason,
} from './wire-types.ts';

export const fakeApplicationId = 'fake-vonage-app';
export const fakeApiKey = 'fake-api-key';

/** What a member event needs to know about its call, so builders stay independent of the state class. */
export interface CallWireView {
  call: CallRecord;
  channel: WireChannel;
}

export interface EventStamp {
  id: number;
  timestamp: string;
}

function agentMemberBody({ call, channel }: CallWireView): WireMemberEventBody {
  return { member_id: call.agentMemberId, user: { id: call.agent.userId, name: call.agent.userName }, channel };
}

export function sessionSuccess(
  session: SessionRecord,
  agent: AgentRecord,
  pending: PendingEvent[],
): SessionSuccessEvent {
  const body: SessionSuccessEvent['body'] = {
    id: session.id,
    user_id: agent.userId,
    name: agent.userName,
    api_key: fakeApiKey,
  };
  return { body: pending.length > 0 ? { ...body, pending_events: pending } : body };
}

/** The invite carries the far end's SDP offer; the SDK answers it in POST .../rtc/{leg}/answer. */
export function memberInvited(view: CallWireView, stamp: EventStamp, sdp: string): MemberInvitedEvent {
  const { call } = view;
  return {
    id: stamp.id,
    cid: call.conversationId,
    timestamp: stamp.timestamp,
    from: call.remoteMemberId,
    application_id: fakeApplicationId,
    body: {
      ...agentMemberBody(view),
      conversation: { conversation_id: call.conversationId, name: call.conversationName },
      media: { audio_settings: { enabled: true, earmuffed: false, muted: false } },
      invited_by: call.remote,
      sdp,
    },
  };
}

/** member:joined and member:left share one envelope around the agent's member body. */
function agentMemberEvent<Body>(view: CallWireView, stamp: EventStamp, body: Body) {
  return {
    id: stamp.id,
    cid: view.call.conversationId,
    timestamp: stamp.timestamp,
    from: view.call.agentMemberId,
    application_id: fakeApplicationId,
    body,
  };
}

export function memberJoined(view: CallWireView, stamp: EventStamp): MemberJoinedEvent {
  return agentMemberEvent(view, stamp, agentMemberBody(view));
}

export function memberLeft(
  view: CallWireView,
  stamp: EventStamp,
  reason: WireMemberLeftReason | undefined,
): MemberLeftEvent {
  const body = agentMemberBody(view);
  return agentMemberEvent(view, stamp, reason === undefined ? body : { ...body, reason });
}

/**
 * The call's quality as the cloud reports it at hangup: a clean call scores 4.4; a call degraded on demand
 * (`degradeCall`) loses score with its loss and jitter, roughly as the E-model would, so the agent's summary
 * agrees with the *Poor* shown during the call.
 */
function hangupQuality(impairment: CallRecord['mediaImpairment']) {
  if (!impairment) return { mos: 4.4, lossPercent: 0 };
  const mos = Math.max(1, 4.4 - impairment.lossPercent * 0.05 - impairment.jitterMs * 0.005);
  return { mos: Math.round(mos * 10) / 10, lossPercent: impairment.lossPercent };
}

/** Every field of bandwidth and quality is required by the SDK, so plausible values fill them. */
export function rtcHangup(view: CallWireView, stamp: EventStamp, from: string, reason: WireHangupReason): RtcHangupEvent {
  const quality = hangupQuality(view.call.mediaImpairment);
  return {
    id: stamp.id,
    cid: view.call.conversationId,
    from,
    body: {
      channel: view.channel,
      direction: view.call.direction,
      bandwidth: { bytes_in: 0, bytes_out: 0 },
      reason,
      quality: {
        mos_score: quality.mos,
        quality_percentage: Math.round((quality.mos / 4.4) * 100),
        jitter_min_var: 0,
        jitter_max_var: 0,
        jitter_loss_rate: 0,
        jitter_burst_rate: 0,
        flaw_total: 0,
        packet_cnt: 0,
        packet_loss_perc: quality.lossPercent,
      },
    },
  };
}

/**
 * Status of the callee's leg. `_embedded.from_user` must be present and must not be the agent, or the SDK
 * treats the update as its own and drops it.
 */
export function legStatusUpdate(
  call: CallRecord,
  stamp: EventStamp,
  history: readonly { status: WireLegStatus; date: string }[],
): LegStatusUpdateEvent {
  const latest = history.at(-1);
  if (!latest) throw new Error('legStatusUpdate needs at least one status');
  return {
    id: stamp.id,
    cid: call.conversationId,
    from: call.remoteMemberId,
    _embedded: {
      from_user: { id: call.remoteUserId, name: call.remote },
      from_member: { id: call.remoteMemberId },
    },
    body: {
      direction: 'outbound',
      leg_id: call.remoteLegId,
      status: latest.status,
      type: call.remoteType,
      statusHistory: [...history],
    },
  };
}

export function audioToggle(call: CallRecord, stamp: EventStamp, from: string): AudioToggleEvent {
  return { id: stamp.id, cid: call.conversationId, from, body: { rtc_id: call.callId } };
}

export function audioDtmf(call: CallRecord, stamp: EventStamp, from: string, digit: string): AudioDtmfEvent {
  return { id: stamp.id, cid: call.conversationId, from, body: { digit, channel: { id: call.callId, type: 'app' } } };
}

/** Answers an SDK re-offer (reload recovery, media reconnect); HTTP only acknowledges the offer. */
export function rtcAnswer(call: CallRecord, stamp: EventStamp, sdp: string): RtcAnswerEvent {
  return { id: stamp.id, cid: call.conversationId, from: call.agentMemberId, body: { rtc_id: call.callId, answer: sdp } };
}

export function emptyBody(): { body: Record<string, never> } {
  return { body: {} };
}
