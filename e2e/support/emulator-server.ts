import { existsSync } from 'node:fs';
import { build, preview } from 'vite';

/**
 * The demo build that talks to the emulator on its own origin (mode `emulator`, see .env.emulator). Two runs
 * on one machine (two developers, a helper) give each its own directory with E2E_BUILD_DIR.
 */
export const emulatorBuildDir = process.env.E2E_BUILD_DIR ?? 'dist-e2e-emulator';

/** Builds the emulator demo once per run (Playwright's global setup); E2E_REUSE_SERVER=1 keeps an existing build. */
export async function buildEmulatorDemo() {
  if (process.env.E2E_REUSE_SERVER === '1' && existsSync(emulatorBuildDir)) return;
  await build({ mode: 'emulator', logLevel: 'warn', build: { outDir: emulatorBuildDir, emptyOutDir: true } });
}

export interface EmulatorServer {
  url: string;
  /** An empty cloud and a normally answering token backend, so each scenario starts from nothing. */
  reset(): Promise<void>;
  /** Stops the emulator (every socket and call with it); `start()` brings up a new, empty one on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One emulator per Playwright worker: the app and the Vonage cloud on one origin (Vite's preview server with
 * the emulator plugin). Workers never share a cloud, so two scenarios signing in as Jane cannot meet.
 */
export async function startEmulatorServer(port: number): Promise<EmulatorServer> {
  // The contact center's prompts play four times as fast (a scenario hears the whole IVR in seconds), and its
  // backend logs only warnings. Read by the emulator when the preview server below creates it.
  process.env.EMULATOR_SPEECH_RATE ??= '4';
  process.env.EMULATOR_LOG ??= 'warn';
  const serve = () =>
    preview({
      mode: 'emulator',
      logLevel: 'warn',
      build: { outDir: emulatorBuildDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
  let server: Awaited<ReturnType<typeof serve>> | undefined = await serve();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async stop() {
      await server?.close();
      server = undefined;
    },
    async start() {
      server ??= await serve();
    },
    async reset() {
      const response = await fetch(`${url}/emulator/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`The emulator did not reset: HTTP ${response.status}`);
    },
    close: async () => {
      await server?.close();
      server = undefined;
    },
  };
}
