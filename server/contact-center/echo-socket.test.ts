import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createRecordingLogger } from '../testing/recording-logger';
import { createEchoSocket, type EchoSocket } from './echo-socket';

let server: Server | undefined;
let echo: EchoSocket | undefined;
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  echo?.close();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  server = undefined;
});

/** A plain Node HTTP server on a loopback port that hands its upgrades to the echo, as a host would. */
async function startHost(options: Parameters<typeof createEchoSocket>[0] = {}) {
  echo = createEchoSocket(options);
  const taken = echo;
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!taken.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function connect(url: string): Promise<WebSocket> {
  const client = new WebSocket(url);
  clients.push(client);
  return new Promise((open, fail) => {
    client.once('open', () => open(client));
    client.once('error', fail);
  });
}

const nextMessage = (client: WebSocket) =>
  new Promise<{ data: Buffer; isBinary: boolean }>((received) =>
    client.once('message', (data, isBinary) => received({ data: data as Buffer, isBinary })),
  );

// 20 ms of 16 kHz 16-bit mono PCM, as Vonage sends it: 320 samples, 640 bytes.
function pcmFrame(seed: number): Buffer {
  const frame = Buffer.alloc(640);
  for (let sample = 0; sample < 320; sample += 1) frame.writeInt16LE(Math.round(8000 * Math.sin((sample + seed) / 7)), sample * 2);
  return frame;
}

describe('createEchoSocket', () => {
  it('sends every audio frame back unchanged and only logs the metadata', async () => {
    const logger = createRecordingLogger();
    const client = await connect(`${await startHost({ logger })}/webhooks/echo`);

    client.send(JSON.stringify({ event: 'websocket:connected', 'content-type': 'audio/l16;rate=16000', secret_header: 'k3y' }));
    const frames = [pcmFrame(0), pcmFrame(1), pcmFrame(2)];
    const echoed: Buffer[] = [];
    for (const frame of frames) {
      const reply = nextMessage(client);
      client.send(frame);
      const { data, isBinary } = await reply;
      expect(isBinary).toBe(true);
      echoed.push(data);
    }

    expect(echoed).toEqual(frames);
    expect(logger.lines).toEqual(['info echo: connected', 'info echo: received websocket:connected (audio/l16;rate=16000)']);
    expect(logger.lines.join()).not.toContain('k3y');
  });

  it('leaves upgrades for other paths to the host', async () => {
    const url = await startHost();
    await expect(connect(`${url}/webhooks/answer`)).rejects.toThrow();
    await expect(connect(`${url}/webhooks/echo?from=vonage`)).resolves.toBeInstanceOf(WebSocket);
  });

  it('refuses connections past the limit, and all of them once closed', async () => {
    const url = `${await startHost({ maxConnections: 1 })}/webhooks/echo`;
    const first = await connect(url);
    await expect(connect(url)).rejects.toThrow(/503/);

    const closed = new Promise((done) => first.once('close', done));
    echo?.close();
    await closed;
    await expect(connect(url)).rejects.toThrow();
  });
});
