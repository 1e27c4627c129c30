import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** e.g. http://127.0.0.1:5830 */
  url: string;
  close(): Promise<void>;
}

interface Listen {
  port: number;
  host: string;
}

/** Starts the app on a real socket; resolves once it listens, rejects on e.g. EADDRINUSE. */
export function startServer(app: { fetch: (request: Request) => Response | Promise<Response> }, { port, host }: Listen) {
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${urlHost}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
