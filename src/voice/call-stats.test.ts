import { describe, expect, it } from 'vitest';
import { callStatsFromReports } from './call-stats';

describe('call stats', () => {
  it('reads inbound audio, the far end’s round trip and the microphone’s sent energy', () => {
    const sample = callStatsFromReports(
      [
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: 5, jitter: 0.012, totalSamplesReceived: 480_000, concealedSamples: 960, silentConcealedSamples: 0 },
        { type: 'inbound-rtp', kind: 'video', packetsReceived: 9_999 },
        { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.045 },
        { type: 'media-source', kind: 'audio', totalAudioEnergy: 0.5, totalSamplesDuration: 10 },
        { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.3 },
      ],
      1234,
    );
    expect(sample).toEqual({
      at: 1234,
      packetsReceived: 500,
      packetsLost: 5,
      totalSamplesReceived: 480_000,
      concealedSamples: 960,
      silentConcealedSamples: 0,
      jitterSeconds: 0.012,
      roundTripTimeSeconds: 0.045,
      sentAudioEnergy: 0.5,
      sentSamplesDuration: 10,
    });
  });

  it('falls back to the ICE pair’s round trip before any receiver report, and never counts negative loss', () => {
    const sample = callStatsFromReports(
      [
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 10, packetsLost: -2 },
        { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.02 },
      ],
      0,
    );
    expect(sample.packetsLost).toBe(0);
    expect(sample.roundTripTimeSeconds).toBe(0.02);
  });
});
