// Answering checks the microphone with a getUserMedia of its own before the SDK's: about 100 ms on every answer.
// The check is there because the SDK reports a microphone it could not open only as "Inbound call failed", and
// that invite can then no longer be answered. Once a check has found the microphone working, and while the
// browser keeps granting it and no device comes or goes, the check is left to the SDK's own getUserMedia.
import type { MicrophoneCheck } from './microphone-check';

type PermissionsLike = Pick<Permissions, 'query'>;
type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia' | 'addEventListener'>;

export interface MicrophoneReadiness {
  /** The usual check (microphone-check.ts), remembered. */
  check(): Promise<MicrophoneCheck>;
  /** The last check found the microphone working, and neither the permission nor the devices changed since. */
  knownWorking(): boolean;
}

export function createMicrophoneReadiness(permissions: PermissionsLike | undefined, mediaDevices: MediaDevicesLike | undefined): MicrophoneReadiness {
  // 'granted' only as last reported: false until the Permissions API answers, for 'prompt', 'denied', or a
  // browser that cannot tell (Firefox before 131 does not know the name).
  let granted = false;
  let worked = false;
  permissions
    ?.query({ name: 'microphone' as PermissionName })
    .then((status) => {
      granted = status.state === 'granted';
      status.addEventListener('change', () => {
        granted = status.state === 'granted';
        worked = false;
      });
    })
    .catch(() => undefined);
  // A headset plugged in or out may leave no working microphone, or another one: check again.
  mediaDevices?.addEventListener('devicechange', () => {
    worked = false;
  });

  return {
    async check() {
      // Its own small chunk (with the messages for each failure): not needed to show the sign-in page.
      const { checkMicrophone } = await import('./microphone-check');
      const result = await checkMicrophone(mediaDevices);
      worked = result.ok;
      return result;
    },
    knownWorking: () => granted && worked,
  };
}
