import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type RawData } from 'ws';
import { decodeL16 } from './l16-audio.ts';
import { connectWebsocketAudio, type PcmFrame, type WebsocketAudioLeg } from './websocket-audio.ts';

interface EchoServer {
  uri: string;
  textMessages: string[];
  binarySizes: number[];
  /** The samples of every binary message received, in order. */
  samples: number[];
  closedByClient: Promise<number>;
  close(): Promise<void>;
}

/** A stand-in for the backend's echo: sends back every binary message it receives, as Vonage's tutorial does. */
async function startEchoServer(): Promise<EchoServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const textMessages: string[] = [];
  const binarySizes: number[] = [];
  const samples: number[] = [];
  let closed: (code: number) => void = () => undefined;
  const closedByClient = new Promise<number>((resolve) => (closed = resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data: RawData, isBinary) => {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      if (!isBinary) {
        textMessages.push(bytes.toString('utf8'));
        return;
      }
      binarySizes.push(bytes.byteLength);
      samples.push(...decodeL16(bytes));
      socket.send(bytes, { binary: true });
    });
    socket.on('close', (code) => closed(code));
  });
  const { port } = server.address() as AddressInfo;
  return {
    uri: `ws://127.0.0.1:${port}/webhooks/echo`,
    textMessages,
    binarySizes,
    samples,
    closedByClient,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const toneFrame = (index: number) =>
  Int16Array.from({ length: 480 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 400 * (index * 480 + i)) / 48_000)));

describe('connectWebsocketAudio (against a loopback echo server)', () => {
  let server: EchoServer | undefined;
  let leg: WebsocketAudioLeg | undefined;
  afterEach(async () => {
    leg?.close();
    await server?.close();
    leg = undefined;
    server = undefined;
  });

  it('sends the first message, streams the agent’s audio in 640-byte messages, and plays the echo back at 48 kHz', async () => {
    server = await startEchoServer();
    const played: PcmFrame[] = [];
    leg = await connectWebsocketAudio({
      uri: server.uri,
      contentType: 'audio/l16;rate=16000',
      headers: { app: 'sound-check' },
      play: (frame) => played.push(frame),
    });
    // The agent speaks: a 400 Hz tone in libwebrtc's 10 ms frames, stereo as Opus may decode it.
    let index = 0;
    const speaking = setInterval(() => {
      const mono = toneFrame(index);
      index += 1;
      const stereo = new Int16Array(mono.length * 2);
      mono.forEach((sample, i) => {
        stereo[2 * i] = sample;
        stereo[2 * i + 1] = -1;
      });
      leg?.hear({ samples: stereo, sampleRate: 48_000, channelCount: 2, numberOfFrames: 480 });
    }, 10);
    await sleep(1500);
    clearInterval(speaking);

    expect(server.textMessages.map((text) => JSON.parse(text) as unknown)).toEqual([
      { event: 'websocket:connected', 'content-type': 'audio/l16;rate=16000', app: 'sound-check' },
    ]);
    // 1.5 s at one message per 20 ms is 75; a slow timer may fall a little behind but never runs ahead.
    expect(leg.framesSent()).toBeGreaterThanOrEqual(50);
    expect(leg.framesSent()).toBeLessThanOrEqual(76);
    expect(new Set(server.binarySizes)).toEqual(new Set([640]));
    expect(leg.framesReceived()).toBeGreaterThanOrEqual(0.8 * leg.framesSent());
    // What reached the server is the agent's tone (left channel), at 16 kHz: loud, not silence.
    const loud = server.samples.filter((sample) => Math.abs(sample) > 4000).length;
    expect(loud).toBeGreaterThan(server.samples.length / 4);
    // What the agent hears: 10 ms frames at 48 kHz, carrying the echoed tone.
    expect(played.length).toBeGreaterThan(100);
    expect(played.every((frame) => frame.sampleRate === 48_000 && frame.samples.length === 480 && frame.channelCount === 1)).toBe(true);
    const peak = Math.max(...played.slice(-50).flatMap((frame) => [...frame.samples].map(Math.abs)));
    expect(peak).toBeGreaterThan(6000);
  });

  it('sends silence while the agent’s audio has not arrived, and closes cleanly with the call', async () => {
    server = await startEchoServer();
    leg = await connectWebsocketAudio({ uri: server.uri, contentType: 'audio/l16;rate=16000', headers: {}, play: () => undefined });
    await sleep(300);
    expect(leg.framesSent()).toBeGreaterThan(5);
    expect(server.samples.every((sample) => sample === 0)).toBe(true);
    leg.close();
    expect(await server.closedByClient).toBe(1000);
    const sent = leg.framesSent();
    await sleep(100);
    expect(leg.framesSent()).toBe(sent);
  });

  it('stops by itself when the server closes the socket', async () => {
    server = await startEchoServer();
    let closed = false;
    leg = await connectWebsocketAudio({
      uri: server.uri,
      contentType: 'audio/l16;rate=16000',
      headers: {},
      play: () => undefined,
      onClose: () => (closed = true),
    });
    await server.close();
    await expect.poll(() => closed).toBe(true);
  });

  it('rejects when nothing listens at the uri', async () => {
    const free = await startEchoServer();
    const uri = free.uri;
    await free.close();
    await expect(
      connectWebsocketAudio({ uri, contentType: 'audio/l16;rate=16000', headers: {}, play: () => undefined }),
    ).rejects.toThrow(/did not connect/);
  });
});
