// Live-test mode's sessions against the cloud core: the socket's answers to good and bad tokens (PROTOCOL.md
// §13), the session's end at its token's exp, and refreshSession moving that end.
import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJwtSigner } from '../server/jwt-signer.ts';
import { createTestKeyPair } from '../server/testing/test-key-pair.ts';
import { sessionRoutes } from '../src/fake-cloud/session-routes.ts';
import { SocketConnection } from '../src/fake-cloud/socket-connection.ts';
import { RecordingPort, testContext } from '../src/fake-cloud/test-support.ts';
import { vonageTokenCheck } from './vonage-token-check.ts';

const applicationId = '5b3c1f6e-2d4a-4c8b-9e7f-0a1b2c3d4e5f';
const keys = createTestKeyPair();
const tokens = vonageTokenCheck({ applicationId, publicKey: keys.publicKey });
const signer = createJwtSigner({ applicationId, privateKey: keys.privateKey, now: () => Date.now() });
const otherSigner = createJwtSigner({ applicationId, privateKey: createTestKeyPair().privateKey, now: () => Date.now() });
const apiUrl = 'http://cloud.test/fake-vonage/api';
const heartbeat = { pingIntervalMs: 25_000, pingTimeoutMs: 20_000 };

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 29, 1, 0, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

function liveCloud() {
  const { ctx } = testContext();
  const routes = sessionRoutes(ctx, tokens, apiUrl, 'http://cloud.test');
  const connect = (query: Record<string, string>, id = 'p1') => {
    const port = new RecordingPort(id);
    const url = new URL(`ws://cloud.test/v2/rtc/?${new URLSearchParams({ ...query, EIO: '4', transport: 'websocket' })}`);
    const connection = new SocketConnection({ state: ctx.state, hub: ctx.hub, heartbeat, tokens }, port, url);
    connection.start();
    connection.receive('40');
    return { port, connection };
  };
  const refresh = async (sessionId: string, token: string) => {
    const request = new Request(`${apiUrl}/v0.2/sessions/${sessionId}`, { method: 'PUT', headers: { Authorization: `bearer ${token}` }, body: '""' });
    return (await getResponse(routes, request)) ?? new Response(null, { status: 599 });
  };
  return { ctx, connect, refresh };
}

const sessionIdOf = (port: RecordingPort) => (port.events()[0]?.payload.body as { id: string }).id;

describe('live-test mode: the socket', () => {
  it('opens a session for a signed agent token, with the agent’s user id', async () => {
    const { connect } = liveCloud();
    const { port } = connect({ token: (await signer.signAgentToken('Jane', 600)).jwt });
    expect(port.events()[0]).toMatchObject({ type: 'session:success', payload: { body: { user_id: 'USR-jane', name: 'Jane' } } });
  });

  it('answers a first connection with the error alone: invalid-token, or expired-token', async () => {
    const { ctx, connect } = liveCloud();
    const refusals = [
      [(await otherSigner.signAgentToken('Jane', 600)).jwt, 'system:error:invalid-token'],
      [(await signer.signAgentToken('Mallory', 600)).jwt, 'system:error:invalid-token'],
      [(await signer.signApplicationToken(600)).jwt, 'system:error:invalid-token'],
    ] as const;
    for (const [token, type] of refusals) {
      const { port } = connect({ token });
      expect(port.types()).toEqual([type]);
      expect(port.frames).not.toContain('41');
    }
    const soonExpired = (await signer.signAgentToken('Jane', 1)).jwt;
    vi.advanceTimersByTime(2_000);
    expect(connect({ token: soonExpired }).port.types()).toEqual(['system:error:expired-token']);
    expect(ctx.state.sessionsOf('Jane')).toEqual([]);
  });

  it('ends a live session at its token’s exp: expired-token, then a DISCONNECT, then the close', async () => {
    const { ctx, connect } = liveCloud();
    const { port } = connect({ token: (await signer.signAgentToken('Jane', 60)).jwt });
    expect(ctx.hub.expiry.pending).toBe(1);
    vi.advanceTimersByTime(59_000);
    expect(port.types()).toEqual(['session:success']);
    vi.advanceTimersByTime(1_000);
    expect(port.types()).toEqual(['session:success', 'system:error:expired-token']);
    expect(port.frames.at(-1)).toBe('41');
    vi.advanceTimersByTime(200);
    expect(port.closed).toBe(true);
    expect(ctx.state.sessionsOf('Jane')).toEqual([]);
    expect(ctx.hub.expiry.pending).toBe(0);
  });

  it('ends a reconnect whose token has expired with the error and a DISCONNECT', async () => {
    const { connect } = liveCloud();
    const first = connect({ token: (await signer.signAgentToken('Jane', 3600)).jwt }, 'first');
    const sessionId = sessionIdOf(first.port);
    first.connection.closed();
    const stale = (await signer.signAgentToken('Jane', 1)).jwt;
    vi.advanceTimersByTime(2_000);
    const again = connect({ token: stale, session_id: sessionId }, 'again');
    expect(again.port.types()).toEqual(['system:error:expired-token']);
    expect(again.port.frames.at(-1)).toBe('41');
  });

  it('holds no expiry timer after logout', async () => {
    const { ctx, connect } = liveCloud();
    const { connection } = connect({ token: (await signer.signAgentToken('Jane', 600)).jwt });
    connection.receive(`42${JSON.stringify(['session:logout', { tid: 'x', body: {} }])}`);
    expect(ctx.hub.expiry.pending).toBe(0);
  });
});

describe('live-test mode: refreshSession', () => {
  it('a newer valid token moves the session’s end', async () => {
    const { ctx, connect, refresh } = liveCloud();
    const { port } = connect({ token: (await signer.signAgentToken('Jane', 60)).jwt });
    const sessionId = sessionIdOf(port);
    vi.advanceTimersByTime(30_000);
    const renewed = (await signer.signAgentToken('Jane', 600)).jwt;
    const reply = await refresh(sessionId, renewed);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ session_id: sessionId });
    expect(ctx.state.session(sessionId)?.token).toBe(renewed);
    vi.advanceTimersByTime(60_000);
    expect(port.types()).toEqual(['session:success']);
    vi.advanceTimersByTime(540_000);
    expect(port.types().at(-1)).toBe('system:error:expired-token');
  });

  it('a bad token is refused with a 401 and the old end stands', async () => {
    const { ctx, connect, refresh } = liveCloud();
    const original = (await signer.signAgentToken('Jane', 60)).jwt;
    const { port } = connect({ token: original });
    const sessionId = sessionIdOf(port);
    for (const token of [(await otherSigner.signAgentToken('Jane', 600)).jwt, (await signer.signAgentToken('Joe', 600)).jwt]) {
      const reply = await refresh(sessionId, token);
      expect(reply.status).toBe(401);
      expect(await reply.json()).toMatchObject({ code: 'system:error:invalid-token' });
    }
    expect(ctx.state.session(sessionId)?.token).toBe(original);
    vi.advanceTimersByTime(60_000);
    expect(port.types().at(-1)).toBe('system:error:expired-token');
  });
});
