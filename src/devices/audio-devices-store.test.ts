import { afterEach, describe, expect, it } from 'vitest';
import { announceVoiceMedia, type VoiceMediaControls } from '@/voice/voice-media-port';
import { chooseAudioDevice, effectiveDevice, startAudioDevices, useAudioDevices } from './audio-devices-store';

type Device = { kind: MediaDeviceKind; deviceId: string; label: string };

/** The browser's device list, changeable by the test ("a headset plugged in or out"). */
function fakeMediaDevices(initial: Device[]) {
  let devices = initial;
  const target = new EventTarget();
  const mediaDevices = Object.assign(target, {
    enumerateDevices: async () => devices.map((device) => ({ ...device, groupId: '', toJSON: () => device })),
  }) as unknown as MediaDevices;
  return {
    mediaDevices,
    set(next: Device[]) {
      devices = next;
      target.dispatchEvent(new Event('devicechange'));
    },
  };
}

function fakeMedia() {
  const calls: string[] = [];
  const controls: VoiceMediaControls = {
    setOutputDevice: async (id) => (calls.push(`speaker:${id}`), { ok: true }),
    setInputDevice: async (id) => void calls.push(`microphone:${id}`),
    callStats: async () => undefined,
    subscribe: () => () => undefined,
  };
  return { controls, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const headsetIn: Device = { kind: 'audioinput', deviceId: 'headset-in', label: 'Headset' };
const headsetOut: Device = { kind: 'audiooutput', deviceId: 'headset-out', label: 'Headset' };
const laptop: Device[] = [
  { kind: 'audioinput', deviceId: 'default', label: 'Default' },
  { kind: 'audioinput', deviceId: 'built-in', label: 'Built-in microphone' },
  { kind: 'audiooutput', deviceId: 'speakers', label: 'Speakers' },
];

describe('audio devices', () => {
  let stop: (() => void) | undefined;
  let withdraw: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    withdraw?.();
  });

  it('applies a choice to the call media, remembers it, and follows a headset unplugged and plugged back', async () => {
    const browser = fakeMediaDevices([...laptop, headsetIn, headsetOut]);
    const media = fakeMedia();
    withdraw = announceVoiceMedia(media.controls);
    const storage = new Map<string, string>();
    const store = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) } as Storage;
    stop = startAudioDevices('Jane', { mediaDevices: browser.mediaDevices, storage: store });
    await settle();
    // 'default' is the system default (''), not a device of its own.
    expect(useAudioDevices.getState().inputs.map((input) => input.deviceId)).toEqual(['built-in', 'headset-in']);

    await chooseAudioDevice('microphone', 'headset-in');
    expect(media.calls.at(-1)).toBe('microphone:headset-in');
    expect(JSON.parse(storage.get('softphone-audio-devices:Jane') ?? '{}')).toMatchObject({ microphone: 'headset-in' });

    browser.set(laptop);
    await settle();
    expect(useAudioDevices.getState().notice).toBe('Headset was disconnected: calls now use the default microphone.');
    expect(effectiveDevice(useAudioDevices.getState(), 'microphone')).toBe('');
    expect(media.calls.at(-1)).toBe('microphone:');
    // Still the agent's choice: it comes back with the headset.
    expect(useAudioDevices.getState().choices.microphone).toBe('headset-in');

    browser.set([...laptop, headsetIn, headsetOut]);
    await settle();
    expect(useAudioDevices.getState().notice).toBe('Headset is connected again: calls use it again.');
    expect(media.calls.at(-1)).toBe('microphone:headset-in');
  });

  it('keeps the call’s microphone, and the old choice, when the new one cannot be opened', async () => {
    const browser = fakeMediaDevices([...laptop, headsetIn]);
    const media = fakeMedia();
    media.controls.setInputDevice = async () => Promise.reject(new Error('That microphone could not be opened: the call keeps the one it had.'));
    withdraw = announceVoiceMedia(media.controls);
    stop = startAudioDevices('Jane', { mediaDevices: browser.mediaDevices });
    await settle();
    await chooseAudioDevice('microphone', 'headset-in');
    expect(useAudioDevices.getState().choices.microphone).toBe('');
    expect(useAudioDevices.getState().problem).toBe('That microphone could not be opened: the call keeps the one it had.');
  });
});
