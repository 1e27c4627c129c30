import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * "No hidden live microphone": once the softphone shows no call, nothing may still capture, send or play
 * audio. An init script records, from outside the app, every object that could:
 *
 * - every track `getUserMedia` hands out (the microphone; clones of those tracks too);
 * - every `RTCPeerConnection` constructed in the page: the SDK's and the fake cloud's far-end peers alike.
 *   The fake closes a call's far-end peer whenever the cloud ends that call (`endCall` in
 *   src/fake-cloud/call-events.ts), so an open far-end peer with no call on screen means the cloud still
 *   holds a call the agent cannot see: a caller left on a dead line, a leak as well;
 * - every media element given a `MediaStream` as `srcObject`. The SDK plays the far end through a detached
 *   `new Audio()` with `autoplay` and `srcObject` (it never calls `play()`), so the setter is the hook; the
 *   ringtone's `<audio>` plays a WAV `src` and is never recorded.
 *
 * Strong references are kept, so nothing escapes by being garbage-collected while still live. The wrappers
 * change no behaviour: `RTCPeerConnection` becomes a Proxy of the native constructor, so its prototype
 * (which webrtc-adapter patches), `instanceof` and static methods stay the native ones.
 * (DevTools `Runtime.queryObjects` was not used: it sees every MediaStreamTrack, the far end's oscillator
 * tracks and remote tracks included, with nothing telling a microphone apart, and it depends on GC timing.)
 */

export interface LiveMediaCounts {
  /** `getUserMedia` tracks whose `readyState` is still `live` (muted or disabled ones included). */
  liveMicrophoneTracks: number;
  /** `RTCPeerConnection`s not closed (`signalingState !== 'closed'`). */
  openPeerConnections: number;
  /** Media elements playing a `MediaStream`: not paused, and the stream has a live track. */
  playingStreamOutputs: number;
}

interface LiveMediaSnapshot {
  counts: LiveMediaCounts;
  /** One line per live object, for failure messages. */
  details: string[];
}

interface MediaLeakRecorder {
  snapshot(): LiveMediaSnapshot;
}

declare global {
  interface Window {
    e2eMediaLeakGuard?: MediaLeakRecorder;
  }
}

export const noLiveMedia: LiveMediaCounts = { liveMicrophoneTracks: 0, openPeerConnections: 0, playingStreamOutputs: 0 };

