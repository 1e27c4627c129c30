import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptAgentAnswer, ringAgent } from './inbound-calls.ts';
import { breakCallMedia } from './media-faults.ts';
import { acceptReoffer } from './reload-recovery.ts';
import { callRoutes } from './call-routes.ts';
import { connectAgent, testContext } from './test-support.ts';

const apiUrl = 'http://cloud.test/api';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function connectedCall() {
  const { ctx, media } = testContext();
  const tab = connectAgent(ctx, 'Jane');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  await acceptAgentAnswer(ctx, call, 'sdk-answer');
  return { ctx, media, tab, call };
}

function joeAgent(ctx: ReturnType<typeof testContext>['ctx']) {
  const joe = ctx.state.findAgent('Joe');
  if (!joe) throw new Error('Joe missing');
  return joe;
}

function postOffer(ctx: ReturnType<typeof testContext>['ctx'], conversationId: string, legId: string) {
  const request = new Request(`${apiUrl}/v0.3/conversations/${conversationId}/rtc/${legId}/offer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ originating_session: 'sess', from: 'MEM', body: { offer: { sdp: 'new-offer' } } }),
  });
  return getResponse(callRoutes(ctx, apiUrl), request);
}

describe('breaking a call’s media (control API breakMedia)', () => {
  it('severs the far end without ending the call or telling the agent anything', async () => {
    const { ctx, media, tab, call } = await connectedCall();
    vi.advanceTimersByTime(1_000);
    const eventsBefore = tab.types().length;
    breakCallMedia(ctx, call.callId);
    expect(media.severed).toEqual([call.callId]);
    expect(media.closed).toEqual([]);
    expect(call.state).toBe('answered');
    vi.advanceTimersByTime(60_000);
    expect(tab.types()).toHaveLength(eventsBefore);
  });

  it('answers the SDK’s renegotiation with a new far-end peer, by default', async () => {
    const { ctx, media, tab, call } = await connectedCall();
    breakCallMedia(ctx, call.callId);
    const reply = await postOffer(ctx, call.conversationId, call.callId);
    expect(reply?.status).toBe(200);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(media.answerOffer).toHaveBeenCalledWith(call.callId, 'new-offer');
    const answer = tab.events().find((event) => event.type === 'rtc:answer');
    expect(answer?.payload).toMatchObject({ body: { rtc_id: call.callId, answer: `answer-to-${call.callId}:new-offer` } });
  });

  it('refuses every renegotiation when QA asks for a repair that fails', async () => {
    const { ctx, media, call } = await connectedCall();
    breakCallMedia(ctx, call.callId, { repair: 'refuse' });
    const reply = await postOffer(ctx, call.conversationId, call.callId);
    expect(reply?.status).toBe(500);
    expect(media.answerOffer).not.toHaveBeenCalled();
  });

  it('only breaks a connected call', async () => {
    const { ctx } = testContext();
    connectAgent(ctx, 'Jane');
    const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
    expect(() => breakCallMedia(ctx, callId)).toThrow(/only a connected call/);
    expect(() => breakCallMedia(ctx, 'LEG-nope')).toThrow(/Unknown call/);
  });

  it('joins a renegotiated agent-to-agent leg to the other agent’s far end again', async () => {
    const { ctx, media, call } = await connectedCall();
    const partner = ctx.state.createInboundCall(joeAgent(ctx), 'Jane', 'app');
    ctx.state.markAnswered(partner);
    call.bridgedCallId = partner.callId;
    partner.bridgedCallId = call.callId;
    acceptReoffer(ctx, call, 'new-offer');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(media.bridge).toHaveBeenCalledWith(call.callId, partner.callId);
  });
});
