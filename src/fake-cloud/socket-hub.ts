// Which sockets belong to which session, and delivery of events to every socket of a user (all tabs of an
// agent hear an invite, as on Vonage). A session with no socket keeps its events for the next reconnect.
import type { CloudState, SessionRecord } from './cloud-state.ts';
import { disconnectFrame, encodeEvent } from './engine-io-framing.ts';
import { SessionExpiry } from './session-expiry.ts';
import type { TokenRefusalCode } from './token-check.ts';
import type { SocketEvent } from './wire-types.ts';
import { emptyBody } from './socket-events.ts';

/** One live socket as the cloud sees it; the MSW WebSocket client in the browser, a recorder in tests. */
export interface SocketPort {
  readonly id: string;
  send(frame: string): void;
  close(): void;
}

/**
 * Sessions one user may have open at once (tabs, devices) before a new one is refused with
 * session:error:max-open-sessions. Vonage's own number is not documented; QA can change it.
 */
export const defaultMaxSessionsPerUser = 5;

/** socket.io's server disconnect also closes the transport; a short gap lets the DISCONNECT frame land first. */
const closeAfterDisconnectMs = 100;

export class SocketHub {
  private readonly state: CloudState;
  private readonly sessionByPort = new Map<SocketPort, string>();
  /** Users whose network is "down": their new sockets are refused until this instant (epoch ms). */
  private readonly offlineUntil = new Map<string, number>();
  maxSessionsPerUser = defaultMaxSessionsPerUser;
  /** Each session ends when its latest token expires (armed where a token is accepted). */
  readonly expiry = new SessionExpiry((sessionId) => this.expireSession(sessionId));

  constructor(state: CloudState) {
    this.state = state;
  }

  attach(port: SocketPort, sessionId: string): void {
    this.sessionByPort.set(port, sessionId);
  }

  detach(port: SocketPort): void {
    this.sessionByPort.delete(port);
  }

  sessionOf(port: SocketPort): SessionRecord | undefined {
    const id = this.sessionByPort.get(port);
    return id === undefined ? undefined : this.state.session(id);
  }

  /**
   * Sessions of the user with a socket open now. A session whose tab closed still exists (it can be resumed
   * by a reload) but no longer counts against the limit.
   */
  openSessionCount(userName: string): number {
    return new Set(this.portsOfUser(userName).map((port) => this.sessionByPort.get(port))).size;
  }

  sessionSnapshots(userName: string): Array<{ sessionId: string; openSockets: number }> {
    return this.state.sessionsOf(userName).map((session) => ({ sessionId: session.id, openSockets: this.portsOfSession(session.id).length }));
  }

  portsOfUser(userName: string): SocketPort[] {
    return [...this.sessionByPort.entries()]
      .filter(([, sessionId]) => this.state.session(sessionId)?.userName === userName)
      .map(([port]) => port);
  }

  send(port: SocketPort, event: SocketEvent): void {
    port.send(encodeEvent(event.type, event.payload));
  }

  pushToUser(userName: string, event: SocketEvent): void {
    for (const session of this.state.sessionsOf(userName)) {
      const ports = this.portsOfSession(session.id);
      if (ports.length === 0) this.state.queuePending(session, { ...event.payload, type: event.type });
      for (const port of ports) this.send(port, event);
    }
  }

  /** As for an expired token, for every session of the user (see expireSession). */
  expireUser(userName: string): void {
    for (const session of this.state.sessionsOf(userName)) this.expireSession(session.id);
  }

  /** As Vonage ends a session whose token expired: each socket gets the error event, then a DISCONNECT. */
  expireSession(sessionId: string): void {
    for (const port of this.portsOfSession(sessionId)) this.disconnect(port, 'system:error:expired-token');
    this.endSession(sessionId);
  }

  /**
   * socket.disconnect(true) after an error event: a live SDK ignores the event but reports the DISCONNECT as
   * sessionError EXPIRED_TOKEN and does not reconnect (PROTOCOL.md §13).
   */
  disconnect(port: SocketPort, errorType: TokenRefusalCode): void {
    this.send(port, { type: errorType, payload: emptyBody() });
    port.send(disconnectFrame);
    this.detach(port);
    setTimeout(() => port.close(), closeAfterDisconnectMs);
  }

  /** The session is over (logout, expiry): forgotten, with its expiry timer. */
  endSession(sessionId: string): void {
    this.expiry.clear(sessionId);
    this.state.endSession(sessionId);
  }

  /** Closes every socket and ends every simulated outage (see resetCloud). */
  closeAll(): void {
    for (const port of [...this.sessionByPort.keys()]) {
      this.detach(port);
      port.close();
    }
    this.offlineUntil.clear();
    this.expiry.clearAll();
    this.maxSessionsPerUser = defaultMaxSessionsPerUser;
  }

  /** A transport drop without a goodbye: socket.io-client reconnects and resumes the same session. */
  dropUser(userName: string, offlineMs = 0): void {
    if (offlineMs > 0) this.offlineUntil.set(userName, Date.now() + offlineMs);
    for (const port of this.portsOfUser(userName)) {
      this.detach(port);
      port.close();
    }
  }

  private portsOfSession(sessionId: string): SocketPort[] {
    return [...this.sessionByPort.entries()].filter(([, id]) => id === sessionId).map(([port]) => port);
  }

  restoreUser(userName: string): void {
    this.offlineUntil.delete(userName);
  }

  /** Whether a new socket of this user must be refused, as a network that is still down would. */
  refusesUser(userName: string): boolean {
    const until = this.offlineUntil.get(userName);
    if (until === undefined) return false;
    if (Date.now() < until) return true;
    this.offlineUntil.delete(userName);
    return false;
  }
}
