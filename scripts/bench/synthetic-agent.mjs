// A synthetic agent for the emulator's floor benchmark: one signed-in session that speaks the SDK's socket
// protocol, without a browser. It signs in exactly as the app with @vonage/client-sdk 2.3.1 does
// (../shared/vonage-wire/PROTOCOL.md §0, §0b, §1, §3 and wire.log): a token from the demo backend's
// POST /api/jwt, one WebSocket with the SDK's query, the Engine.IO OPEN, the Socket.IO CONNECT `40`, then
// `session:success`. It answers the server's pings (`2` → `3`) and, as engine.io-client does, gives up on a
// server that stops pinging (pingInterval + pingTimeout). It stamps every frame on arrival with the machine's
// monotonic clock (process.hrtime: the same clock in every process), so an invite's delivery time can be
// measured against the emulator's own stamp. It never answers calls: after an invite it only hears the
// cancel (`rtc:hangup` + `member:left`, PROTOCOL.md §4.4), and it skips the SDK's GET of the conversation.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** The connect query the SDK sends (wire.log), in its order; the token goes after session_version. */
const sdkQuery = {
  SDK_version: '2.3.1',
  SDK_name: '@vonage/client-sdk',
  acknowledge_events: 'true',
  OS_family: 'js',
  OS_revision: 'Generic JS Navigator',
};
/** The SDK's verify timer: no session:success within 5 s rejects createSession (PROTOCOL.md §1). */
const sessionTimeoutMs = 5_000;
/** Answers that reject a pending createSession (PROTOCOL.md §13). */
const sessionErrors = new Set([
  'system:error:invalid-token',
  'user:error:invalid-user',
  'system:error:expired-token',
  'session:error:max-open-sessions',
  'session:error:invalid',
  'session:invalid',
  'system:error:permission',
]);

/** An event promise per key, settled when the event happens, whether it is awaited before or after. */
class Arrivals {
  #stamps = new Map();
  #waiters = new Map();

  record(key, stamp) {
    this.#stamps.set(key, stamp);
    this.#waiters.get(key)?.(stamp);
    this.#waiters.delete(key);
  }

