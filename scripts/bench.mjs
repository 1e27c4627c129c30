// `npm run bench`: what the agent feels, in phases: the JSON on stdout, a short table (metric, value, budget,
// ok) on stderr. Budgets (scripts/bench/budgets.mjs) are checked here, never in timed tests: the bench exits
// non-zero when any is exceeded. The entry chunk is set beside a blank React app's (the floor, built in the same
// run); load, invite and answer are measured against the emulator demo (scripts/bench/agent-phases.mjs); the
// call history's opening against the static demo, below.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { loadRuns, measureAgentPhases } from './bench/agent-phases.mjs';
import { benchRows, budgets, formatTable } from './bench/budgets.mjs';
import { buildEntryFloor, measureFloorLoad } from './bench/entry-floor.mjs';
import { eagerGraph } from './eager-graph.mjs';
import { runFloorBench } from './bench/emulator-floor.mjs';
import { median, round } from './bench/stats.mjs';

// `npm run bench -- --soak`: the long-shift soak instead (scripts/bench/soak.mjs), then exit with its result.
if (process.argv.includes('--soak')) {
  const { runSoak } = await import('./bench/soak.mjs');
  process.exit(await runSoak());
}

// Loopback only, strict ports: the static demo (call history) on `port`, the emulator demo on the next one.
const port = Number(process.env.BENCH_PORT ?? 6701);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const historyCalls = 10_000;
const historyOpenRuns = 5;
// Opening a full history must show no visible pause.
const historyOpenBudgetMs = budgets.historyOpenMedianMs;

