import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptAgentAnswer, ringAgent } from '../inbound-calls.ts';
import { connectAgent, testContext } from '../test-support.ts';
import { describeLeg, legsInConversation, transferLeg } from './call-legs.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function answeredDirectCall() {
  const { ctx } = testContext();
  connectAgent(ctx, 'Jane');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  await acceptAgentAnswer(ctx, call, 'sdk-answer');
  return { ctx, call };
}

describe('the Voice API’s view of the cloud’s legs', () => {
  it('describes the agent’s leg and the caller’s leg in one conversation', async () => {
    const { ctx, call } = await answeredDirectCall();
    expect(describeLeg(ctx, call.callId)).toEqual({
      uuid: call.callId,
      conversation_uuid: call.conversationId,
      status: 'answered',
      direction: 'inbound',
      from: { type: 'phone', number: '447700900001' },
      to: { type: 'app', user: 'Jane' },
    });
    expect(legsInConversation(ctx, call.conversationId).map((leg) => leg.uuid)).toEqual([call.callId, call.remoteLegId]);
    expect(describeLeg(ctx, 'LEG-unknown')).toBeUndefined();
  });

  it('refuses transfers where no contact center runs NCCOs, and for legs it does not know', async () => {
    const { ctx, call } = await answeredDirectCall();
    expect(() => transferLeg(ctx, call.remoteLegId, [])).toThrow(/need the emulator/);
    ctx.contactCenter = { callerLegs: () => [] } as unknown as NonNullable<typeof ctx.contactCenter>;
    expect(() => transferLeg(ctx, 'LEG-unknown', [])).toThrow(/No call LEG-unknown/);
  });

  it('hands a caller rung straight at an agent to the contact center with the new NCCO', async () => {
    const { ctx, call } = await answeredDirectCall();
    const adoptCaller = vi.fn(() => 'LEG-adopted');
    ctx.contactCenter = { callerLegs: () => [], callerConnectedTo: () => undefined, adoptCaller } as unknown as NonNullable<typeof ctx.contactCenter>;
    const ncco = [{ action: 'connect', endpoint: [{ type: 'app', user: 'Joe' }] }];
    transferLeg(ctx, call.remoteLegId, ncco);
    expect(adoptCaller).toHaveBeenCalledWith('447700900001', ncco);
  });
});
