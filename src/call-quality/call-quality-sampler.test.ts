import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallStatsSample } from '@/voice/call-stats';
import { createCallQualitySampler } from './call-quality-sampler';
import { finalMos, useCallQualityStore } from './call-quality-store';

let tick = 0;
/** A clean second of audio per call, with the microphone at `rms`. */
function cleanSample(rms: number): CallStatsSample {
  tick += 1;
  return {
    at: tick * 2000,
    packetsReceived: tick * 100,
    packetsLost: 0,
    totalSamplesReceived: tick * 96_000,
    concealedSamples: 0,
    silentConcealedSamples: 0,
    jitterSeconds: 0.002,
    roundTripTimeSeconds: 0.02,
    sentAudioEnergy: tick * 2 * rms * rms,
    sentSamplesDuration: tick * 2,
  };
}

describe('the call quality sampler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    tick = 0;
    useCallQualityStore.setState({ calls: {} });
  });
  afterEach(() => vi.useRealTimers());

  it('reads Good on a clean call and keeps its estimate for the summary', async () => {
    const sampler = createCallQualitySampler({ callId: 'C1', media: { callStats: async () => cleanSample(0.1) }, microphoneTrack: () => undefined });
    await sampler.firstSample;
    await sampler.sample();
    expect(useCallQualityStore.getState().calls.C1?.level).toBe('Good');
    sampler.stop();
    expect(finalMos(useCallQualityStore.getState().calls.C1)).toBeGreaterThan(4.3);
    useCallQualityStore.getState().update('C1', { cloudMos: 3.2 });
    expect(finalMos(useCallQualityStore.getState().calls.C1)).toBe(3.2);
  });

  it('warns of a silent microphone only after 10 s of it, and stops warning once sound comes', async () => {
    let rms = 0;
    const sampler = createCallQualitySampler({ callId: 'C2', media: { callStats: async () => cleanSample(rms) }, microphoneTrack: () => undefined });
    await sampler.firstSample;
    for (let i = 0; i < 4; i += 1) await sampler.sample();
    expect(useCallQualityStore.getState().calls.C2?.microphoneSilent).toBe(false);
    await sampler.sample();
    expect(useCallQualityStore.getState().calls.C2?.microphoneSilent).toBe(true);
    rms = 0.05;
    await sampler.sample();
    expect(useCallQualityStore.getState().calls.C2?.microphoneSilent).toBe(false);
    sampler.stop();
  });

  it('warns of talking while muted after two talking intervals, and stops listening on unmute', async () => {
    const stop = vi.fn();
    const sampler = createCallQualitySampler({
      callId: 'C3',
      media: { callStats: async () => cleanSample(0) },
      microphoneTrack: () => ({}) as MediaStreamTrack,
      detectSpeech: () => ({ takeSpeechShare: () => 0.6, stop }),
    });
    await sampler.firstSample;
    sampler.setMuted(true);
    await sampler.sample(); // starts listening
    await sampler.sample();
    expect(useCallQualityStore.getState().calls.C3?.talkingWhileMuted).toBe(false);
    await sampler.sample();
    expect(useCallQualityStore.getState().calls.C3?.talkingWhileMuted).toBe(true);
    sampler.setMuted(false);
    expect(stop).toHaveBeenCalled();
    expect(useCallQualityStore.getState().calls.C3?.talkingWhileMuted).toBe(false);
    sampler.stop();
  });
});