const run = (args) => execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** The entry with every chunk it imports statically (what loads before the first render), and the SDK's chunk. */
function chunkSizes(outDir) {
  const assets = path.join(outDir, 'assets');
  const { sources: _sources, ...entry } = eagerGraph(outDir);
  const size = (name) => {
    const source = readFileSync(path.join(assets, name));
    return { file: name, rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  };
  const sdkName = readdirSync(assets).find(
    (name) => name.endsWith('.js') && /@vonage\/client-sdk|SDK_version/.test(readFileSync(path.join(assets, name), 'utf8')),
  );
  return { entry: { what: 'the entry chunk and the chunks it imports statically, each gzip -9, summed', ...entry }, sdk: sdkName ? size(sdkName) : null };
}


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

/** Fills Jane's call history (the app's own IndexedDB database, created at sign-in) with `count` calls in one write. */
function seedCallHistory(page, count) {
  return page.evaluate(async (total) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('agent-softphone');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('calls', 'readwrite');
    const start = Date.now() - total * 60_000;
    for (let i = 0; i < total; i += 1) {
      const missed = i % 7 === 0;
      const startedAt = start + i * 60_000;
      tx.objectStore('calls').put({
        id: `BENCH-${i}`,
        agent: 'Jane',
        direction: i % 3 === 0 ? 'outbound' : 'inbound',
        remote: `4479111${String(i).padStart(5, '0')}`,
        channelType: 'phone',
        startedAt,
        ...(missed ? {} : { answeredAt: startedAt + 4_000 }),
        endedAt: startedAt + 40_000,
        durationSeconds: missed ? 0 : 36,
        endReason: missed ? 'remote-cancel' : 'remote-hangup',
        outcome: missed ? 'The caller hung up before you answered.' : 'The caller hung up.',
        missed,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

/**
 * From the click on Call history to the first frame painted with its rows: the click, reading the newest calls
 * from IndexedDB, rendering the virtualized list. Measured in the page; `requestAnimationFrame` then a task
 * lands just after that frame is painted. Then, for the record, until the whole list is read (its status reads
 * `wholeList`).
 */
function timeHistoryOpening(page, wholeList) {
  return page.evaluate(async (wholeListText) => {
    const region = document.querySelector('section[aria-label="Call history"]');
    const toggle = region.querySelector('button[aria-expanded="false"]');
    const rowsShown = () => region.querySelector('ul[aria-label="Calls"] li') !== null;
    const start = performance.now();
    toggle.click();
    await new Promise((resolve) => {
      const painted = () => requestAnimationFrame(() => setTimeout(resolve, 0));
      if (rowsShown()) return painted();
      const observer = new MutationObserver(() => {
        if (!rowsShown()) return;
        observer.disconnect();
        painted();
      });
      observer.observe(region, { childList: true, subtree: true });
    });
    const firstRowsPainted = performance.now() - start;
    const whole = () => region.querySelector('[role="status"]')?.textContent?.startsWith(wholeListText);
    await new Promise((resolve) => {
      if (whole()) return resolve();
      const observer = new MutationObserver(() => {
        if (!whole()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(region, { childList: true, subtree: true, characterData: true });
    });
    return { firstRowsPainted, wholeListRead: performance.now() - start };
  }, wholeList);
}

run(['vite', 'build', '--logLevel', 'error']);
const production = chunkSizes('dist');
const floor = await buildEntryFloor();
// The emulator holds a floor of agents: synthetic SDK sessions in one emulator, no browser (scripts/bench/emulator-floor.mjs).
const emulatorFloor = await runFloorBench();
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
  // Page load → Ready in phases, invite → Incoming call painted, Answer's overhead: against the emulator demo.
  const agent = await measureAgentPhases(browser, port + 1);
  // What page load cannot go below on this machine: a blank React app's first paint, loaded the same way.
  const floorPaints = await measureFloorLoad(browser, port + 2, loadRuns);
  agent.floorLoadToFirstPaintMs = {
    what: `a blank React 19 app (scripts/bench/floor-app) from loopback: navigation start → the frame that paints it; ${loadRuns} fresh contexts (cold caches)`,
    runs: loadRuns,
    median: round(median(floorPaints)),
    all: floorPaints.map(round),
  };

  const historyContext = await browser.newContext({ permissions: ['microphone'] });
  const historyPage = await historyContext.newPage();
  await signInAsJane(historyPage);
  await seedCallHistory(historyPage, historyCalls);
  const historyOpenTimes = [];
  const historyWholeListTimes = [];
  for (let i = 0; i < historyOpenRuns; i += 1) {
    // A reload signs Jane back in with the history closed and not yet read: every run opens it cold.
    if (i > 0) {
      await historyPage.reload();
      await historyPage.getByRole('status', { name: 'Connection' }).filter({ hasText: /^Ready$/ }).waitFor();
    }
    await historyPage.getByRole('button', { name: /^Call history/ }).waitFor();
    const { firstRowsPainted, wholeListRead } = await timeHistoryOpening(historyPage, `${historyCalls.toLocaleString('en-US')} calls`);
    historyOpenTimes.push(firstRowsPainted);
    historyWholeListTimes.push(wholeListRead);
  }
  await historyContext.close();
  const historyOpenMedian = median(historyOpenTimes);
  const rows = benchRows({ production, floor, agent, history: { calls: historyCalls, median: round(historyOpenMedian) } });
  rows.push(...emulatorFloor.rows);

  console.log(
    JSON.stringify(
      {
        chunks: production,
        entryFloor: { what: 'a blank React 19 + react-dom app built by the same Vite in this run (scripts/bench/floor-app)', ...floor },
        agent,
        emulatorFloor: emulatorFloor.result,
        demo: {
          callHistoryOpenToFirstRowsPaintedMs: {
            what: `opening a ${historyCalls.toLocaleString('en-US')}-call history: time to first rows painted`,
            runs: historyOpenRuns,
            median: round(historyOpenMedian),
            max: round(Math.max(...historyOpenTimes)),
            budgetMs: historyOpenBudgetMs,
            withinBudget: historyOpenMedian <= historyOpenBudgetMs,
            // The newest calls show first; the rest are read in pages behind them (filters, search, Export).
            wholeListReadMedianMs: round(median(historyWholeListTimes)),
          },
        },
        budgets: rows.filter((row) => row.budget !== undefined).map(({ metric, actual, budget, unit, ok }) => ({ metric, value: actual, budget, unit, ok })),
        machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      },
      null,
      2,
    ),
  );
  console.error(`\n${formatTable(rows)}\n`);
  const over = rows.filter((row) => row.ok === false);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((row) => row.metric.trim()).join('; ')}.`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
