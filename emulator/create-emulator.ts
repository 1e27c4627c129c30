// The local Vonage cloud emulator: the same cloud core the in-page demo runs (src/fake-cloud), hosted in Node
// over real HTTP and a real WebSocket, with real WebRTC far ends. One emulator serves every tab and device
// that reaches it. It knows nothing of Vite or of a port: a host (the Vite plugin, the standalone server, a
// test) hands it requests and upgrades.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getResponse } from 'msw';
import { WebSocketServer, type WebSocket } from 'ws';
import { demoMobileApiKey } from '../src/config/app-config.ts';
import { createDemoTokenBackend } from '../src/demo/demo-token-backend.ts';
import { createFakeCloud, type FakeCloud } from '../src/fake-cloud/create-fake-cloud.ts';
import { demoAgents } from '../src/fake-cloud/demo-agents.ts';
import { fakeCloudEndpoints } from '../src/fake-cloud/fake-endpoints.ts';
import { acceptSocket, SocketRefused, socketRefusal } from '../src/fake-cloud/socket-handler.ts';
import { phoneSocketPath } from '../src/fake-cloud/phone-protocol.ts';
import { createTransferHost, transferPrefix } from './transfer-host.ts';
import { createContactCenterHost, speechRateFromEnv, webhooksPrefix } from './contact-center-host.ts';
import { createControlRoutes } from './control-routes.ts';
import { WrtcFarEndMedia } from './media/wrtc-far-end-media.ts';
import { readBody, sendFetchResponse } from './node-http.ts';
import { carryPhone } from './phone-socket.ts';
import { syntheticAgentCountFromEnv, syntheticAgents } from './synthetic-agents.ts';

/**
 * Requests are matched against the handlers on one fixed origin, whatever host name the browser used
 * (localhost, 127.0.0.1, a LAN address): the routes only care about paths.
 */
const routingOrigin = 'http://emulator.invalid';
const endpoints = fakeCloudEndpoints(routingOrigin);
const socketPath = endpoints.websocketPath;
export const tokenPath = '/api/jwt';
export const controlPrefix = '/emulator';

/** Paths the emulator answers; anything else is left to the host (Vite serves the app). */
const ownedPrefixes = ['/fake-vonage/', '/v2/rtc/metrics', tokenPath, controlPrefix, webhooksPrefix, '/v1/calls', transferPrefix];

export interface Emulator {
  cloud: FakeCloud;
  /** Answers the request when it is the emulator's; resolves false to let the host serve it. */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Takes the SDK's WebSocket upgrade; false when the upgrade is not the emulator's (e.g. Vite's HMR). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The host listens here: the contact center's webhook URLs are built on this origin (unless EMULATOR_PUBLIC_URL). */
  listeningOn(address: { address: string; port: number; family: string }): void;
  /** What the emulator holds open now, for load checks: SDK sockets and far-end WebRTC peers. */
  resources(): EmulatorResources;
  close(): void;
}

export interface EmulatorResources {
  /** SDK WebSockets open (Phone pages not counted). */
  sockets: number;
  /** Far-end peer connections of calls not yet ended. */
  farEndPeers: number;
}

export interface EmulatorOptions {
  /** Speeds up NCCO prompts (talk, stream); default EMULATOR_SPEECH_RATE or 1. */
  speechRate?: number;
  /** The emulator's public origin for webhook URLs; default EMULATOR_PUBLIC_URL or the listening address. */
  publicBaseUrl?: string;
  /** Extra agents synthetic-0001 … beside the demo agents, for load tests; default EMULATOR_SYNTHETIC_AGENTS or 0. */
  syntheticAgents?: number;
}

let socketIds = 0;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const media = new WrtcFarEndMedia();
  // The contact center's backend routes, on this origin: its NCCOs drive calls to its number and agents' calls out.
  const contactCenter = createContactCenterHost(options.publicBaseUrl === undefined ? {} : { publicBaseUrl: options.publicBaseUrl });
  const agents = [...demoAgents, ...syntheticAgents(options.syntheticAgents ?? syntheticAgentCountFromEnv())];
  const cloud = createFakeCloud({
    endpoints,
    agents,
    media,
    timing: { speechRate: options.speechRate ?? speechRateFromEnv() },
    contactCenter: contactCenter.options,
    voiceApiUrl: routingOrigin,
  });
  const transfers = createTransferHost(() => contactCenter.publicBaseUrl());
  const tokenBackend = createDemoTokenBackend({ tokenUrl: `${routingOrigin}${tokenPath}`, mobileApiKey: demoMobileApiKey, agents });
  const restHandlers = [...tokenBackend.handlers, ...cloud.restHandlers];
  const control = createControlRoutes(cloud.control, tokenBackend.control);
  const sockets = new WebSocketServer({ noServer: true });
  // Phone pages (demo and test builds only): a simulated PSTN phone per open page.
  const phoneSockets = new WebSocketServer({ noServer: true });

