// The emulator under the floor benchmark, in its own process so its heap is its own: run by
// scripts/bench/emulator-floor.mjs as `node --expose-gc --import tsx scripts/bench/emulator-floor-host.ts` with an IPC
// channel. It serves the emulator on 127.0.0.1:FLOOR_PORT (that port or nothing) with FLOOR_AGENTS synthetic
// agents, and answers the runner's requests: ring an agent (and report when its invite left the cloud),
// cancel an invite, read memory after a full GC, read what the cloud still holds, reset.
import { createServer } from 'node:http';
import { demoMobileApiKey } from '../../src/config/app-config.ts';
import { fakeCloudEndpoints } from '../../src/fake-cloud/fake-endpoints.ts';
import { createEmulator } from '../../emulator/create-emulator.ts';
import { syntheticAgentName } from '../../emulator/synthetic-agents.ts';

interface Request {
  id: number;
  command: 'ring' | 'cancel' | 'memory' | 'state' | 'reset' | 'close';
  agent?: string;
  callId?: string;
  from?: string;
}

const port = Number(process.env.FLOOR_PORT);
const agentCount = Number(process.env.FLOOR_AGENTS);
const gc = (globalThis as { gc?: () => void }).gc;
if (!Number.isInteger(port) || port <= 0) throw new Error('FLOOR_PORT must be a port number');
if (!Number.isInteger(agentCount) || agentCount <= 0) throw new Error('FLOOR_AGENTS must be a positive whole number');
if (!gc) throw new Error('Run with node --expose-gc');
if (!process.send) throw new Error('Run with an IPC channel (child_process.fork)');
const send = process.send.bind(process);

const emulator = createEmulator({ syntheticAgents: agentCount });
const { control, socket } = emulator.cloud;
const agents = Array.from({ length: agentCount }, (_, index) => syntheticAgentName(index + 1));

// When each invite left the cloud: the moment the hub starts handing member:invited to the agent's sockets,
// after the far end's offer is ready. Stamped with the machine's monotonic clock, as the clients stamp arrival.
const invitePushedAt = new Map<string, bigint>();
const push = socket.hub.pushToUser.bind(socket.hub);
socket.hub.pushToUser = (userName, event) => {
  if (event.type === 'member:invited') invitePushedAt.set(event.payload.body.channel.id, process.hrtime.bigint());
  push(userName, event);
};

/** A full collection, twice, with a turn of the event loop between, so closed sockets' callbacks have run. */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  for (let round = 0; round < 2; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc?.();
  }
  return process.memoryUsage();
}

async function cloudState() {
  const sessions = await Promise.all(agents.map((agent) => control.sessions(agent)));
  const calls = await control.calls();
  return {
    sessions: sessions.reduce((total, list) => total + list.length, 0),
    sessionSockets: sessions.reduce((total, list) => total + list.reduce((open, session) => open + session.openSockets, 0), 0),
    liveCalls: calls.filter((call) => call.state !== 'ended').length,
    endedCalls: calls.filter((call) => call.state === 'ended').length,
    ...emulator.resources(),
  };
}

async function handle(request: Request): Promise<unknown> {
  switch (request.command) {
    case 'ring': {
      const startedAt = process.hrtime.bigint();
      const callId = await control.ringAgent({ agent: request.agent ?? '', from: request.from ?? '447700900000' });
      const pushedAt = invitePushedAt.get(callId);
      invitePushedAt.delete(callId);
      if (pushedAt === undefined) throw new Error(`The invite ${callId} was never pushed`);
      return { callId, pushedAt: String(pushedAt), farEndOfferMs: Number(pushedAt - startedAt) / 1e6 };
    }
    case 'cancel':
      await control.cancelInvite(request.callId ?? '', 'remote-cancel');
      return {};
    case 'memory':
      return settledMemory();
    case 'state':
      return cloudState();
    case 'reset':
      await control.reset();
      return {};
    case 'close':
      server.close();
      emulator.close();
      setImmediate(() => process.exit(0));
      return {};
  }
}

const server = createServer((request, response) => {
  emulator.handleRequest(request, response).then(
    (handled) => {
      if (!handled) response.writeHead(404).end();
    },
    (error: unknown) => response.writeHead(500).end(String(error)),
  );
});
server.on('upgrade', (request, upgraded, head) => {
  if (!emulator.handleUpgrade(request, upgraded, head)) upgraded.destroy();
});
server.on('error', (error) => {
  console.error(`[floor] the emulator cannot listen on 127.0.0.1:${port}: ${error.message}`);
  process.exit(1);
});
server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
  const address = server.address();
  if (address && typeof address === 'object') emulator.listeningOn({ address: address.address, port: address.port, family: String(address.family) });
  send({
    ready: true,
    origin: `http://127.0.0.1:${port}`,
    socketPath: fakeCloudEndpoints('').websocketPath,
    mobileApiKey: demoMobileApiKey,
    agents,
  });
});

process.on('message', (request: Request) => {
  handle(request).then(
    (result) => send({ id: request.id, result }),
    (error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The runner gone (crashed, interrupted): nothing is left listening.
process.on('disconnect', () => process.exit(0));
