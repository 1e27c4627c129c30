// Runs the emulator inside Vite's dev and preview servers, on the app's own origin: `npm run dev` is the
// whole contact center (app, token backend, Vonage cloud) in one process, reachable from any tab or device.
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { Emulator } from './create-emulator.ts';

function attach(server: ViteDevServer | PreviewServer, emulator: Emulator) {
  server.middlewares.use((request, response, next) => {
    emulator.handleRequest(request, response).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => next(error),
    );
  });
  server.httpServer?.on('upgrade', (request, socket, head) => {
    emulator.handleUpgrade(request, socket, head);
  });
  server.httpServer?.on('close', () => emulator.close());
  // The contact center's webhook URLs point at this server, once it listens.
  const announce = () => {
    const address = server.httpServer?.address();
    if (address && typeof address === 'object') emulator.listeningOn({ address: address.address, port: address.port, family: String(address.family) });
  };
  if (server.httpServer?.listening) announce();
  else server.httpServer?.once('listening', announce);
}

/** `enabled` is false outside the emulator demo (live mode, the static in-page demo): then it does nothing. */
export function vonageEmulator(enabled: boolean): Plugin {
  let emulator: Promise<Emulator> | undefined;
  // Loaded only when enabled: the emulator brings a native WebRTC library that live mode never needs.
  const start = () => (emulator ??= import('./create-emulator.ts').then(({ createEmulator }) => createEmulator()));
  return {
    name: 'softphone:vonage-emulator',
    async configureServer(server) {
      if (enabled) attach(server, await start());
    },
    async configurePreviewServer(server) {
      if (enabled) attach(server, await start());
    },
  };
}
