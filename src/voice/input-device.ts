// The chosen microphone, for calls in progress and for calls to come.
//
// New calls: SDK 2.3.1 opens the microphone with a hard-coded getUserMedia({ video: false, audio: true }) just
// before it creates each peer connection (new calls, reloads, media repairs). The adapter wraps
// getUserMedia so that exactly that request asks for the chosen device. Chosen over replacing the track right
// after the SDK registers its peer connection because the microphone is opened once, on the right device,
// before the offer is made: no default microphone briefly live, no second permission prompt. The device is
// asked for as `exact` (Chromium does not honour an `ideal` deviceId when it picks the device itself, as with
// --use-fake-ui-for-media-stream), and a device that is gone falls back to the SDK's own request: the call
// gets the default microphone, never a failure.
//
// Calls in progress: the sender's track is replaced (RTCRtpSender.replaceTrack: no renegotiation, the far end
// hears no gap beyond a frame or two) and the old track stopped, so no microphone is left open.

/** Makes the SDK's plain `{ audio: true }` request ask for the chosen device. Returns the undo function. */
export function constrainSdkMicrophone(mediaDevices: MediaDevices, chosenDeviceId: () => string | undefined): () => void {
  const original = mediaDevices.getUserMedia;
  const wrapped: MediaDevices['getUserMedia'] = async function getUserMedia(this: MediaDevices, constraints?: MediaStreamConstraints) {
    const deviceId = chosenDeviceId();
    if (constraints?.audio === true && deviceId) {
      try {
        return await original.call(this, { ...constraints, audio: { deviceId: { exact: deviceId } } });
      } catch (error) {
        if (!isDeviceMissing(error)) throw error;
      }
    }
    return original.call(this, constraints);
  };
  mediaDevices.getUserMedia = wrapped;
  return () => {
    if (mediaDevices.getUserMedia === wrapped) mediaDevices.getUserMedia = original;
  };
}

/** The chosen device is not there (unplugged, or its id changed): the default will do. */
function isDeviceMissing(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'OverconstrainedError' || name === 'NotFoundError';
}

/** Why switching failed, in a sentence for the agent. */
export class MicrophoneSwitchError extends Error {}

/**
 * Sends audio from `deviceId` ('' = the default) on each peer connection's audio sender. The mute state
 * carries over (the SDK mutes by disabling the sender's track). Each connection gets its own track, because
 * the SDK stops a call's sender track when that call ends.
 */
export async function switchMicrophone(mediaDevices: MediaDevices, peerConnections: Iterable<RTCPeerConnection>, deviceId: string): Promise<void> {
  const senders = [...peerConnections]
    .filter((connection) => connection.connectionState !== 'closed')
    .flatMap((connection) => connection.getSenders().filter((sender) => sender.track?.kind === 'audio'));
  if (senders.length === 0) return;
  let stream: MediaStream;
  try {
    stream = await mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
  } catch {
    throw new MicrophoneSwitchError('That microphone could not be opened: the call keeps the one it had.');
  }
  const [first] = stream.getAudioTracks();
  if (!first) throw new MicrophoneSwitchError('That microphone gave no audio: the call keeps the one it had.');
  await Promise.all(
    senders.map(async (sender, index) => {
      const track = index === 0 ? first : first.clone();
      const old = sender.track;
      track.enabled = old?.enabled ?? true;
      try {
        await sender.replaceTrack(track);
      } catch {
        track.stop();
        return;
      }
      old?.stop();
    }),
  );
}
