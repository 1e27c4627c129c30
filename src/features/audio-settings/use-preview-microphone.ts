import { useEffect, useRef } from 'react';

/**
 * Outside a call the dialog's meter needs a microphone of its own: opened on the chosen device while the
 * dialog is open (`deviceId` defined; '' = the default) and stopped when it closes or the choice changes.
 * Returns a getter for the level meter, which asks each frame until the track exists.
 */
export function usePreviewMicrophone(deviceId: string | undefined): () => MediaStreamTrack | undefined {
  const track = useRef<MediaStreamTrack | undefined>(undefined);
  useEffect(() => {
    if (deviceId === undefined) return;
    let opened: MediaStreamTrack | undefined;
    let cancelled = false;
    void navigator.mediaDevices
      ?.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true })
      .then((stream) => {
        [opened] = stream.getAudioTracks();
        if (cancelled) opened?.stop();
        else track.current = opened;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      opened?.stop();
      track.current = undefined;
    };
  }, [deviceId]);
  return () => track.current;
}
