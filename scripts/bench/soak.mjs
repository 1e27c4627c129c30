// `npm run bench -- --soak` (issue 10, item 2): a long shift in one tab. 200 consecutive calls against the
// production emulator build (the SDK's real socket and WebRTC to the emulator's far end in Node): inbound
// answered (most), outbound, rejected, cancelled by the caller while ringing, now and then a hold and resume and
// a second call while on a call (Hold and answer / End and answer). Each answered call's audio is checked both
// ways, the call hung up, and its summary dismissed as an agent would.
//
// Measured at call 0 (after a warm-up of one call of each kind), at the middle and at the end, through CDP after
// two full GCs: used JS heap, DOM nodes, JS event listeners, documents; through an init script
// (scripts/bench/soak/page-census.mjs): peer connections and whether they are closed, live getUserMedia tracks,
// live timers (pending timeouts, active intervals) and who created them; the calls the softphone store keeps
// (read from React's tree and from the DOM). Between every two calls: no open peer connection and no live
// microphone track. The JSON goes to stdout, the tables to stderr; the budgets below are checked and the run
// exits non-zero over any of them.
//
//   npm run bench -- --soak                  (about 10 minutes on the 2-core machine)
//   SOAK_CALLS=20 npm run bench -- --soak    (a quick look; the middle checkpoint is at half)
//   node scripts/bench/soak.mjs              (the same, without bench.mjs)
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { emulatorControl } from './emulator-control.mjs';
import { agent, everyKind, kindOf, runCall, softphoneOf, waitUntil } from './soak/call-scenarios.mjs';
import { openMemoryProbe } from './soak/cdp-memory.mjs';
import { countAttachedNodes, countHistoryRows, installSoakCensus, readCallsKept } from './soak/page-census.mjs';
import { soakBudgetRows, formatFigures, timerGroups } from './soak/soak-report.mjs';
import { sourcePositions } from './soak/source-positions.mjs';
import { formatTable } from './budgets.mjs';
import { median, percentile, round } from './stats.mjs';

export const soakDefaults = {
  calls: Number(process.env.SOAK_CALLS ?? 200),
  port: Number(process.env.SOAK_PORT ?? 6711),
  outDir: 'dist-bench-soak',
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
};

// Closing is asynchronous (the SDK closes its peer connection after the cloud's hangup, the track after that):
// how long a call's media may take to close once its summary is on screen. After a first leak, checks are short,
// so a run that leaks on every call still ends.
const mediaClosedWithinMs = 5_000;
const mediaClosedAfterALeakMs = 500;
// A checkpoint's timer census is taken once the timeouts that end by themselves within this (counted from the
// checkpoint's start) have fired or been cleared: the SDK arms a 10 s or 60 s timer for many of its requests and
// never clears it (startVerifyResponseTimer in @vonage/client-sdk), and debounces come and go. What is left is
// what keeps running: intervals, timers re-armed again and again, and long timeouts (the session renewal).
const selfEndingWithinMs = 61_000;

const wallClock = () => new Date().toISOString();

