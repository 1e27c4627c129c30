import { sdkAudioOutputs } from './sdk-audio-outputs';
import { findSdkObject, hasMethods } from './sdk-internals';

// When a call ends while the SDK is still setting up its media (a caller who gives up just as the agent
// presses Answer), the SDK's answer() fails, but its getUserMedia and RTCPeerConnection finish afterwards and
// nothing ever closes them: a live microphone the agent cannot see. So the app releases a call's media itself
// whenever it ends a call, whatever the SDK did, and a peer connection the SDK registers later for a call
// already released is closed as soon as it appears.

/** The SDK's own JS MediaClient (2.3.1): one peer connection per call id, one shared audio output. */
interface SdkMediaClient {
  pcs: Map<string, RTCPeerConnection>;
  audio?: HTMLAudioElement;
  disableMedia(id: string, done: (error: unknown) => void): void;
}

const isSdkMediaClient = (value: object): value is SdkMediaClient =>
  hasMethods(value, 'disableMedia', 'enableMediaInbound', 'getAudioOutputElement') &&
  (value as { pcs?: unknown }).pcs instanceof Map;

/** Released call ids remembered, so a late peer connection is still caught; a shift's worth is plenty. */
const releasedIdsKept = 200;

export interface MediaReleaser {
  /** Closes the call's peer connection, stops its microphone track, and silences an audio output left with nothing to play. */
  release(callId: string): void;
  /** Releases every call's media the SDK still holds (after sign-out no call may keep any). */
  releaseAll(): void;
  /** Records the call ids the SDK registers media for from now on, until `stop`. */
  watchRegistrations(): { ids(): string[]; stop(): void };
}

function closeNow(media: SdkMediaClient, callId: string) {
  // The call's far-end tracks, read before the SDK's teardown: they name the element that plays this call.
  const received = media.pcs.get(callId)?.getReceivers().flatMap((receiver) => (receiver.track ? [receiver.track] : [])) ?? [];
  // The SDK's own teardown: removes the id, closes the connection, stops sender and receiver tracks.
  media.disableMedia(callId, () => undefined);
  // This call's output (not only the SDK's newest one: a held call has its own), and all of them once no call is left.
  sdkAudioOutputs(media).release(received, media.pcs.size === 0);
}

export function createMediaReleaser(client: object): MediaReleaser | undefined {
  const media = findSdkObject(client, isSdkMediaClient);
  if (!media) return undefined;
  const released = new Set<string>();
  const watchers = new Set<Set<string>>();
  const register = media.pcs.set.bind(media.pcs);
  media.pcs.set = (callId, peerConnection) => {
    register(callId, peerConnection);
    for (const watcher of watchers) watcher.add(callId);
    // Registered after its call ended: the SDK is still mid-setup, so close it once that step returns.
    if (released.has(callId)) queueMicrotask(() => closeNow(media, callId));
    return media.pcs;
  };
  const releaser: MediaReleaser = {
    release(callId) {
      released.add(callId);
      if (released.size > releasedIdsKept) released.delete(released.values().next().value as string);
      closeNow(media, callId);
    },
    releaseAll() {
      for (const callId of [...media.pcs.keys()]) releaser.release(callId);
    },
    watchRegistrations() {
      const ids = new Set<string>();
      watchers.add(ids);
      return { ids: () => [...ids], stop: () => watchers.delete(ids) };
    },
  };
  return releaser;
}
