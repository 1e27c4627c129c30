// The SDK's socket, whichever host carries it: intercepted in the page by MSW, or a real WebSocket on the
// emulator's port. engine.io-client opens ws(s)://<websocket host><websocketPath>/?EIO=4&transport=websocket&token=...
import { ws, type WebSocketHandler } from 'msw';
import type { FakeCloudEndpoints } from './create-fake-cloud.ts';
import { readDemoTokenUser } from './demo-token.ts';
import { SocketConnection, type SocketConnectionDeps } from './socket-connection.ts';
import type { SocketPort } from './socket-hub.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function socketUrlPattern(endpoints: FakeCloudEndpoints): RegExp {
  const { host } = new URL(endpoints.websocketUrl);
  const path = endpoints.websocketPath.replace(/\/$/, '');
  return new RegExp(`^wss?://${escapeRegExp(host)}${escapeRegExp(path)}/?$`);
}

/** One raw WebSocket as a host sees it. */
export interface RawSocket {
  id: string;
  url: URL;
  send(frame: string): void;
  close(): void;
}

/** What the host feeds back from the socket. */
export interface AcceptedSocket {
  receive(frame: string): void;
  closed(): void;
}

export class SocketRefused extends Error {}

/** Why a socket to this URL must be refused now (the agent's simulated network is down), or undefined. */
export function socketRefusal(deps: SocketConnectionDeps, url: URL): string | undefined {
  const userName = readDemoTokenUser(url.searchParams.get('token') ?? '');
  if (userName === undefined || !deps.hub.refusesUser(userName)) return undefined;
  return `Simulated network outage for ${userName}: connection refused`;
}

/**
 * A new SDK socket. Throws SocketRefused while the agent's simulated network is down: the host then fails
 * the connection the way a refused one fails, so socket.io-client counts an attempt and retries or gives up.
 */
export function acceptSocket(deps: SocketConnectionDeps, raw: RawSocket): AcceptedSocket {
  const refusal = socketRefusal(deps, raw.url);
  if (refusal) throw new SocketRefused(refusal);
  const port: SocketPort = {
    id: raw.id,
    send: (frame) => raw.send(frame),
    // Closing from the cloud side also stops this connection's pings, whether or not the host reports the close.
    close: () => {
      raw.close();
      connection.closed();
    },
  };
  const connection = new SocketConnection(deps, port, raw.url);
  connection.start();
  return { receive: (frame) => connection.receive(frame), closed: () => connection.closed() };
}

/** The in-page host: MSW intercepts the SDK's WebSocket. */
export function createSocketHandler(deps: SocketConnectionDeps, endpoints: FakeCloudEndpoints): WebSocketHandler {
  const link = ws.link(socketUrlPattern(endpoints));
  return link.addEventListener('connection', ({ client }) => {
    // MSW turns an exception here into a WebSocket `error` then close (1011): a refused connection.
    const socket = acceptSocket(deps, { id: client.id, url: client.url, send: (frame) => client.send(frame), close: () => client.close() });
    client.addEventListener('message', (event) => {
      if (typeof event.data === 'string') socket.receive(event.data);
    });
    client.addEventListener('close', () => socket.closed());
  });
}