/** Runs in the page before any of its scripts: self-contained, no imports or outer variables. */
function recordMediaInThePage() {
  if (window.e2eMediaLeakGuard) return;

  // Called first thing in each wrapper: the caller's frame, preferably one in a served script, names the
  // chunk (or dev module) that created the object.
  // Written as "file (line L, column C), function F": text ending in "file:L:C" would be taken for a frame of
  // the guard's own stack in Playwright's report.
  const creator = () => {
    const frames = (new Error().stack ?? '').split('\n').slice(3);
    const frame = (frames.find((line) => line.includes('://')) ?? frames[0])?.trim().replace(/^at /, '');
    if (!frame) return 'unknown code';
    const [, file = frame, line = '?', column = '?'] = /([^\s/()]+):(\d+):(\d+)\)?$/.exec(frame) ?? [];
    const name = frame.includes(' (') ? `, function ${frame.slice(0, frame.indexOf(' ('))}` : '';
    return `${file} (line ${line}, column ${column})${name}`;
  };

  const microphoneTracks: Array<{ track: MediaStreamTrack; createdBy: string }> = [];
  const peers: Array<{ peer: RTCPeerConnection; createdBy: string }> = [];
  const streamOutputs = new Set<HTMLMediaElement>();
  const recordedTracks = new WeakSet<MediaStreamTrack>();
  const recordTrack = (track: MediaStreamTrack, createdBy: string) => {
    if (recordedTracks.has(track)) return;
    recordedTracks.add(track);
    microphoneTracks.push({ track, createdBy });
  };
  const recordStream = (createdBy: string) => (stream: MediaStream) => {
    for (const track of stream.getTracks()) recordTrack(track, createdBy);
    return stream;
  };

  // Patched on the prototype, so blockMicrophone's and webrtc-adapter's own wrappers end up calling it.
  const nativeGetUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function getUserMedia(this: MediaDevices, constraints?: MediaStreamConstraints) {
    return nativeGetUserMedia.call(this, constraints).then(recordStream(creator()));
  };
  type LegacyGetUserMedia = (constraints: unknown, onSuccess: (stream: MediaStream) => void, onError: unknown) => void;
  const legacyNavigator = Navigator.prototype as Navigator & { webkitGetUserMedia?: LegacyGetUserMedia };
  const nativeLegacyGetUserMedia = legacyNavigator.webkitGetUserMedia;
  if (nativeLegacyGetUserMedia) {
    legacyNavigator.webkitGetUserMedia = function webkitGetUserMedia(this: Navigator, constraints: unknown, onSuccess: (stream: MediaStream) => void, onError: unknown) {
      const record = recordStream(creator());
      nativeLegacyGetUserMedia.call(this, constraints, (stream: MediaStream) => onSuccess(record(stream)), onError);
    };
  }
  const nativeTrackClone = MediaStreamTrack.prototype.clone;
  MediaStreamTrack.prototype.clone = function clone(this: MediaStreamTrack) {
    const createdBy = creator();
    const copy = nativeTrackClone.call(this);
    if (recordedTracks.has(this)) recordTrack(copy, createdBy);
    return copy;
  };
  const nativeStreamClone = MediaStream.prototype.clone;
  MediaStream.prototype.clone = function clone(this: MediaStream) {
    const createdBy = creator();
    const copy = nativeStreamClone.call(this);
    const originals = this.getTracks();
    copy.getTracks().forEach((track, index) => {
      const original = originals[index];
      if (original && recordedTracks.has(original)) recordTrack(track, createdBy);
    });
    return copy;
  };

  const NativePeerConnection = window.RTCPeerConnection;
  const RecordedPeerConnection = new Proxy(NativePeerConnection, {
    construct(target, args, newTarget) {
      const createdBy = creator();
      const peer = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
      peers.push({ peer, createdBy });
      return peer;
    },
  });
  NativePeerConnection.prototype.constructor = RecordedPeerConnection;
  const globals = window as unknown as Record<string, unknown>;
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection']) {
    if (globals[name] !== NativePeerConnection) continue;
    Object.defineProperty(window, name, { configurable: true, writable: true, enumerable: false, value: RecordedPeerConnection });
  }

  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  if (srcObject?.set && srcObject.get) {
    const nativeSet = srcObject.set;
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      ...srcObject,
      set(this: HTMLMediaElement, value: MediaProvider | null) {
        if (value instanceof MediaStream) streamOutputs.add(this);
        nativeSet.call(this, value);
      },
    });
  }

  const recorder: MediaLeakRecorder = {
    snapshot() {
      const details: string[] = [];
      const liveTracks = microphoneTracks.filter(({ track }) => track.readyState === 'live');
      for (const { track, createdBy } of liveTracks) {
        const state = [track.enabled ? 'enabled' : 'disabled', track.muted ? 'muted' : ''].filter(Boolean).join(', ');
        details.push(`live microphone track "${track.label}" (${state}), from getUserMedia in ${createdBy}`);
      }
      const openPeers = peers.filter(({ peer }) => peer.signalingState !== 'closed');
      for (const { peer, createdBy } of openPeers) {
        const sendsMicrophone = peer.getSenders().some(({ track }) => track !== null && recordedTracks.has(track));
        details.push(
          `open RTCPeerConnection (connectionState ${peer.connectionState}, signalingState ${peer.signalingState}` +
            `${sendsMicrophone ? ', sending the microphone' : ''}), created in ${createdBy}`,
        );
      }
      const playing = [...streamOutputs].filter((element) => {
        const stream = element.srcObject;
        return stream instanceof MediaStream && stream.active && !element.paused;
      });
      for (const element of playing) {
        const where = element.isConnected ? 'in the document' : 'detached';
        details.push(`<${element.localName}> (${where}${element.muted ? ', muted' : ''}) playing MediaStream ${(element.srcObject as MediaStream).id}`);
      }
      return {
        counts: { liveMicrophoneTracks: liveTracks.length, openPeerConnections: openPeers.length, playingStreamOutputs: playing.length },
        details,
      };
    },
  };
  Object.defineProperty(window, 'e2eMediaLeakGuard', { configurable: false, enumerable: false, value: recorder });
}

/** Records media in every page of the context; call before any page loads the softphone. */
export async function installMediaLeakGuard(context: BrowserContext) {
  await context.addInitScript(recordMediaInThePage);
}

/** Whether the page runs the recorder (a page that never navigated, e.g. about:blank, does not). */
export function isGuarded(page: Page): Promise<boolean> {
  return page.evaluate(() => window.e2eMediaLeakGuard !== undefined);
}

function snapshot(page: Page): Promise<LiveMediaSnapshot> {
  return page.evaluate(() => {
    if (!window.e2eMediaLeakGuard) throw new Error('The media leak guard is not installed in this page');
    return window.e2eMediaLeakGuard.snapshot();
  });
}

/** Live microphone tracks, open peer connections and playing stream outputs in the page right now. */
export async function liveMediaCounts(page: Page): Promise<LiveMediaCounts> {
  return (await snapshot(page)).counts;
}

/**
 * Waits (closing is asynchronous) until nothing captures, sends or plays audio; otherwise fails naming each
 * kind of object still live, how many, and where each was created.
 */
export async function expectNoLiveMedia(page: Page, { timeout = 10_000 }: { timeout?: number } = {}) {
  try {
    await expect.poll(() => liveMediaCounts(page), { timeout, intervals: [50, 100, 250, 500] }).toEqual(noLiveMedia);
  } catch {
    const { counts, details } = await snapshot(page);
    const summary = [
      `${counts.liveMicrophoneTracks} live microphone track(s)`,
      `${counts.openPeerConnections} open peer connection(s)`,
      `${counts.playingStreamOutputs} audio output(s) playing a MediaStream`,
    ].join(', ');
    const message = [
      `Media still live ${timeout / 1000} s after the softphone showed no call: ${summary}.`,
      ...details.map((detail) => `  - ${detail}`),
    ].join('\n');
    expect(counts, message).toEqual(noLiveMedia);
  }
}
