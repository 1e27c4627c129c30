import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { vonageEmulator } from './emulator/vite-plugin.ts';
import { parseAppConfig } from './src/config/app-config.ts';
import { liveContentSecurityPolicy } from './vite-plugins/content-security-policy.ts';
import { preloadVoiceSdk } from './vite-plugins/preload-voice-sdk.ts';

const require = createRequire(import.meta.url);
const workerFileName = 'mockServiceWorker.js';

/**
 * Serves MSW's service worker in demo mode and emits it into demo builds only. It is never copied from
 * public/, so a production build cannot ship it, and it always matches the installed msw version.
 */
function mswWorker(enabled: boolean): Plugin {
  const workerSource = () => readFileSync(require.resolve(`msw/${workerFileName}`), 'utf8');
  return {
    name: 'softphone:msw-worker',
    configureServer(server) {
      if (!enabled) return;
      server.middlewares.use(`/${workerFileName}`, (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        response.end(workerSource());
      });
    },
    generateBundle() {
      if (!enabled) return;
      this.emitFile({ type: 'asset', fileName: workerFileName, source: workerSource() });
    },
  };
}

/**
 * The Phone page (phone.html, a simulated PSTN phone) talks to the emulator only: built and served only when
 * the cloud is the emulator. Other dev servers answer 404 for it, as their builds do not contain it.
 */
function phonePage(enabled: boolean): Plugin {
  return {
    name: 'softphone:phone-page',
    configureServer(server) {
      if (enabled) return;
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== '/phone.html') return next();
        response.statusCode = 404;
        response.end('The Phone page runs with the emulator only (npm run dev).');
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const demo = env.VITE_SOFTPHONE_MODE === 'demo';
  // The demo's Vonage cloud: the emulator on this server's origin (dev, `npm run emulator`), or in the page (static demo).
  const emulator = demo && env.VITE_DEMO_CLOUD === 'emulator';
  return {
    plugins: [react(), tailwindcss(), mswWorker(demo), vonageEmulator(emulator), phonePage(emulator), liveContentSecurityPolicy(demo ? undefined : env), preloadVoiceSdk()],
    resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
    // The configuration parsed and validated here, from what import.meta.env holds in this build (src/app/build-time-config.ts).
    define: { __SOFTPHONE_CONFIG__: JSON.stringify(parseAppConfig(loadEnv(mode, process.cwd(), 'VITE_'))) },
    server: {
      // Live mode: the browser calls /api on its own origin and the dev server forwards to the token server.
      // The backend's /api and, with organisation sign-in, its /auth (the browser goes there and comes back).
      proxy: demo
        ? undefined
        : Object.fromEntries(['/api', '/auth'].map((path) => [path, { target: env.TOKEN_SERVER_URL ?? 'http://127.0.0.1:5830', changeOrigin: true }])),
    },
    // `npm run emulator`: the demo and the emulator on one port, for a team demo on a LAN or a QA suite in
    // another language (EMULATOR_HOST=0.0.0.0 to be reachable from other machines).
    preview: emulator ? { host: env.EMULATOR_HOST ?? '127.0.0.1', port: Number(env.EMULATOR_PORT ?? 5821), strictPort: true } : undefined,
    // Live builds have no source maps: a map carries the full source text, and whatever sits in outDir is served.
    build: {
      sourcemap: demo,
      // Every browser the softphone supports (WebRTC, Web Locks) has modulepreload: no polyfill in the entry.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // The emulator demo is two pages: the softphone and the Phone (phone.html).
        ...(emulator ? { input: { main: path.resolve(import.meta.dirname, 'index.html'), phone: path.resolve(import.meta.dirname, 'phone.html') } } : {}),
        // What the softphone's page loads before its first render (its entry's static imports: React, the store,
        // the sign-in form) in one chunk, not split into small shared chunks by which lazy chunk also uses them:
        // fewer requests, and one gzip stream compresses better than five (about 1 KB less). Not with two pages
        // (the emulator demo): their entries would share that chunk and each page would run both.
        ...(emulator ? {} : { output: { codeSplitting: { groups: [{ name: 'page', tags: ['$initial'] }] } } }),
      },
    },
  };
});
