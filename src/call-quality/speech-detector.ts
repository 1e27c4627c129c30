// While muted, the SDK disables the sender's track, and a disabled track carries silence to everything that
// listens to it, the call's stats included. To notice the agent talking into a muted call, a clone of the
// track is enabled and listened to locally (it never leaves the page), and stopped as soon as the agent
// unmutes or the call ends: the microphone is already open for the call, nothing new is opened.

/** Frames louder than this (−40 dBFS) count as speech; a quiet room with noise suppression sits far below. */
const speechRms = 0.01;
const frameIntervalMs = 100;

export interface SpeechDetector {
  /** The share (0–1) of frames with speech since the last call, then starts counting again. */
  takeSpeechShare(): number;
  stop(): void;
}

export function detectSpeech(track: MediaStreamTrack): SpeechDetector {
  const listened = track.clone();
  listened.enabled = true;
  const context = new AudioContext();
  void context.resume().catch(() => undefined);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(new MediaStream([listened])).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frames = 0;
  let speaking = 0;
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    frames += 1;
    if (Math.sqrt(sum / samples.length) >= speechRms) speaking += 1;
  }, frameIntervalMs);
  return {
    takeSpeechShare() {
      const share = frames === 0 ? 0 : speaking / frames;
      frames = 0;
      speaking = 0;
      return share;
    },
    stop() {
      clearInterval(timer);
      listened.stop();
      void context.close().catch(() => undefined);
    },
  };
}
