import { describe, expect, it } from 'vitest';
import {
  decodeL16,
  Downsampler,
  encodeL16,
  firstChannel,
  l16SampleRate,
  SampleQueue,
  samplesPerWebsocketFrame,
  Upsampler,
  websocketConnectedMessage,
} from './l16-audio.ts';

const sine = (length: number, rate: number, hz: number, amplitude = 8000) =>
  Int16Array.from({ length }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)));

const rms = (samples: Int16Array) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);

describe('the websocket format', () => {
  it('reads the rate of an l16 content-type and refuses others', () => {
    expect(l16SampleRate('audio/l16;rate=16000')).toBe(16_000);
    expect(l16SampleRate('audio/L16; rate=8000')).toBe(8000);
    expect(() => l16SampleRate('audio/l16;rate=44100')).toThrow(/Unsupported/);
    expect(() => l16SampleRate('audio/pcmu')).toThrow(/Unsupported/);
  });

  it('sends 20 ms messages: 320 samples (640 bytes) at 16 kHz, 160 at 8 kHz', () => {
    expect(samplesPerWebsocketFrame(16_000)).toBe(320);
    expect(encodeL16(new Int16Array(samplesPerWebsocketFrame(16_000))).byteLength).toBe(640);
    expect(samplesPerWebsocketFrame(8000)).toBe(160);
  });

  it('starts with the websocket:connected text message carrying the format and the endpoint headers', () => {
    expect(JSON.parse(websocketConnectedMessage('audio/l16;rate=16000', { app: 'demo', 'content-type': 'x' }))).toEqual({
      event: 'websocket:connected',
      'content-type': 'audio/l16;rate=16000',
      app: 'demo',
    });
  });

  it('encodes 16-bit little-endian and decodes it back, at any byte offset', () => {
    const samples = Int16Array.from([0, 1, -1, 32_767, -32_768, 258]);
    const bytes = encodeL16(samples);
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 0xff, 0xff]);
    expect([...bytes.subarray(10, 12)]).toEqual([0x02, 0x01]);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expect([...decodeL16(shifted.subarray(1))]).toEqual([...samples]);
    expect(decodeL16(new Uint8Array(3))).toHaveLength(1);
  });

  it('keeps the first channel of interleaved audio', () => {
    expect([...firstChannel(Int16Array.from([1, 9, 2, 9, 3, 9]), 2)]).toEqual([1, 2, 3]);
  });
});

describe('resampling between 48 kHz and the socket rate', () => {
  it('downsamples by averaging groups, carrying a split group to the next call', () => {
    const down = new Downsampler(3);
    expect([...down.push(Int16Array.from([3, 6, 9, 30]))]).toEqual([6]);
    expect([...down.push(Int16Array.from([30, 30, 0]))]).toEqual([30]);
    expect(down.push(new Int16Array(0))).toHaveLength(0);
  });

  it('turns 10 ms webrtc frames into whole 20 ms messages: 480 samples at 48 kHz become 160 at 16 kHz', () => {
    const down = new Downsampler(3);
    const out = [down.push(sine(480, 48_000, 440)), down.push(sine(480, 48_000, 440))];
    expect(out.map((frame) => frame.length)).toEqual([160, 160]);
  });

  it('keeps a voice-band tone and removes a tone at the new rate', () => {
    expect(rms(new Downsampler(3).push(sine(4800, 48_000, 440)))).toBeGreaterThan(0.95 * rms(sine(4800, 48_000, 440)));
    expect(rms(new Downsampler(3).push(sine(4800, 48_000, 16_000)))).toBeLessThan(10);
  });

  it('upsamples by linear interpolation, continuing from the previous call’s last sample', () => {
    const up = new Upsampler(3);
    expect([...up.push(Int16Array.from([300]))]).toEqual([100, 200, 300]);
    expect([...up.push(Int16Array.from([0]))]).toEqual([200, 100, 0]);
    expect(new Upsampler(3).push(new Int16Array(320))).toHaveLength(960);
  });

  it('gets a tone back through 16 kHz and up again nearly unchanged', () => {
    const original = sine(4800, 48_000, 440);
    const back = new Upsampler(3).push(new Downsampler(3).push(original));
    expect(back).toHaveLength(original.length);
    // Compared at the few samples of delay the two filters add.
    const errorAt = (lag: number) => {
      let error = 0;
      for (let i = 10; i < original.length - 10; i += 1) error += ((back[i + lag] ?? 0) - (original[i] ?? 0)) ** 2;
      return Math.sqrt(error / original.length);
    };
    expect(Math.min(...[0, 1, 2, 3, 4, 5].map(errorAt))).toBeLessThan(0.05 * rms(original));
  });
});

describe('SampleQueue', () => {
  it('hands out fixed frames across pushed chunks of any size', () => {
    const queue = new SampleQueue(1000);
    queue.push(Int16Array.from([1, 2, 3]));
    queue.push(Int16Array.from([4, 5]));
    expect([...(queue.take(4) ?? [])]).toEqual([1, 2, 3, 4]);
    expect(queue.take(2)).toBeUndefined();
    expect(queue.length).toBe(1);
  });

  it('pads a short frame with silence, and gives silence when empty', () => {
    const queue = new SampleQueue(1000);
    queue.push(Int16Array.from([7, 8]));
    expect([...queue.takePadded(4)]).toEqual([7, 8, 0, 0]);
    expect([...queue.takePadded(2)]).toEqual([0, 0]);
  });

  it('drops the oldest audio beyond its limit', () => {
    const queue = new SampleQueue(4);
    queue.push(Int16Array.from([1, 2, 3]));
    queue.push(Int16Array.from([4, 5, 6]));
    expect(queue.length).toBe(4);
    expect([...(queue.take(4) ?? [])]).toEqual([3, 4, 5, 6]);
  });
});
