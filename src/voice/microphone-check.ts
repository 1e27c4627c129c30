// Asked before answering or dialing: the SDK reports a blocked microphone only as "Inbound call failed" or
// "Unexpected Null Value", after which the call is gone. Checking first keeps the call and says what to do.

export type MicrophoneCheck = { ok: true } | { ok: false; message: string };

export function describeMicrophoneError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Your microphone is blocked for this site. Allow it in the browser’s address bar (the camera/microphone icon), then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect a headset or microphone, then try again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'Your microphone could not be started; another application may be using it. Close it, then try again.';
    default:
      return 'Your microphone could not be used. Check your headset and the browser’s microphone permission, then try again.';
  }
}

export async function checkMicrophone(
  mediaDevices: Pick<MediaDevices, 'getUserMedia'> | undefined = navigator.mediaDevices,
): Promise<MicrophoneCheck> {
  if (!mediaDevices?.getUserMedia) {
    return { ok: false, message: 'This browser cannot use a microphone on this page. Open the softphone over HTTPS in a current browser.' };
  }
  try {
    const stream = await mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeMicrophoneError(error) };
  }
}