function startServer({ port, outDir }) {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--mode', 'emulator', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true, env: { ...process.env, EMULATOR_LOG: 'warn' } },
  );
  let running = true;
  server.on('exit', () => {
    running = false;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      if (!running) return;
      running = false;
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function waitForServer(url) {
  await waitUntil(
    async () => {
      try {
        return (await fetch(`${url}/emulator/health`)).ok;
      } catch {
        return false;
      }
    },
    { what: `the emulator at ${url} to answer /emulator/health`, timeout: 30_000 },
  );
}

/** Signs Jane in and makes sure wrap-up is off (0 s) and auto-answer unchecked, so the loop drives every call. */
async function signIn(phone) {
  const { page } = phone;
  await page.getByRole('textbox', { name: 'Agent' }).fill(agent);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitUntil(async () => (await phone.connection.textContent())?.trim() === 'Ready', { what: 'Connection to read Ready after sign-in', timeout: 30_000 });
  const settings = page.getByRole('button', { name: 'Shift settings' });
  await settings.click();
  await page.getByRole('spinbutton', { name: 'Wrap-up seconds' }).fill('0');
  await page.getByRole('checkbox', { name: 'Auto-answer' }).setChecked(false);
  await settings.click();
  await waitUntil(async () => (await settings.getAttribute('aria-expanded')) === 'false', { what: 'Shift settings to close' });
}

const snapshot = (page) => page.evaluate(() => window.__softphoneSoak.snapshot());

/** Waits (closing is asynchronous) until no peer connection is open and no microphone track is live; the last counts. */
async function mediaAfterCall(page, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const census = await snapshot(page);
    const clean = census.openPeerConnections === 0 && census.liveMicrophoneTracks === 0;
    if (clean || Date.now() > deadline) return census;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The timers once every timeout pending now that ends within `selfEndingWithinMs` is gone (no fixed sleep). */
async function quietTimers(page) {
  const start = await snapshot(page);
  const selfEnding = new Set(start.timers.filter((timer) => timer.kind === 'timeout' && timer.delay - timer.ageMs <= selfEndingWithinMs).map((timer) => timer.id));
  return waitUntil(
    async () => {
      const now = await snapshot(page);
      return now.timers.every((timer) => !selfEnding.has(timer.id)) && now;
    },
    { what: `the ${selfEnding.size} self-ending timeouts pending at the checkpoint to fire`, timeout: selfEndingWithinMs + 15_000 },
  );
}

/** Every figure of one checkpoint (`label`: "call 100"), taken with the agent idle (no call, no summary). */
async function checkpoint(page, memory, label) {
  try {
    return { label, ...(await checkpointFigures(page, memory)) };
  } catch (error) {
    throw new Error(`Checkpoint at ${label}: ${error instanceof Error ? error.message : error}`, { cause: error });
  }
}

async function checkpointFigures(page, memory) {
  const media = await mediaAfterCall(page, mediaClosedWithinMs);
  const timers = await quietTimers(page);
  const heap = await memory.read();
  // After the GCs: what is still reachable.
  const reachable = await snapshot(page);
  const kept = await page.evaluate(readCallsKept);
  return {
    at: wallClock(),
    ...heap,
    attachedNodes: await page.evaluate(countAttachedNodes),
    peerConnectionsCreated: media.peerConnections,
    reachablePeerConnections: reachable.reachablePeerConnections,
    openPeerConnections: media.openPeerConnections,
    microphoneTracksCreated: media.microphoneTracks,
    reachableMicrophoneTracks: reachable.reachableMicrophoneTracks,
    liveMicrophoneTracks: media.liveMicrophoneTracks,
    pendingTimeouts: timers.pendingTimeouts,
    activeIntervals: timers.activeIntervals,
    timers: timers.timers,
    callsInStore: kept.store?.calls ?? null,
    storeCollections: kept.store?.collections ?? null,
    callsShown: kept.dom.endedShown + kept.dom.openShown,
    historyRows: await page.evaluate(countHistoryRows),
  };
}

/** The soak itself; resolves to the process exit code (0: every budget held). */
export async function runSoak(options = soakDefaults) {
  const { calls, port, outDir, chromiumPath } = { ...soakDefaults, ...options };
  const middle = Math.round(calls / 2);
  const started = performance.now();
  let server;
  let browser;
  let interrupted = false;
  let cleaning;
  // One clean-up, whoever asks first (the run's end, a failure, Ctrl-C): the browser, then the emulator's group.
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      server?.stop();
    })());
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the soak, closing the browser and the emulator.`);
    void cleanUp().finally(() => process.exit(130));
  };
  // A process ending any other way still stops the emulator (it runs in its own process group).
  const stopServerOnExit = () => server?.stop();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', stopServerOnExit);

  try {
    console.error(`[soak ${wallClock()}] building the emulator demo into ${outDir}`);
    execFileSync('npx', ['vite', 'build', '--mode', 'emulator', '--outDir', outDir, '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
    server = startServer({ port, outDir });
    await waitForServer(server.url);
    const cloud = emulatorControl(server.url);
    await cloud.reset();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required', '--disable-background-networking'],
      // Ctrl-C is the soak's own to handle (onSignal): the browser closed, the emulator stopped, exit 130.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const context = await browser.newContext({ permissions: ['microphone'] });
    await context.addInitScript(installSoakCensus);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    const phone = softphoneOf(page);
    await signIn(phone);
    const memory = await openMemoryProbe(page);

    const signedIn = await checkpoint(page, memory, 'signed in');
    console.error(`[soak ${wallClock()}] signed in; warm-up: one call of each kind (${everyKind.length})`);
    for (const [index, kind] of everyKind.entries()) {
      await runCall({ label: `Warm-up call ${index + 1}`, number: 900 + index, kind, phone, cloud });
    }
    await mediaAfterCall(page, mediaClosedWithinMs);
    const baseline = await checkpoint(page, memory, 'call 0');
    const figures = [signedIn, baseline];
    console.error(`[soak ${wallClock()}] call 0: ${round(baseline.usedHeapBytes / 2 ** 20)} MB used heap, ${baseline.nodes} nodes; ${calls} calls next`);

    const callTimes = [];
    const timesByKind = {};
    const leaks = [];
    const kinds = {};
    let callsTaken = 0;
    let storeMax = 0;
    for (let number = 1; number <= calls; number += 1) {
      const kind = kindOf(number);
      const start = performance.now();
      callsTaken += await runCall({ number, kind, phone, cloud });
      const after = await mediaAfterCall(page, leaks.length === 0 ? mediaClosedWithinMs : mediaClosedAfterALeakMs);
      callTimes.push(performance.now() - start);
      (timesByKind[kind] ??= []).push(callTimes.at(-1));
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (after.openPeerConnections > 0 || after.liveMicrophoneTracks > 0) {
        leaks.push({ call: number, kind, openPeerConnections: after.openPeerConnections, liveMicrophoneTracks: after.liveMicrophoneTracks, openPeers: after.openPeers });
      }
      const kept = await page.evaluate(readCallsKept);
      storeMax = Math.max(storeMax, kept.store?.calls ?? kept.dom.endedShown + kept.dom.openShown);
      if (number === middle || number === calls) {
        figures.push(await checkpoint(page, memory, `call ${number}`));
        console.error(`[soak ${wallClock()}] call ${number}: ${round(figures.at(-1).usedHeapBytes / 2 ** 20)} MB used heap, ${figures.at(-1).nodes} nodes`);
      } else if (number % 20 === 0) {
        console.error(`[soak ${wallClock()}] call ${number}`);
      }
    }
    await memory.detach();

    const nameOf = await sourcePositions(outDir);
    const end = figures.at(-1);
    const extraTimers = timerGroups(baseline.timers, end.timers, nameOf);
    const result = {
      what: `${calls} consecutive calls in one tab of the emulator build (${outDir}), after a warm-up of one call of each kind; figures after two full GCs`,
      calls,
      callsTaken,
      kinds,
      timePerCallMs: {
        what: 'ring or dial → summary dismissed and the call’s media closed (audio checks and the cloud’s records included)',
        median: round(median(callTimes)),
        p95: round(percentile(callTimes, 95)),
        max: round(Math.max(...callTimes)),
        firstTenthMedian: round(median(callTimes.slice(0, Math.ceil(calls / 10)))),
        lastTenthMedian: round(median(callTimes.slice(-Math.ceil(calls / 10)))),
        medianByKind: Object.fromEntries(Object.entries(timesByKind).map(([kind, times]) => [kind, { calls: times.length, median: round(median(times)) }])),
      },
      checkpoints: figures.map(({ timers: _timers, ...rest }) => rest),
      timersAtCall0: timerGroups([], baseline.timers, nameOf).groups,
      timersBeyondBaseline: extraTimers,
      mediaLeftOpenAfterACall: leaks.slice(0, 20).map((leak) => ({ ...leak, openPeers: leak.openPeers.map((peer) => ({ ...peer, from: nameOf(peer.from) })) })),
      mediaLeaksCount: leaks.length,
      storeMaxCallsAfterDismiss: storeMax,
      pageErrors: pageErrors.slice(0, 20),
      durationS: round((performance.now() - started) / 1000),
      machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map(round) },
    };
    const rows = soakBudgetRows({ baseline, end, leaks, extraTimers });
    result.budgets = rows.filter((row) => row.budget !== undefined).map(({ metric, actual, budget, unit, ok }) => ({ metric, value: actual, budget, unit, ok }));
    console.log(JSON.stringify(result, null, 2));
    console.error(`\n${formatFigures(figures, result.timePerCallMs)}\n\n${formatTable(rows)}\n`);
    if (extraTimers.groups.length > 0) {
      console.error(`Timers left running beyond call 0:\n${extraTimers.groups.map((group) => `  ${group.extra > 0 ? '+' : ''}${group.extra} ${group.kind} ${group.delay} ms from ${group.from}`).join('\n')}\n`);
    }
    const over = rows.filter((row) => row.ok === false);
    if (over.length > 0) console.error(`Over budget: ${over.map((row) => row.metric.trim()).join('; ')}.`);
    console.error(`[soak ${wallClock()}] done in ${result.durationS} s`);
    return over.length > 0 ? 1 : 0;
  } catch (error) {
    if (interrupted) return 130;
    console.error(`\nThe soak failed: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    await cleanUp();
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', stopServerOnExit);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await runSoak();
