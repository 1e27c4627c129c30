import { describe, expect, it, vi } from 'vitest';
import { createMediaReleaser } from './sdk-media-release';

/** The parts of an RTCPeerConnection the SDK's teardown touches, with one live microphone track. */
function fakePeerConnection() {
  const microphone = { readyState: 'live', stop: vi.fn(() => (microphone.readyState = 'ended')) };
  return { microphone, close: vi.fn(), getSenders: () => [{ track: microphone }], getReceivers: () => [] };
}
type FakePeerConnection = ReturnType<typeof fakePeerConnection>;

/** Shaped like the SDK 2.3.1 MediaClient, teardown included, behind a mangled field. */
function fakeSdkClient() {
  class MediaClient {
    pcs = new Map<string, FakePeerConnection>();
    audio?: { pause: () => void; srcObject: unknown };
    enableMediaInbound() {}
    getAudioOutputElement() {
      return this.audio;
    }
    disableMedia(id: string, done: (error: unknown) => void) {
      const pc = this.pcs.get(id);
      if (pc) {
        this.pcs.delete(id);
        pc.close();
        pc.getSenders().forEach((sender) => sender.track.stop());
      }
      done(null);
    }
  }
  const media = new MediaClient();
  return { client: { e3z_1: media }, media };
}

describe('createMediaReleaser', () => {
  it('closes the call\'s peer connection and stops its microphone', () => {
    const { client, media } = fakeSdkClient();
    const releaser = createMediaReleaser(client);
    const pc = fakePeerConnection();
    media.pcs.set('LEG-1', pc);
    releaser?.release('LEG-1');
    expect(pc.close).toHaveBeenCalled();
    expect(pc.microphone.readyState).toBe('ended');
    expect(media.pcs.size).toBe(0);
  });

  it('closes a peer connection the SDK registers after the call was released (an answer still on its way)', async () => {
    const { client, media } = fakeSdkClient();
    const releaser = createMediaReleaser(client);
    releaser?.release('LEG-1');
    const late = fakePeerConnection();
    media.pcs.set('LEG-1', late);
    await Promise.resolve();
    expect(late.close).toHaveBeenCalled();
    expect(late.microphone.readyState).toBe('ended');
    expect(media.pcs.has('LEG-1')).toBe(false);

    const other = fakePeerConnection();
    media.pcs.set('LEG-2', other);
    await Promise.resolve();
    expect(other.close).not.toHaveBeenCalled();
  });

  it('silences the audio output once no call is left to play', () => {
    const { client, media } = fakeSdkClient();
    const releaser = createMediaReleaser(client);
    const output = { pause: vi.fn(), srcObject: null as unknown };
    media.audio = output;
    media.pcs.set('LEG-1', fakePeerConnection());
    releaser?.release('LEG-1');
    expect(output.pause).toHaveBeenCalled();
    expect(media.audio).toBeUndefined();
  });

  it('is harmless for a call the SDK never knew, and twice', () => {
    const { client } = fakeSdkClient();
    const releaser = createMediaReleaser(client);
    expect(() => {
      releaser?.release('NOPE');
      releaser?.release('NOPE');
    }).not.toThrow();
  });

  it('releases everything at once, and tells which calls registered media while watched', () => {
    const { client, media } = fakeSdkClient();
    const releaser = createMediaReleaser(client);
    media.pcs.set('LEG-0', fakePeerConnection());
    const watch = releaser?.watchRegistrations();
    media.pcs.set('LEG-1', fakePeerConnection());
    watch?.stop();
    media.pcs.set('LEG-2', fakePeerConnection());
    expect(watch?.ids()).toEqual(['LEG-1']);
    releaser?.releaseAll();
    expect(media.pcs.size).toBe(0);
  });

  it('is undefined when the SDK has no media client it recognises', () => {
    expect(createMediaReleaser({ nothing: {} })).toBeUndefined();
  });
});
