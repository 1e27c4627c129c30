import { describe, expect, it } from 'vitest';
import { levelFromRms, rootMeanSquare } from './use-microphone-level';

describe('the microphone level', () => {
  it('is the RMS of the samples on a -60…0 dB scale', () => {
    expect(rootMeanSquare(new Float32Array([0.5, -0.5, 0.5, -0.5]))).toBeCloseTo(0.5);
    expect(rootMeanSquare(new Float32Array(0))).toBe(0);
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(0.0001)).toBe(0);
    expect(levelFromRms(0.001)).toBeCloseTo(0);
    expect(levelFromRms(0.01)).toBeCloseTo(1 / 3);
    expect(levelFromRms(1)).toBe(1);
    expect(levelFromRms(2)).toBe(1);
  });
});
