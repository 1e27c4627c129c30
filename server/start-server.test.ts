import { http, passthrough } from 'msw';
import { connect } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { janeTokenExchangeFixture, tokenResponseSchema } from '../src/contracts/token-api';
import { createApp } from './app';
import { createAppDeps } from './app-deps';
import { socketAddress } from './client-address';
import { startServer, type RunningServer } from './start-server';
import { createFakeUsersApi } from './testing/fake-users-api';
import { createRecordingLogger } from './testing/recording-logger';
import { createTestConfig, testUsersApiUrl } from './testing/test-config';
import { createTestKeyPair } from './testing/test-key-pair';

const mswServer = setupServer();
beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

const logger = createRecordingLogger();
const app = createApp(
  createAppDeps(createTestConfig(createTestKeyPair()), { now: Date.now, logger, clientAddress: socketAddress }),
);
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

it('serves a real token exchange over a socket on an ephemeral port', async () => {
  running = await startServer(app, { port: 0, host: '127.0.0.1' });
  expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // Only the Users API is mocked; requests to the server under test go over the real socket.
  mswServer.use(http.all(`${running.url}/*`, () => passthrough()), ...createFakeUsersApi(testUsersApiUrl).handlers);

  const response = await fetch(`${running.url}/api/jwt`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(janeTokenExchangeFixture.request),
  });

  expect(response.status).toBe(200);
  const body = tokenResponseSchema.parse(await response.json());
  expect(body).toMatchObject({ user_id: janeTokenExchangeFixture.response.user_id, user_name: 'Jane' });
  // The rate limiter keys on the socket's address, read through @hono/node-server.
  expect(logger.lines.at(-1)).toMatch(/^info issued a token for Jane \(USR-jane\) to 127\.0\.0\.1,/);
});

it('rejects when the port is taken, so main.ts can say so', async () => {
  running = await startServer(app, { port: 0, host: '127.0.0.1' });
  const port = Number(new URL(running.url).port);
  await expect(startServer(app, { port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
});

/** Sends `text` on a raw socket and then nothing more; resolves with all the server said once it hangs up. */
function sendAndStall(url: string, text: string) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => socket.write(text));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

it('hangs up on a client that sends its body or its headers too slowly, with 408', async () => {
  running = await startServer(app, {
    port: 0,
    host: '127.0.0.1',
    timeouts: { headersMs: 300, requestMs: 300, keepAliveMs: 300, checkIntervalMs: 50 },
  });
  const slowBody = 'POST /api/jwt HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user_name":';
  const slowHeaders = 'POST /api/jwt HTTP/1.1\r\nHost: x\r\nContent-';
  const [bodyAnswer, headersAnswer] = await Promise.all([sendAndStall(running.url, slowBody), sendAndStall(running.url, slowHeaders)]);
  expect(bodyAnswer).toMatch(/^HTTP\/1\.1 408 /);
  expect(headersAnswer).toMatch(/^HTTP\/1\.1 408 /);
});
