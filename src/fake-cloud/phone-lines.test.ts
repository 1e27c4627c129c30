import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentLeaves } from './call-hangups.ts';
import type { CloudContext } from './cloud-context.ts';
import { createControl } from './fake-vonage-control.ts';
import { acceptAgentAnswer } from './inbound-calls.ts';
import { knock, openOutboundLeg } from './outbound-calls.ts';
import { parsePhoneDial, phoneMediaKey, PhoneLines } from './phone-lines.ts';
import type { PhoneSnapshot } from './phone-protocol.ts';
import { acceptReoffer } from './reload-recovery.ts';
import { resetCloud } from './reset-cloud.ts';
import { connectAgent, testContext } from './test-support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function withPhone() {
  const { ctx, media } = testContext();
  const phones = new PhoneLines(ctx, ['Jane', 'Joe']);
  ctx.phones = phones;
  const seen: PhoneSnapshot[] = [];
  const { number } = phones.register((phone) => seen.push(phone));
  const jane = connectAgent(ctx, 'Jane');
  const last = () => seen.at(-1);
  return { ctx, media, phones, number, jane, seen, last };
}

function callOf(ctx: CloudContext, callId: string | undefined) {
  const call = ctx.state.call(callId ?? '');
  if (!call) throw new Error(`no call ${callId}`);
  return call;
}

function legStatuses(types: { type: string; payload: Record<string, unknown> }[]): string[] {
  return types.filter((event) => event.type === 'leg:status:update').map((event) => (event.payload.body as { status: string }).status);
}

/** Jane dials `to` from her softphone (serverCall with a phone number) and the knock reaches the cloud. */
async function janeDials(ctx: CloudContext, to: string) {
  const session = ctx.state.sessionsOf('Jane')[0];
  if (!session) throw new Error('Jane has no session');
  const leg = await openOutboundLeg(ctx, session, 'sdk-offer');
  const call = ctx.state.call(leg.rtc_id);
  if (!call) throw new Error('no call');
  knock(ctx, call, { type: 'phone', number: to });
  return call;
}

describe('phone numbers', () => {
  it('are sequential demo numbers; a free requested number is kept, a taken one is not', () => {
    const { ctx } = testContext();
    const phones = new PhoneLines(ctx, ['Jane']);
    const noop = () => undefined;
    expect(phones.register(noop).number).toBe('442079460501');
    expect(phones.register(noop, '447700900555').number).toBe('447700900555');
    expect(phones.register(noop, '447700900555').number).toBe('442079460502');
    expect(phones.register(noop, '+44 nonsense').number).toBe('442079460503');
    phones.unregister('442079460501');
    expect(phones.snapshots().map((phone) => phone.number)).toEqual(['447700900555', '442079460502', '442079460503']);
  });

  it('reads what is dialled as a keypad would', () => {
    expect(parsePhoneDial(' jane ')).toEqual({ kind: 'agent', name: 'jane' });
    expect(parsePhoneDial('+44 7700 900123')).toEqual({ kind: 'number', digits: '447700900123' });
    expect(parsePhoneDial('0044 7700 900123')).toEqual({ kind: 'number', digits: '447700900123' });
    expect(parsePhoneDial('07700 900123')).toEqual({ kind: 'number', digits: '447700900123' });
    expect(parsePhoneDial('123')).toEqual({ kind: 'invalid' });
    expect(parsePhoneDial('12ab')).toEqual({ kind: 'invalid' });
    expect(parsePhoneDial('')).toEqual({ kind: 'invalid' });
  });
});

