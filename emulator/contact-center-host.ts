// The contact center's backend hosted by the emulator: the production webhook routes (server/contact-center/)
// mounted on the emulator's own origin, and the cloud's side of them: every answer, input, notify and event
// request is a real, signed HTTP request to those routes, as Vonage makes them. So the routing a newcomer tries
// in `npm run dev` is the code that runs in production, signature check included.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hono } from 'hono';
import {
  createContactCenterRoutes,
  createEchoSocket,
  signWebhook,
  validateNcco,
  type InboundFlow,
} from '../server/contact-center/create-contact-center.ts';
import type { Logger } from '../server/logger.ts';
import type { ContactCenterOptions, ContactCenterWebhooks } from '../src/fake-cloud/ncco/contact-center-port.ts';
import { demoContactCenterNumber } from '../src/fake-cloud/ncco/contact-center-port.ts';

/** The demo's signed-webhooks secret: the hosted routes require it, the emulator signs with it. Not a real secret. */
export const demoSignatureSecret = 'emulator-demo-signature-secret-not-for-production';
export const webhooksPrefix = '/webhooks/';
const echoPath = '/webhooks/echo';
/** A backend that does not answer within this is treated as unreachable. */
const webhookTimeoutMs = 8_000;

export interface ContactCenterHost {
  /** What the cloud core runs the contact center's calls with. */
  options: ContactCenterOptions;
  /** Serves /webhooks/* (the backend's routes). */
  handle(request: Request): Promise<Response>;
  /** The echo socket (/webhooks/echo); false for any other upgrade. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The origin the emulator listens on (from the host's listening address), unless EMULATOR_PUBLIC_URL fixed it. */
  setPublicBaseUrl(url: string): void;
  /** Where the emulator is reached (its listening address), once known. */
  publicBaseUrl(): string | undefined;
  close(): void;
}

function hostLogger(): Logger {
  const quiet = process.env.EMULATOR_LOG === 'warn';
  return {
    info: (message) => {
      if (!quiet) console.log(`[contact-center] ${message}`);
    },
    warn: (message) => console.warn(`[contact-center] ${message}`),
    error: (message) => console.error(`[contact-center] ${message}`),
  };
}

export function createContactCenterHost(options: { publicBaseUrl?: string } = {}): ContactCenterHost {
  const logger = hostLogger();
  const fixedBaseUrl = options.publicBaseUrl ?? process.env.EMULATOR_PUBLIC_URL;
  // Until the host reports its address, requests are routed in-process (same routes, same signatures).
  let publicBaseUrl = fixedBaseUrl;
  let inboundFlow: InboundFlow = { kind: 'ivr' };
  let routes: Hono | undefined;
  const echo = createEchoSocket({ logger });

  const routesFor = () =>
    (routes ??= createContactCenterRoutes({
      contactCenterNumber: demoContactCenterNumber,
      publicBaseUrl: publicBaseUrl ?? 'http://emulator.invalid',
      inboundFlow: () => inboundFlow,
      signatureSecret: demoSignatureSecret,
      requireSignedWebhooks: true,
      logger,
    }));

  /** POSTs JSON signed as Vonage signs it; answers the parsed JSON body (undefined when empty). */
  async function post(url: string, payload: unknown): Promise<unknown> {
    const body = JSON.stringify(payload);
    const init: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signWebhook(body, demoSignatureSecret)}` },
      body,
      signal: AbortSignal.timeout(webhookTimeoutMs),
    };
    const ownRoute = publicBaseUrl === undefined && url.startsWith('http://emulator.invalid/');
    const response = ownRoute ? await routesFor().fetch(new Request(url, init)) : await fetch(url, init);
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).pathname}`);
    const text = await response.text();
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${new URL(url).pathname} did not answer JSON`);
    }
  }

  const base = () => publicBaseUrl ?? 'http://emulator.invalid';
  const webhooks: ContactCenterWebhooks = {
    answer: (request) => post(`${base()}/webhooks/answer`, request),
    input: (eventUrl, payload) => post(eventUrl ?? `${base()}/webhooks/event`, payload),
    event: async (eventUrl, payload) => {
      await post(eventUrl ?? `${base()}/webhooks/event`, payload);
    },
    notify: async (eventUrl, payload) => {
      await post(eventUrl, payload);
    },
  };

  return {
    options: {
      number: demoContactCenterNumber,
      webhooks,
      validate: validateNcco,
      inboundFlow: () => inboundFlow,
      applyInboundFlow: (flow) => {
        inboundFlow = flow;
      },
    },
    handle: (request) => Promise.resolve(routesFor().fetch(request)),
    handleUpgrade(request, socket, head) {
      if (new URL(request.url ?? '/', 'http://emulator.invalid').pathname !== echoPath) return false;
      return echo.handleUpgrade(request, socket, head);
    },
    setPublicBaseUrl(url) {
      if (fixedBaseUrl !== undefined || url === publicBaseUrl) return;
      publicBaseUrl = url.replace(/\/+$/, '');
      routes = undefined;
    },
    publicBaseUrl: () => publicBaseUrl,
    close: () => echo.close(),
  };
}

/** The speech-rate knob: EMULATOR_SPEECH_RATE (e2e speeds prompts up), 1 otherwise. */
export function speechRateFromEnv(): number {
  const text = process.env.EMULATOR_SPEECH_RATE;
  if (text === undefined || text === '') return 1;
  const rate = Number(text);
  if (Number.isFinite(rate) && rate > 0 && rate <= 100) return rate;
  console.warn(`[emulator] EMULATOR_SPEECH_RATE=${text} is not a number from 0 to 100: prompts play at normal speed`);
  return 1;
}
