// One SDK socket from open to close: the Engine.IO handshake, server pings, the Socket.IO CONNECT, then
// authentication from the `token` query (first connect) or `session_id` (reconnect, same session).
import type { CloudState } from './cloud-state.ts';
import { readDemoTokenUser } from './demo-token.ts';
import { decodeClientFrame, encodeConnectAck, encodeOpen, pingFrame, pongFrame } from './engine-io-framing.ts';
import type { SocketHub, SocketPort } from './socket-hub.ts';
import { emptyBody, sessionSuccess } from './socket-events.ts';

export interface HeartbeatOptions {
  /** The server pings this often; the client closes and reconnects after pingInterval + pingTimeout of silence. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

export interface SocketConnectionDeps {
  state: CloudState;
  hub: SocketHub;
  heartbeat: HeartbeatOptions;
}

export class SocketConnection {
  private readonly deps: SocketConnectionDeps;
  private readonly port: SocketPort;
  private readonly query: URLSearchParams;
  private pingTimer: ReturnType<typeof setInterval> | undefined;

  constructor(deps: SocketConnectionDeps, port: SocketPort, url: URL) {
    this.deps = deps;
    this.port = port;
    this.query = url.searchParams;
  }

  start(): void {
    const { pingIntervalMs, pingTimeoutMs } = this.deps.heartbeat;
    this.port.send(encodeOpen({ sid: `eio-${this.port.id}`, pingInterval: pingIntervalMs, pingTimeout: pingTimeoutMs }));
    this.pingTimer = setInterval(() => this.port.send(pingFrame), pingIntervalMs);
  }

  receive(raw: string): void {
    const frame = decodeClientFrame(raw);
    switch (frame.kind) {
      case 'ping':
        this.port.send(pongFrame);
        return;
      case 'connect':
        this.port.send(encodeConnectAck(`sio-${this.port.id}`));
        this.authenticate();
        return;
      case 'disconnect':
      case 'close':
        this.deps.hub.detach(this.port);
        return;
      case 'event':
        if (frame.name === 'session:logout') this.logout();
        return;
      case 'pong':
      case 'unknown':
        return;
    }
  }

  closed(): void {
    clearInterval(this.pingTimer);
    this.deps.hub.detach(this.port);
  }

  private authenticate(): void {
    const { state, hub } = this.deps;
    const token = this.query.get('token') ?? '';
    const userName = readDemoTokenUser(token);
    const agent = userName === undefined ? undefined : state.findAgent(userName);
    if (!agent) {
      // The SDK rejects createSession with session:error:invalid-token and closes this socket itself.
      hub.send(this.port, { type: 'system:error:invalid-token', payload: emptyBody() });
      return;
    }
    const requestedId = this.query.get('session_id') ?? undefined;
    const resuming = requestedId !== undefined && state.session(requestedId)?.userName === agent.userName;
    if (!resuming && hub.openSessionCount(agent.userName) >= hub.maxSessionsPerUser) {
      // The SDK rejects createSession with session:error:max-open-sessions-permitted and closes this socket.
      hub.send(this.port, { type: 'session:error:max-open-sessions', payload: emptyBody() });
      return;
    }
    const session = state.openSession(agent.userName, token, requestedId);
    hub.attach(this.port, session.id);
    hub.send(this.port, { type: 'session:success', payload: sessionSuccess(session, agent, state.takePending(session)) });
  }

  private logout(): void {
    const session = this.deps.hub.sessionOf(this.port);
    this.deps.hub.send(this.port, { type: 'session:logged-out', payload: emptyBody() });
    this.deps.hub.detach(this.port);
    if (session) this.deps.state.endSession(session.id);
  }
}
