// The emulator on its own node:http server, without Vite: for a Playwright global setup (or any Node script)
// that runs the production SPA and the real backend elsewhere and needs the Vonage cloud on a port of its own.
//   const cloud = await startStandaloneEmulator({ port: 5840, vonageApplication: { applicationId, publicKey } });
//   … VITE_VONAGE_API_URL=`${cloud.url}/fake-vonage/api`, VITE_VONAGE_WEBSOCKET_URL=cloud.url, VONAGE_API_URL=cloud.url …
//   await cloud.close();
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.ts';

export interface StandaloneEmulatorOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port; read it back from `port` or `url`. */
  port?: number;
  host?: string;
}

export interface StandaloneEmulator {
  emulator: Emulator;
  port: number;
  /** http://host:port, the emulator's origin. */
  url: string;
  close(): Promise<void>;
}

export async function startStandaloneEmulator(options: StandaloneEmulatorOptions = {}): Promise<StandaloneEmulator> {
  const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const server = createServer((request, response) => {
    emulator.handleRequest(request, response).then(
      (handled) => {
        if (handled) return;
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not an emulator path');
      },
      (error: unknown) => {
        console.error('[emulator] request failed', error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    );
  });
  server.on('upgrade', (request, socket, head) => {
    if (!emulator.handleUpgrade(request, socket, head)) socket.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    emulator.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  emulator.listeningOn({ address: address.address, port: address.port, family: String(address.family) });
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    emulator,
    port: address.port,
    url: `http://${urlHost}:${address.port}`,
    close: async () => {
      emulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
