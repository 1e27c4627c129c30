import { routeAudioElement, type OutputRouting } from '@/voice/audio-output';

const toneHz = 660;
const toneSeconds = 1;

/**
 * Plays a one-second tone through `element` routed to `deviceId`: made with Web Audio and handed to the
 * element as a stream, so the element's own sinkId decides where it plays (as for the call and the ringer).
 * Resolves once the tone has ended, with where it could not be routed if so.
 */
export async function playTestTone(element: HTMLAudioElement, deviceId: string): Promise<OutputRouting> {
  const routing = deviceId === '' ? ({ ok: true } as const) : await routeAudioElement(element, deviceId);
  const context = new AudioContext();
  try {
    const destination = context.createMediaStreamDestination();
    const gain = context.createGain();
    const oscillator = context.createOscillator();
    oscillator.frequency.value = toneHz;
    // A soft start and end: no click at either edge.
    const start = context.currentTime;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.2, start + 0.05);
    gain.gain.setValueAtTime(0.2, start + toneSeconds - 0.1);
    gain.gain.linearRampToValueAtTime(0, start + toneSeconds);
    oscillator.connect(gain).connect(destination);
    element.srcObject = destination.stream;
    await element.play();
    const ended = new Promise((resolve) => (oscillator.onended = resolve));
    oscillator.start(start);
    oscillator.stop(start + toneSeconds);
    await ended;
    return routing;
  } finally {
    element.pause();
    element.srcObject = null;
    void context.close().catch(() => undefined);
  }
}
