import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptAgentAnswer } from '../inbound-calls.ts';
import { knock, openOutboundLeg } from '../outbound-calls.ts';
import { phoneMediaKey, PhoneLines } from '../phone-lines.ts';
import type { PhoneSnapshot } from '../phone-protocol.ts';
import { connectAgent } from '../test-support.ts';
import { contactCenterContext, inputUrl, number } from './ncco-test-support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function withPhone() {
  const setup = contactCenterContext();
  const phones = new PhoneLines(setup.ctx, ['Jane', 'Joe']);
  setup.ctx.phones = phones;
  const seen: PhoneSnapshot[] = [];
  const phone = phones.register((snapshot) => seen.push(snapshot)).number;
  const last = () => seen.at(-1);
  return { ...setup, phones, phone, last };
}

describe('the Phone calls the contact center', () => {
  it('calls, is answered, shows each prompt and when the input listens, and its keys feed the input', async () => {
    const { ctx, phones, phone, last, backend, contactCenter } = withPhone();
    backend.answerNcco = [
      { action: 'talk', text: 'Press 1 for Jane' },
      { action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1 }, eventUrl: [inputUrl] },
    ];
    backend.inputAnswers = [[{ action: 'talk', text: 'Goodbye' }]];
    phones.callContactCenter(phone);
    expect(last()).toMatchObject({ status: 'calling', remote: number, direction: 'outgoing', contactCenterNumber: number });
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    const legId = contactCenter.snapshots()[0]?.id;
    expect(last()).toMatchObject({ status: 'connected', callId: legId, prompt: 'Press 1 for Jane' });
    await vi.advanceTimersByTimeAsync(1_600);
    expect(last()).toMatchObject({ listening: true });
    phones.pressKey(phone, '1');
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ digits: '1', prompt: 'Goodbye' });
    expect(last()?.listening).toBeUndefined();
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'remote-hung-up' });
  });

  it('once an agent answers, the Phone talks to the agent’s leg (its audio is offered again and joined to it)', async () => {
    const { ctx, media, phones, phone, last, backend, contactCenter } = withPhone();
    connectAgent(ctx, 'Jane');
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'app', user: 'Jane' }] }];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    const legId = contactCenter.snapshots()[0]?.id ?? '';
    await phones.offer(phone, legId, 'phone-offer');
    const agentCallId = contactCenter.snapshots()[0]?.agentCallId ?? '';
    const agentCall = ctx.state.call(agentCallId);
    if (!agentCall) throw new Error('no agent call');
    await acceptAgentAnswer(ctx, agentCall, 'sdk-answer');
    expect(last()).toMatchObject({ status: 'connected', callId: agentCallId, remote: 'Jane' });
    expect(media.closed).toContain(phoneMediaKey(phone, legId));
    await phones.offer(phone, agentCallId, 'phone-offer-2');
    expect(media.bridge).toHaveBeenCalledWith(agentCallId, phoneMediaKey(phone, agentCallId));

    phones.hangUp(phone);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'hung-up' });
    expect(agentCall).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
    expect(contactCenter.snapshots()[0]).toMatchObject({ outcome: 'caller-hung-up' });
  });

  it('a failed NCCO ends the Phone’s call with the problem', async () => {
    const { ctx, phones, phone, last, backend } = withPhone();
    backend.answerNcco = [{ action: 'conversation', name: 'room' }];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'failed', problem: expect.stringContaining('“conversation”') });
  });

  it('an agent dialling the Phone’s number through the NCCO rings it from the connect’s `from`; a reject ends the agent’s call as busy', async () => {
    const { ctx, phones, phone, last, backend } = withPhone();
    connectAgent(ctx, 'Jane');
    backend.answerNcco = [{ action: 'connect', from: number, timeout: 20, endpoint: [{ type: 'phone', number: phone }] }];
    const session = ctx.state.sessionsOf('Jane')[0];
    if (!session) throw new Error('no session');
    const leg = await openOutboundLeg(ctx, session, 'sdk-offer');
    const call = ctx.state.call(leg.rtc_id);
    if (!call) throw new Error('no call');
    knock(ctx, call, { type: 'phone', number: phone }, undefined, { to: `+${phone}`, type: 'phone' });
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    expect(last()).toMatchObject({ status: 'ringing', remote: number, direction: 'incoming', callId: call.callId });
    phones.reject(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_BUSY' });
    expect(last()).toMatchObject({ status: 'ended', outcome: 'rejected' });
  });
});
