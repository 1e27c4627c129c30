// The Phone page's ring tone while a call rings in: the UK double ring, made with Web Audio (no sound file).
import { useEffect } from 'react';

/** 400 Hz and 450 Hz together, as a British phone rings. */
const frequencies = [400, 450] as const;
/** On, off, on, off (seconds): 0.4 on, 0.2 off, 0.4 on, 2 off, then again. */
const cadence = [0.4, 0.2, 0.4, 2] as const;
const cycleSeconds = cadence.reduce((sum, seconds) => sum + seconds, 0);
/** Each oscillator's level when on: two of them stay well under full scale. */
const level = 0.12;
/** Rings scheduled this far ahead of the audio clock, topped up by a timer: a late timer leaves no gap. */
const scheduleAheadSeconds = cycleSeconds + 1;
const topUpMs = 500;
/** How fast the level moves on each edge: no click. */
const edgeSeconds = 0.005;

export interface RingTone {
  /** Silences the tone and releases everything it holds (its timer, its nodes, its AudioContext). */
  stop(): void;
}

/** Starts ringing at once; rings until `stop`. `createContext` is for tests. */
export function startRingTone(createContext: () => AudioContext = () => new AudioContext()): RingTone {
  const context = createContext();
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const oscillators = frequencies.map((frequency) => {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    return oscillator;
  });
  // A page nobody has touched yet may start its AudioContext suspended; it rings once the browser allows it.
  if (context.state === 'suspended') context.resume().catch(() => undefined);

  let nextCycle = context.currentTime;
  const schedule = () => {
    while (nextCycle < context.currentTime + scheduleAheadSeconds) {
      let at = Math.max(nextCycle, context.currentTime);
      cadence.forEach((seconds, index) => {
        gain.gain.setTargetAtTime(index % 2 === 0 ? level : 0, at, edgeSeconds);
        at += seconds;
      });
      nextCycle = at;
    }
  };
  schedule();
  const timer = setInterval(schedule, topUpMs);

  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      gain.gain.cancelScheduledValues(0);
      gain.gain.value = 0;
      for (const oscillator of oscillators) {
        oscillator.stop();
        oscillator.disconnect();
      }
      gain.disconnect();
      context.close().catch(() => undefined);
    },
  };
}

/** Rings while `ringing`; stops the moment it is not (answered, rejected, cancelled) or the component unmounts. */
export function useRingTone(ringing: boolean, createContext?: () => AudioContext) {
  useEffect(() => {
    if (!ringing) return undefined;
    const tone = startRingTone(createContext);
    return () => tone.stop();
  }, [ringing, createContext]);
}
