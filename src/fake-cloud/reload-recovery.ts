// What a reloaded page (or the SDK's media reconnect) needs to resume a live call: GET the leg, GET its own
// member, then POST a fresh offer that the far end answers with a new peer over socket `rtc:answer`.
import { partnerOf } from './agent-to-agent.ts';
import { nextStamp, pushToAgent } from './call-events.ts';
import type { CloudContext } from './cloud-context.ts';
import type { CallRecord } from './cloud-state.ts';
import { rtcAnswer } from './socket-events.ts';

export function legSnapshot(ctx: CloudContext, call: CallRecord) {
  const channel = ctx.state.agentChannel(call);
  return {
    id: call.callId,
    conversation_id: call.conversationId,
    status: call.state === 'ringing' ? 'ringing' : call.state === 'answered' ? 'answered' : 'completed',
    start_time: call.createdAt,
    end_time: '',
    direction: call.direction,
    type: 'app',
    from: channel.from,
    to: channel.to,
  };
}

/** GetMember; the SDK refuses to resume unless the state is JOINED. */
export function agentMemberSnapshot(call: CallRecord) {
  return {
    id: call.agentMemberId,
    state: call.state === 'answered' ? 'JOINED' : call.state === 'ringing' ? 'INVITED' : 'LEFT',
    _embedded: { user: { id: call.agent.userId, name: call.agent.userName } },
    channel: { type: 'app', id: call.callId },
    timestamp: { joined: call.answeredAt ?? call.createdAt },
  };
}

/** The HTTP reply only acknowledges; the answer follows on the socket once the new far-end peer is ready. */
export function acceptReoffer(ctx: CloudContext, call: CallRecord, offerSdp: string): void {
  void ctx.media
    .answerOffer(call.callId, offerSdp)
    .then((sdp) => {
      if (call.state === 'ended') {
        ctx.media.close(call.callId);
        return;
      }
      // The new peer replaces the old one: an agent-to-agent call joins it to the other agent's far end again.
      const partner = partnerOf(ctx, call);
      if (partner?.state === 'answered') ctx.media.bridge?.(call.callId, partner.callId);
      ctx.phones?.agentMediaRenewed(call);
      pushToAgent(ctx, call, { type: 'rtc:answer', payload: rtcAnswer(call, nextStamp(ctx, call), sdp) });
    })
    .catch((error: unknown) => console.warn('[fake-vonage] re-offer failed', error));
}
