import { useId } from 'react';
import { chooseAudioDevice, useAudioDevices } from '@/devices/audio-devices-store';
import type { DeviceRole } from '@/devices/device-choices-storage';

const labels: Record<DeviceRole, string> = { microphone: 'Microphone', speaker: 'Speaker', ringer: 'Ringer' };
const hints: Record<DeviceRole, string> = {
  microphone: 'What callers hear you through. Changing it during a call switches at once.',
  speaker: 'Where you hear calls.',
  ringer: 'Where incoming calls ring: a loudspeaker, so you hear them without your headset on.',
};

/** A select named Microphone, Speaker or Ringer (QA contract), with the system default first. */
export function DeviceSelect({ role }: { role: DeviceRole }) {
  const id = useId();
  const chosen = useAudioDevices((state) => state.choices[role]);
  const options = useAudioDevices((state) => (role === 'microphone' ? state.inputs : state.outputs));
  const choosable = useAudioDevices((state) => role === 'microphone' || state.outputChoosable);
  // A remembered device that is unplugged still shows, so the agent sees what will come back.
  const missing = chosen !== '' && options.length > 0 && !options.some((option) => option.deviceId === chosen);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {labels[role]}
      </label>
      <select
        id={id}
        value={choosable ? chosen : ''}
        disabled={!choosable}
        aria-describedby={`${id}-hint`}
        onChange={(event) => void chooseAudioDevice(role, event.target.value)}
        className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm disabled:bg-slate-100"
      >
        <option value="">System default</option>
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
        {missing && <option value={chosen}>Not connected (remembered)</option>}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {choosable ? hints[role] : 'This browser cannot choose where audio plays: it uses the system’s default output. Choose it in your system’s sound settings.'}
      </p>
    </div>
  );
}
