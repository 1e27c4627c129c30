import { useEffect } from 'react';
import { startAudioDevices } from '@/devices/audio-devices-store';

/** This tab's localStorage; undefined where the browser's settings forbid it. */
function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** While an agent is signed in: their device choices, the device list, and `devicechange` (outside React). */
export function useAudioDevicesSession(agent: string | undefined) {
  useEffect(() => {
    if (!agent) return;
    return startAudioDevices(agent, { mediaDevices: navigator.mediaDevices, storage: localStore() });
  }, [agent]);
}
