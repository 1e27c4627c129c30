import { describe, expect, it, vi } from 'vitest';
import { constrainSdkMicrophone, MicrophoneSwitchError, switchMicrophone } from './input-device';

function fakeTrack(label: string) {
  return { kind: 'audio', label, enabled: true, stop: vi.fn(), clone: () => fakeTrack(`${label} (clone)`) } as unknown as MediaStreamTrack & { stop: ReturnType<typeof vi.fn> };
}

function fakeDevices(getUserMedia: (constraints?: MediaStreamConstraints) => Promise<MediaStream>) {
  return { getUserMedia } as unknown as MediaDevices;
}

const streamOf = (track: MediaStreamTrack) => ({ getAudioTracks: () => [track] }) as unknown as MediaStream;

describe('the SDK’s microphone request', () => {
  it('asks for the chosen device exactly, only for the SDK’s plain { audio: true }, and can be undone', async () => {
    const asked: unknown[] = [];
    const devices = fakeDevices(async (constraints) => {
      asked.push(constraints);
      return streamOf(fakeTrack('x'));
    });
    const original = devices.getUserMedia;
    const undo = constrainSdkMicrophone(devices, () => 'headset');
    await devices.getUserMedia({ video: false, audio: true });
    await devices.getUserMedia({ audio: { deviceId: 'other' } });
    expect(asked).toEqual([{ video: false, audio: { deviceId: { exact: 'headset' } } }, { audio: { deviceId: 'other' } }]);
    undo();
    expect(devices.getUserMedia).toBe(original);
  });

  it('falls back to the default when the chosen device is gone, and passes other failures on', async () => {
    let missing = true;
    const devices = fakeDevices(async (constraints) => {
      if (typeof constraints?.audio === 'object') throw Object.assign(new Error('gone'), { name: missing ? 'OverconstrainedError' : 'NotAllowedError' });
      return streamOf(fakeTrack('default'));
    });
    constrainSdkMicrophone(devices, () => 'headset');
    expect((await devices.getUserMedia({ audio: true })).getAudioTracks()[0]?.label).toBe('default');
    missing = false;
    await expect(devices.getUserMedia({ audio: true })).rejects.toThrow('gone');
  });

  it('leaves the request alone while no device is chosen', async () => {
    const asked: unknown[] = [];
    const devices = fakeDevices(async (constraints) => (asked.push(constraints), streamOf(fakeTrack('x'))));
    constrainSdkMicrophone(devices, () => '');
    await devices.getUserMedia({ audio: true });
    expect(asked).toEqual([{ audio: true }]);
  });
});

describe('switching the microphone of calls in progress', () => {
  function connection(track: MediaStreamTrack) {
    const sender = { track, replaceTrack: vi.fn(async (next: MediaStreamTrack) => void (sender.track = next)) };
    return { sender, pc: { connectionState: 'connected', getSenders: () => [sender] } as unknown as RTCPeerConnection };
  }

  it('replaces each call’s track with its own, keeps the mute state, and stops the old tracks', async () => {
    const oldA = fakeTrack('old A');
    const oldB = Object.assign(fakeTrack('old B'), { enabled: false });
    const a = connection(oldA);
    const b = connection(oldB);
    const opened = fakeTrack('headset');
    await switchMicrophone(fakeDevices(async () => streamOf(opened)), [a.pc, b.pc], 'headset');
    expect(a.sender.track).toBe(opened);
    expect(b.sender.track?.label).toBe('headset (clone)');
    expect(b.sender.track?.enabled).toBe(false);
    expect(oldA.stop).toHaveBeenCalled();
    expect(oldB.stop).toHaveBeenCalled();
  });

  it('keeps the call’s microphone when the new one cannot be opened, and says so', async () => {
    const old = fakeTrack('old');
    const call = connection(old);
    const failing = fakeDevices(async () => Promise.reject(Object.assign(new Error('busy'), { name: 'NotReadableError' })));
    await expect(switchMicrophone(failing, [call.pc], 'headset')).rejects.toBeInstanceOf(MicrophoneSwitchError);
    expect(call.sender.track).toBe(old);
    expect(old.stop).not.toHaveBeenCalled();
  });

  it('opens nothing when no call is in progress', async () => {
    const getUserMedia = vi.fn();
    await switchMicrophone(fakeDevices(getUserMedia), [], 'headset');
    expect(getUserMedia).not.toHaveBeenCalled();
  });
});
