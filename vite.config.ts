import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

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

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const demo = env.VITE_SOFTPHONE_MODE === 'demo';
  return {
    plugins: [react(), tailwindcss(), mswWorker(demo)],
    resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
    server: {
      // Live mode: the browser calls /api on its own origin and the dev server forwards to the token server.
      proxy: demo ? undefined : { '/api': { target: env.TOKEN_SERVER_URL ?? 'http://127.0.0.1:5830', changeOrigin: true } },
    },
    // Live builds keep their maps for error reports but do not point browsers at them.
    build: { sourcemap: demo ? true : 'hidden' },
  };
});
