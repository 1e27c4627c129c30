import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mintDemoToken } from './demo-token.ts';
import { SocketConnection } from './socket-connection.ts';
import { demoTokenCheck } from './token-check.ts';
import { RecordingPort, testContext } from './test-support.ts';
import { memberInvited } from './socket-events.ts';

const heartbeat = { pingIntervalMs: 25_000, pingTimeoutMs: 20_000 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function connect(ctx: ReturnType<typeof testContext>['ctx'], query: Record<string, string>, id = 'p1') {
  const port = new RecordingPort(id);
  const url = new URL(`ws://localhost/fake-vonage/socket/?${new URLSearchParams({ ...query, EIO: '4', transport: 'websocket' })}`);
  const connection = new SocketConnection({ state: ctx.state, hub: ctx.hub, heartbeat, tokens: demoTokenCheck }, port, url);
  connection.start();
  connection.receive('40');
  return { port, connection };
}

const janeToken = () => mintDemoToken('Jane', Date.now(), 3600);

describe('SocketConnection', () => {
  it('opens with the engine.io handshake, acks CONNECT and sends session:success', () => {
    const { ctx } = testContext();
    const { port } = connect(ctx, { token: janeToken() });
    expect(port.frames[0]).toMatch(/^0\{.*"pingInterval":25000,"pingTimeout":20000/);
    expect(port.frames[1]).toMatch(/^40\{"sid":/);
    const [success] = port.events();
    expect(success?.type).toBe('session:success');
    expect(success?.payload).toMatchObject({ body: { user_id: 'USR-jane', name: 'Jane', api_key: 'fake-api-key' } });
  });

  it('pings every pingInterval, answers client pings, and stops pinging when closed', () => {
    const { ctx } = testContext();
    const { port, connection } = connect(ctx, { token: janeToken() });
    const pings = () => port.frames.filter((frame) => frame === '2').length;
    vi.advanceTimersByTime(50_000);
    expect(pings()).toBe(2);
    connection.receive('2');
    expect(port.frames.at(-1)).toBe('3');
    connection.closed();
    vi.advanceTimersByTime(50_000);
    expect(pings()).toBe(2);
  });

  it('refuses a token that is not a demo token of a known agent', () => {
    const { ctx } = testContext();
    for (const token of ['plain-not-a-jwt', mintDemoToken('Mallory', Date.now(), 60)]) {
      const { port } = connect(ctx, { token });
      expect(port.types()).toEqual(['system:error:invalid-token']);
    }
    expect(ctx.state.sessionsOf('Mallory')).toEqual([]);
  });

  it('resumes the same session on reconnect and replays events missed in between', () => {
    const { ctx } = testContext();
    const first = connect(ctx, { token: janeToken() }, 'first');
    const sessionId = (first.port.events()[0]?.payload.body as { id: string }).id;
    first.connection.closed();

    const jane = ctx.state.findAgent('Jane');
    if (!jane) throw new Error('Jane missing');
    const call = ctx.state.createInboundCall(jane, '1', 'phone');
    const view = { call, channel: ctx.state.agentChannel(call) };
    ctx.hub.pushToUser('Jane', { type: 'member:invited', payload: memberInvited(view, { id: 1, timestamp: 't' }, 'sdp') });

    const second = connect(ctx, { token: janeToken(), session_id: sessionId }, 'second');
    const success = second.port.events()[0]?.payload.body as { id: string; pending_events?: { type: string }[] };
    expect(success.id).toBe(sessionId);
    expect(success.pending_events?.map((event) => event.type)).toEqual(['member:invited']);
  });

  it('session:logout ends the session and says goodbye', () => {
    const { ctx } = testContext();
    const { port, connection } = connect(ctx, { token: janeToken() });
    connection.receive(`42${JSON.stringify(['session:logout', { tid: 'x', body: {} }])}`);
    expect(port.types().at(-1)).toBe('session:logged-out');
    expect(ctx.state.sessionsOf('Jane')).toEqual([]);
  });
});

describe('SocketHub session endings', () => {
  it('expireUser sends expired-token then a DISCONNECT, closes the socket and ends the session', () => {
    const { ctx } = testContext();
    const { port } = connect(ctx, { token: janeToken() });
    ctx.hub.expireUser('Jane');
    expect(port.types().at(-1)).toBe('system:error:expired-token');
    expect(port.frames.at(-1)).toBe('41');
    expect(port.closed).toBe(false);
    vi.advanceTimersByTime(200);
    expect(port.closed).toBe(true);
    expect(ctx.state.sessionsOf('Jane')).toEqual([]);
  });

  it('dropUser closes the socket without a DISCONNECT and keeps the session for the reconnect', () => {
    const { ctx } = testContext();
    const { port } = connect(ctx, { token: janeToken() });
    ctx.hub.dropUser('Jane');
    expect(port.closed).toBe(true);
    expect(port.frames).not.toContain('41');
    expect(ctx.state.sessionsOf('Jane')).toHaveLength(1);
    expect(ctx.hub.portsOfUser('Jane')).toEqual([]);
  });

  it('refuses a new session beyond the open-session limit, but lets an existing session reconnect', () => {
    const { ctx } = testContext();
    ctx.hub.maxSessionsPerUser = 1;
    const first = connect(ctx, { token: janeToken() }, 'tab-a');
    const sessionId = ctx.state.sessionsOf('Jane')[0]?.id ?? '';
    const second = connect(ctx, { token: janeToken() }, 'tab-b');
    expect(second.port.events().map((event) => event.type)).toEqual(['session:error:max-open-sessions']);
    expect(ctx.state.sessionsOf('Jane')).toHaveLength(1);

    // The first tab's socket drops and comes back with its session id: that is not a new session.
    first.connection.closed();
    const back = connect(ctx, { token: janeToken(), session_id: sessionId }, 'tab-a-again');
    expect(back.port.events()[0]?.type).toBe('session:success');

    // A closed tab no longer counts: a new session fits once no socket holds the old one.
    back.connection.closed();
    expect(connect(ctx, { token: janeToken() }, 'tab-c').port.events()[0]?.type).toBe('session:success');
  });
});