describe('the phone calls an agent', () => {
  it('rings Jane (any case) from its number; she answers, keys are recorded, the phone hangs up', async () => {
    const { ctx, phones, number, jane, last } = withPhone();
    await phones.dial(number, 'jane');
    const phone = last();
    expect(phone).toMatchObject({ status: 'calling', direction: 'outgoing', remote: 'Jane', digits: '' });
    const call = ctx.state.call(phone?.callId ?? '');
    expect(call).toMatchObject({ direction: 'inbound', remote: number, remoteType: 'phone', state: 'ringing' });
    expect(jane.events()[0]).toMatchObject({ type: 'member:invited', payload: { body: { channel: { from: { type: 'phone', number } } } } });

    phones.pressKey(number, '5');
    expect(last()?.digits).toBe('');
    if (!call) throw new Error('no call');
    await acceptAgentAnswer(ctx, call, 'jane-answer');
    expect(last()).toMatchObject({ status: 'connected', remote: 'Jane' });
    phones.pressKey(number, '1');
    phones.pressKey(number, '#');
    expect(last()?.digits).toBe('1#');

    phones.hangUp(number);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
    expect(last()).toMatchObject({ status: 'ended', outcome: 'hung-up', digits: '1#', callId: call.callId });
  });

  it('hanging up while it rings withdraws the invite (RemoteCancel)', async () => {
    const { ctx, phones, number, last } = withPhone();
    await phones.dial(number, 'Jane');
    phones.hangUp(number);
    expect(ctx.state.call(last()?.callId ?? '')).toMatchObject({ state: 'ended', endReason: 'REMOTE_CANCEL' });
    expect(last()).toMatchObject({ status: 'ended', outcome: 'hung-up' });
  });

  it('hanging up before the cloud has placed the call cancels it as soon as it exists', async () => {
    const { ctx, phones, number, last } = withPhone();
    const dialling = phones.dial(number, 'Jane');
    expect(last()).toMatchObject({ status: 'calling', remote: 'Jane' });
    phones.hangUp(number);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'hung-up' });
    await dialling;
    expect(ctx.state.snapshots()).toMatchObject([{ state: 'ended', endReason: 'REMOTE_CANCEL' }]);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'hung-up' });
  });

  it('Jane rejects: busy; her invite rings out: no answer; she hangs up: the call ended on her side', async () => {
    const rejected = withPhone();
    await rejected.phones.dial(rejected.number, 'Jane');
    agentLeaves(rejected.ctx, callOf(rejected.ctx, rejected.last()?.callId));
    await vi.advanceTimersByTimeAsync(rejected.ctx.timing.pushDelayMs);
    expect(rejected.last()).toMatchObject({ status: 'ended', outcome: 'busy' });

    const unanswered = withPhone();
    await unanswered.phones.dial(unanswered.number, 'Jane');
    vi.advanceTimersByTime(unanswered.ctx.timing.inviteRingTimeoutMs);
    expect(unanswered.last()).toMatchObject({ status: 'ended', outcome: 'no-answer' });

    const answered = withPhone();
    await answered.phones.dial(answered.number, 'Jane');
    const call = callOf(answered.ctx, answered.last()?.callId);
    await acceptAgentAnswer(answered.ctx, call, 'sdp');
    agentLeaves(answered.ctx, call);
    expect(answered.last()).toMatchObject({ status: 'ended', outcome: 'remote-hung-up' });
  });

  it('places no call to a number no one has, a name no agent has, or an agent who is not signed in', async () => {
    const { ctx, phones, number, last } = withPhone();
    await phones.dial(number, '+44 7700 900999');
    expect(last()).toMatchObject({ status: 'ended', outcome: 'unreachable', remote: '447700900999' });
    await phones.dial(number, 'Bob');
    expect(last()).toMatchObject({ status: 'ended', outcome: 'unreachable', remote: 'Bob' });
    await phones.dial(number, 'joe');
    expect(last()).toMatchObject({ status: 'ended', outcome: 'unavailable', remote: 'Joe' });
    await phones.dial(number, `+${number}`);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'busy' });
    await expect(phones.dial(number, '12')).rejects.toThrow(/neither a number nor an agent/);
    expect(ctx.state.snapshots()).toEqual([]);
  });

  it('refuses a second call while one is in progress', async () => {
    const { phones, number } = withPhone();
    await phones.dial(number, 'Jane');
    await expect(phones.dial(number, 'Jane')).rejects.toThrow(/Hang up/);
  });
});

