// The emulator holds a floor of agents (issue 10, item 3): synthetic clients speaking the SDK's socket protocol
// (synthetic-agent.mjs) sign in to one emulator (emulator-floor-host.ts, its own process with --expose-gc), 50, 100
// and 200 sessions, each its own agent. At each step: the emulator's heap per session after a full GC, and the
// delivery time of invites to a random session, from the moment the cloud pushes `member:invited` (its far
// end's offer ready) to the frame's arrival in the client, both stamped with the machine's monotonic clock. The
// far end's own offer (WebRTC, ICE gathering) is reported beside it, not counted. Every invite is cancelled
// before the next. Then every session signs out: the cloud must hold no session, socket, ringing call or far-end
// peer. Budget: p95 delivery at the largest step ≤ 20 ms. About 90 s: each step spans one ping interval.
//
//   node scripts/bench/emulator-floor.mjs            (also part of `npm run bench`)
//   FLOOR_STEPS=5,10 FLOOR_INVITES=5 node scripts/bench/emulator-floor.mjs     (a quick look)
import { fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { round, summary } from './stats.mjs';
import { SyntheticAgent } from './synthetic-agent.mjs';

export const floorDefaults = {
  steps: [50, 100, 200],
  invitesPerStep: 60,
  warmupInvites: 5,
  budgetP95Ms: 20,
  port: 6601,
};

const repoRoot = path.resolve(import.meta.dirname, '../..');
const signInBatch = 20;
const freedWithinMs = 5_000;

const kb = (bytes) => round(bytes / 1024);

/** The emulator process and a request/reply channel to it. */
function startEmulator(port, agents) {
  const child = fork(path.join(import.meta.dirname, 'emulator-floor-host.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, FLOOR_PORT: String(port), FLOOR_AGENTS: String(agents), EMULATOR_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let nextId = 0;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.ready) return resolve(message);
      const reply = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reply?.reject(new Error(message.error));
      else reply?.resolve(message.result);
    });
    child.on('exit', (code) => {
      const error = new Error(`The floor emulator exited (code ${code})`);
      reject(error);
      for (const reply of pending.values()) reply.reject(error);
      pending.clear();
    });
  });
  const request = (command, fields = {}) =>
    new Promise((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      child.send({ id: nextId, command, ...fields });
    });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await request('close').catch(() => undefined);
    await exited;
  };
  return { ready, request, stop, child };
}

