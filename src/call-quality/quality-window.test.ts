import { describe, expect, it } from 'vitest';
import type { CallStatsSample } from '@/voice/call-stats';
import { conditionsOver, sentLevel } from './quality-window';

const sample = (at: number, fields: Partial<CallStatsSample> = {}): CallStatsSample => ({
  at,
  packetsReceived: 0,
  packetsLost: 0,
  totalSamplesReceived: 0,
  concealedSamples: 0,
  silentConcealedSamples: 0,
  ...fields,
});

describe('the quality window', () => {
  it('needs two samples', () => {
    expect(conditionsOver([sample(0)])).toBeUndefined();
  });

  it('takes the larger of RTP loss and concealed audio, and averages jitter', () => {
    const conditions = conditionsOver([
      sample(0, { packetsReceived: 100, totalSamplesReceived: 96_000, jitterSeconds: 0.01 }),
      sample(2000, { packetsReceived: 190, packetsLost: 10, totalSamplesReceived: 192_000, concealedSamples: 4_800, jitterSeconds: 0.03, roundTripTimeSeconds: 0.08 }),
    ]);
    // RTP: 10 of 100 lost = 10 %; concealed 4 800 of 96 000 = 5 %.
    expect(conditions).toEqual({ lossPercent: 10, jitterMs: 20, rttMs: 80 });
  });

  it('counts concealed audio as loss when no packet went missing (late audio), but not stretched silence', () => {
    const conditions = conditionsOver([
      sample(0, { packetsReceived: 100, totalSamplesReceived: 96_000 }),
      sample(2000, { packetsReceived: 200, totalSamplesReceived: 192_000, concealedSamples: 30_000, silentConcealedSamples: 10_800 }),
    ]);
    expect(conditions?.lossPercent).toBeCloseTo(20, 5);
  });

  it('reads no packet at all as total loss', () => {
    expect(conditionsOver([sample(0, { packetsReceived: 100 }), sample(2000, { packetsReceived: 100 })])?.lossPercent).toBe(100);
  });

  it('gives the RMS the microphone sent between two samples', () => {
    const level = sentLevel(sample(0, { sentAudioEnergy: 1, sentSamplesDuration: 10 }), sample(2000, { sentAudioEnergy: 1.0002, sentSamplesDuration: 12 }));
    expect(level).toBeCloseTo(0.01, 5);
    expect(sentLevel(sample(0), sample(2000))).toBeUndefined();
  });
});
