import { describe, expect, it } from 'vitest';
import { degradeOptionsProblem } from '../../src/fake-cloud/media-degrade';
import { degradedSource, impairFrames } from './frame-impairment';

/** A seeded generator, so the test sees the same "network" every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('frame impairment', () => {
  it('drops about the share of frames asked for', () => {
    const sent: number[] = [];
    const push = impairFrames((frame: number) => sent.push(frame), { lossPercent: 20, jitterMs: 0 }, () => 0, seeded(7));
    for (let frame = 0; frame < 10_000; frame += 1) push(frame);
    expect(sent.length / 10_000).toBeGreaterThan(0.75);
    expect(sent.length / 10_000).toBeLessThan(0.85);
    // Order is kept: a late frame is never sent before an earlier one.
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('holds frames back and releases them together, losing none, when only jitter is asked for', () => {
    let time = 0;
    const bursts: number[] = [];
    let inThisTick = 0;
    const push = impairFrames(() => (inThisTick += 1), { lossPercent: 0, jitterMs: 60 }, () => time, seeded(3));
    let total = 0;
    for (let tick = 0; tick < 2_000; tick += 1) {
      inThisTick = 0;
      push(tick);
      total += inThisTick;
      bursts.push(inThisTick);
      time += 10;
    }
    expect(bursts.filter((count) => count === 0).length).toBeGreaterThan(50);
    expect(Math.max(...bursts)).toBeGreaterThan(3);
    // Whatever is still held at the end is all that is missing.
    expect(total).toBeGreaterThan(2_000 - 13);
  });

  it('passes every frame straight through with no loss and no jitter', () => {
    const sent: number[] = [];
    const push = impairFrames((frame: number) => sent.push(frame), { lossPercent: 0, jitterMs: 0 }, () => 0, seeded(1));
    for (let frame = 0; frame < 100; frame += 1) push(frame);
    expect(sent).toHaveLength(100);
  });

  it('stands in for a source while degraded and gives the original back on restore', () => {
    const received: number[] = [];
    const source = { onData: (frame: number) => received.push(frame) };
    const degraded = degradedSource(source, { lossPercent: 0, jitterMs: 0 });
    expect(degraded).not.toBe(source);
    degraded.onData(1);
    expect(received).toEqual([1]);
    // Degrading again wraps the original, not the stand-in; restoring returns the original itself.
    expect(degradedSource(degradedSource(degraded, { lossPercent: 1, jitterMs: 1 }), undefined)).toBe(source);
  });

  it('refuses options out of range', () => {
    expect(degradeOptionsProblem({ lossPercent: 101, jitterMs: 0 })).toMatch(/lossPercent/);
    expect(degradeOptionsProblem({ lossPercent: 5, jitterMs: -1 })).toMatch(/jitterMs/);
    expect(degradeOptionsProblem({ lossPercent: 5, jitterMs: 40 })).toBeUndefined();
  });
});