async function until(read, done, what) {
  const deadline = Date.now() + freedWithinMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${freedWithinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One invite to `agent`: its delivery time (ms) and the far end's offer time, then cancelled and gone. */
async function inviteOnce(emulator, agent, from) {
  const { callId, pushedAt, farEndOfferMs } = await emulator.request('ring', { agent: agent.userName, from });
  const arrivedAt = await agent.inviteArrival(callId);
  await emulator.request('cancel', { callId });
  await agent.inviteEnded(callId);
  return { deliveryMs: Number(arrivedAt - BigInt(pushedAt)) / 1e6, farEndOfferMs };
}

export async function runFloorBench(options = {}) {
  const { steps, invitesPerStep, warmupInvites, budgetP95Ms, port } = { ...floorDefaults, ...options };
  const ascending = [...steps].sort((a, b) => a - b);
  const largest = ascending.at(-1);
  // One agent more than the largest step: it warms the sign-in path up before the empty heap is read.
  const emulator = startEmulator(port, largest + 1);
  const everyAgent = [];
  try {
    const { origin, socketPath, mobileApiKey, agents } = await emulator.ready;
    const signIn = async (userName) => {
      const agent = await SyntheticAgent.signIn({ origin, socketPath, userName, mobileApiKey });
      everyAgent.push(agent);
      return agent;
    };
    for (let i = 0; i < 5; i += 1) await (await signIn(agents[largest])).signOut();
    await until(() => emulator.request('state'), (state) => state.sessions === 0 && state.sockets === 0, 'The warm-up session');
    const empty = await emulator.request('memory');

    // Memory: sessions only, no call yet, at each step.
    const signedIn = [];
    const memory = new Map();
    for (const step of ascending) {
      while (signedIn.length < step) {
        const batch = agents.slice(signedIn.length, Math.min(step, signedIn.length + signInBatch));
        signedIn.push(...(await Promise.all(batch.map(signIn))));
      }
      const state = await emulator.request('state');
      if (state.sessions !== step || state.sockets !== step) throw new Error(`${step} sessions expected, the cloud holds ${JSON.stringify(state)}`);
      const usage = await emulator.request('memory');
      memory.set(step, { heapUsed: usage.heapUsed - empty.heapUsed, rss: usage.rss - empty.rss, external: usage.external - empty.external });
    }

    // Delivery: from the largest step down, signing the extra sessions out before each (closed sessions must go).
    for (let i = 0; i < warmupInvites; i += 1) await inviteOnce(emulator, signedIn[i % signedIn.length], `44770090${String(9000 + i)}`);
    const curve = [];
    for (const step of [...ascending].reverse()) {
      await Promise.all(signedIn.splice(step).map((agent) => agent.signOut()));
      await until(() => emulator.request('state'), (state) => state.sessions === step && state.sockets === step, `Down to ${step} sessions`);
      const deliveries = [];
      const offers = [];
      // Each step's invites are spread over one ping interval (25 s), so they meet the server's pings to every
      // session, as on a real floor, and every step is paced alike.
      const spreadMs = signedIn[0].pingIntervalMs + 2_000;
      const stepStart = Date.now();
      for (let i = 0; i < invitesPerStep; i += 1) {
        const due = stepStart + (i * spreadMs) / invitesPerStep;
        if (Date.now() < due) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        const target = signedIn[Math.floor(Math.random() * signedIn.length)];
        const { deliveryMs, farEndOfferMs } = await inviteOnce(emulator, target, `4477009${String(step).padStart(3, '0')}${String(i).padStart(2, '0')}`);
        deliveries.push(deliveryMs);
        offers.push(farEndOfferMs);
      }
      const heap = memory.get(step);
      const smaller = ascending.filter((other) => other < step).at(-1);
      curve.unshift({
        sessions: step,
        invites: invitesPerStep,
        deliveryMs: summary(deliveries),
        farEndOfferMs: summary(offers),
        heapPerSessionKB: kb(heap.heapUsed / step),
        // Each session past the previous step: without the one-time costs the first sessions carry.
        ...(smaller === undefined ? {} : { marginalHeapPerSessionKB: kb((heap.heapUsed - memory.get(smaller).heapUsed) / (step - smaller)) }),
        rssPerSessionKB: kb(heap.rss / step),
        externalPerSessionKB: kb(heap.external / step),
      });
    }

    // Everyone signs out: nothing of theirs may stay.
    await Promise.all(signedIn.splice(0).map((agent) => agent.signOut()));
    const afterClose = await until(
      () => emulator.request('state'),
      (state) => state.sessions === 0 && state.sockets === 0 && state.liveCalls === 0 && state.farEndPeers === 0,
      'After every session signed out',
    ).catch((error) => ({ error: error.message }));
    const closedMemory = await emulator.request('memory');
    const finalState = await emulator.request('state');
    await emulator.request('reset');
    const resetMemory = await emulator.request('memory');
    const freed = afterClose.error === undefined;
    const top = curve.at(-1);
    const clients = {
      pingsAnswered: everyAgent.reduce((sum, agent) => sum + agent.pingsAnswered, 0),
      heartbeatTimeouts: everyAgent.reduce((sum, agent) => sum + agent.heartbeatTimeouts, 0),
      unexpectedCloses: everyAgent.reduce((sum, agent) => sum + agent.unexpectedCloses, 0),
    };
    const result = {
      what: 'synthetic SDK clients (socket protocol only) signed in to one emulator process; invite delivery = cloud pushes member:invited → frame arrives in the client',
      curve,
      afterSignOut: {
        freed,
        ...(freed ? {} : { error: afterClose.error }),
        ...finalState,
        heapOverEmptyKB: kb(closedMemory.heapUsed - empty.heapUsed),
        // Ended calls stay readable (Call details, conversation events) until reset(), which forgets them: the
        // heap reset gives back is what they held. What stays after reset is code and pools warmed by the run.
        heapPerEndedCallKB: finalState.endedCalls > 0 ? kb((closedMemory.heapUsed - resetMemory.heapUsed) / finalState.endedCalls) : 0,
        heapOverEmptyAfterResetKB: kb(resetMemory.heapUsed - empty.heapUsed),
      },
      clients,
      budget: { p95DeliveryMs: budgetP95Ms, atSessions: top.sessions, measuredP95Ms: top.deliveryMs.p95, withinBudget: top.deliveryMs.p95 <= budgetP95Ms },
    };
    const rows = floorRows(result);
    return { result, rows, table: floorTable(result), over: rows.filter((row) => row.ok === false) };
  } finally {
    await Promise.all(everyAgent.map((agent) => agent.signOut()));
    await emulator.stop();
  }
}

/**
 * Rows for the benchmark's table (scripts/bench/budgets.mjs formatTable: metric, value, budget, ok): the curve,
 * the delivery budget at the largest step, and what must be left after sign-out (nothing).
 */
export function floorRows(result) {
  const top = result.curve.at(-1);
  const after = result.afterSignOut;
  const rows = result.curve.map((step) => ({
    metric: `emulator, ${step.sessions} sessions: invite delivered, p95 of ${step.invites}`,
    value: `${step.deliveryMs.p95} ms (median ${step.deliveryMs.median}); heap ${step.heapPerSessionKB} KB/session`,
    ...(step === top ? { budget: result.budget.p95DeliveryMs, actual: step.deliveryMs.p95, unit: 'ms', ok: result.budget.withinBudget } : {}),
  }));
  const left = after.sessions + after.sockets + after.liveCalls + after.farEndPeers;
  rows.push({ metric: "  the far end's own offer (not counted), median", value: `${top.farEndOfferMs.median} ms` });
  rows.push({
    metric: '  left after sign-out: sessions, sockets, ringing calls, far-end peers',
    value: `${after.sessions}, ${after.sockets}, ${after.liveCalls}, ${after.farEndPeers}`,
    budget: 0,
    actual: left,
    unit: 'left',
    ok: after.freed && left === 0,
  });
  rows.push({ metric: '  ended calls kept for Call details until reset', value: `${after.endedCalls} × ${after.heapPerEndedCallKB} KB` });
  const lost = result.clients.heartbeatTimeouts + result.clients.unexpectedCloses;
  rows.push({
    metric: '  synthetic sessions that lost their socket',
    value: `${lost} (${result.clients.pingsAnswered} pings answered)`,
    budget: 0,
    actual: lost,
    unit: 'lost',
    ok: lost === 0,
  });
  return rows;
}

/** The curve, for `node scripts/bench/emulator-floor.mjs` on its own. */
export function floorTable(result) {
  const columns = ['sessions', 'invite p50 ms', 'invite p95 ms', 'max ms', 'heap KB/session', 'marginal KB', 'rss KB/session', 'far-end offer p50 ms'];
  const rows = result.curve.map((step) => [
    step.sessions,
    step.deliveryMs.median,
    step.deliveryMs.p95,
    step.deliveryMs.max,
    step.heapPerSessionKB,
    step.marginalHeapPerSessionKB ?? '',
    step.rssPerSessionKB,
    step.farEndOfferMs.median,
  ]);
  const widths = columns.map((title, index) => Math.max(title.length, ...rows.map((row) => String(row[index]).length)));
  const line = (cells) => cells.map((cell, index) => String(cell).padStart(widths[index])).join('  ');
  const after = result.afterSignOut;
  const { budget } = result;
  return [
    'Emulator floor: synthetic SDK sessions in one emulator (delivery = push → arrival; the far end\'s offer not counted)',
    line(columns),
    ...rows.map(line),
    `budget: invite p95 at ${budget.atSessions} sessions ≤ ${budget.p95DeliveryMs} ms: ${budget.measuredP95Ms} ms ${budget.withinBudget ? 'ok' : 'OVER'}`,
    `clients: ${result.clients.pingsAnswered} pings answered, ${result.clients.heartbeatTimeouts} heartbeat timeouts, ${result.clients.unexpectedCloses} sockets lost`,
    `after sign-out: ${after.sessions} sessions, ${after.sockets} sockets, ${after.liveCalls} ringing calls, ${after.farEndPeers} far-end peers ${after.freed ? '(freed)' : '(NOT FREED)'}; ` +
      `heap +${after.heapOverEmptyKB} KB over empty, of which ${after.endedCalls} ended calls kept for Call details until reset (${after.heapPerEndedCallKB} KB each); after reset +${after.heapOverEmptyAfterResetKB} KB (warmed code and pools)`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const steps = process.env.FLOOR_STEPS?.split(',').map(Number);
  const invitesPerStep = process.env.FLOOR_INVITES === undefined ? undefined : Number(process.env.FLOOR_INVITES);
  const { result, table, over } = await runFloorBench({
    ...(steps ? { steps } : {}),
    ...(invitesPerStep === undefined ? {} : { invitesPerStep }),
    ...(process.env.FLOOR_PORT ? { port: Number(process.env.FLOOR_PORT) } : {}),
  });
  console.log(JSON.stringify({ emulatorFloor: result }, null, 2));
  console.error(`\n${table}\n`);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((row) => `${row.metric.trim()}: ${row.value}`).join('; ')}.`);
    process.exitCode = 1;
  }
}
