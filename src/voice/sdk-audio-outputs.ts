// The SDK (2.3.1) plays each call's far end through a detached <audio> it creates when that call's track
// arrives (`new Audio()` in its media client's getNewPC), but it keeps only the newest in its `audio` field.
// With a call on hold beside a second one, the first call's element drops out of sight: its audio went on
// playing, a chosen speaker no longer reached it, and after the second call ended nothing ever silenced it
// (found by the long-shift soak, `npm run bench -- --soak`: one detached playing element per Hold and answer).
// So every element the SDK assigns is kept here, once per media client, for the speaker router and the media
// releaser alike.

/** The SDK media client's field holding its newest output element. */
export interface HasAudioOutput {
  audio?: HTMLAudioElement;
}

/** What the registry needs of an output element (an HTMLAudioElement; tests pass less). */
type OutputElement = Pick<HTMLAudioElement, 'pause' | 'srcObject'>;

export interface SdkAudioOutputs {
  /** Every element the SDK made that is not released yet: one per call with audio, calls on hold included. */
  all(): HTMLAudioElement[];
  /** Called with each element the SDK assigns from now on. */
  onNewElement(listener: (element: HTMLAudioElement) => void): void;
  /** The element playing the call whose peer connection received `tracks`, if any. */
  elementFor(tracks: readonly MediaStreamTrack[]): HTMLAudioElement | undefined;
  /**
   * Silences and forgets the elements that play one of `tracks` (a call being released) or nothing live any more;
   * `everything` releases all of them. The SDK's field then points at the newest element left, so the call that
   * goes on (a held one resumed) is the one its `getAudioOutputElement()` reports.
   */
  release(tracks: readonly MediaStreamTrack[], everything: boolean): void;
}

const registries = new WeakMap<HasAudioOutput, SdkAudioOutputs>();

function streamTracks(element: OutputElement): MediaStreamTrack[] {
  const stream = element.srcObject as { getTracks?: () => MediaStreamTrack[] } | null;
  return typeof stream?.getTracks === 'function' ? stream.getTracks() : [];
}

export function sdkAudioOutputs(media: HasAudioOutput): SdkAudioOutputs {
  const known = registries.get(media);
  if (known) return known;

  const elements: HTMLAudioElement[] = media.audio ? [media.audio] : [];
  let newest = media.audio;
  const listeners = new Set<(element: HTMLAudioElement) => void>();
  // An accessor in place of the plain field: the SDK keeps assigning it as before.
  Object.defineProperty(media, 'audio', {
    configurable: true,
    enumerable: true,
    get: () => newest,
    set(next: HTMLAudioElement | undefined) {
      newest = next;
      if (!next || elements.includes(next)) return;
      elements.push(next);
      for (const listener of listeners) listener(next);
    },
  });

  const registry: SdkAudioOutputs = {
    all: () => [...elements],
    onNewElement: (listener) => void listeners.add(listener),
    elementFor(tracks) {
      return elements.find((element) => streamTracks(element).some((track) => tracks.includes(track)));
    },
    release(tracks, everything) {
      const released = elements.filter((element) => {
        const playing = streamTracks(element);
        return everything || playing.some((track) => tracks.includes(track)) || !playing.some((track) => track.readyState === 'live');
      });
      for (const element of released) {
        element.pause();
        element.srcObject = null;
        elements.splice(elements.indexOf(element), 1);
      }
      if (newest === undefined || released.includes(newest)) newest = elements.at(-1);
    },
  };
  registries.set(media, registry);
  return registry;
}
