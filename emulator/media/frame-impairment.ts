// A bad network between the far end and the agent, made at the far end's audio source: frames are dropped
// in short bursts (loss) and held back then released together (jitter). libwebrtc stamps RTP by frames
// encoded, not by the wall clock, so the agent's browser sees what a lossy, jittery path gives a receiver:
// packets arriving late and bunched against their timestamps. Measured in Chromium: `inbound-rtp.jitter`
// rises, and its jitter buffer conceals the gaps (`concealedSamples`, `concealmentEvents`); `packetsLost`
// stays 0, because no sequence number is skipped (the softphone reads concealment as loss for that reason).
import type { DegradeCallOptions } from '../../src/fake-cloud/media-degrade.ts';

/** Chance, per frame sent on time, that a hold starts: about every 20 frames (200 ms). */
const holdChance = 0.05;
const maxBurstFrames = 3;

/**
 * Wraps `send` (a source's onData): frames go through it dropped or delayed as `options` say. `now` and
 * `random` are injectable for tests.
 */
export function impairFrames<Frame>(
  send: (frame: Frame) => void,
  options: DegradeCallOptions,
  now: () => number = () => performance.now(),
  random: () => number = Math.random,
): (frame: Frame) => void {
  const held: Frame[] = [];
  let holdUntil = 0;
  let dropLeft = 0;
  // A burst of b frames in every b/p frames drops p of them: bursts start at p / (mean burst length).
  const burstStart = options.lossPercent / 100 / ((1 + maxBurstFrames) / 2);
  return (frame) => {
    if (dropLeft > 0) {
      dropLeft -= 1;
      return;
    }
    if (random() < burstStart) {
      dropLeft = Math.floor(random() * maxBurstFrames);
      return;
    }
    held.push(frame);
    const time = now();
    if (time < holdUntil) return;
    for (const next of held.splice(0)) send(next);
    if (options.jitterMs > 0 && random() < holdChance) holdUntil = time + random() * 2 * options.jitterMs;
  };
}

/** Anything with a source's onData. */
interface FrameSource<Frame> {
  onData(frame: Frame): void;
}

const originals = new WeakMap<object, object>();

/**
 * The source to use instead of `source`: degraded as `options` say, or (undefined) the original again.
 * A stand-in object rather than a patched method: the native source's methods cannot be replaced.
 */
export function degradedSource<Frame, Source extends FrameSource<Frame>>(source: Source, options: DegradeCallOptions | undefined): Source {
  const original = (originals.get(source) as Source | undefined) ?? source;
  if (!options) return original;
  const stand: FrameSource<Frame> = { onData: impairFrames((frame: Frame) => original.onData(frame), options) };
  originals.set(stand, original);
  return stand as Source;
}
