import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { build, preview } from 'vite';
import { liveUrls, livePorts } from './live-ports';

/** The production build the live project serves; concurrent runs on one machine pass their own. */
export const liveBuildDir = process.env.E2E_LIVE_BUILD_DIR ?? 'dist-e2e-live';

/**
 * `npm run build` as a deployment runs it (mode production, so .env.production: live mode, organisation
 * sign-in, the CSP meta tag), pointed at this machine's backend and emulator, then checked by the same
 * build check (no source maps, keys or secrets; the entry chunk's budget).
 */
export async function buildLiveApp() {
  if (process.env.E2E_REUSE_SERVER === '1' && existsSync(liveBuildDir)) return;
  // Built once per run by the global setup (e2e/support/global-setup.ts).
  const urls = liveUrls();
  // Vite gives variables already in the environment precedence over the .env files. They are put back after,
  // so no other build of the run (the demos, started from this process's environment) sees them.
  const liveEnvironment = {
    VITE_TOKEN_URL: `${urls.backend}/api/jwt`,
    VITE_VONAGE_API_URL: urls.emulatorApi,
    VITE_VONAGE_WEBSOCKET_URL: urls.emulatorWebsocket,
  };
  const before = Object.fromEntries(Object.keys(liveEnvironment).map((name) => [name, process.env[name]]));
  Object.assign(process.env, liveEnvironment);
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir: liveBuildDir, emptyOutDir: true } });
    await promisify(execFile)(process.execPath, ['scripts/check-build.mjs', liveBuildDir], { env: process.env });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      Reflect.deleteProperty(process.env, name);
      if (value !== undefined) process.env[name] = value;
    }
  }
}

/** Serves the build as static files, as any web server would. */
export async function serveLiveApp() {
  const server = await preview({
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: liveBuildDir },
    preview: { host: '127.0.0.1', port: livePorts().app, strictPort: true, open: false },
  });
  return { close: () => server.close() };
}
