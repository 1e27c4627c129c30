// The local Vonage cloud emulator: the same cloud core the in-page demo runs (src/fake-cloud), hosted in Node
// over real HTTP and a real WebSocket, with real WebRTC far ends. One emulator serves every tab and device
// that reaches it. It knows nothing of Vite or of a port: a host (the Vite plugin, the standalone server, a
// test) hands it requests and upgrades.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
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
import { preflightResponse, withCrossOrigin } from './cross-origin.ts';
import { WrtcFarEndMedia } from './media/wrtc-far-end-media.ts';
import { readBody, sendFetchResponse } from './node-http.ts';
import { carryPhone } from './phone-socket.ts';
import { syntheticAgentCountFromEnv, syntheticAgents } from './synthetic-agents.ts';
import { vonageApplicationFromEnv } from './vonage-application-env.ts';
import { vonageTokenCheck, type VonageApplication } from './vonage-token-check.ts';

/**
 * Requests are matched against the handlers on one fixed origin, whatever host name the browser used
 * (localhost, 127.0.0.1, a LAN address): the routes only care about paths.
 */
const routingOrigin = 'http://emulator.invalid';
const endpoints = fakeCloudEndpoints(routingOrigin);
const socketPath = endpoints.websocketPath;
/** The SDK's own socket path: a live build sets only VITE_VONAGE_WEBSOCKET_URL, so its socket comes here. */
const sdkDefaultSocketPath = '/v2/rtc';
export const tokenPath = '/api/jwt';
export const controlPrefix = '/emulator';
/** The Users API, on the origin's root as the Voice API (`/v1/calls`): the backend's VONAGE_API_URL is the origin. */
const usersApiPath = '/v1/users';
/** The cloud's REST (the SDK's API, its metrics, the Users API): cross-origin callers in live-test mode. */
const cloudRestPrefixes = ['/fake-vonage/', '/v2/rtc/metrics', usersApiPath];

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
  /** Session expiry timers pending (live-test mode arms one per session with a token). */
  sessionExpiries: number;
}

export interface EmulatorOptions {
  /** Speeds up NCCO prompts (talk, stream); default EMULATOR_SPEECH_RATE or 1. */
  speechRate?: number;
  /** The emulator's public origin for webhook URLs; default EMULATOR_PUBLIC_URL or the listening address. */
  publicBaseUrl?: string;
  /** Extra agents synthetic-0001 … beside the demo agents, for load tests; default EMULATOR_SYNTHETIC_AGENTS or 0. */
  syntheticAgents?: number;
  /**
   * Live-test mode: tokens are checked as Vonage checks them (signed by this application's private key,
   * its application_id, not expired, a known `sub`, an ACL covering the SDK), sessions end when their token
   * expires, the Users API is served, and the demo token backend is off (the real backend issues tokens).
   * Default: EMULATOR_APPLICATION_ID with EMULATOR_PUBLIC_KEY_PATH, or off (the demo's unsigned tokens).
   */
  vonageApplication?: VonageApplication;
}

let socketIds = 0;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  // First: a half-set live-test mode stops the host before anything is started.
  const application = options.vonageApplication ?? vonageApplicationFromEnv();
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
    ...(application === undefined ? {} : { tokens: vonageTokenCheck(application), usersApiUrl: routingOrigin }),
  });
  const transfers = createTransferHost(() => contactCenter.publicBaseUrl());
  const tokenBackend = createDemoTokenBackend({ tokenUrl: `${routingOrigin}${tokenPath}`, mobileApiKey: demoMobileApiKey, agents });
  // In live-test mode the real backend issues tokens: the demo's must not be there to be used by mistake.
  const tokenRoutes: RequestHandler[] =
    application === undefined
      ? tokenBackend.handlers
      : [http.all(`${routingOrigin}${tokenPath}`, () => HttpResponse.json({ error: 'Live-test mode: tokens come from the real backend' }, { status: 404 }))];
  const restHandlers = [...tokenRoutes, ...cloud.restHandlers];
  const socketPaths = application === undefined ? [socketPath] : [socketPath, sdkDefaultSocketPath];
  const owned = application === undefined ? ownedPrefixes : [...ownedPrefixes, usersApiPath];
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
      if (!owned.some((prefix) => path === prefix || path.startsWith(prefix))) return false;
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
      const crossOrigin = application !== undefined && cloudRestPrefixes.some((prefix) => path.startsWith(prefix));
      if (crossOrigin && request.method === 'OPTIONS') {
        await sendFetchResponse(response, preflightResponse(request));
        return true;
      }
      const found = await getResponse(restHandlers, fetchRequest);
      const answer = found ?? Response.json({ error: `No emulator route for ${request.method} ${path}` }, { status: 404 });
      await sendFetchResponse(response, crossOrigin ? withCrossOrigin(request, answer) : answer);
      return true;
    },

    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', routingOrigin);
      if (url.pathname === phoneSocketPath) {
        phoneSockets.handleUpgrade(request, socket, head, (ws) => carryPhone(ws, cloud.phones, url.searchParams.get('number') ?? undefined));
        return true;
      }
      if (contactCenter.handleUpgrade(request, socket, head)) return true;
      if (!socketPaths.includes(url.pathname.replace(/\/$/, ''))) return false;
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

    resources: () => ({ sockets: sockets.clients.size, farEndPeers: media.openPeerCount(), sessionExpiries: cloud.socket.hub.expiry.pending }),

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
