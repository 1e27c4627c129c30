// The pure half of a websocket connect: Vonage's wire format (linear 16-bit PCM, little-endian, mono, in
// 20 ms binary messages after one JSON text message) and the conversion between it and libwebrtc's audio
// (48 kHz, 10 ms frames). No sockets, no timers: unit-tested on their own.

/** libwebrtc's rate for RTCAudioSource/RTCAudioSink here. */
export const webrtcSampleRate = 48_000;
/** Vonage sends and expects one binary message per 20 ms of audio. */
export const websocketFrameMs = 20;

/**
 * The sample rate of an NCCO websocket endpoint's `content-type` (`audio/l16;rate=16000`). Only rates that
 * divide 48 kHz are supported (8, 16 and 24 kHz: the ones Vonage offers), so resampling is by whole factors.
 */
export function l16SampleRate(contentType: string): number {
  const match = /^\s*audio\/l16\s*;\s*rate=(\d+)\s*$/i.exec(contentType);
  const rate = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(rate) || rate <= 0 || webrtcSampleRate % rate !== 0) {
    throw new Error(`Unsupported websocket content-type ${JSON.stringify(contentType)}: expected audio/l16;rate=8000|16000|24000`);
  }
  return rate;
}

/** Samples in one 20 ms websocket message at `rate` (320 at 16 kHz: 640 bytes). */
export function samplesPerWebsocketFrame(rate: number): number {
  return (rate * websocketFrameMs) / 1000;
}

/**
 * The first message on the socket, a text message: Vonage's `websocket:connected` event with the audio
 * format and the endpoint's `headers` merged in (developer.vonage.com, Voice API, WebSockets guide:
 * "The initial message sent on an established WebSocket connection will be text-based and contain a JSON
 * payload detailing the audio format, along with any other metadata that you have put in the headers
 * parameter"). The format wins over a header of the same name.
 */
export function websocketConnectedMessage(contentType: string, headers: Record<string, unknown>): string {
  return JSON.stringify({ ...headers, event: 'websocket:connected', 'content-type': contentType });
}

/** 16-bit signed little-endian bytes, whatever the host's byte order. */
export function encodeL16(samples: Int16Array): Buffer {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i += 1) bytes.writeInt16LE(samples[i] ?? 0, i * 2);
  return bytes;
}

/** The samples of a binary message; a trailing odd byte (never sent by a correct peer) is ignored. */
export function decodeL16(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

/** The first channel of interleaved audio (the agent's Opus track may decode as stereo). */
export function firstChannel(samples: Int16Array, channelCount: number): Int16Array {
  if (channelCount <= 1) return samples;
  const mono = new Int16Array(Math.floor(samples.length / channelCount));
  for (let i = 0; i < mono.length; i += 1) mono[i] = samples[i * channelCount] ?? 0;
  return mono;
}

/**
 * Lowers the rate by a whole factor, averaging each group of `factor` samples (a box filter: it has a zero
 * at the new rate, enough against aliasing for a voice check). A group split across calls is completed by
 * the next call, so frame boundaries leave no trace.
 */
export class Downsampler {
  private readonly factor: number;
  private sum = 0;
  private count = 0;

  constructor(factor: number) {
    if (!Number.isInteger(factor) || factor < 1) throw new Error(`Bad downsampling factor ${factor}`);
    this.factor = factor;
  }

  push(samples: Int16Array): Int16Array {
    const out = new Int16Array(Math.floor((this.count + samples.length) / this.factor));
    let written = 0;
    for (const sample of samples) {
      this.sum += sample;
      this.count += 1;
      if (this.count === this.factor) {
        out[written] = Math.round(this.sum / this.factor);
        written += 1;
        this.sum = 0;
        this.count = 0;
      }
    }
    return out;
  }
}

/**
 * Raises the rate by a whole factor with linear interpolation from the previous sample, which is carried
 * across calls so consecutive messages join without a click. It lags one input sample (a few hundred µs).
 */
export class Upsampler {
  private readonly factor: number;
  private previous = 0;

  constructor(factor: number) {
    if (!Number.isInteger(factor) || factor < 1) throw new Error(`Bad upsampling factor ${factor}`);
    this.factor = factor;
  }

  push(samples: Int16Array): Int16Array {
    const out = new Int16Array(samples.length * this.factor);
    let written = 0;
    for (const sample of samples) {
      for (let step = 1; step <= this.factor; step += 1) {
        out[written] = Math.round(this.previous + ((sample - this.previous) * step) / this.factor);
        written += 1;
      }
      this.previous = sample;
    }
    return out;
  }
}

/**
 * A queue of samples taken out in frames of a fixed size. It holds at most `maxSamples`; beyond that the
 * oldest audio goes, so a consumer that falls behind hears late audio for a moment, not ever later audio.
 */
export class SampleQueue {
  private readonly chunks: Int16Array[] = [];
  private offset = 0;
  private queued = 0;
  private readonly maxSamples: number;

  constructor(maxSamples: number) {
    this.maxSamples = maxSamples;
  }

  get length(): number {
    return this.queued;
  }

  push(samples: Int16Array): void {
    if (samples.length === 0) return;
    this.chunks.push(samples);
    this.queued += samples.length;
    if (this.queued > this.maxSamples) this.drop(this.queued - this.maxSamples);
  }

  /** The next `size` samples, or undefined while fewer are queued. */
  take(size: number): Int16Array | undefined {
    if (this.queued < size) return undefined;
    const frame = new Int16Array(size);
    let written = 0;
    while (written < size) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      const count = Math.min(size - written, chunk.length - this.offset);
      frame.set(chunk.subarray(this.offset, this.offset + count), written);
      written += count;
      this.advance(count);
    }
    return frame;
  }

  /** The next `size` samples, the missing tail filled with silence; an empty queue gives silence. */
  takePadded(size: number): Int16Array {
    const whole = this.take(size);
    if (whole) return whole;
    const frame = new Int16Array(size);
    const rest = this.take(this.queued);
    if (rest) frame.set(rest);
    return frame;
  }

  private drop(count: number) {
    let left = count;
    while (left > 0) {
      const chunk = this.chunks[0];
      if (!chunk) break;
      const dropped = Math.min(left, chunk.length - this.offset);
      this.advance(dropped);
      left -= dropped;
    }
  }

  private advance(count: number) {
    this.offset += count;
    this.queued -= count;
    if (this.offset === this.chunks[0]?.length) {
      this.chunks.shift();
      this.offset = 0;
    }
  }
}
