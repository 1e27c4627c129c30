import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentLeaves } from './call-hangups.ts';
import type { CloudContext } from './cloud-context.ts';
import type { CalleeOptions } from './control-api.ts';
import { acceptAgentAnswer, rejectInvite } from './inbound-calls.ts';
import { cancelKnock, knock, openOutboundLeg } from './outbound-calls.ts';
import { remoteHangup } from './call-hangups.ts';
import { connectAgent, testContext, type RecordingPort } from './test-support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function dial(callee: CalleeOptions, knockToo = true) {
  const { ctx, media } = testContext();
  ctx.callee = callee;
  const tab = connectAgent(ctx, 'Jane');
  const session = ctx.state.sessionsOf('Jane')[0];
  if (!session) throw new Error('no session');
  const leg = await openOutboundLeg(ctx, session, 'sdk-offer');
  const call = ctx.state.call(leg.rtc_id);
  if (!call) throw new Error('no call');
  const knockingId = knockToo ? knock(ctx, call, { type: 'phone', number: '447700900002' }) : undefined;
  return { ctx, media, tab, call, leg, knockingId };
}

function legStatuses(tab: RecordingPort): unknown[] {
  return tab
    .events()
    .filter((event) => event.type === 'leg:status:update')
    .map((event) => (event.payload.body as { status: string }).status);
}

function settle(ctx: CloudContext, afterMs: number) {
  vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs + afterMs);
}

describe('outbound call flow', () => {
  it('answers the SDK offer in the /legs reply', async () => {
    const { leg, media, call } = await dial({ behaviour: 'answer' });
    expect(leg).toEqual({ rtc_id: call.callId, sdp: `answer-to-${call.callId}:sdk-offer` });
    expect(media.answerOffer).toHaveBeenCalledWith(call.callId, 'sdk-offer');
  });

  it('joins the agent, rings, then answers after afterMs', async () => {
    const { ctx, tab, call } = await dial({ behaviour: 'answer', afterMs: 1000 });
    vi.advanceTimersByTime(ctx.timing.pushDelayMs);
    expect(tab.types()).toEqual(['member:joined']);
    expect(tab.events()[0]?.payload).toMatchObject({ cid: call.conversationId, body: { channel: { id: call.callId } } });
    vi.advanceTimersByTime(ctx.timing.calleeRingDelayMs);
    expect(legStatuses(tab)).toEqual(['ringing']);
    vi.advanceTimersByTime(999);
    expect(call.state).toBe('ringing');
    vi.advanceTimersByTime(1);
    expect(legStatuses(tab)).toEqual(['ringing', 'answered']);
    expect(call.state).toBe('answered');
    expect(call.remote).toBe('447700900002');
  });

  it('busy ends the call with member:left remote_rejected before rtc:hangup', async () => {
    const { ctx, tab, call, media } = await dial({ behaviour: 'busy' });
    settle(ctx, ctx.timing.defaultBusyAfterMs);
    expect(tab.types()).toEqual(['member:joined', 'leg:status:update', 'member:left', 'rtc:hangup']);
    expect(tab.events()[2]?.payload).toMatchObject({ body: { reason: { code: 'remote_rejected' } } });
    expect(call.state).toBe('ended');
    expect(media.closed).toEqual([call.callId]);
  });

  it('no-answer waits for the default 8 s and ends with member:left ring_timer', async () => {
    const { ctx, tab, call } = await dial({ behaviour: 'no-answer' });
    settle(ctx, ctx.timing.defaultNoAnswerAfterMs - 1);
    expect(call.state).toBe('ringing');
    vi.advanceTimersByTime(1);
    expect(tab.events()[2]?.payload).toMatchObject({ body: { reason: { code: 'ring_timer' } } });
    expect(call.state).toBe('ended');
  });

  it('still sends member:joined in time when the SDK never knocks', async () => {
    const { ctx, tab } = await dial({ behaviour: 'answer' }, false);
    vi.advanceTimersByTime(ctx.timing.outboundJoinFallbackMs);
    expect(tab.types()).toEqual(['member:joined']);
    expect(ctx.timing.outboundJoinFallbackMs).toBeLessThan(10_000);
  });

  it('sends member:joined once even when the fallback also fires', async () => {
    const { ctx, tab } = await dial({ behaviour: 'answer', afterMs: 60_000 });
    vi.advanceTimersByTime(ctx.timing.outboundJoinFallbackMs + 10);
    expect(tab.types().filter((type) => type === 'member:joined')).toHaveLength(1);
  });

  it('a local hangup while ringing stops the callee outcome', async () => {
    const { ctx, tab, call } = await dial({ behaviour: 'answer', afterMs: 5000 });
    vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs);
    agentLeaves(ctx, call);
    vi.advanceTimersByTime(10_000);
    expect(call.endReason).toBe('LOCAL_HANGUP');
    expect(legStatuses(tab)).toEqual(['ringing']);
    expect(tab.types().slice(-2)).toEqual(['rtc:hangup', 'member:left']);
  });

  it('DELETE knocking cancels the call; an unknown knocker is an error', async () => {
    const { ctx, call, knockingId } = await dial({ behaviour: 'answer', afterMs: 5000 });
    cancelKnock(ctx, knockingId ?? '');
    expect(call.state).toBe('ended');
    expect(() => cancelKnock(ctx, 'KNO-nope')).toThrow(/Unknown knocker/);
  });
});

