import { describe, expect, it } from 'vitest';
import { sequentialIdFactory } from './cloud-ids.ts';
import { CloudState } from './cloud-state.ts';
import {
  audioDtmf,
  audioToggle,
  legStatusUpdate,
  memberInvited,
  memberJoined,
  memberLeft,
  rtcAnswer,
  rtcHangup,
  sessionSuccess,
} from './socket-events.ts';
import { testAgents } from './test-support.ts';

function inboundCall() {
  const state = new CloudState(testAgents, sequentialIdFactory());
  const call = state.createInboundCall(testAgents[0], '447700900001', 'phone');
  return { state, call, view: { call, channel: state.agentChannel(call) } };
}

const stamp = { id: 7, timestamp: '2026-01-02T03:04:05.000Z' };

describe('socket event builders', () => {
  it('member:invited carries every required key, the offer and the agent as user', () => {
    const { view, call } = inboundCall();
    const event = memberInvited(view, stamp, 'v=0 offer');
    expect(Number.isInteger(event.id)).toBe(true);
    expect(event).toMatchObject({ cid: call.conversationId, timestamp: stamp.timestamp });
    expect(event.body).toMatchObject({
      conversation: { conversation_id: call.conversationId, name: call.conversationName },
      member_id: call.agentMemberId,
      user: { id: 'USR-jane', name: 'Jane' },
      media: { audio_settings: { enabled: true, earmuffed: false, muted: false } },
      sdp: 'v=0 offer',
    });
    expect(event.body.channel).toEqual({
      id: call.callId,
      type: 'app',
      from: { type: 'phone', number: '447700900001' },
      to: { type: 'app', user: 'Jane' },
    });
  });

  it('member:joined and member:left describe the same agent member and channel', () => {
    const { view, call } = inboundCall();
    const joined = memberJoined(view, stamp);
    const left = memberLeft(view, { ...stamp, id: 8 }, { code: 'REMOTE_REJECT', text: 'x' });
    expect(joined.body).toEqual({ member_id: call.agentMemberId, user: { id: 'USR-jane', name: 'Jane' }, channel: view.channel });
    expect(left.body).toMatchObject({ member_id: call.agentMemberId, channel: view.channel, reason: { code: 'REMOTE_REJECT' } });
    expect(left.timestamp).toBe(stamp.timestamp);
    expect('reason' in memberLeft(view, stamp, undefined).body).toBe(false);
  });

  it('rtc:hangup has every bandwidth, reason and quality field the SDK requires', () => {
    const { view } = inboundCall();
    const event = rtcHangup(view, stamp, 'MEM-caller', { code: 'REMOTE_HANGUP', text: 'bye', sip_code: 200 });
    expect(event.body.direction).toBe('inbound');
    expect(Object.keys(event.body.bandwidth).sort()).toEqual(['bytes_in', 'bytes_out']);
    expect(Object.keys(event.body.quality).sort()).toEqual(
      [
        'flaw_total',
        'jitter_burst_rate',
        'jitter_loss_rate',
        'jitter_max_var',
        'jitter_min_var',
        'mos_score',
        'packet_cnt',
        'packet_loss_perc',
        'quality_percentage',
      ].sort(),
    );
    expect(event.body.reason).toEqual({ code: 'REMOTE_HANGUP', text: 'bye', sip_code: 200 });
    expect(Number.isInteger(event.body.quality.flaw_total) && Number.isInteger(event.body.quality.packet_cnt)).toBe(true);
  });

  it('rtc:hangup scores a clean call 4.4, and a call degraded on demand lower, as the E-model would', () => {
    const { view } = inboundCall();
    const clean = rtcHangup(view, stamp, 'MEM-caller', { code: 'REMOTE_HANGUP', text: 'bye', sip_code: 200 });
    expect(clean.body.quality).toMatchObject({ mos_score: 4.4, quality_percentage: 100, packet_loss_perc: 0 });
    view.call.mediaImpairment = { lossPercent: 30, jitterMs: 100 };
    const degraded = rtcHangup(view, stamp, 'MEM-caller', { code: 'REMOTE_HANGUP', text: 'bye', sip_code: 200 });
    expect(degraded.body.quality.mos_score).toBeLessThan(3.1);
    expect(degraded.body.quality.packet_loss_perc).toBe(30);
  });

  it('leg:status:update uses lowercase statuses and names the callee, never the agent', () => {
    const state = new CloudState(testAgents, sequentialIdFactory());
    const call = state.createOutboundCall(testAgents[0]);
    state.setCallee(call, { type: 'phone', number: '447700900002' });
    const history = [
      { status: 'ringing' as const, date: 'a' },
      { status: 'answered' as const, date: 'b' },
    ];
    const event = legStatusUpdate(call, stamp, history);
    expect(event.body.status).toBe('answered');
    expect(event.body.status).toBe(event.body.status.toLowerCase());
    expect(event.body.statusHistory).toEqual(history);
    expect(event._embedded.from_user.id).not.toBe(call.agent.userId);
    expect(event._embedded.from_user.name).toBe('447700900002');
    expect(event.body.leg_id).toBe(call.remoteLegId);
    expect(() => legStatusUpdate(call, stamp, [])).toThrow();
  });

  it('audio events point at the agent leg', () => {
    const { call } = inboundCall();
    expect(audioToggle(call, stamp, call.agentMemberId)).toEqual({
      id: 7,
      cid: call.conversationId,
      from: call.agentMemberId,
      body: { rtc_id: call.callId },
    });
    expect(audioDtmf(call, stamp, call.agentMemberId, '12#').body).toEqual({
      digit: '12#',
      channel: { id: call.callId, type: 'app' },
    });
    expect(rtcAnswer(call, stamp, 'sdp').body).toEqual({ rtc_id: call.callId, answer: 'sdp' });
  });

  it('session:success names the session and user, and replays pending events only when there are some', () => {
    const state = new CloudState(testAgents, sequentialIdFactory());
    const session = state.openSession('Jane', 't');
    expect(sessionSuccess(session, testAgents[0], [])).toEqual({
      body: { id: session.id, user_id: 'USR-jane', name: 'Jane', api_key: 'fake-api-key' },
    });
    const replay = [{ type: 'member:invited', id: 1 }];
    expect(sessionSuccess(session, testAgents[0], replay).body.pending_events).toEqual(replay);
  });
});
