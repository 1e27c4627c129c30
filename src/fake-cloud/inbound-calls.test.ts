import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentLeaves, remoteHangup } from './call-hangups.ts';
import { acceptAgentAnswer, agentAnswering, armCancelOnAnswer, cancelInvite, ringAgent } from './inbound-calls.ts';
import { postConversationEvent } from './conversation-events.ts';
import { connectAgent, testContext } from './test-support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function ringingCall() {
  const { ctx, media } = testContext();
  const tabA = connectAgent(ctx, 'Jane', 'tab-a');
  const tabB = connectAgent(ctx, 'Jane', 'tab-b');
  const other = connectAgent(ctx, 'Joe');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  return { ctx, media, tabA, tabB, other, call };
}

describe('a caller who gives up as the agent answers (timed against the answer)', () => {
  it('cancels the invite the given time after the answer reaches the cloud, not before', async () => {
    const { ctx, tabA, call, media } = await ringingCall();
    armCancelOnAnswer(ctx, call.callId, 'remote-cancel', 30);
    vi.advanceTimersByTime(10_000);
    expect(call.state).toBe('ringing');

    agentAnswering(ctx, call);
    vi.advanceTimersByTime(29);
    expect(call.state).toBe('ringing');
    vi.advanceTimersByTime(1);
    expect(call.state).toBe('ended');
    expect(tabA.types()).toEqual(expect.arrayContaining(['rtc:hangup', 'member:left']));
    expect(media.closed).toEqual([call.callId]);
  });

  it('hangs up instead when the answer has already landed', async () => {
    const { ctx, call } = await ringingCall();
    armCancelOnAnswer(ctx, call.callId, 'remote-cancel', 50);
    agentAnswering(ctx, call);
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    vi.advanceTimersByTime(50);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
  });

  it('fires once: a second answer request does not cancel again', async () => {
    const { ctx, tabA, call } = await ringingCall();
    armCancelOnAnswer(ctx, call.callId, 'remote-cancel', 0);
    agentAnswering(ctx, call);
    agentAnswering(ctx, call);
    vi.advanceTimersByTime(1);
    expect(tabA.types().filter((type) => type === 'rtc:hangup')).toHaveLength(1);
  });
});

