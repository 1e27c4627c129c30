// NCCO `connect` to a websocket, as Vonage's media server does it: the emulator is the client, opens the
// socket, sends one `websocket:connected` text message, then streams what the call's far end hears from the
// agent as 20 ms binary messages of linear 16-bit PCM, and plays to the agent whatever audio comes back.
// Audio is paced by one clock per leg (10 ms ticks, drift-corrected), like a media server: it sends a
// message every 20 ms whether or not the agent's audio arrived in time (silence then).
import WebSocket from 'ws';
import type { WebsocketConnectOptions, WebsocketLeg } from '../../src/fake-cloud/far-end-media.ts';
import {
  decodeL16,
  Downsampler,
  encodeL16,
  firstChannel,
  l16SampleRate,
  SampleQueue,
  samplesPerWebsocketFrame,
  Upsampler,
  webrtcSampleRate,
  websocketConnectedMessage,
} from './l16-audio.ts';

/** libwebrtc's frame: 10 ms at 48 kHz. */
export const playbackFrameMs = 10;
const playbackSamples = (webrtcSampleRate * playbackFrameMs) / 1000;
/** At most this much of the agent's audio waits for the socket, and of the socket's for the agent. */
const maxQueuedMs = 1000;
const connectTimeoutMs = 5000;
/** A stalled timer (a busy machine) catches up at most this many ticks at once rather than bursting. */
const maxCatchUpTicks = 10;

/** One 10 ms frame of audio in libwebrtc's terms (RTCAudioSink's `ondata`, RTCAudioSource's `onData`). */
export interface PcmFrame {
  samples: Int16Array;
  sampleRate: number;
  bitsPerSample?: number;
  channelCount?: number;
  numberOfFrames?: number;
}

export interface WebsocketAudioOptions extends WebsocketConnectOptions {
  uri: string;
  /** Plays one 10 ms, 48 kHz mono frame to the agent (the far-end peer's RTCAudioSource). */
  play(frame: Required<PcmFrame>): void;
  /** Called once when the socket closes, whoever closed it. */
  onClose?(): void;
}

export interface WebsocketAudioLeg extends WebsocketLeg {
  /** The agent's audio as the far end received it (RTCAudioSink frames, any rate that is a multiple). */
  hear(frame: PcmFrame): void;
}

/** Opens the socket and starts streaming; resolves once the first message is sent. */
export async function connectWebsocketAudio(options: WebsocketAudioOptions): Promise<WebsocketAudioLeg> {
  const rate = l16SampleRate(options.contentType);
  const socket = new WebSocket(options.uri, { handshakeTimeout: connectTimeoutMs });
  socket.binaryType = 'nodebuffer';
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      socket.off('open', opened);
      reject(new Error(`Websocket ${options.uri} did not connect: ${error.message}`));
    };
    const opened = () => {
      socket.off('error', failed);
      resolve();
    };
    socket.once('open', opened);
    socket.once('error', failed);
  });
  socket.send(websocketConnectedMessage(options.contentType, options.headers));
  return new StreamingLeg(socket, rate, options);
}

class StreamingLeg implements WebsocketAudioLeg {
  private readonly socket: WebSocket;
  private readonly options: WebsocketAudioOptions;
  private readonly frameSamples: number;
  private readonly downsampler: Downsampler;
  private readonly upsampler: Upsampler;
  /** The agent's audio at the socket's rate, waiting for the next 20 ms message. */
  private readonly toSocket: SampleQueue;
  /** The socket's audio at 48 kHz, waiting for the next 10 ms frame to the agent. */
  private readonly toAgent: SampleQueue;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly startedAt = performance.now();
  private ticks = 0;
  private sent = 0;
  private received = 0;
  private closed = false;

  constructor(socket: WebSocket, rate: number, options: WebsocketAudioOptions) {
    this.socket = socket;
    this.options = options;
    this.frameSamples = samplesPerWebsocketFrame(rate);
    this.downsampler = new Downsampler(webrtcSampleRate / rate);
    this.upsampler = new Upsampler(webrtcSampleRate / rate);
    this.toSocket = new SampleQueue((rate * maxQueuedMs) / 1000);
    this.toAgent = new SampleQueue((webrtcSampleRate * maxQueuedMs) / 1000);
    socket.on('message', (data, isBinary) => {
      if (!isBinary) return; // JSON commands (notify, clear) and events are not emulated.
      this.received += 1;
      this.toAgent.push(this.upsampler.push(decodeL16(toBytes(data))));
    });
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    this.timer = setInterval(() => this.catchUp(), playbackFrameMs);
  }

  hear(frame: PcmFrame): void {
    if (this.closed) return;
    // libwebrtc's sinks deliver 48 kHz here; another rate would need its own resampler.
    if (frame.sampleRate !== webrtcSampleRate) return;
    this.toSocket.push(this.downsampler.push(firstChannel(frame.samples, frame.channelCount ?? 1)));
  }

  framesSent(): number {
    return this.sent;
  }

  framesReceived(): number {
    return this.received;
  }

  close(): void {
    if (this.closed) return;
    this.finish();
    this.socket.close(1000, 'call ended');
  }

  private catchUp() {
    const due = Math.floor((performance.now() - this.startedAt) / playbackFrameMs);
    if (due - this.ticks > maxCatchUpTicks) this.ticks = due - maxCatchUpTicks;
    while (!this.closed && this.ticks < due) {
      this.ticks += 1;
      this.tick();
    }
  }

  /** Every 10 ms: 10 ms to the agent; every second tick, one 20 ms message to the socket. */
  private tick() {
    this.options.play({
      samples: this.toAgent.takePadded(playbackSamples),
      sampleRate: webrtcSampleRate,
      bitsPerSample: 16,
      channelCount: 1,
      numberOfFrames: playbackSamples,
    });
    if (this.ticks % 2 !== 0 || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(encodeL16(this.toSocket.takePadded(this.frameSamples)));
    this.sent += 1;
  }

  private finish() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.options.onClose?.();
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
