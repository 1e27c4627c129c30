import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded here: Playwright drives the system Chromium (Debian's, by default).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5819);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    video: 'off',
    permissions: ['microphone'],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The demo build (MSW + fake Vonage cloud) served as static files; a short token timeout keeps the
    // "token backend does not answer" scenario quick.
    command: `npx vite build --mode demo --outDir dist-e2e --logLevel warn && npx vite preview --outDir dist-e2e --host 127.0.0.1 --port ${port} --strictPort`,
    env: { VITE_TOKEN_TIMEOUT_MS: '3000' },
    url: `http://127.0.0.1:${port}`,
    // Always a fresh build of the current code, unless a developer opts in while iterating on tests.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 180_000,
  },
});
