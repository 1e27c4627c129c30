// The SDK's socket, intercepted in the page by MSW. engine.io-client opens
// ws(s)://<websocket host><websocketPath>/?EIO=4&transport=websocket&token=...; MSW matches without the query.
import { ws, type WebSocketHandler } from 'msw';
import type { FakeCloudEndpoints } from './create-fake-cloud';
import { readDemoTokenUser } from './demo-token';
import { SocketConnection, type SocketConnectionDeps } from './socket-connection';
import type { SocketPort } from './socket-hub';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function socketUrlPattern(endpoints: FakeCloudEndpoints): RegExp {
  const { host } = new URL(endpoints.websocketUrl);
  const path = endpoints.websocketPath.replace(/\/$/, '');
  return new RegExp(`^wss?://${escapeRegExp(host)}${escapeRegExp(path)}/?$`);
}

export function createSocketHandler(deps: SocketConnectionDeps, endpoints: FakeCloudEndpoints): WebSocketHandler {
  const link = ws.link(socketUrlPattern(endpoints));
  return link.addEventListener('connection', ({ client }) => {
    const userName = readDemoTokenUser(client.url.searchParams.get('token') ?? '');
    if (userName !== undefined && deps.hub.refusesUser(userName)) {
      // MSW turns an exception here into a WebSocket `error` then close (1011): what the SDK sees when a
      // connection is refused, so socket.io-client counts a failed attempt and retries or gives up.
      throw new Error(`Simulated network outage for ${userName}: connection refused`);
    }
    const port: SocketPort = {
      id: client.id,
      send: (frame) => client.send(frame),
      // Closing from the cloud side also stops this connection's pings, whether or not MSW reports the close.
      close: () => {
        client.close();
        connection.closed();
      },
    };
    const connection = new SocketConnection(deps, port, client.url);
    client.addEventListener('message', (event) => {
      if (typeof event.data === 'string') connection.receive(event.data);
    });
    client.addEventListener('close', () => connection.closed());
    connection.start();
  });
}
