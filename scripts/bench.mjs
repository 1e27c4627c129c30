// `npm run bench`: prints bundle sizes and demo-mode timings as JSON. Numbers, not pass/fail: targets are
// judged by a person reading the output, so a noisy machine never turns a test red.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 5823);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const readyRuns = 5;
const invites = 20;

const run = (args) => execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });

function chunkSizes(outDir) {
  const assets = path.join(outDir, 'assets');
  const entryName = readFileSync(path.join(outDir, 'index.html'), 'utf8').match(/src="\/assets\/([^"]+\.js)"/)[1];
  const size = (name) => {
    const source = readFileSync(path.join(assets, name));
    return { file: name, rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  };
  const sdkName = readdirSync(assets).find(
    (name) => name.endsWith('.js') && /@vonage\/client-sdk|SDK_version/.test(readFileSync(path.join(assets, name), 'utf8')),
  );
  return { entry: size(entryName), sdk: sdkName ? size(sdkName) : null };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value) => Math.round(value * 10) / 10;

async function waitForServer(url) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

async function signInAsJane(page) {
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: 'Agent' }).fill('Jane');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status', { name: 'Connection' }).filter({ hasText: /^Ready$/ }).waitFor();
}

run(['vite', 'build', '--logLevel', 'error']);
const production = chunkSizes('dist');
run(['vite', 'build', '--mode', 'demo', '--outDir', 'dist-bench', '--logLevel', 'error']);

const server = spawn('npx', ['vite', 'preview', '--outDir', 'dist-bench', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
const baseUrl = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required', '--disable-background-networking'],
});

try {
  await waitForServer(baseUrl);
  const readyTimes = [];
  for (let i = 0; i < readyRuns; i += 1) {
    // A fresh context each run: cold service worker, cold caches, as on a new tab.
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await signInAsJane(page);
    readyTimes.push(await page.evaluate(() => performance.now()));
    await context.close();
  }

  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  await signInAsJane(page);
  const inviteTimes = [];
  for (let i = 0; i < invites; i += 1) {
    const { elapsed, callId } = await page.evaluate(async (from) => {
      const visible = () => document.querySelector('section[aria-label="Incoming call"]') !== null;
      const start = performance.now();
      const id = await window.fakeVonage.ringAgent({ agent: 'Jane', from });
      await new Promise((resolve) => {
        if (visible()) return resolve();
        const observer = new MutationObserver(() => {
          if (visible()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      return { elapsed: performance.now() - start, callId: id };
    }, `4479111234${String(i).padStart(2, '0')}`);
    inviteTimes.push(elapsed);
    await page.evaluate((id) => window.fakeVonage.cancelInvite(id, 'remote-cancel'), callId);
    await page.getByRole('region', { name: 'Incoming call' }).waitFor({ state: 'hidden' });
  }
  await context.close();

  console.log(
    JSON.stringify(
      {
        chunks: production,
        entryUnder90KbGzip: production.entry.gzipBytes < 90 * 1024,
        demo: {
          pageLoadToReadyMs: { runs: readyRuns, median: round(median(readyTimes)), all: readyTimes.map(round) },
          ringAgentToIncomingCallVisibleMs: {
            invites,
            median: round(median(inviteTimes)),
            p95: round(percentile(inviteTimes, 95)),
          },
        },
        machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  process.kill(-server.pid);
}