  wait(key, timeoutMs, what) {
    if (this.#stamps.has(key)) return Promise.resolve(this.#stamps.get(key));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(key);
        reject(new Error(`${what} did not arrive within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.set(key, (stamp) => {
        clearTimeout(timer);
        resolve(stamp);
      });
    });
  }

  forget(key) {
    this.#stamps.delete(key);
  }
}

export class SyntheticAgent {
  #ws;
  #heartbeat;
  #invites = new Arrivals();
  #inviteEnds = new Arrivals();
  /** Per call: which of rtc:hangup and member:left have arrived (the SDK cancels an invite on both). */
  #endings = new Map();
  /** Times the server fell silent for longer than pingInterval + pingTimeout (each would be a reconnect). */
  heartbeatTimeouts = 0;
  /** Closes this agent did not ask for (the server closed, or the heartbeat gave up). */
  unexpectedCloses = 0;
  pingsAnswered = 0;
  #signingOut = false;
  sessionId = undefined;

  constructor(userName) {
    this.userName = userName;
  }

  /**
   * Token, socket, session: resolves once `session:success` has arrived. `origin` is the emulator's
   * (http://127.0.0.1:6601), `socketPath` the SDK's websocketPath there.
   */
  static async signIn({ origin, socketPath, userName, mobileApiKey }) {
    const agent = new SyntheticAgent(userName);
    const tokenReply = await fetch(`${origin}/api/jwt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_name: userName, mobile_api_key: mobileApiKey }),
    });
    if (!tokenReply.ok) throw new Error(`No token for ${userName}: HTTP ${tokenReply.status}`);
    const { jwt } = await tokenReply.json();
    const query = new URLSearchParams({ session_version: '0.0.3', token: jwt, ...sdkQuery, EIO: '4', transport: 'websocket' });
    // engine.io-client adds a trailing slash to the path.
    const url = `${origin.replace(/^http/, 'ws')}${socketPath}/?${query}`;
    await agent.#connect(url);
    return agent;
  }

  #connect(url) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`session:error:timeout for ${this.userName}`));
        this.#ws.close();
      }, sessionTimeoutMs);
      const settle = (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      this.#ws = new WebSocket(url);
      this.#ws.on('message', (data, isBinary) => {
        const arrivedAt = process.hrtime.bigint();
        if (!isBinary) this.#receive(data.toString(), arrivedAt, settle);
      });
      this.#ws.on('error', (error) => settle(error));
      this.#ws.on('close', () => {
        clearTimeout(this.#heartbeat);
        if (!this.#signingOut) this.unexpectedCloses += 1;
        settle(new Error(`The socket of ${this.userName} closed before session:success`));
      });
    });
  }

  #receive(frame, arrivedAt, settle) {
    if (frame === '2') {
      this.#ws.send('3');
      this.pingsAnswered += 1;
      this.#armHeartbeat();
      return;
    }
    if (frame.startsWith('0')) {
      const { pingInterval, pingTimeout } = JSON.parse(frame.slice(1));
      this.pingIntervalMs = pingInterval;
      this.pingWindowMs = pingInterval + pingTimeout;
      this.#armHeartbeat();
      // socket.io-client's CONNECT for namespace "/", without auth.
      this.#ws.send('40');
      return;
    }
    if (!frame.startsWith('42')) return;
    const [type, payload] = JSON.parse(frame.slice(2));
    if (type === 'session:success') {
      this.sessionId = payload.body.id;
      settle();
    } else if (sessionErrors.has(type) && this.sessionId === undefined) {
      settle(new Error(`${type} for ${this.userName}`));
    } else if (type === 'member:invited') {
      this.#invites.record(payload.body.channel.id, arrivedAt);
    } else if (type === 'rtc:hangup' || type === 'member:left') {
      const callId = payload.body.channel.id;
      const seen = this.#endings.get(callId) ?? new Set();
      seen.add(type);
      this.#endings.set(callId, seen);
      if (seen.size === 2) {
        this.#endings.delete(callId);
        this.#inviteEnds.record(callId, arrivedAt);
      }
    }
  }

  /** As engine.io-client: a server silent for pingInterval + pingTimeout is gone. */
  #armHeartbeat() {
    clearTimeout(this.#heartbeat);
    this.#heartbeat = setTimeout(() => {
      this.heartbeatTimeouts += 1;
      this.#ws.close();
    }, this.pingWindowMs);
  }

  /** When this session's `member:invited` for the call arrived (process.hrtime.bigint()). */
  inviteArrival(callId, timeoutMs = 10_000) {
    return this.#invites.wait(callId, timeoutMs, `The invite ${callId} to ${this.userName}`);
  }

  /** Resolves once the invite has been withdrawn (rtc:hangup and member:left both arrived). */
  async inviteEnded(callId, timeoutMs = 10_000) {
    await this.#inviteEnds.wait(callId, timeoutMs, `The end of invite ${callId} to ${this.userName}`);
    this.#invites.forget(callId);
    this.#inviteEnds.forget(callId);
  }

  /**
   * deleteSession(): `session:logout`, then socket.io-client's DISCONNECT and the transport's close
   * (PROTOCOL.md §3, §17.1). Resolves when the socket has closed.
   */
  signOut() {
    const ws = this.#ws;
    this.#signingOut = true;
    clearTimeout(this.#heartbeat);
    if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      ws.once('close', () => resolve());
      if (ws.readyState === WebSocket.OPEN) {
        ws.send(`42${JSON.stringify(['session:logout', { tid: randomUUID(), body: {} }])}`);
        ws.send('41');
      }
      ws.close();
    });
  }
}
