// What the agent feels, in phases, against the emulator demo (the SDK's real socket and WebRTC to a far end in
// Node): page load → Ready split into its phases, invite → Incoming call painted, Answer click → Active call
// painted with the SDK's own answer() time taken out. Times come from inside the page (scripts/bench/page-probe.mjs,
// the Navigation and Resource Timing APIs, and the app's `softphone:` performance marks), never from round trips
// of the benchmark's own driver.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { emulatorControl } from './emulator-control.mjs';
import { entryChunk } from './entry-floor.mjs';
import { installPageProbe } from './page-probe.mjs';
import { median, round, summary } from './stats.mjs';

export const loadRuns = 10;
export const reloadRuns = 10;
export const inviteCount = 50;
// 40: a p95 over 20 answers is the second-worst of them, one stray task from failing or passing.
export const answerCount = 40;
const outDir = 'dist-bench-emulator';
const agent = 'Jane';

async function waitForServer(url) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the emulator demo and serves it (the emulator runs inside Vite's preview server) on loopback. */
export async function startEmulatorDemo(port) {
  execFileSync('npx', ['vite', 'build', '--mode', 'emulator', '--outDir', outDir, '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--mode', 'emulator', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true, env: { ...process.env, EMULATOR_LOG: 'warn' } },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${url}/emulator/health`);
  } catch (error) {
    process.kill(-server.pid);
    throw error;
  }
  const assets = path.join(outDir, 'assets');
  const sdkFile = readdirSync(assets).find((name) => name.endsWith('.js') && /SDK_version/.test(readFileSync(path.join(assets, name), 'utf8')));
  return {
    url,
    entryFile: entryChunk(outDir).file,
    sdkFile,
    stop: () => process.kill(-server.pid),
  };
}

/** Read in the page once Ready is painted: the boundaries of every phase, in ms since navigation start. */
function readLoadTimeline({ entryFile, sdkFile }) {
  const probe = window.__softphoneBench;
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const resource = (file) => (file ? resources.find((entry) => entry.name.endsWith(`/${file}`)) : undefined);
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
  const field = probe.appearances.agentField[0];
  const ready = probe.appearances.ready[0];
  return {
    documentEnd: navigation.responseEnd,
    entryResponseEnd: resource(entryFile)?.responseEnd,
    fieldAt: field?.at,
    signInClickAt: probe.signInClickAt,
    tokenStart: mark('softphone:token-request-start'),
    tokenEnd: mark('softphone:token-request-end'),
    sdkStart: mark('softphone:sdk-chunk-start'),
    // A modulepreload fetches (and compiles) the SDK's chunk once the form is painted, before the app asks for it.
    sdkFetchStart: resource(sdkFile)?.startTime,
    sdkResponseEnd: resource(sdkFile)?.responseEnd,
    sdkEnd: mark('softphone:sdk-chunk-end'),
    createSessionStart: mark('softphone:create-session-start'),
    createSessionEnd: mark('softphone:create-session-end'),
    readyAt: ready.at,
    readyFrameAt: ready.frameAt,
  };
}

const readyPainted = () => window.__softphoneBench?.appearances.ready[0]?.frameAt !== undefined;

/**
 * The phases of one load, in order, each from where the previous one ended, so they add up to the total:
 * document, entry (fetch, evaluate, first render of the sign-in form), the sign-in click (the form painted,
 * then clicked at once), token and SDK chunk (in parallel: the later of the two ends the phase), the voice
 * client and Call details chunk, createSession, and Ready painted. The parallel pieces are given on their own too.
 */
function loadPhases(t) {
  const tokenAndSdkEnd = Math.max(t.tokenEnd, t.sdkEnd);
  return {
    document: t.documentEnd,
    entryFetchEvaluateRender: t.fieldAt - t.documentEnd,
    signInFormPaintedThenClicked: t.signInClickAt - t.fieldAt,
    clickToReadyOfTokenAndSdk: tokenAndSdkEnd - t.signInClickAt,
    voiceClientAndCallDetailsChunk: t.createSessionStart - tokenAndSdkEnd,
    createSession: t.createSessionEnd - t.createSessionStart,
    readyPainted: t.readyFrameAt - t.createSessionEnd,
    // Not on the chain above (they overlap it):
    parallel: {
      entryChunkFetchPastDocument: t.entryResponseEnd - t.documentEnd,
      clickToTokenRequest: t.tokenStart - t.signInClickAt,
      tokenRequest: t.tokenEnd - t.tokenStart,
      // From the modulepreload added once the form is painted: beside the agent's typing, not after the click.
      sdkChunkFetch: t.sdkResponseEnd - t.sdkFetchStart,
      clickToSdkEvaluateStart: Math.max(t.sdkStart, t.sdkResponseEnd) - t.signInClickAt,
      // The app asks for the module (its fetch long done) → the module evaluated: the SDK's own start-up.
      sdkChunkEvaluate: t.sdkEnd - Math.max(t.sdkStart, t.sdkResponseEnd),
    },
  };
}

const medianOf = (runs, pick) => round(median(runs.map(pick)));

/** Page load → Ready, `loadRuns` times in a fresh browser context each (cold caches: the first tab of the day). */
async function measureColdSignIns(browser, demo, control) {
  const runs = [];
  for (let i = 0; i < loadRuns; i += 1) {
    await control.reset();
    const context = await browser.newContext({ permissions: ['microphone'] });
    await context.addInitScript(installPageProbe, { signInAs: agent });
    const page = await context.newPage();
    await page.goto(demo.url, { waitUntil: 'commit' });
    await page.waitForFunction(readyPainted, null, { timeout: 30_000 });
    runs.push(await page.evaluate(readLoadTimeline, { entryFile: demo.entryFile, sdkFile: demo.sdkFile }));
    await context.close();
  }
  const phases = runs.map(loadPhases);
  const phaseNames = Object.keys(phases[0]).filter((name) => name !== 'parallel');
  return {
    what: `navigation start → Connection reads Ready, next frame; ${loadRuns} fresh contexts (cold caches), the probe signing in as ${agent} as soon as the Agent field is painted`,
    runs: loadRuns,
    median: medianOf(runs, (t) => t.readyFrameAt),
    all: runs.map((t) => round(t.readyFrameAt)),
    phasesMedianMs: Object.fromEntries(phaseNames.map((name) => [name, medianOf(phases, (p) => p[name])])),
    parallelMedianMs: Object.fromEntries(Object.keys(phases[0].parallel).map((name) => [name, medianOf(phases, (p) => p.parallel[name])])),
  };
}

export const typingRuns = 5;
// How long the agent takes to type their name: what the page has to fetch and compile the SDK meanwhile.
const typingMs = 1500;

/**
 * An agent who types: fresh context, the name typed `typingMs` after the form is painted, then Sign in; from
 * the click to Ready painted (what the agent waits for). Not budgeted: the budget is the quick click above.
 */
async function measureTypingSignIns(browser, demo, control) {
  const runs = [];
  for (let i = 0; i < typingRuns; i += 1) {
    await control.reset();
    const context = await browser.newContext({ permissions: ['microphone'] });
    await context.addInitScript(installPageProbe, {});
    const page = await context.newPage();
    await page.goto(demo.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__softphoneBench?.appearances.agentField[0]?.afterPaintAt !== undefined, null, { timeout: 30_000 });
    // In the page, so no driver round trip is counted: focus (the sign-in intent), type, click.
    const clickAt = await page.evaluate(async ({ name, ms }) => {
      const field = [...document.querySelectorAll('input')].find((input) => input.labels?.[0]?.textContent?.trim() === 'Agent');
      field.focus();
      await new Promise((resolve) => setTimeout(resolve, ms));
      field.value = name;
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Sign in');
      const at = performance.now();
      button.click();
      return at;
    }, { name: agent, ms: typingMs });
    await page.waitForFunction(readyPainted, null, { timeout: 30_000 });
    runs.push(await page.evaluate((at) => window.__softphoneBench.appearances.ready[0].frameAt - at, clickAt));
    await context.close();
  }
  return {
    what: `an agent who types: Sign in clicked ${typingMs} ms after the form is painted, click → Ready painted; ${typingRuns} fresh contexts; not budgeted`,
    runs: typingRuns,
    median: round(median(runs)),
    all: runs.map(round),
  };
}

/** The same with the reload-recovery path (signed in once, then reloaded: what an agent feels mid-shift). */
async function measureReloads(browser, demo, control) {
  await control.reset();
  const context = await browser.newContext({ permissions: ['microphone'] });
  await context.addInitScript(installPageProbe, {});
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.getByRole('textbox', { name: 'Agent' }).fill(agent);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(readyPainted, null, { timeout: 30_000 });
  const runs = [];
  for (let i = 0; i < reloadRuns; i += 1) {
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(readyPainted, null, { timeout: 30_000 });
    runs.push(await page.evaluate(readLoadTimeline, { entryFile: demo.entryFile, sdkFile: demo.sdkFile }));
  }
  await context.close();
  return {
    what: `reload while signed in → Ready painted (the tab signs back in by itself; warm caches), ${reloadRuns} reloads; not budgeted`,
    runs: reloadRuns,
    median: medianOf(runs, (t) => t.readyFrameAt),
    phasesMedianMs: {
      document: medianOf(runs, (t) => t.documentEnd),
      tokenRequest: medianOf(runs, (t) => t.tokenEnd - t.tokenStart),
      sdkChunk: medianOf(runs, (t) => t.sdkEnd - t.sdkStart),
      createSession: medianOf(runs, (t) => t.createSessionEnd - t.createSessionStart),
    },
  };
}

async function signedInPage(browser, demo, control) {
  await control.reset();
  const context = await browser.newContext({ permissions: ['microphone'] });
  await context.addInitScript(installPageProbe, { signInAs: agent });
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.waitForFunction(readyPainted, null, { timeout: 30_000 });
  return { context, page };
}

/** Rings the agent from the benchmark; resolves once the Incoming call region is painted, with the probe's record. */
async function ringAndWaitPainted(page, control, from) {
  const before = await page.evaluate(() => window.__softphoneBench.appearances.incomingCall.length);
  const requestedAt = performance.timeOrigin + performance.now();
  const callId = await control.call('ringAgent', { agent, from });
  await page.waitForFunction(
    (count) => {
      const list = window.__softphoneBench.appearances.incomingCall;
      return list.length > count && list.at(-1).afterPaintAt !== undefined;
    },
    before,
    { timeout: 15_000 },
  );
  const record = await page.evaluate(() => {
    const probe = window.__softphoneBench;
    const shown = probe.appearances.incomingCall.at(-1);
    const invite = probe.invites.find((entry) => entry.at === shown.inviteAt);
    return { ...shown, inviteWallClock: invite?.wallClock };
  });
  return { callId, requestedAt, record };
}

/**
 * Invite → Incoming call painted: from the invite frame's arrival in the page to the next animation frame after
 * the region appears (budgeted), split into SDK and app work (arrival → region in the DOM) and the wait for the
 * frame. The fake's own work (the ringAgent request → the frame's arrival: its far end's offer and ICE) apart.
 */
async function measureInvites(page, control) {
  const samples = [];
  for (let i = 0; i < inviteCount; i += 1) {
    const { callId, requestedAt, record } = await ringAndWaitPainted(page, control, `4479111234${String(i).padStart(2, '0')}`);
    if (record.inviteAt === undefined) throw new Error('The probe saw no invite frame before Incoming call appeared');
    samples.push({
      painted: record.frameAt - record.inviteAt,
      sdkAndApp: record.at - record.inviteAt,
      frameWait: record.frameAt - record.at,
      afterPaint: record.afterPaintAt - record.inviteAt,
      fake: record.inviteWallClock - requestedAt,
    });
    await control.call('cancelInvite', callId, 'remote-cancel');
    await page.getByRole('region', { name: 'Incoming call' }).waitFor({ state: 'hidden' });
    // Calls do not ring back to back: let the cancel's own work (history, announcement) finish first.
    await pause(250);
  }
  const pick = (name) => samples.map((sample) => sample[name]);
  return {
    what: `invite frame's arrival in the page → next animation frame after Incoming call appears; ${inviteCount} invites`,
    invites: inviteCount,
    ...summary(pick('painted')),
    sdkAndAppWorkMs: { what: 'invite arrival → region in the DOM', ...summary(pick('sdkAndApp')) },
    frameWaitMs: { what: 'region in the DOM → its frame', ...summary(pick('frameWait')) },
    firstTaskAfterPaintMs: { what: 'invite arrival → first task after that frame', ...summary(pick('afterPaint')) },
    fakeOwnWorkMs: { what: 'ringAgent request sent → invite frame in the page (the emulator: far end offer, ICE); not counted', ...summary(pick('fake')) },
  };
}

/**
 * Answer click → Active call: the app's overhead is (click → region in the DOM) − the SDK's own answer() (its
 * `softphone:sdk-answer-*` marks): the app's work before the SDK call (microphone check) and after it. The wait
 * for the frame that paints the region is no app work: given apart, and in the total click → painted.
 */
async function measureAnswers(page, control) {
  const samples = [];
  for (let i = 0; i < answerCount; i += 1) {
    const { callId } = await ringAndWaitPainted(page, control, `4479111235${String(i).padStart(2, '0')}`);
    const before = await page.evaluate(() => window.__softphoneBench.appearances.activeCall.length);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.waitForFunction(
      (count) => {
        const list = window.__softphoneBench.appearances.activeCall;
        return list.length > count && list.at(-1).frameAt !== undefined;
      },
      before,
      { timeout: 15_000 },
    );
    const sample = await page.evaluate(() => {
      const shown = window.__softphoneBench.appearances.activeCall.at(-1);
      const start = performance.getEntriesByName('softphone:sdk-answer-start', 'mark').at(-1).startTime;
      const end = performance.getEntriesByName('softphone:sdk-answer-end', 'mark').at(-1).startTime;
      const sdk = end - start;
      return {
        overhead: shown.at - shown.clickAt - sdk,
        overheadToPainted: shown.frameAt - shown.clickAt - sdk,
        beforeSdk: start - shown.clickAt,
        afterSdk: shown.at - end,
        frameWait: shown.frameAt - shown.at,
        sdk,
        clickToPainted: shown.frameAt - shown.clickAt,
      };
    });
    samples.push(sample);
    await control.call('hangup', callId);
    await page.getByRole('region', { name: 'Active call' }).waitFor({ state: 'hidden' });
    await pause(300);
  }
  const pick = (name) => samples.map((sample) => sample[name]);
  return {
    what: `Answer click → Active call in the DOM, minus the SDK's own answer(); ${answerCount} answers`,
    answers: answerCount,
    ...summary(pick('overhead')),
    appBeforeSdkMs: { what: 'click → SDK answer() called (answer-requested, microphone check)', ...summary(pick('beforeSdk')) },
    appAfterSdkMs: { what: 'SDK answer() resolved → Active call in the DOM', ...summary(pick('afterSdk')) },
    frameWaitMs: { what: 'Active call in the DOM → its frame; no app work, not budgeted', ...summary(pick('frameWait')) },
    overheadToPaintedMs: { what: 'click → Active call painted, minus the SDK answer()', ...summary(pick('overheadToPainted')) },
    sdkAnswerMs: { what: "the SDK's answer() (emulator far end included); not counted", ...summary(pick('sdk')) },
    clickToPaintedMs: summary(pick('clickToPainted')),
  };
}

/** Every agent-felt measurement, against one emulator demo on `port`. */
export async function measureAgentPhases(browser, port) {
  const demo = await startEmulatorDemo(port);
  const control = emulatorControl(demo.url);
  try {
    const pageLoadToReadyMs = await measureColdSignIns(browser, demo, control);
    const typingAgentClickToReadyMs = await measureTypingSignIns(browser, demo, control);
    const reloadToReadyMs = await measureReloads(browser, demo, control);
    const { context, page } = await signedInPage(browser, demo, control);
    try {
      const inviteToIncomingCallPaintedMs = await measureInvites(page, control);
      const answerOverheadMs = await measureAnswers(page, control);
      return { build: outDir, pageLoadToReadyMs, typingAgentClickToReadyMs, reloadToReadyMs, inviteToIncomingCallPaintedMs, answerOverheadMs };
    } finally {
      await context.close();
    }
  } finally {
    demo.stop();
  }
}
