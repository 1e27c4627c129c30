import { describe, expect, it } from 'vitest';
import { callWaitingWav, ringtoneWav } from './ringtone-wav';

describe('ringtoneWav', () => {
  it('is a 3 second mono 16-bit WAV with sound in the ring and silence in the gap', async () => {
    const bytes = new DataView(await ringtoneWav().arrayBuffer());
    const text = (at: number) => String.fromCharCode(...new Uint8Array(bytes.buffer, at, 4));
    expect(text(0)).toBe('RIFF');
    expect(text(8)).toBe('WAVE');
    expect(bytes.getUint32(24, true)).toBe(8000);
    const dataBytes = bytes.getUint32(40, true);
    expect(dataBytes).toBe(3 * 8000 * 2);
    const sample = (seconds: number) => bytes.getInt16(44 + Math.round(seconds * 8000) * 2, true);
    const loudest = Math.max(...Array.from({ length: 100 }, (_, i) => Math.abs(sample(0.1 + i / 8000))));
    expect(loudest).toBeGreaterThan(5000);
    expect(sample(0.5)).toBe(0);
    expect(sample(2.5)).toBe(0);
  });
});

describe('callWaitingWav', () => {
  it('is a quieter 6 second loop with two short beeps', async () => {
    const bytes = new DataView(await callWaitingWav().arrayBuffer());
    expect(bytes.getUint32(40, true)).toBe(6 * 8000 * 2);
    const sample = (seconds: number) => bytes.getInt16(44 + Math.round(seconds * 8000) * 2, true);
    const loudest = Math.max(...Array.from({ length: 100 }, (_, i) => Math.abs(sample(0.05 + i / 8000))));
    expect(loudest).toBeGreaterThan(1000);
    expect(loudest).toBeLessThan(3000);
    expect(sample(0.3)).toBe(0);
    expect(sample(3)).toBe(0);
  });
});
