// One SDK socket from open to close: the Engine.IO handshake, server pings, the Socket.IO CONNECT, then
// authentication from the `token` query (checked by the cloud's TokenCheck) on a first connect, or with
// `session_id` (reconnect or reload: the same session, now lasting as long as the token it came back with).
import type { CloudState } from './cloud-state.ts';
import { decodeClientFrame, encodeConnectAck, encodeOpen, pingFrame, pongFrame } from './engine-io-framing.ts';
import type { SocketHub, SocketPort } from './socket-hub.ts';
import { emptyBody, sessionSuccess } from './socket-events.ts';
import type { TokenCheck, TokenRefusalCode } from './token-check.ts';

export interface HeartbeatOptions {
  /** The server pings this often; the client closes and reconnects after pingInterval + pingTimeout of silence. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

export interface SocketConnectionDeps {
  state: CloudState;
  hub: SocketHub;
  heartbeat: HeartbeatOptions;
  tokens: TokenCheck;
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
    const { state, hub, tokens } = this.deps;
    const token = this.query.get('token') ?? '';
    const requestedId = this.query.get('session_id') ?? undefined;
    const verdict = tokens.checkUserToken(token);
    const agent = verdict.ok ? state.findAgent(verdict.userName) : undefined;
    if (!verdict.ok || !agent) {
      this.refuse(verdict.ok ? 'system:error:invalid-token' : verdict.code, requestedId);
      return;
    }
    const resuming = requestedId !== undefined && state.session(requestedId)?.userName === agent.userName;
    if (!resuming && hub.openSessionCount(agent.userName) >= hub.maxSessionsPerUser) {
      // The SDK rejects createSession with session:error:max-open-sessions-permitted and closes this socket.
      hub.send(this.port, { type: 'session:error:max-open-sessions', payload: emptyBody() });
      return;
    }
    const session = state.openSession(agent.userName, token, requestedId);
    hub.attach(this.port, session.id);
    // A reconnect carries the latest token (PROTOCOL.md §18.5): the session now lasts as long as that one.
    hub.expiry.arm(session.id, verdict.expiresAtMs);
    hub.send(this.port, { type: 'session:success', payload: sessionSuccess(session, agent, state.takePending(session)) });
  }

  /**
   * A first connection gets the error alone: createSession rejects (session:error:invalid-token or
   * session:error:expired-token) and the SDK closes the socket itself. A session coming back (`session_id`)
   * would ignore the error and carry on, so it also gets the DISCONNECT that ends it (PROTOCOL.md §13).
   */
  private refuse(code: TokenRefusalCode, requestedId: string | undefined): void {
    // The session itself is left to its expiry timer: a token that proves nothing must not end anyone's session.
    if (requestedId === undefined) this.deps.hub.send(this.port, { type: code, payload: emptyBody() });
    else this.deps.hub.disconnect(this.port, code);
  }

  private logout(): void {
    const session = this.deps.hub.sessionOf(this.port);
    this.deps.hub.send(this.port, { type: 'session:logged-out', payload: emptyBody() });
    this.deps.hub.detach(this.port);
    if (session) this.deps.hub.endSession(session.id);
  }
}