describe('an agent calls the phone', () => {
  it('rings the phone instead of the simulated callee; it answers, its audio joins Jane\'s far end; Jane hangs up', async () => {
    const { ctx, media, phones, number, jane, last } = withPhone();
    const call = await janeDials(ctx, `+${number}`);
    expect(() => phones.answer(number)).toThrow(/not ringing/);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs);
    expect(jane.types()).toEqual(['member:joined', 'leg:status:update']);
    expect(last()).toMatchObject({ status: 'ringing', direction: 'incoming', remote: 'Jane', callId: call.callId });
    // The simulated callee would have answered by now; the phone's user has not.
    vi.advanceTimersByTime(ctx.timing.defaultAnswerAfterMs);
    expect(call.state).toBe('ringing');

    phones.answer(number);
    expect(call.state).toBe('answered');
    expect(legStatuses(jane.events())).toEqual(['ringing', 'answered']);
    expect(last()).toMatchObject({ status: 'connected' });

    const key = phoneMediaKey(number, call.callId);
    await expect(phones.offer(number, call.callId, 'phone-offer')).resolves.toBe(`answer-to-${key}:phone-offer`);
    expect(media.bridge).toHaveBeenCalledWith(call.callId, key);
    // Jane's far end renegotiated (a media repair, a reload): the phone's audio joins the new peer.
    media.bridge.mockClear();
    acceptReoffer(ctx, call, 'sdk-reoffer');
    await vi.advanceTimersByTimeAsync(0);
    expect(media.bridge).toHaveBeenCalledWith(call.callId, key);

    agentLeaves(ctx, call);
    expect(last()).toMatchObject({ status: 'ended', outcome: 'remote-hung-up' });
    expect(media.closed).toEqual(expect.arrayContaining([call.callId, key]));
    await expect(phones.offer(number, call.callId, 'late-offer')).rejects.toThrow(/no connected call/);
  });

  it('the phone rejects: Jane hears busy (member:left remote_rejected)', async () => {
    const { ctx, phones, number, jane, last } = withPhone();
    const call = await janeDials(ctx, number);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs);
    phones.reject(number);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_BUSY' });
    expect(jane.events().find((event) => event.type === 'member:left')?.payload).toMatchObject({ body: { reason: { code: 'remote_rejected' } } });
    expect(last()).toMatchObject({ status: 'ended', outcome: 'rejected' });
  });

  it('left ringing, it times out as no answer; Jane giving up first is a missed call', async () => {
    const unanswered = withPhone();
    const call = await janeDials(unanswered.ctx, unanswered.number);
    const { pushDelayMs, calleeRingDelayMs, phoneRingTimeoutMs } = unanswered.ctx.timing;
    vi.advanceTimersByTime(pushDelayMs + calleeRingDelayMs + phoneRingTimeoutMs - 1);
    expect(call).toMatchObject({ state: 'ringing' });
    vi.advanceTimersByTime(1);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_NO_ANSWER' });
    expect(unanswered.last()).toMatchObject({ status: 'ended', outcome: 'missed' });

    const cancelled = withPhone();
    const other = await janeDials(cancelled.ctx, cancelled.number);
    agentLeaves(cancelled.ctx, other);
    expect(cancelled.last()).toMatchObject({ status: 'ended', outcome: 'missed' });
  });

  it('a phone already in a call is busy; a number without a phone gets the simulated callee', async () => {
    const { ctx, phones, number } = withPhone();
    connectAgent(ctx, 'Joe');
    await phones.dial(number, 'Joe');
    const call = await janeDials(ctx, number);
    vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_BUSY' });

    const simulated = await janeDials(ctx, '447700900999');
    vi.advanceTimersByTime(ctx.timing.pushDelayMs + ctx.timing.calleeRingDelayMs + ctx.timing.defaultAnswerAfterMs);
    expect(simulated.state).toBe('answered');
  });
});

describe('phones and the rest of the cloud', () => {
  it('a phone that goes away ends its call; a reset leaves phones idle and on line', async () => {
    const { ctx, phones, number, last } = withPhone();
    await phones.dial(number, 'Jane');
    const call = callOf(ctx, last()?.callId);
    await acceptAgentAnswer(ctx, call, 'sdp');
    phones.unregister(number);
    expect(call).toMatchObject({ state: 'ended', endReason: 'REMOTE_HANGUP' });
    expect(phones.snapshots()).toEqual([]);

    const again = withPhone();
    await again.phones.dial(again.number, 'Jane');
    resetCloud(again.ctx);
    expect(again.phones.snapshots()).toEqual([{ number: again.number, status: 'idle', digits: '', media: { framesToAgent: 0, framesFromAgent: 0 } }]);
  });

  it('the control API lists phones, and none where the cloud has no phone lines', async () => {
    const { ctx, number } = withPhone();
    await expect(createControl(ctx, () => undefined).phones()).resolves.toMatchObject([{ number, status: 'idle' }]);
    await expect(createControl(testContext().ctx, () => undefined).phones()).resolves.toEqual([]);
  });
});
