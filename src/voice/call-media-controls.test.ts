import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallMediaControls } from './call-media-controls';

function fakeTrack(label: string) {
  return { kind: 'audio', label, enabled: true, stop: vi.fn(), clone: () => fakeTrack(`${label} (clone)`) } as unknown as MediaStreamTrack;
}

function fakeConnection(label: string) {
  const sender = { track: fakeTrack(label), replaceTrack: vi.fn(async (next: MediaStreamTrack) => void (sender.track = next)) };
  const pc = { connectionState: 'connected', getSenders: () => [sender], getStats: vi.fn(async () => new Map()) } as unknown as RTCPeerConnection;
  return { sender, pc };
}

/**
 * The SDK's shape in 2.3.1: the public VonageClient.getPeerConnection, and deep inside, the private media client
 * with its `pcs` map (which the public method reads).
 */
function fakeSdk(calls: Record<string, RTCPeerConnection>) {
  const pcs = new Map(Object.entries(calls));
  const media = { pcs, getPeerConnection: (id: string) => pcs.get(id), getAudioOutputElement: () => undefined };
  const client = { getPeerConnection: vi.fn((id: string) => pcs.get(id)), core: { media } };
  return { client, pcs };
}

function useFakeMicrophone(label: string) {
  const getUserMedia = vi.fn(async () => ({ getAudioTracks: () => [fakeTrack(label)] }) as unknown as MediaStream);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  return getUserMedia;
}

function controlsOver(client: object) {
  const controls = createCallMediaControls(client);
  if (!controls) throw new Error('the SDK’s media client was not found');
  return controls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call media controls over the SDK', () => {
  it('switches the microphone of the calls it is given, found through the public getPeerConnection, and no other', async () => {
    const getUserMedia = useFakeMicrophone('headset');
    const active = fakeConnection('old active');
    const held = fakeConnection('old held');
    const other = fakeConnection('old other');
    const { client } = fakeSdk({ active: active.pc, held: held.pc, other: other.pc });
    const controls = controlsOver(client);

    await controls.setInputDevice('headset', ['active', 'held', 'ended']);

    expect(client.getPeerConnection.mock.calls.map(([id]) => id)).toEqual(['active', 'held', 'ended']);
    expect(getUserMedia).toHaveBeenCalledWith({ audio: { deviceId: { exact: 'headset' } } });
    expect(active.sender.track.label).toBe('headset');
    expect(held.sender.track.label).toBe('headset (clone)');
    expect(other.sender.track.label).toBe('old other');
    controls.dispose();
  });

  it('opens no microphone when none of the calls has media yet (or any more)', async () => {
    const getUserMedia = useFakeMicrophone('headset');
    const { client } = fakeSdk({});
    const controls = controlsOver(client);
    await controls.setInputDevice('headset', ['ringing']);
    expect(getUserMedia).not.toHaveBeenCalled();
    controls.dispose();
  });

  it('without call ids, switches every call the SDK holds media for', async () => {
    useFakeMicrophone('headset');
    const first = fakeConnection('old first');
    const second = fakeConnection('old second');
    const { client } = fakeSdk({ first: first.pc, second: second.pc });
    const controls = controlsOver(client);
    await controls.setInputDevice('headset');
    expect([first.sender.track.label, second.sender.track.label]).toEqual(['headset', 'headset (clone)']);
    controls.dispose();
  });

  it('switches a call dialled while the microphone was chosen, once its id is known, and only when it needs to', async () => {
    const getUserMedia = useFakeMicrophone('headset');
    const dialled = fakeConnection('old');
    const { client } = fakeSdk({ dialled: dialled.pc });
    const controls = controlsOver(client);

    await controls.followMicrophone('dialled');
    expect(getUserMedia).not.toHaveBeenCalled();

    await controls.setInputDevice('headset', []);
    await controls.followMicrophone('dialled');
    expect(dialled.sender.track.label).toBe('headset');

    const settled = { ...fakeTrack('headset'), getSettings: () => ({ deviceId: 'headset' }) } as unknown as MediaStreamTrack;
    dialled.sender.track = settled;
    getUserMedia.mockClear();
    await controls.followMicrophone('dialled');
    await controls.followMicrophone('unknown');
    expect(getUserMedia).not.toHaveBeenCalled();
    controls.dispose();
  });

  it('asks for the chosen microphone when the SDK opens one for a call to come', async () => {
    const getUserMedia = useFakeMicrophone('headset');
    const { client } = fakeSdk({});
    const controls = controlsOver(client);
    await controls.setInputDevice('headset', []);
    await navigator.mediaDevices.getUserMedia({ video: false, audio: true });
    expect(getUserMedia).toHaveBeenLastCalledWith({ video: false, audio: { deviceId: { exact: 'headset' } } });
    controls.dispose();
  });

  it('reads a call’s stats through the public getPeerConnection; none for a call without media', async () => {
    useFakeMicrophone('headset');
    const call = fakeConnection('mic');
    const { client } = fakeSdk({ call: call.pc });
    const controls = controlsOver(client);
    expect(await controls.callStats('call')).toBeDefined();
    expect(call.pc.getStats).toHaveBeenCalled();
    expect(await controls.callStats('gone')).toBeUndefined();
    expect(client.getPeerConnection).toHaveBeenCalledWith('gone');
    controls.dispose();
  });
});
