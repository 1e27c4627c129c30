// From a short run of stats samples to what the E-model needs, and to the microphone's sent power.
import type { CallStatsSample } from '@/voice/call-stats';
import type { NetworkConditions } from './e-model';

/** Samples kept per call: the reading covers the last three intervals (6 s at one sample per 2 s). */
export const windowSamples = 4;

/**
 * Loss is the larger of what RTP counted lost and the share of played audio the receiver concealed (minus the
 * silence it stretched): Chromium conceals late packets as well as lost ones, and the agent hears both as
 * gaps. No packet at all over the window is total loss: the agent hears nothing.
 */
export function conditionsOver(samples: readonly CallStatsSample[]): NetworkConditions | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || first === last) return undefined;
  const received = last.packetsReceived - first.packetsReceived;
  const lost = Math.max(0, last.packetsLost - first.packetsLost);
  const played = last.totalSamplesReceived - first.totalSamplesReceived;
  const concealed = last.concealedSamples - last.silentConcealedSamples - (first.concealedSamples - first.silentConcealedSamples);
  const networkLoss = received + lost > 0 ? (100 * lost) / (received + lost) : 100;
  const concealedLoss = played > 0 ? (100 * Math.max(0, concealed)) / played : 0;
  const jitters = samples.map((sample) => sample.jitterSeconds).filter((value): value is number => value !== undefined);
  const jitterMs = jitters.length > 0 ? (1000 * jitters.reduce((sum, value) => sum + value, 0)) / jitters.length : 0;
  return {
    lossPercent: received === 0 ? 100 : Math.max(networkLoss, concealedLoss),
    jitterMs,
    rttMs: 1000 * (last.roundTripTimeSeconds ?? 0),
  };
}

/**
 * RMS (0–1) of what the microphone sent between two samples, from the media source's total energy; undefined
 * when the browser does not report it.
 */
export function sentLevel(older: CallStatsSample, newer: CallStatsSample): number | undefined {
  if (older.sentAudioEnergy === undefined || newer.sentAudioEnergy === undefined) return undefined;
  if (older.sentSamplesDuration === undefined || newer.sentSamplesDuration === undefined) return undefined;
  const duration = newer.sentSamplesDuration - older.sentSamplesDuration;
  if (!(duration > 0)) return undefined;
  return Math.sqrt(Math.max(0, newer.sentAudioEnergy - older.sentAudioEnergy) / duration);
}
