import { describe, expect, it } from 'vitest';
import { callerPressesKeys } from './caller-keypad.ts';
import { acceptAgentAnswer, ringAgent } from './inbound-calls.ts';
import { connectAgent, testContext } from './test-support.ts';

async function answeredCall() {
  const { ctx } = testContext();
  const tab = connectAgent(ctx, 'Jane');
  const callId = await ringAgent(ctx, { agent: 'Jane', from: '447700900001' });
  const call = ctx.state.call(callId);
  if (!call) throw new Error('call missing');
  return { ctx, tab, call, answer: () => acceptAgentAnswer(ctx, call, 'sdk-answer') };
}

describe('callerPressesKeys', () => {
  it('tells the agent’s SDK with audio:dtmf from the caller’s member and leg', async () => {
    const { ctx, tab, call, answer } = await answeredCall();
    await answer();
    callerPressesKeys(ctx, call.callId, '42#');
    expect(tab.events().at(-1)).toMatchObject({
      type: 'audio:dtmf',
      payload: { cid: call.conversationId, from: call.remoteMemberId, body: { digit: '42#', channel: { id: call.remoteLegId, type: 'phone' } } },
    });
  });

  it('refuses keys that are not DTMF, unknown calls, and calls not answered yet', async () => {
    const { ctx, call, answer } = await answeredCall();
    expect(() => callerPressesKeys(ctx, call.callId, '4')).toThrow(/not answered/);
    await answer();
    expect(() => callerPressesKeys(ctx, call.callId, '4a')).toThrow(/Digits are 0-9/);
    expect(() => callerPressesKeys(ctx, 'nope', '4')).toThrow(/Unknown call/);
  });
});
