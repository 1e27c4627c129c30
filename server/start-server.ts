import { serve } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface RunningServer {
  /** e.g. http://127.0.0.1:5830 */
  url: string;
  close(): Promise<void>;
}

/** Takes a WebSocket upgrade and answers true, or answers false to leave it (e.g. the echo socket). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** How long a client may take; Node's own defaults hold a slow-body connection for 300 s. */
export interface ServerTimeouts {
  /** Until the last request header has arrived. */
  headersMs: number;
  /** Until the whole request, body included, has arrived. */
  requestMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often Node looks for connections past those limits (its default, 30 s, would add up to that much). */
  checkIntervalMs: number;
}

// A token request or a webhook is a few hundred bytes: ten seconds is generous even on a bad mobile link.
export const defaultServerTimeouts: ServerTimeouts = { headersMs: 10_000, requestMs: 10_000, keepAliveMs: 5_000, checkIntervalMs: 1_000 };

interface Listen {
  port: number;
  host: string;
  timeouts?: ServerTimeouts;
  /** Upgrades no handler takes are refused with 404, so a stray client is not left hanging. */
  upgradeHandlers?: readonly UpgradeHandler[];
}

/** Starts the app on a real socket; resolves once it listens, rejects on e.g. EADDRINUSE. */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  { port, host, upgradeHandlers = [], timeouts = defaultServerTimeouts }: Listen,
) {
  return new Promise<RunningServer>((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    };
    const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions }, (info: AddressInfo) => {
      server.off('error', reject);
      const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${urlHost}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    if (upgradeHandlers.length > 0) {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (upgradeHandlers.some((handle) => handle(req, socket, head))) return;
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      });
    }
    server.once('error', reject);
  });
}
