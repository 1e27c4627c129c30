// The adapter's device and stats controls over the SDK's media client: the chosen speaker on every audio
// element the SDK makes, the chosen microphone for calls in progress and calls to come, and per-call stats.
import { createAudioOutputRouter, type OutputRouting } from './audio-output';
import { readCallStats, type CallStatsSample } from './call-stats';
import { constrainSdkMicrophone, switchMicrophone } from './input-device';
import { sdkAudioOutputs } from './sdk-audio-outputs';
import { findSdkObject, hasMethods } from './sdk-internals';

/**
 * The SDK's own JS MediaClient (2.3.1): one peer connection per call id, one current audio output. Private:
 * used for the audio output elements (the public getAudioOutputElement gives only the newest, and none of
 * the earlier ones a held call still plays on), and, as a fallback only, to list the calls that have media.
 */
interface SdkMediaClient {
  pcs: Map<string, RTCPeerConnection>;
  audio?: HTMLAudioElement;
  getPeerConnection(callId: string): RTCPeerConnection | undefined;
}

const isSdkMediaClient = (value: object): value is SdkMediaClient =>
  hasMethods(value, 'getPeerConnection', 'getAudioOutputElement') && (value as { pcs?: unknown }).pcs instanceof Map;

/**
 * VonageClient.getPeerConnection(callId) (public in 2.3.1, marked experimental): the call's RTCPeerConnection
 * from the moment the SDK sets up its media (an answered invite from answer(), a call out once the cloud
 * gave its leg id, a reconnected call) until the call's media is torn down (hang-up, reject, sign-out), then
 * undefined. It looks a call up by id; it cannot list the calls.
 */
interface PublicPeerConnections {
  getPeerConnection(callId: string): RTCPeerConnection | null | undefined;
}

const hasPublicPeerConnections = (value: object): value is PublicPeerConnections => hasMethods(value, 'getPeerConnection');

export interface CallMediaControls {
  setOutputDevice(deviceId: string): Promise<OutputRouting>;
  /**
   * Sends `deviceId` from now on: on the calls in `callIds` (looked up through the SDK's public
   * getPeerConnection) and on every call to come. Without `callIds`, every call the SDK holds media for.
   */
  setInputDevice(deviceId: string, callIds?: Iterable<string>): Promise<void>;
  /**
   * For a call whose id just became known (a dial): if its microphone is not the one chosen (the choice was made
   * while the dial was on its way, after the SDK had opened the old one), switch it now.
   */
  followMicrophone(callId: string): Promise<void>;
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
  // The public lookup; the media client's own method of the same name (what the public one calls) if a
  // client object without it is passed.
  const lookup: PublicPeerConnections = hasPublicPeerConnections(client) ? client : media;
  const peerConnectionOf = (callId: string) => lookup.getPeerConnection(callId) ?? undefined;
  const peerConnectionsOf = (callIds: Iterable<string>) => [
    ...new Set([...callIds].flatMap((callId) => peerConnectionOf(callId) ?? [])),
  ];
  let microphone = '';
  const undoConstraint = constrainSdkMicrophone(mediaDevices, () => microphone);
  return {
    setOutputDevice: (deviceId) => output.setDevice(deviceId),
    async setInputDevice(deviceId, callIds) {
      const before = microphone;
      microphone = deviceId;
      try {
        // getPeerConnection answers per call id but cannot list calls: with no ids from the caller, the
        // SDK's private map is the only list of the calls that have media.
        await switchMicrophone(mediaDevices, callIds === undefined ? media.pcs.values() : peerConnectionsOf(callIds), deviceId);
      } catch (error) {
        microphone = before;
        throw error;
      }
    },
    async followMicrophone(callId) {
      const connection = peerConnectionOf(callId);
      if (!connection || microphone === '') return;
      const track = connection.getSenders().find((sender) => sender.track?.kind === 'audio')?.track;
      if (!track || track.getSettings?.().deviceId === microphone) return;
      await switchMicrophone(mediaDevices, [connection], microphone);
    },
    async callStats(callId) {
      const connection = peerConnectionOf(callId);
      return connection ? readCallStats(connection) : undefined;
    },
    outputDeviceId: () => output.currentSinkId(),
    outputFor: (tracks) => sdkAudioOutputs(media).elementFor(tracks),
    dispose: undoConstraint,
  };
}
