import { useEffect, useState } from 'react';

/** RMS of speech spans roughly -60 dBFS (a quiet room) to 0; the meter shows that range. */
const floorDb = -60;
/** The meter falls by at most this much per animation frame (about 1.5 of its height per second at 60 Hz). */
const fallPerFrame = 0.025;

/** 0 (silence) to 1 (full scale) on a decibel scale, so ordinary speech moves the meter visibly. */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - floorDb) / -floorDb));
}

/** Root mean square of samples in [-1, 1]. */
export function rootMeanSquare(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/**
 * The level of a microphone track, measured with an AnalyserNode once per animation frame. `getTrack` is
 * asked again each frame until it has a track (the call's sender may get it a moment after connecting).
 * The AudioContext is closed when the component unmounts or the call changes: no audio graph outlives it.
 */
export function useMicrophoneLevel(getTrack: () => MediaStreamTrack | undefined, key: string): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    let context: AudioContext | undefined;
    let analyser: AnalyserNode | undefined;
    let samples: Float32Array<ArrayBuffer> | undefined;
    let frame = 0;
    let shown = 0;
    const measure = () => {
      if (!analyser) {
        const track = getTrack();
        if (track) {
          context = new AudioContext();
          void context.resume().catch(() => undefined);
          analyser = context.createAnalyser();
          analyser.fftSize = 1024;
          context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
          samples = new Float32Array(analyser.fftSize);
        }
      }
      if (analyser && samples) {
        analyser.getFloatTimeDomainData(samples);
        // Rises at once, falls gently, as level meters do: syllables read as movement, not flicker.
        shown = Math.max(levelFromRms(rootMeanSquare(samples)), shown - fallPerFrame);
        // Whole percent: the meter cannot show finer steps, and React need not re-render for them.
        setLevel(Math.round(shown * 100) / 100);
      }
      frame = requestAnimationFrame(measure);
    };
    frame = requestAnimationFrame(measure);
    return () => {
      cancelAnimationFrame(frame);
      void context?.close().catch(() => undefined);
      setLevel(0);
    };
    // getTrack changes identity each render; the call (key) is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return level;
}
