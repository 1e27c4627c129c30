// What call quality needs from a call's peer connection, read from the standard getStats() reports. Chromium
// conceals both lost packets and packets that came too late to play (jitter-buffer underruns); the share of
// concealed audio is what the agent actually hears damaged, so it is read alongside packetsLost.

/** Cumulative counters and current gauges of one call's audio, at one instant. */
export interface CallStatsSample {
  /** When the stats were taken (ms, the reports' own clock). */
  at: number;
  packetsReceived: number;
  packetsLost: number;
  /** Samples played (received or concealed), and those made up because audio was missing or late. */
  totalSamplesReceived: number;
  concealedSamples: number;
  silentConcealedSamples: number;
  /** Inbound interarrival jitter (s), as the receiver computes it. */
  jitterSeconds?: number;
  /** Round trip from the far end's RTCP receiver reports (s), or the ICE pair's when none arrived yet. */
  roundTripTimeSeconds?: number;
  /** The microphone's energy as sent (`media-source`): `totalAudioEnergy` over `totalSamplesDuration` gives its power. */
  sentAudioEnergy?: number;
  sentSamplesDuration?: number;
}

type Report = Record<string, unknown> & { type: string; kind?: string };

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Folds one getStats() result into a sample; audio only, summed over streams (a call has one). */
export function callStatsFromReports(reports: Iterable<Report>, at: number): CallStatsSample {
  const sample: CallStatsSample = {
    at,
    packetsReceived: 0,
    packetsLost: 0,
    totalSamplesReceived: 0,
    concealedSamples: 0,
    silentConcealedSamples: 0,
  };
  let pairRtt: number | undefined;
  for (const report of reports) {
    if (report.type === 'inbound-rtp' && report.kind === 'audio') {
      sample.packetsReceived += numberOr(report.packetsReceived, 0);
      // packetsLost may go negative with duplicates (RFC 3550); never count that as negative loss.
      sample.packetsLost += Math.max(0, numberOr(report.packetsLost, 0));
      sample.totalSamplesReceived += numberOr(report.totalSamplesReceived, 0);
      sample.concealedSamples += numberOr(report.concealedSamples, 0);
      sample.silentConcealedSamples += numberOr(report.silentConcealedSamples, 0);
      sample.jitterSeconds = optionalNumber(report.jitter) ?? sample.jitterSeconds;
    } else if (report.type === 'remote-inbound-rtp' && report.kind === 'audio') {
      sample.roundTripTimeSeconds = optionalNumber(report.roundTripTime) ?? sample.roundTripTimeSeconds;
    } else if (report.type === 'media-source' && report.kind === 'audio') {
      sample.sentAudioEnergy = optionalNumber(report.totalAudioEnergy);
      sample.sentSamplesDuration = optionalNumber(report.totalSamplesDuration);
    } else if (report.type === 'candidate-pair' && report.nominated === true && report.state === 'succeeded') {
      pairRtt = optionalNumber(report.currentRoundTripTime) ?? pairRtt;
    }
  }
  sample.roundTripTimeSeconds ??= pairRtt;
  return sample;
}

/** Reads one sample from a peer connection. */
export async function readCallStats(peerConnection: RTCPeerConnection, now: () => number = () => performance.now()): Promise<CallStatsSample> {
  const stats = await peerConnection.getStats();
  return callStatsFromReports(stats.values() as Iterable<Report>, now());
}
