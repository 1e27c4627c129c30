import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApp } from '../app';
import { createAppDeps } from '../app-deps';
import { startServer, type RunningServer } from '../start-server';
import { createRecordingLogger } from '../testing/recording-logger';
import { createTestConfig } from '../testing/test-config';
import { createTestKeyPair } from '../testing/test-key-pair';
import type { ContactCenterConfig } from './contact-center-config';
import { createEchoSocket, signWebhook } from './create-contact-center';

// The wiring main.ts uses (config → createAppDeps → createApp → startServer), with the webhooks configured.
const keys = createTestKeyPair();
const secret = 'test-signature-secret-0123456789';
const contactCenter: ContactCenterConfig = {
  contactCenterNumber: '442079460000',
  publicBaseUrl: 'https://cc.example.com',
  inboundFlow: { kind: 'agent', agent: 'Joe' },
  signatureSecret: secret,
  requireSignedWebhooks: true,
};

function buildApp(config = createTestConfig(keys, { contactCenter })) {
  const logger = createRecordingLogger();
  const app = createApp(createAppDeps(config, { now: Date.now, logger, clientAddress: () => '192.0.2.1' }));
  return { app, logger };
}

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the production app with the voice webhooks', () => {
  it('serves the answer webhook beside /api/jwt, signed, without CORS headers', async () => {
    const { app } = buildApp();
    const body = JSON.stringify({ from: '14155550100', to: '442079460000', uuid: 'leg-1' });
    const response = await app.request('/webhooks/answer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5817', Authorization: `Bearer ${signWebhook(body, secret)}` },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(await response.json()).toEqual([
      { action: 'talk', text: 'Thank you for calling Joe' },
      { action: 'connect', endpoint: [{ type: 'app', user: 'Joe' }] },
    ]);
  });

  it('refuses an unsigned webhook, and answers a signed wrong method with 405', async () => {
    const { app } = buildApp();
    expect((await app.request('/webhooks/event', { method: 'POST', body: '{}' })).status).toBe(401);
    // Signed, because the signature is checked before anything else, routing included.
    const wrongMethod = await app.request('/webhooks/dtmf', { headers: { Authorization: `Bearer ${signWebhook('', secret)}` } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('Allow')).toBe('POST');
  });

  it('has no webhooks when the contact center is not configured', async () => {
    const { app } = buildApp(createTestConfig(keys));
    expect((await app.request('/webhooks/answer')).status).toBe(404);
  });

  it('hands the echo socket its upgrades on the real server, and refuses other paths', async () => {
    const echo = createEchoSocket();
    running = await startServer(buildApp().app, { port: 0, host: '127.0.0.1', upgradeHandlers: [echo.handleUpgrade] });
    const socketUrl = running.url.replace('http:', 'ws:');

    const client = new WebSocket(`${socketUrl}/webhooks/echo`);
    await new Promise((open) => client.once('open', open));
    const frame = Buffer.alloc(640, 7);
    const reply = new Promise<Buffer>((received) => client.once('message', (data) => received(data as Buffer)));
    client.send(frame);
    expect(await reply).toEqual(frame);

    const stray = new WebSocket(`${socketUrl}/api/jwt`);
    await expect(new Promise((_open, fail) => stray.once('error', fail))).rejects.toThrow(/404/);
    echo.close();
  });
});
