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
    // Every talk stays listed, in order, for the ended call too (a short one may be over before anyone reads it).
    expect(last()?.said).toEqual(['Press 1 for Jane', 'Goodbye']);
  });

  it('lists a prompt said twice twice, and the next call starts with nothing said', async () => {
    const { ctx, phones, phone, last, backend } = withPhone();
    backend.answerNcco = [
      { action: 'talk', text: 'Menu' },
      { action: 'talk', text: 'Menu' },
    ];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs + 5_000);
    expect(last()).toMatchObject({ status: 'ended', said: ['Menu', 'Menu'] });
    backend.answerNcco = [{ action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1 }, eventUrl: [inputUrl] }];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    expect(last()).toMatchObject({ status: 'connected' });
    expect(last()?.said).toBeUndefined();
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

describe('a caller’s connect to a Phone’s number', () => {
  function twoPhones() {
    const setup = withPhone();
    const seen: PhoneSnapshot[] = [];
    const callee = setup.phones.register((snapshot) => seen.push(snapshot)).number;
    return { ...setup, callee, calleeSeen: seen, calleeLast: () => seen.at(-1) };
  }

  it('rings that Phone from the connect’s `from`; its answer joins both Phones’ audio, and its hang-up lets the NCCO go on', async () => {
    const { ctx, media, phones, phone, last, callee, calleeLast, backend, contactCenter } = twoPhones();
    backend.answerNcco = [
      { action: 'connect', from: '447700900777', timeout: 20, eventUrl: ['http://cc.test/connect-events'], endpoint: [{ type: 'phone', number: `+${callee}` }] },
      { action: 'talk', text: 'The other side hung up' },
    ];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    const legId = contactCenter.snapshots()[0]?.id ?? '';
    await phones.offer(phone, legId, 'caller-offer');
    const ringing = calleeLast();
    expect(ringing).toMatchObject({ status: 'ringing', direction: 'incoming', remote: '447700900777' });
    const connectLeg = ringing?.callId ?? '';
    expect(connectLeg).not.toBe(legId);
    expect(backend.statuses(connectLeg)).toEqual(['started', 'ringing']);
    expect(backend.events.filter((event) => event.payload.uuid === connectLeg).map((event) => event.url)).toEqual(['http://cc.test/connect-events', 'http://cc.test/connect-events']);

    phones.answer(callee);
    await vi.advanceTimersByTimeAsync(0);
    expect(calleeLast()).toMatchObject({ status: 'connected', callId: connectLeg });
    expect(last()).toMatchObject({ status: 'connected', callId: legId, remote: callee });
    expect(backend.statuses(connectLeg)).toEqual(['started', 'ringing', 'answered']);
    expect(contactCenter.snapshots()[0]).toMatchObject({ connectedTo: callee, currentAction: 'connect' });
    await phones.offer(callee, connectLeg, 'callee-offer');
    expect(media.bridge).toHaveBeenLastCalledWith(phoneMediaKey(phone, legId), phoneMediaKey(callee, connectLeg));
    // The caller's page offers again (a repair): it is joined to the callee's audio, not to its own leg.
    await phones.offer(phone, legId, 'caller-offer-2');
    expect(media.bridge).toHaveBeenLastCalledWith(phoneMediaKey(callee, connectLeg), phoneMediaKey(phone, legId));

    phones.hangUp(callee);
    await vi.advanceTimersByTimeAsync(0);
    expect(calleeLast()).toMatchObject({ status: 'ended', outcome: 'hung-up' });
    expect(backend.statuses(connectLeg)).toEqual(['started', 'ringing', 'answered', 'completed']);
    expect(last()).toMatchObject({ status: 'connected', remote: number, prompt: 'The other side hung up' });
  });

  it('a reject is busy and an unanswered ring times out at the connect’s timeout: each time the next action runs', async () => {
    const { ctx, phones, phone, last, callee, calleeSeen, calleeLast, backend, contactCenter } = twoPhones();
    backend.answerNcco = [
      { action: 'connect', timeout: 5, endpoint: [{ type: 'phone', number: callee }] },
      { action: 'connect', timeout: 5, endpoint: [{ type: 'phone', number: callee }] },
      { action: 'talk', text: 'Nobody is free' },
    ];
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    // No `from`: the Phone shows the caller’s own number.
    expect(calleeLast()).toMatchObject({ status: 'ringing', remote: phone });
    const first = calleeLast()?.callId ?? '';
    const seenBefore = calleeSeen.length;
    phones.reject(callee);
    await vi.advanceTimersByTimeAsync(0);
    expect(calleeSeen[seenBefore]).toMatchObject({ status: 'ended', outcome: 'rejected' });
    expect(backend.statuses(first)).toEqual(['started', 'ringing', 'busy']);

    // The next connect rings the Phone again at once.
    expect(calleeLast()).toMatchObject({ status: 'ringing' });
    const second = calleeLast()?.callId ?? '';
    await vi.advanceTimersByTimeAsync(4_900);
    expect(calleeLast()).toMatchObject({ status: 'ringing' });
    await vi.advanceTimersByTimeAsync(100);
    expect(calleeLast()).toMatchObject({ status: 'ended', outcome: 'missed' });
    expect(backend.statuses(second)).toEqual(['started', 'ringing', 'timeout']);
    expect(last()).toMatchObject({ prompt: 'Nobody is free' });
    expect(contactCenter.snapshots()[0]?.connectedTo).toBeUndefined();
  });

  it('a Phone in a call is busy; a scripted caller hanging up stops the ringing; a transfer to a number rings it too', async () => {
    const { ctx, phones, phone, callee, calleeLast, backend, contactCenter } = twoPhones();
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'phone', number: phone }] }];
    const scripted = contactCenter.callFromScript('+447700900555');
    phones.callContactCenter(phone);
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    // The Phone is in a call (to the contact center): the scripted caller's connect to it is busy.
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    const busyLeg = contactCenter.snapshots().find((call) => call.id === scripted)?.events.find((event) => event.uuid !== scripted)?.uuid ?? '';
    expect(backend.statuses(busyLeg)).toEqual(['started', 'ringing', 'busy']);

    backend.answerNcco = [{ action: 'talk', text: 'Hold on' }, { action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1, timeOut: 10 } }];
    const caller = contactCenter.callFromScript('+447700900556');
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    contactCenter.transferCaller(caller, [{ action: 'connect', from: '442079460000', endpoint: [{ type: 'phone', number: callee }] }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(calleeLast()).toMatchObject({ status: 'ringing', remote: '442079460000' });
    contactCenter.callerHangsUp(caller);
    expect(calleeLast()).toMatchObject({ status: 'ended', outcome: 'missed' });
    expect(() => phones.answer(callee)).toThrow(/not ringing/);
  });

  it('a Phone that goes away while ringing is no answer; one that goes away during the call ends the connect', async () => {
    const { ctx, phones, backend, contactCenter } = withPhone();
    const gone = phones.register(() => undefined).number;
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'phone', number: gone }] }];
    const caller = contactCenter.callFromScript();
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    phones.unregister(gone);
    await vi.advanceTimersByTimeAsync(0);
    const record = contactCenter.snapshots().find((call) => call.id === caller);
    const connectLeg = record?.events.find((event) => event.uuid !== caller)?.uuid ?? '';
    expect(backend.statuses(connectLeg)).toEqual(['started', 'ringing', 'timeout']);
    expect(record).toMatchObject({ state: 'ended', outcome: 'completed' });

    const answering = phones.register(() => undefined).number;
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'phone', number: answering }] }];
    const second = contactCenter.callFromScript();
    await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
    phones.answer(answering);
    await vi.advanceTimersByTimeAsync(0);
    expect(contactCenter.snapshots().find((call) => call.id === second)).toMatchObject({ state: 'running', connectedTo: answering });
    phones.unregister(answering);
    await vi.advanceTimersByTimeAsync(0);
    expect(contactCenter.snapshots().find((call) => call.id === second)).toMatchObject({ state: 'ended', outcome: 'completed' });
  });
});
