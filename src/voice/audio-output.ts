// The SDK plays each call through a detached <audio> element it creates itself when the far end's track
// arrives (`new Audio()`, stored on its media client as `audio`), so a chosen speaker must be applied to every
// element it makes, not once: the router routes each one (sdk-audio-outputs.ts keeps them all) with setSinkId.
import { sdkAudioOutputs, type HasAudioOutput } from './sdk-audio-outputs';

/** Where the browser can route an element's audio to a chosen device (Chromium, Edge, Firefox 116+; not Safari). */
export const canChooseAudioOutput = (): boolean => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

export type OutputRouting = { ok: true } | { ok: false; reason: 'unsupported' | 'not-found' };

/** Routes `element` to `deviceId` ('' = the system default). Never throws: says why it could not. */
export async function routeAudioElement(element: HTMLMediaElement, deviceId: string): Promise<OutputRouting> {
  if (!canChooseAudioOutput()) return { ok: false, reason: 'unsupported' };
  if (element.sinkId === deviceId) return { ok: true };
  try {
    await element.setSinkId(deviceId);
    return { ok: true };
  } catch {
    return { ok: false, reason: 'not-found' };
  }
}

export interface AudioOutputRouter {
  /** Routes every element the SDK plays a call through (a held call's too) and every later one to `deviceId` ('' = default). */
  setDevice(deviceId: string): Promise<OutputRouting>;
  /** The device the current output element plays on ('' = default; undefined while no call plays). */
  currentSinkId(): string | undefined;
}

export function createAudioOutputRouter(media: HasAudioOutput): AudioOutputRouter {
  let deviceId = '';
  const outputs = sdkAudioOutputs(media);
  // A device that vanished leaves the element on the default: the call stays audible.
  outputs.onNewElement((element) => {
    if (deviceId !== '') void routeAudioElement(element, deviceId);
  });
  return {
    async setDevice(next) {
      deviceId = next;
      if (!canChooseAudioOutput()) return { ok: false, reason: 'unsupported' };
      const routings = await Promise.all(outputs.all().map((element) => routeAudioElement(element, next)));
      return routings.find((routing) => !routing.ok) ?? { ok: true };
    },
    currentSinkId: () => (media.audio && canChooseAudioOutput() ? media.audio.sinkId : undefined),
  };
}
