import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CloudContext } from '../cloud-context.ts';
import { acceptAgentAnswer } from '../inbound-calls.ts';
import { knock, openOutboundLeg } from '../outbound-calls.ts';
import { agentLeaves } from '../call-hangups.ts';
import { connectAgent, type RecordingPort } from '../test-support.ts';
import type { ContactCenterCalls } from './contact-center-calls.ts';
import { contactCenterContext as setUp, inputUrl, number } from './ncco-test-support.ts';
import type { CallerLine } from './caller-leg.ts';

const lines = (): CallerLine & { said: string[]; endings: unknown[] } => {
  const said: string[] = [];
  const endings: unknown[] = [];
  return {
    said,
    endings,
    answered: () => undefined,
    says: (text) => said.push(text),
    listening: () => undefined,
    connectedToAgent: () => undefined,
    ended: (outcome, problem) => endings.push(problem === undefined ? outcome : { outcome, problem }),
  };
};

async function answered(ctx: CloudContext) {
  // Vonage answers after a short ring, then the answer URL replies.
  await vi.advanceTimersByTimeAsync(ctx.timing.calleeRingDelayMs);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

function snapshot(contactCenter: ContactCenterCalls, id: string) {
  const found = contactCenter.snapshots().find((call) => call.id === id);
  if (!found) throw new Error(`no call ${id}`);
  return found;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a caller dials the contact center', () => {
  it('asks the answer URL, says each talk for about as long as it takes, then hangs up at the end of the NCCO', async () => {
    const { ctx, backend, contactCenter } = setUp();
    // 15 words: 6 s at 150 words a minute.
    backend.answerNcco = [{ action: 'talk', text: 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen' }];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    expect(backend.answers).toEqual([{ uuid: id, conversation_uuid: expect.stringMatching(/^CON-/), from: '442079460501', to: number }]);
    expect(line.said).toHaveLength(1);
    expect(snapshot(contactCenter, id)).toMatchObject({ state: 'running', currentAction: 'talk', origin: 'phone' });
    await vi.advanceTimersByTimeAsync(5_900);
    expect(line.endings).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(line.endings).toEqual(['completed']);
    expect(snapshot(contactCenter, id)).toMatchObject({ state: 'ended', outcome: 'completed', prompts: [expect.stringMatching(/^one two/)] });
    expect(backend.statuses(id)).toEqual(['started', 'ringing', 'answered', 'completed']);
  });

  it('a short talk lasts the minimum, speechRate speeds it up, a stream is a tone of its own length, notify posts and goes on', async () => {
    const { ctx, backend, contactCenter } = setUp();
    ctx.timing = { ...ctx.timing, speechRate: 2 };
    backend.answerNcco = [
      { action: 'talk', text: 'Hi', loop: 2 },
      { action: 'stream', streamUrl: ['https://example.com/hold.mp3'] },
      { action: 'notify', payload: { step: 'after-stream' }, eventUrl: ['http://cc.test/notify'] },
    ];
    const line = lines();
    contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    await vi.advanceTimersByTimeAsync(800); // 2 x 800 ms / 2
    expect(backend.notified).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_500); // the 3 s stream / 2
    expect(backend.notified).toEqual([{ url: 'http://cc.test/notify', payload: { step: 'after-stream' } }]);
    expect(line.endings).toEqual(['completed']);
  });

  it('input: maxDigits submits at once and the NCCO its eventUrl answers replaces the rest', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [
      { action: 'input', type: ['dtmf'], dtmf: { maxDigits: 2 }, eventUrl: [inputUrl] },
      { action: 'talk', text: 'never said' },
    ];
    backend.inputAnswers = [[{ action: 'talk', text: 'You pressed one two' }]];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    contactCenter.callerPressed(id, '1');
    contactCenter.sendDigits(id, '2');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.inputs).toEqual([{ url: inputUrl, payload: { uuid: id, conversation_uuid: expect.any(String), from: '442079460501', to: number, dtmf: { digits: '12', timed_out: false } } }]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(line.said).toEqual(['You pressed one two']);
    expect(snapshot(contactCenter, id)).toMatchObject({ digits: '12', outcome: 'completed' });
  });

  it('input: timeOut after the last key (3 s by default) submits what there is, timed_out; an empty answer goes on with the NCCO', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [{ action: 'input', type: ['dtmf'], eventUrl: [inputUrl] }, { action: 'talk', text: 'Still here' }];
    backend.inputAnswers = [undefined];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    await vi.advanceTimersByTimeAsync(2_000);
    contactCenter.sendDigits(id, '7');
    await vi.advanceTimersByTimeAsync(2_900);
    expect(backend.inputs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.inputs[0]?.payload.dtmf).toEqual({ digits: '7', timed_out: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(line.said).toEqual(['Still here']);
  });

  it('input: submitOnHash submits on # without it; no key at all submits an empty, timed-out result', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [
      { action: 'input', type: ['dtmf'], dtmf: { submitOnHash: true, maxDigits: 10, timeOut: 5 }, eventUrl: [inputUrl] },
      { action: 'input', type: ['dtmf'], dtmf: { timeOut: 1 }, eventUrl: [inputUrl] },
    ];
    const id = contactCenter.callFromPhone('442079460501', lines());
    await answered(ctx);
    contactCenter.sendDigits(id, '42#');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.inputs[0]?.payload.dtmf).toEqual({ digits: '42', timed_out: false });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(backend.inputs[1]?.payload.dtmf).toEqual({ digits: '', timed_out: true });
  });

  it('a bargeIn talk stops at the first key, which the next input collects', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [
      { action: 'talk', text: 'A very long menu that the caller does not want to hear to the end at all', bargeIn: true },
      { action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1 }, eventUrl: [inputUrl] },
    ];
    const id = contactCenter.callFromPhone('442079460501', lines());
    await answered(ctx);
    await vi.advanceTimersByTimeAsync(500);
    contactCenter.sendDigits(id, '3');
    await vi.advanceTimersByTimeAsync(0);
    expect(backend.inputs[0]?.payload.dtmf).toEqual({ digits: '3', timed_out: false });
  });

  it('connect to an app user rings every session of that agent with the caller’s number; no answer within the timeout → the next action', async () => {
    const { ctx, backend, contactCenter } = setUp();
    const tab1 = connectAgent(ctx, 'Jane', 'jane-1');
    const tab2 = connectAgent(ctx, 'Jane', 'jane-2');
    backend.answerNcco = [
      { action: 'connect', timeout: 5, endpoint: [{ type: 'app', user: 'Jane' }] },
      { action: 'talk', text: 'Nobody is free, goodbye' },
    ];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    for (const tab of [tab1, tab2]) {
      const invite = tab.events().find((event) => event.type === 'member:invited');
      expect(invite?.payload).toMatchObject({ body: { channel: { from: { type: 'phone', number: '442079460501' } } } });
    }
    const agentCallId = must(snapshot(contactCenter, id).agentCallId, 'agent call');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ctx.state.call(agentCallId)).toMatchObject({ state: 'ended', endReason: 'RING_TIMER' });
    expect(line.said).toEqual(['Nobody is free, goodbye']);
    expect(backend.statuses(agentCallId)).toEqual(['started', 'ringing', 'timeout']);
  });

  it('connect to an agent with no session fails at once (event failed) and the NCCO goes on', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'app', user: 'Joe' }] }, { action: 'talk', text: 'Sorry' }];
    const line = lines();
    contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    expect(line.said).toEqual(['Sorry']);
    expect(backend.events.some((event) => event.payload.status === 'failed' && event.payload.to === 'Joe')).toBe(true);
  });

  it('the agent answers: the caller talks to the agent’s leg; when the agent hangs up the NCCO goes on, then ends', async () => {
    const { ctx, backend, contactCenter } = setUp();
    connectAgent(ctx, 'Jane');
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'app', user: 'Jane' }] }, { action: 'talk', text: 'Thanks for calling' }];
    const line = lines();
    const connected = vi.fn();
    line.connectedToAgent = connected;
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    const agentCallId = must(snapshot(contactCenter, id).agentCallId, 'agent call');
    const agentCall = must(ctx.state.call(agentCallId), 'agent call record');
    await acceptAgentAnswer(ctx, agentCall, 'sdk-answer');
    expect(connected).toHaveBeenCalledWith(agentCallId, 'Jane');
    expect(snapshot(contactCenter, id)).toMatchObject({ connectedTo: 'Jane', currentAction: 'connect' });
    agentLeaves(ctx, agentCall);
    await vi.advanceTimersByTimeAsync(0);
    expect(line.said).toEqual(['Thanks for calling']);
    await vi.advanceTimersByTimeAsync(1_200);
    expect(line.endings).toEqual(['completed']);
    expect(backend.statuses(agentCallId)).toEqual(['started', 'ringing', 'answered', 'completed']);
  });

  it('the caller hangs up while the agent rings: the invite is withdrawn and nothing more runs', async () => {
    const { ctx, backend, contactCenter } = setUp();
    connectAgent(ctx, 'Jane');
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'app', user: 'Jane' }] }, { action: 'talk', text: 'never' }];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    contactCenter.callerHangsUp(id);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ctx.state.call(must(snapshot(contactCenter, id).agentCallId, 'agent call'))).toMatchObject({ state: 'ended', endReason: 'REMOTE_CANCEL' });
    expect(line.said).toEqual([]);
    expect(snapshot(contactCenter, id)).toMatchObject({ state: 'ended', outcome: 'caller-hung-up' });
  });

  it('an action the emulator does not run ends the call with an error event, never skipped', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [{ action: 'talk', text: 'Hello' }, { action: 'record', eventUrl: ['http://cc.test/rec'] }];
    const line = lines();
    const id = contactCenter.callFromPhone('442079460501', line);
    await answered(ctx);
    const problem = expect.stringContaining('the NCCO action “record”');
    expect(line.said).toEqual([]);
    expect(line.endings).toEqual([{ outcome: 'failed', problem }]);
    expect(snapshot(contactCenter, id)).toMatchObject({ outcome: 'failed', error: problem });
    const error = backend.events.find((event) => event.payload.reason !== undefined);
    expect(error?.payload).toEqual({ reason: problem, conversation_uuid: expect.any(String), timestamp: expect.any(String) });
    expect(backend.statuses(id)).toEqual(['started', 'ringing', 'answered', 'completed']);
  });

  it('an unsupported field, an invalid NCCO, and a failing answer URL end the call the same way', async () => {
    for (const [ncco, words] of [
      [[{ action: 'talk', text: 'x', loop: 0 }], 'loop 0'],
      [[{ action: 'input', type: ['speech'] }], 'speech is not supported'],
      [[{ action: 'connect', endpoint: [{ type: 'sip', uri: 'sip:a@b' }] }], 'type “sip”'],
      [{ action: 'talk' }, 'must be a JSON array'],
    ] as const) {
      const { ctx, backend, contactCenter } = setUp();
      backend.answerNcco = ncco;
      const id = contactCenter.callFromPhone('442079460501', lines());
      await answered(ctx);
      expect(snapshot(contactCenter, id).error).toContain(words);
    }
    const { ctx, backend, contactCenter } = setUp();
    backend.answer = async () => {
      throw new Error('HTTP 500');
    };
    const id = contactCenter.callFromScript('447700900999');
    await answered(ctx);
    expect(snapshot(contactCenter, id)).toMatchObject({ origin: 'scripted', from: '447700900999', outcome: 'failed', error: 'The answer URL failed: HTTP 500' });
  });

  it('connect to a websocket fails like an unreachable one where the host has no websocket support', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [
      { action: 'connect', endpoint: [{ type: 'websocket', uri: 'ws://cc.test/echo', 'content-type': 'audio/l16;rate=16000' }] },
      { action: 'talk', text: 'The echo is not available' },
    ];
    const line = lines();
    contactCenter.callFromScript();
    await answered(ctx);
    expect(backend.events.some((event) => event.payload.status === 'failed' && event.payload.to === 'ws://cc.test/echo')).toBe(true);
    void line;
  });

  it('setInboundFlow applies a valid flow and never an invalid one', () => {
    const { contactCenter } = setUp();
    expect(contactCenter.setInboundFlow({ kind: 'agent', agent: 'Jane' })).toEqual({ ok: true });
    expect(contactCenter.info().inboundFlow).toEqual({ kind: 'agent', agent: 'Jane' });
    expect(contactCenter.setInboundFlow({ kind: 'agent', agent: 'Nobody' })).toEqual({ ok: false, problems: ['No agent named Nobody'] });
    expect(contactCenter.setInboundFlow({ kind: 'custom', ncco: 'talk' })).toMatchObject({ ok: false });
    expect(contactCenter.info().inboundFlow).toEqual({ kind: 'agent', agent: 'Jane' });
  });
});