describe('inbound call flow', () => {
  it('invites every socket of the agent with the far end offer, and nobody else', async () => {
    const { tabA, tabB, other, call, media } = await ringingCall();
    expect(media.createOffer).toHaveBeenCalledWith(call.callId);
    for (const tab of [tabA, tabB]) {
      const [invite] = tab.events();
      expect(invite?.type).toBe('member:invited');
      expect(invite?.payload).toMatchObject({ id: 1, cid: call.conversationId, body: { sdp: `offer-for-${call.callId}` } });
    }
    expect(other.events()).toEqual([]);
  });

  it('rejects an unknown agent', async () => {
    const { ctx } = testContext();
    await expect(ringAgent(ctx, { agent: 'Nobody', from: '1' })).rejects.toThrow(/Unknown agent/);
  });

  it('answer applies the SDK answer, then pushes member:joined after the reply', async () => {
    const { ctx, media, tabA, call } = await ringingCall();
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    expect(media.answers.get(call.callId)).toBe('sdk-answer');
    expect(call.state).toBe('answered');
    expect(tabA.types()).toEqual(['member:invited']);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs);
    expect(tabA.types()).toEqual(['member:invited', 'member:joined']);
    expect(tabA.events()[1]?.payload).toMatchObject({ id: 2, body: { member_id: call.agentMemberId } });
  });

  it('an answered call never times out', async () => {
    const { ctx, tabA, call } = await ringingCall();
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    vi.advanceTimersByTime(ctx.timing.inviteRingTimeoutMs * 2);
    expect(tabA.types()).not.toContain('rtc:hangup');
    expect(call.state).toBe('answered');
  });

  it('an unanswered invite is cancelled as remote-timeout after 45 s', async () => {
    const { ctx, tabA, call, media } = await ringingCall();
    vi.advanceTimersByTime(44_999);
    expect(call.state).toBe('ringing');
    vi.advanceTimersByTime(1);
    expect(call.state).toBe('ended');
    const hangup = tabA.events().find((event) => event.type === 'rtc:hangup');
    expect(hangup?.payload).toMatchObject({ body: { reason: { sip_code: 487 } } });
    expect(tabA.types()).toContain('member:left');
    expect(media.closed).toEqual([call.callId]);
    expect(ctx.state.snapshots()[0]?.endReason).toBe('RING_TIMER');
  });

  it('cancel reasons end the call once and send their wire events', async () => {
    const { ctx, tabA, call } = await ringingCall();
    cancelInvite(ctx, call.callId, 'answered-elsewhere');
    expect(tabA.types()).toEqual(['member:invited', 'member:joined']);
    expect(call.state).toBe('ended');
    expect(() => cancelInvite(ctx, call.callId, 'remote-cancel')).toThrow(/not a ringing invite/);
  });

  it('reject (DELETE member while ringing) tells every tab after the HTTP reply', async () => {
    const { ctx, tabA, tabB, call } = await ringingCall();
    agentLeaves(ctx, call);
    expect(call.state).toBe('ended');
    expect(tabA.types()).toEqual(['member:invited']);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs);
    for (const tab of [tabA, tabB]) expect(tab.types()).toEqual(['member:invited', 'member:left', 'rtc:hangup']);
    expect(tabB.events()[1]?.payload).toMatchObject({ body: { reason: { code: 'REMOTE_REJECT' } } });
  });

  it('remote hangup of an answered call sends rtc:hangup REMOTE_HANGUP then member:left', async () => {
    const { ctx, tabA, call } = await ringingCall();
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    vi.advanceTimersByTime(ctx.timing.pushDelayMs);
    remoteHangup(ctx, call.callId);
    expect(tabA.types().slice(-2)).toEqual(['rtc:hangup', 'member:left']);
    expect(tabA.events().at(-2)?.payload).toMatchObject({ id: 3, body: { reason: { code: 'REMOTE_HANGUP' } } });
    remoteHangup(ctx, call.callId);
    expect(tabA.types()).toHaveLength(4);
  });

  it('remote hangup of a ringing invite is a caller cancel', async () => {
    const { ctx, tabA, call } = await ringingCall();
    remoteHangup(ctx, call.callId);
    expect(call.endReason).toBe('REMOTE_CANCEL');
    expect(tabA.events().find((event) => event.type === 'rtc:hangup')?.payload).toMatchObject({
      body: { reason: { code: 'REMOTE_CANCEL' } },
    });
  });

  it('local hangup of an answered call answers with rtc:hangup LOCAL_HANGUP', async () => {
    const { ctx, tabA, call } = await ringingCall();
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    agentLeaves(ctx, call);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs);
    expect(call.endReason).toBe('LOCAL_HANGUP');
    expect(tabA.events().find((event) => event.type === 'rtc:hangup')?.payload).toMatchObject({
      body: { reason: { code: 'LOCAL_HANGUP' } },
    });
  });

  it('mute, earmuff and DTMF are recorded and echoed with the Int id returned to the SDK', async () => {
    const { ctx, tabA, call } = await ringingCall();
    await acceptAgentAnswer(ctx, call, 'sdk-answer');
    const from = call.agentMemberId;
    const mute = postConversationEvent(ctx, call, { type: 'audio:mute:on', from });
    expect(Number.isInteger(mute.id)).toBe(true);
    expect(call.agentMuted).toBe(true);
    expect(tabA.events().at(-1)).toEqual({
      type: 'audio:mute:on',
      payload: { id: mute.id, cid: call.conversationId, from, body: { rtc_id: call.callId } },
    });
    postConversationEvent(ctx, call, { type: 'audio:mute:off', from });
    expect(call.agentMuted).toBe(false);
    postConversationEvent(ctx, call, { type: 'audio:earmuff:on', from });
    expect(call.agentEarmuffed).toBe(true);
    postConversationEvent(ctx, call, { type: 'audio:dtmf', from, digit: '12' });
    postConversationEvent(ctx, call, { type: 'audio:dtmf', from, digit: '#' });
    expect(call.dtmf).toBe('12#');
    expect(tabA.events().at(-1)?.payload).toMatchObject({ body: { digit: '#', channel: { id: call.callId } } });
    const before = tabA.events().length;
    expect(Number.isInteger(postConversationEvent(ctx, call, { type: 'text', from }).id)).toBe(true);
    expect(tabA.events()).toHaveLength(before);
  });
});
