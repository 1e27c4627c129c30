import { defineConfig } from '@playwright/test';
import type { CloudOptions } from './e2e/support/fixtures';
import { liveUrls } from './e2e/live/support/live-ports';

// Browsers cannot be downloaded here: Playwright drives the system Chromium (Debian's, by default).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 5819);
// The static demo's build directory; concurrent runs on one machine each pass their own.
const staticBuildDir = process.env.E2E_STATIC_BUILD_DIR ?? 'dist-e2e';

export default defineConfig<object, CloudOptions>({
  testDir: './e2e',
  // Concurrent runs on one machine each pass their own, or one run's cleanup deletes the other's traces.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  // Builds the emulator demo once; each worker then serves it with its own emulator (support/emulator-server.ts).
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A failed scenario keeps its trace (DOM snapshots of every step) and one screenshot of how it ended. The trace's
    // screencast is off: encoding frames for every scenario costs CPU that 2 cores share with the browsers and the
    // emulator, and the snapshots already show each step.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
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
  projects: [
    // The local emulator (a real server, real WebSockets, Node WebRTC far ends): what `npm run dev` runs.
    { name: 'emulator', testIgnore: /live\//, use: { demoCloud: 'emulator' } },
    // The static demo build, with the whole cloud inside the page (MSW): it must keep working on its own. The
    // scenarios tagged `staticDemo` (support/fixtures.ts) prove it; the rest of the UI does not depend on where
    // the cloud runs, and the emulator project covers it.
    { name: 'static-demo', grep: /@static-demo/, testIgnore: /live\//, use: { demoCloud: 'in-page' } },
    // Live mode end to end: the production build, the real backend with sign-in at a real OpenID provider, and
    // the emulator checking the backend's tokens as Vonage does (e2e/live/support/live-stack.ts).
    { name: 'live', testMatch: /live\/.*\.spec\.ts$/, use: { demoCloud: 'live', baseURL: liveUrls().app } },
  ],
  webServer: {
    // The static demo build (MSW + the cloud in the page) served as files. The token timeout is the product's
    // default (10 s): in the static demo the page's own main thread answers the token request while it also
    // evaluates the SDK, and on a loaded 2-core machine a shorter limit failed sign-ins that were only slow.
    command: `npx vite build --mode demo --outDir ${staticBuildDir} --logLevel warn && npx vite preview --outDir ${staticBuildDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Always a fresh build of the current code, unless a developer opts in while iterating on tests.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    timeout: 180_000,
  },
});
