// Audio devices and call quality have their own small stores, outside the softphone store, but both act on
// the voice adapter's media (the SDK's audio element, its peer connections). Rather than widening the
// softphone store's actions with media plumbing it never uses itself, the adapter announces its media
// controls here when it is created and withdraws them on dispose; those stores follow the announcement.
// There is one adapter per page, so one slot.
import type { VoiceAdapter } from './voice-adapter';

/** The media side of the adapter: devices, stats, and its events (for the SDK's end-of-call quality). */
export type VoiceMediaControls = Pick<VoiceAdapter, 'setOutputDevice' | 'setInputDevice' | 'callStats' | 'subscribe'>;

type Listener = (controls: VoiceMediaControls | undefined) => void;

let current: VoiceMediaControls | undefined;
const listeners = new Set<Listener>();

/** The adapter's media controls, once an adapter exists. */
export function voiceMedia(): VoiceMediaControls | undefined {
  return current;
}

/** Called by the adapter; returns the withdraw function (its dispose calls it). */
export function announceVoiceMedia(controls: VoiceMediaControls): () => void {
  current = controls;
  for (const listener of [...listeners]) listener(controls);
  return () => {
    if (current !== controls) return;
    current = undefined;
    for (const listener of [...listeners]) listener(undefined);
  };
}

/** Calls `listener` now with the current controls and again whenever they change; returns the unsubscribe function. */
export function onVoiceMedia(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}
