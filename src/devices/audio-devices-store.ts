// The agent's audio devices: what the browser lists, what the agent chose (per agent, remembered), and what
// is in effect. A chosen device that is unplugged gives way to the system default (the call stays on a
// working device) and comes back when plugged in again; either way the agent is told.
import { create } from 'zustand';
import { canChooseAudioOutput } from '@/voice/audio-output';
import { onVoiceMedia, type VoiceMediaControls } from '@/voice/voice-media-port';
import { defaultChoices, readDeviceChoices, writeDeviceChoices, type DeviceChoices, type DeviceRole } from './device-choices-storage';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export interface AudioDevicesState {
  agent?: string;
  /** What the agent chose (remembered), even while that device is unplugged. */
  choices: DeviceChoices;
  inputs: DeviceOption[];
  outputs: DeviceOption[];
  /** Whether the browser can route audio to a chosen output (setSinkId). */
  outputChoosable: boolean;
  /** A device came or went; said once, in a sentence. */
  notice?: string;
  /** The last choice could not be applied. */
  problem?: string;
  /** Counts microphone switches, so a level meter knows to listen to the new track. */
  microphoneSwitches: number;
}

export interface AudioDevicesEnvironment {
  mediaDevices?: MediaDevices;
  storage?: Storage;
}

const initial: AudioDevicesState = { choices: defaultChoices, inputs: [], outputs: [], outputChoosable: false, microphoneSwitches: 0 };

export const useAudioDevices = create<AudioDevicesState>()(() => initial);

const roleNoun: Record<DeviceRole, string> = { microphone: 'microphone', speaker: 'speaker', ringer: 'ringer' };

/** Where the browser lists devices without ids (no microphone permission yet), nothing can be said to be missing. */
const listIsKnown = (options: DeviceOption[]) => options.length > 0 && options.every((option) => option.deviceId !== '');

function optionsFor(role: DeviceRole, state: AudioDevicesState) {
  return role === 'microphone' ? state.inputs : state.outputs;
}

/** The device in effect for a role: the choice while it is plugged in, else the system default (''). */
export function effectiveDevice(state: AudioDevicesState, role: DeviceRole): string {
  const chosen = state.choices[role];
  if (chosen === '' || (role !== 'microphone' && !state.outputChoosable)) return '';
  const options = optionsFor(role, state);
  if (!listIsKnown(options)) return chosen;
  return options.some((option) => option.deviceId === chosen) ? chosen : '';
}

export const selectRingerDevice = (state: AudioDevicesState) => effectiveDevice(state, 'ringer');

export function deviceLabel(state: AudioDevicesState, role: DeviceRole, deviceId: string): string {
  if (deviceId === '') return `the default ${roleNoun[role]}`;
  return optionsFor(role, state).find((option) => option.deviceId === deviceId)?.label || `the chosen ${roleNoun[role]}`;
}

let environment: AudioDevicesEnvironment = {};
let media: VoiceMediaControls | undefined;
/** Labels of the devices last listed, to name a device once it is gone. */
let lastLabels = new Map<string, string>();

function labelled(devices: MediaDeviceInfo[], kind: MediaDeviceKind, noun: string): DeviceOption[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== 'default' && device.deviceId !== 'communications')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${noun} ${index + 1}` }));
}

/** Applies what is in effect to the adapter's media (a no-op for a device already in use). */
async function applyToMedia(roles: readonly DeviceRole[]) {
  if (!media) return;
  const state = useAudioDevices.getState();
  if (roles.includes('speaker') && state.outputChoosable) await media.setOutputDevice(effectiveDevice(state, 'speaker'));
  if (roles.includes('microphone')) {
    await media.setInputDevice(effectiveDevice(state, 'microphone'));
    useAudioDevices.setState((current) => ({ microphoneSwitches: current.microphoneSwitches + 1 }));
  }
}

/** Lists the devices again (at start, on devicechange, when the dialog opens) and follows what came and went. */
export async function refreshAudioDevices(): Promise<void> {
  const devices = await environment.mediaDevices?.enumerateDevices().catch(() => []) ?? [];
  const before = useAudioDevices.getState();
  const inputs = labelled(devices, 'audioinput', 'Microphone');
  const outputs = labelled(devices, 'audiooutput', 'Speaker');
  const after = { ...before, inputs, outputs };
  const changes: string[] = [];
  for (const role of ['microphone', 'speaker'] as const) {
    const was = effectiveDevice(before, role);
    const now = effectiveDevice(after, role);
    if (was === now || before.agent === undefined || !listIsKnown(optionsFor(role, before))) continue;
    if (now === '') changes.push(`${lastLabels.get(was) ?? `The chosen ${roleNoun[role]}`} was disconnected: calls now use the default ${roleNoun[role]}.`);
    else changes.push(`${deviceLabel(after, role, now)} is connected again: calls use it again.`);
  }
  lastLabels = new Map([...inputs, ...outputs].map((option) => [option.deviceId, option.label]));
  useAudioDevices.setState({ inputs, outputs, ...(changes.length > 0 ? { notice: changes.join(' ') } : {}) });
  if (changes.length > 0) await applyToMedia(['microphone', 'speaker']).catch(() => undefined);
}

/**
 * From sign-in to sign-out: reads the agent's choices, lists the devices, follows `devicechange`, and keeps
 * the voice adapter on the devices in effect. Returns the stop function.
 */
export function startAudioDevices(agent: string, env: AudioDevicesEnvironment): () => void {
  environment = env;
  useAudioDevices.setState({
    ...initial,
    agent,
    choices: readDeviceChoices(env.storage, agent),
    outputChoosable: canChooseAudioOutput(),
  });
  const onDeviceChange = () => void refreshAudioDevices();
  env.mediaDevices?.addEventListener('devicechange', onDeviceChange);
  const listed = refreshAudioDevices();
  const stopFollowing = onVoiceMedia((controls) => {
    media = controls;
    void listed.then(() => applyToMedia(['speaker', 'microphone'])).catch(() => undefined);
  });
  return () => {
    env.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
    stopFollowing();
    media = undefined;
    useAudioDevices.setState(initial);
  };
}

/** The agent picks a device for a role: remembered at once, applied to calls in progress and to come. */
export async function chooseAudioDevice(role: DeviceRole, deviceId: string): Promise<void> {
  const before = useAudioDevices.getState();
  if (!before.agent || before.choices[role] === deviceId) return;
  const choices = { ...before.choices, [role]: deviceId };
  useAudioDevices.setState({ choices, problem: undefined, notice: undefined });
  try {
    await applyToMedia([role]);
  } catch (error) {
    // The microphone could not be opened: the call keeps the one it had, and so does the choice.
    useAudioDevices.setState({ choices: before.choices, problem: error instanceof Error ? error.message : 'That device could not be used.' });
    return;
  }
  writeDeviceChoices(environment.storage, before.agent, choices);
}
