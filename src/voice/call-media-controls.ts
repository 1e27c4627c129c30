// The adapter's device and stats controls over the SDK's media client: the chosen speaker on every audio
// element the SDK makes, the chosen microphone for calls in progress and calls to come, and per-call stats.
import { createAudioOutputRouter, type OutputRouting } from './audio-output';
import { readCallStats, type CallStatsSample } from './call-stats';
import { constrainSdkMicrophone, switchMicrophone } from './input-device';
import { sdkAudioOutputs } from './sdk-audio-outputs';
import { findSdkObject, hasMethods } from './sdk-internals';

/** The SDK's own JS MediaClient (2.3.1): one peer connection per call id, one current audio output. */
interface SdkMediaClient {
  pcs: Map<string, RTCPeerConnection>;
  audio?: HTMLAudioElement;
}

const isSdkMediaClient = (value: object): value is SdkMediaClient =>
  hasMethods(value, 'getPeerConnection', 'getAudioOutputElement') && (value as { pcs?: unknown }).pcs instanceof Map;

export interface CallMediaControls {
  setOutputDevice(deviceId: string): Promise<OutputRouting>;
  setInputDevice(deviceId: string): Promise<void>;
  callStats(callId: string): Promise<CallStatsSample | undefined>;
  /** The device the SDK's current audio output plays on ('' = default). */
  outputDeviceId(): string | undefined;
  /** The SDK's output element playing one of `tracks` (a call's far end), if any. */
  outputFor(tracks: readonly MediaStreamTrack[]): HTMLAudioElement | undefined;
  dispose(): void;
}

export function createCallMediaControls(client: object): CallMediaControls | undefined {
  const media = findSdkObject(client, isSdkMediaClient);
  if (!media || typeof navigator === 'undefined' || !navigator.mediaDevices) return undefined;
  const mediaDevices = navigator.mediaDevices;
  const output = createAudioOutputRouter(media);
  let microphone = '';
  const undoConstraint = constrainSdkMicrophone(mediaDevices, () => microphone);
  return {
    setOutputDevice: (deviceId) => output.setDevice(deviceId),
    async setInputDevice(deviceId) {
      const before = microphone;
      microphone = deviceId;
      try {
        await switchMicrophone(mediaDevices, media.pcs.values(), deviceId);
      } catch (error) {
        microphone = before;
        throw error;
      }
    },
    async callStats(callId) {
      const connection = media.pcs.get(callId);
      return connection ? readCallStats(connection) : undefined;
    },
    outputDeviceId: () => output.currentSinkId(),
    outputFor: (tracks) => sdkAudioOutputs(media).elementFor(tracks),
    dispose: undoConstraint,
  };
}
