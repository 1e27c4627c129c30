// Samples a call's stats every 2 s while it is on screen, and turns them into the reading and the warnings
// of the call-quality store.
import type { CallStatsSample } from '@/voice/call-stats';
import type { VoiceMediaControls } from '@/voice/voice-media-port';
import { useCallQualityStore } from './call-quality-store';
import { estimateMos, qualityLevel } from './e-model';
import { conditionsOver, sentLevel, windowSamples } from './quality-window';
import { detectSpeech, type SpeechDetector } from './speech-detector';

export const sampleIntervalMs = 2_000;
/** Below −80 dBFS is digital silence (a hardware mute switch, a dead device), not a quiet room. */
const silentRms = 1e-4;
/** Warnings wait for a run of intervals, so a pause or a cough does not nag: 10 s of silence, 4 s of talk. */
const silentIntervalsBeforeWarning = 5;
const talkingIntervalsBeforeWarning = 2;
/** An interval with speech in at least this share of its frames counts as talking. */
const talkingShare = 0.2;

export interface SamplerInputs {
  callId: string;
  media: Pick<VoiceMediaControls, 'callStats'>;
  /** The microphone track the call sends (the softphone store's microphoneTrack). */
  microphoneTrack(): MediaStreamTrack | undefined;
  /** Starts the local speech detector (injected for tests). */
  detectSpeech?: (track: MediaStreamTrack) => SpeechDetector;
}

export interface CallQualitySampler {
  setMuted(muted: boolean): void;
  /** The sample taken at start, so the first reading needs only one more interval. */
  firstSample: Promise<void>;
  /** Takes one sample now (the timer calls it; tests call it directly). */
  sample(): Promise<void>;
  stop(): void;
}

export function createCallQualitySampler(inputs: SamplerInputs): CallQualitySampler {
  const { callId, media } = inputs;
  const update = (change: Parameters<ReturnType<typeof useCallQualityStore.getState>['update']>[1]) =>
    useCallQualityStore.getState().update(callId, change);
  const startDetector = inputs.detectSpeech ?? detectSpeech;
  const samples: CallStatsSample[] = [];
  let muted = false;
  let detector: SpeechDetector | undefined;
  let silentRun = 0;
  let talkingRun = 0;
  let stopped = false;

  function stopDetector() {
    detector?.stop();
    detector = undefined;
    talkingRun = 0;
  }

  function judgeMicrophone(previous: CallStatsSample | undefined, latest: CallStatsSample) {
    if (muted) {
      silentRun = 0;
      if (!detector) {
        const track = inputs.microphoneTrack();
        if (track) detector = startDetector(track);
        return;
      }
      talkingRun = detector.takeSpeechShare() >= talkingShare ? talkingRun + 1 : 0;
      update({ microphoneSilent: false, talkingWhileMuted: talkingRun >= talkingIntervalsBeforeWarning });
      return;
    }
    const level = previous ? sentLevel(previous, latest) : undefined;
    if (level === undefined) return;
    silentRun = level < silentRms ? silentRun + 1 : 0;
    update({ microphoneSilent: silentRun >= silentIntervalsBeforeWarning, talkingWhileMuted: false });
  }

  async function sample() {
    const latest = await media.callStats(callId).catch(() => undefined);
    if (stopped || !latest) return;
    const previous = samples.at(-1);
    samples.push(latest);
    if (samples.length > windowSamples) samples.shift();
    const conditions = conditionsOver(samples);
    if (conditions) {
      const mos = estimateMos(conditions);
      update({ mos, level: qualityLevel(mos) });
    }
    judgeMicrophone(previous, latest);
  }

  const firstSample = sample();
  const timer = setInterval(() => void sample(), sampleIntervalMs);
  return {
    setMuted(next) {
      if (next === muted) return;
      muted = next;
      silentRun = 0;
      if (!muted) stopDetector();
      update({ talkingWhileMuted: false, microphoneSilent: false });
    },
    firstSample,
    sample,
    stop() {
      stopped = true;
      clearInterval(timer);
      stopDetector();
      update({ talkingWhileMuted: false, microphoneSilent: false });
    },
  };
}

const watchedForCloudMos = new WeakSet<object>();

/** Records the cloud's MOS from each call's hangup; once per adapter, for the life of the page. */
export function watchCloudMos(media: Pick<VoiceMediaControls, 'subscribe'>): void {
  if (watchedForCloudMos.has(media)) return;
  watchedForCloudMos.add(media);
  media.subscribe((event) => {
    if (event.type === 'call-hangup' && event.mos !== undefined) useCallQualityStore.getState().update(event.callId, { cloudMos: event.mos });
  });
}
