import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createRecordingLogger } from '../testing/recording-logger';
import { createEchoSocket, delayLine, type EchoSocket } from './echo-socket';

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

/** The next `count` messages, each with when it arrived. */
function collect(client: WebSocket, count: number) {
  return new Promise<Array<{ data: Buffer; isBinary: boolean; at: number }>>((received) => {
    const messages: Array<{ data: Buffer; isBinary: boolean; at: number }> = [];
    const listener = (data: Buffer, isBinary: boolean) => {
      messages.push({ data, isBinary, at: performance.now() });
      if (messages.length < count) return;
      client.off('message', listener);
      received(messages);
    };
    client.on('message', listener);
  });
}

// 20 ms of 16 kHz 16-bit mono PCM, as Vonage sends it: 320 samples, 640 bytes.
function pcmFrame(seed: number): Buffer {
  const frame = Buffer.alloc(640);
  for (let sample = 0; sample < 320; sample += 1) frame.writeInt16LE(Math.round(8000 * Math.sin((sample + seed) / 7)), sample * 2);
  return frame;
}

describe('createEchoSocket', () => {
  it('sends every audio frame back unchanged about a second later, in order, and only logs the metadata', async () => {
    const logger = createRecordingLogger();
    const client = await connect(`${await startHost({ logger })}/webhooks/echo`);

    client.send(JSON.stringify({ event: 'websocket:connected', 'content-type': 'audio/l16;rate=16000', secret_header: 'k3y' }));
    const frames = [pcmFrame(0), pcmFrame(1), pcmFrame(2)];
    const replies = collect(client, frames.length);
    const sentAt = performance.now();
    for (const frame of frames) client.send(frame);
    const echoed = await replies;

    expect(echoed.map(({ data }) => data)).toEqual(frames);
    expect(echoed.every(({ isBinary }) => isBinary)).toBe(true);
    // 50 frames of 20 ms: the first frame is not back before a second has passed (timers may run a little late).
    expect((echoed[0]?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(990);
    expect((echoed[0]?.at ?? 0) - sentAt).toBeLessThan(2500);
    expect(logger.lines).toEqual(['info echo: connected', 'info echo: received websocket:connected (audio/l16;rate=16000)']);
    expect(logger.lines.join()).not.toContain('k3y');
  });

  it('keeps the pace frames came at, holds at most about two seconds of audio, and forgets its queue on close', async () => {
    const logger = createRecordingLogger();
    const url = `${await startHost({ logger, delayMs: 200 })}/webhooks/echo`;
    const client = await connect(url);
    client.send(JSON.stringify({ event: 'websocket:connected' }));

    // Two frames 100 ms apart: each comes back its own delay after it was sent, not with the first.
    const paced = collect(client, 2);
    const sentFirst = performance.now();
    client.send(pcmFrame(0));
    await new Promise((wait) => setTimeout(wait, 100));
    const sentSecond = performance.now();
    client.send(pcmFrame(1));
    const [first, second] = await paced;
    expect((first?.at ?? 0) - sentFirst).toBeGreaterThanOrEqual(190);
    expect((second?.at ?? 0) - sentSecond).toBeGreaterThanOrEqual(190);

    // A burst of 150 frames at once: only the first 64 KB (102 frames of 640 bytes) are held; the rest are dropped.
    const burst = Array.from({ length: 150 }, (_, index) => pcmFrame(index + 10));
    const held = collect(client, 102);
    for (const frame of burst) client.send(frame);
    expect((await held).map(({ data }) => data)).toEqual(burst.slice(0, 102));
    const marker = pcmFrame(999);
    const next = collect(client, 1);
    client.send(marker);
    expect((await next)[0]?.data).toEqual(marker);

    const closed = new Promise((done) => client.once('close', done));
    client.close();
    await closed;
    await expect.poll(() => logger.lines.at(-1)).toBe('info echo: closed (1005)');
  });

  it('the delay line sends nothing it still held once cleared (the socket closed), and leaves no timer behind', () => {
    vi.useFakeTimers();
    try {
      const sent: unknown[] = [];
      const socket = { send: (data: unknown) => sent.push(data), readyState: 1, OPEN: 1, bufferedAmount: 0 } as unknown as Parameters<typeof delayLine>[0];
      const line = delayLine(socket, 1000);
      line.push(pcmFrame(0));
      vi.advanceTimersByTime(20);
      line.push(pcmFrame(1));
      vi.advanceTimersByTime(980);
      expect(sent).toEqual([pcmFrame(0)]);
      line.clear();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(5000);
      expect(sent).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
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