  function carry(ws: WebSocket, url: URL) {
    socketIds += 1;
    let accepted: ReturnType<typeof acceptSocket>;
    try {
      accepted = acceptSocket(cloud.socket, { id: `ws-${socketIds}`, url, send: (frame) => ws.send(frame), close: () => ws.close() });
    } catch (error) {
      // A simulated outage: fail the connection as a refused one fails (close before the handshake ends).
      ws.terminate();
      if (!(error instanceof SocketRefused)) throw error;
      return;
    }
    ws.on('message', (data, isBinary) => {
      if (!isBinary) accepted.receive(data.toString());
    });
    ws.on('close', () => accepted.closed());
    ws.on('error', () => accepted.closed());
  }

  return {
    cloud,

    async handleRequest(request, response) {
      const path = new URL(request.url ?? '/', routingOrigin).pathname;
      if (!ownedPrefixes.some((prefix) => path === prefix || path.startsWith(prefix))) return false;
      if (path.startsWith(controlPrefix)) return control.handle(request, response, path.slice(controlPrefix.length));
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
      const fetchRequest = new Request(new URL(request.url ?? '/', routingOrigin), {
        method: request.method ?? 'GET',
        headers: Object.entries(request.headers).flatMap(([name, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
        ),
        ...(body === undefined ? {} : { body: new Uint8Array(body) }),
      });
      if (path.startsWith(transferPrefix)) {
        await sendFetchResponse(response, await transfers.handle(fetchRequest));
        return true;
      }
      if (path.startsWith(webhooksPrefix)) {
        await sendFetchResponse(response, await contactCenter.handle(fetchRequest));
        return true;
      }
      const answer = await getResponse(restHandlers, fetchRequest);
      await sendFetchResponse(response, answer ?? Response.json({ error: `No emulator route for ${request.method} ${path}` }, { status: 404 }));
      return true;
    },

    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', routingOrigin);
      if (url.pathname === phoneSocketPath) {
        phoneSockets.handleUpgrade(request, socket, head, (ws) => carryPhone(ws, cloud.phones, url.searchParams.get('number') ?? undefined));
        return true;
      }
      if (contactCenter.handleUpgrade(request, socket, head)) return true;
      if (url.pathname.replace(/\/$/, '') !== socketPath) return false;
      if (socketRefusal(cloud.socket, url)) {
        // A network that is down: the connection fails before it opens, and socket.io-client counts an attempt.
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return true;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => carry(ws, url));
      return true;
    },

    listeningOn({ address, port, family }) {
      // A wildcard address is reached on loopback; the webhooks never leave this machine.
      const host = address === '::' || address === '0.0.0.0' ? '127.0.0.1' : family === 'IPv6' || family === '6' ? `[${address}]` : address;
      contactCenter.setPublicBaseUrl(`http://${host}:${port}`);
    },

    resources: () => ({ sockets: sockets.clients.size, farEndPeers: media.openPeerCount() }),

    close() {
      contactCenter.close();
      void cloud.control.reset();
      cloud.dispose();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      for (const client of phoneSockets.clients) client.terminate();
      phoneSockets.close();
      media.closeAll();
    },
  };
}
