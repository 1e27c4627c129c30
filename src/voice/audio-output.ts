// The SDK plays each call through a detached <audio> element it creates itself when the far end's track
// arrives (`new Audio()`, stored on its media client as `audio`), so a chosen speaker must be applied to every
// element it makes, not once. The router watches that field and routes each new element with setSinkId.

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

/** The SDK media client's field holding its current output element. */
interface HasAudioOutput {
  audio?: HTMLAudioElement;
}

export interface AudioOutputRouter {
  /** Routes the current element (if any) and every later one to `deviceId` ('' = default). */
  setDevice(deviceId: string): Promise<OutputRouting>;
  /** The device the current output element plays on ('' = default; undefined while no call plays). */
  currentSinkId(): string | undefined;
}

export function createAudioOutputRouter(media: HasAudioOutput): AudioOutputRouter {
  let deviceId = '';
  let element = media.audio;
  // An accessor in place of the plain field: the SDK (and the media releaser) keep assigning it as before.
  Object.defineProperty(media, 'audio', {
    configurable: true,
    enumerable: true,
    get: () => element,
    set(next: HTMLAudioElement | undefined) {
      element = next;
      // A device that vanished leaves the element on the default: the call stays audible.
      if (next && deviceId !== '') void routeAudioElement(next, deviceId);
    },
  });
  return {
    async setDevice(next) {
      deviceId = next;
      if (!canChooseAudioOutput()) return { ok: false, reason: 'unsupported' };
      return element ? routeAudioElement(element, next) : { ok: true };
    },
    currentSinkId: () => (element && canChooseAudioOutput() ? element.sinkId : undefined),
  };
}
