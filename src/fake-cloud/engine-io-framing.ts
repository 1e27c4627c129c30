// Engine.IO v4 + Socket.IO v4 text framing, the subset socket.io-client 4 speaks over one WebSocket.
// Engine.IO packet types: 0 open, 1 close, 2 ping, 3 pong, 4 message. A Socket.IO packet rides inside a
// message: 40 CONNECT, 41 DISCONNECT, 42 EVENT (namespace "/" is implicit, so no "/nsp," prefix).

export interface OpenHandshake {
  sid: string;
  pingInterval: number;
  pingTimeout: number;
}

export type ClientFrame =
  | { kind: 'ping' }
  | { kind: 'pong' }
  | { kind: 'close' }
  | { kind: 'connect' }
  | { kind: 'disconnect' }
  | { kind: 'event'; name: string; args: unknown[] }
  | { kind: 'unknown'; raw: string };

export function encodeOpen({ sid, pingInterval, pingTimeout }: OpenHandshake): string {
  return `0${JSON.stringify({ sid, upgrades: [], pingInterval, pingTimeout, maxPayload: 1_000_000 })}`;
}

export function encodeConnectAck(sid: string): string {
  return `40${JSON.stringify({ sid })}`;
}

export const pingFrame = '2';
export const pongFrame = '3';
/** Socket.IO DISCONNECT from the server: the client reports "io server disconnect" and does not reconnect. */
export const disconnectFrame = '41';

export function encodeEvent(name: string, payload: object): string {
  return `42${JSON.stringify([name, payload])}`;
}

export function decodeClientFrame(raw: string): ClientFrame {
  if (raw === '2') return { kind: 'ping' };
  if (raw === '3') return { kind: 'pong' };
  if (raw === '1') return { kind: 'close' };
  // A CONNECT may carry an auth payload ("40{...}"); the SDK sends none, but accept it.
  if (raw.startsWith('40')) return { kind: 'connect' };
  if (raw.startsWith('41')) return { kind: 'disconnect' };
  if (raw.startsWith('42')) return decodeEvent(raw);
  return { kind: 'unknown', raw };
}

function decodeEvent(raw: string): ClientFrame {
  // An ack id may sit between "42" and the array; the SDK asks for no acks, so digits are skipped.
  const json = raw.slice(2).replace(/^\d+/, '');
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string') {
      const [name, ...args] = parsed as [string, ...unknown[]];
      return { kind: 'event', name, args };
    }
  } catch {
    // Falls through to "unknown": a malformed frame must not break the connection.
  }
  return { kind: 'unknown', raw };
}