describe('an agent’s outbound call runs the answer URL’s NCCO', () => {
  async function dial(ctx: CloudContext, customData: Record<string, unknown>): Promise<{ tab: RecordingPort; callId: string }> {
    const tab = connectAgent(ctx, 'Jane');
    const session = must(ctx.state.sessionsOf('Jane')[0], 'session');
    const leg = await openOutboundLeg(ctx, session, 'sdk-offer');
    const call = must(ctx.state.call(leg.rtc_id), 'call');
    knock(ctx, call, { type: 'phone', number: String(customData.to) }, customData.type === 'app' ? String(customData.to) : undefined, customData);
    return { tab, callId: call.callId };
  }

  const legStatuses = (tab: RecordingPort) =>
    tab.events().filter((event) => event.type === 'leg:status:update').map((event) => (event.payload.body as { status: string }).status);

  it('sends from_user and custom_data, joins the agent at once, says the talk, then the callee rings from the contact center’s number and answers', async () => {
    const { ctx, backend, contactCenter } = setUp();
    ctx.callee = { behaviour: 'answer', afterMs: 1_000 };
    backend.answerNcco = [
      { action: 'talk', text: 'Please wait while we connect you.' },
      { action: 'connect', timeout: 20, from: number, endpoint: [{ type: 'phone', number: '447700900002' }] },
    ];
    const { tab, callId } = await dial(ctx, { to: '447700900002', type: 'phone' });
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    expect(backend.answers).toEqual([{ uuid: callId, conversation_uuid: expect.any(String), from_user: 'Jane', to: '447700900002', custom_data: { to: '447700900002', type: 'phone' } }]);
    expect(tab.types()).toEqual(['member:joined']);
    // Six words: 2.4 s.
    await vi.advanceTimersByTimeAsync(2_399);
    expect(legStatuses(tab)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(legStatuses(tab)).toEqual(['ringing']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(legStatuses(tab)).toEqual(['ringing', 'answered']);
    expect(snapshot(contactCenter, callId)).toMatchObject({ origin: 'agent', from: 'Jane', connectedTo: '447700900002', prompts: ['Please wait while we connect you.'] });
    const calleeEvents = backend.events.filter((event) => event.payload.to === '447700900002' && event.payload.from === number);
    expect(calleeEvents.map((event) => event.payload.status)).toEqual(['started', 'ringing', 'answered']);
  });

  it('a busy callee with nothing after the connect ends the agent’s call as busy', async () => {
    const { ctx, backend } = setUp();
    ctx.callee = { behaviour: 'busy', afterMs: 500 };
    backend.answerNcco = [{ action: 'connect', endpoint: [{ type: 'phone', number: '447700900002' }] }];
    const { tab, callId } = await dial(ctx, { to: '447700900002', type: 'phone' });
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs + 500);
    expect(ctx.state.call(callId)).toMatchObject({ state: 'ended', endReason: 'REMOTE_BUSY' });
    expect(tab.types()).toEqual(['member:joined', 'leg:status:update', 'member:left', 'rtc:hangup']);
  });

  it('the connect timeout ends an unanswered callee, and an NCCO error hangs up the agent', async () => {
    const { ctx, backend } = setUp();
    ctx.callee = { behaviour: 'no-answer', afterMs: 60_000 };
    backend.answerNcco = [{ action: 'connect', timeout: 5, endpoint: [{ type: 'phone', number: '447700900002' }] }];
    const first = await dial(ctx, { to: '447700900002', type: 'phone' });
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs + 4_999);
    expect(ctx.state.call(first.callId)?.state).toBe('ringing');
    await vi.advanceTimersByTimeAsync(1);
    expect(ctx.state.call(first.callId)).toMatchObject({ state: 'ended', endReason: 'REMOTE_NO_ANSWER' });

    const again = setUp();
    again.backend.answerNcco = [{ action: 'wait', timeout: 1 }];
    const second = await dial(again.ctx, { to: '447700900002', type: 'phone' });
    await vi.advanceTimersByTimeAsync(again.ctx.timing.pushDelayMs);
    expect(again.ctx.state.call(second.callId)).toMatchObject({ state: 'ended', endReason: 'NCCO_FAILED' });
    expect(again.contactCenter.snapshots()[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('“wait”') });
  });

  it('the agent hangs up during the talk: the run stops and the event URL hears completed', async () => {
    const { ctx, backend, contactCenter } = setUp();
    backend.answerNcco = [{ action: 'talk', text: 'Please wait while we connect you.' }, { action: 'connect', endpoint: [{ type: 'phone', number: '447700900002' }] }];
    const { callId } = await dial(ctx, { to: '447700900002', type: 'phone' });
    await vi.advanceTimersByTimeAsync(ctx.timing.pushDelayMs);
    agentLeaves(ctx, must(ctx.state.call(callId), 'call'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(snapshot(contactCenter, callId)).toMatchObject({ state: 'ended', outcome: 'caller-hung-up' });
    expect(backend.statuses(callId)).toEqual(['started', 'ringing', 'answered', 'completed']);
    expect(backend.answers).toHaveLength(1);
  });
});