describe('an agent calling another agent by name', () => {
  async function janeCallsJoe({ joeSignedIn = true } = {}) {
    const { ctx, media } = testContext();
    const jane = connectAgent(ctx, 'Jane');
    const joe = joeSignedIn ? connectAgent(ctx, 'Joe') : undefined;
    const session = ctx.state.sessionsOf('Jane')[0];
    if (!session) throw new Error('no session');
    const leg = await openOutboundLeg(ctx, session, 'sdk-offer');
    const call = ctx.state.call(leg.rtc_id);
    if (!call) throw new Error('no call');
    knock(ctx, call, { type: 'phone', number: 'Joe' }, 'Joe');
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    const joeCall = ctx.state.snapshots().find((snapshot) => snapshot.agent === 'Joe');
    return { ctx, media, jane, joe, call, joeCall: joeCall && ctx.state.call(joeCall.callId) };
  }

  it('rings Joe for real, from Jane as an app user, while Jane hears it ring', async () => {
    const { jane, joe, joeCall, call } = await janeCallsJoe();
    expect(joeCall).toMatchObject({ direction: 'inbound', remote: 'Jane', remoteType: 'app', state: 'ringing' });
    expect(joe?.events()[0]?.payload).toMatchObject({ body: { channel: { from: { type: 'app', user: 'Jane' } } } });
    expect(jane.types()).toEqual(['member:joined', 'leg:status:update']);
    expect(legStatuses(jane)).toEqual(['ringing']);
    expect(call.remote).toBe('Joe');
  });

  it('Joe answers: Jane\'s leg is answered and the two far ends are joined; Joe hangs up, Jane\'s call ends too', async () => {
    const { ctx, media, jane, call, joeCall } = await janeCallsJoe();
    if (!joeCall) throw new Error('Joe was not rung');
    await acceptAgentAnswer(ctx, joeCall, 'joe-answer');
    expect(legStatuses(jane)).toEqual(['ringing', 'answered']);
    expect(call.state).toBe('answered');
    expect(media.bridge).toHaveBeenCalledWith(call.callId, joeCall.callId);

    remoteHangup(ctx, joeCall.callId);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
  });

  it('Joe rejects: Jane hears busy; Jane gives up first: Joe\'s invite is withdrawn', async () => {
    const rejected = await janeCallsJoe();
    if (!rejected.joeCall) throw new Error('Joe was not rung');
    rejectInvite(rejected.ctx, rejected.joeCall);
    expect(rejected.call).toMatchObject({ state: 'ended', endReason: 'REMOTE_BUSY' });

    const cancelled = await janeCallsJoe();
    if (!cancelled.joeCall) throw new Error('Joe was not rung');
    agentLeaves(cancelled.ctx, cancelled.call);
    expect(cancelled.joeCall).toMatchObject({ state: 'ended', endReason: 'REMOTE_CANCEL' });
  });

  it('an agent with no session gets the simulated far end, as a number would', async () => {
    const { ctx, joeCall, jane } = await janeCallsJoe({ joeSignedIn: false });
    expect(joeCall).toBeUndefined();
    settle(ctx, ctx.timing.defaultAnswerAfterMs);
    expect(legStatuses(jane)).toEqual(['ringing', 'answered']);
  });
});
