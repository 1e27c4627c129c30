// The only module that imports @vonage/client-sdk. It is loaded through load-voice-adapter.ts with a dynamic
// import, so the SDK is its own chunk and, in demo mode, is evaluated only after the MSW worker runs
// (engine.io captures `WebSocket` when the module is evaluated).
import { LoggingLevel, VonageClient } from '@vonage/client-sdk';
import { createCallMediaControls } from './call-media-controls';
import { readConversationDetails } from './conversation-details';
import { createConversationFeed } from './conversation-feed';
import { createMediaReleaser } from './sdk-media-release';
import { watchSdkSocket } from './sdk-socket-watch';
import type { DialTarget, VoiceAdapter, VoiceAdapterOptions } from './voice-adapter';
import { announceVoiceMedia } from './voice-media-port';
import type {
  ChannelType,
  SdkCancelReason,
  SdkHangupReason,
  SdkLegStatus,
  SdkSessionErrorReason,
  VoiceEvent,
} from './voice-event';

type Listener = (event: VoiceEvent) => void;

export function createVonageVoiceAdapter(options: VoiceAdapterOptions): VoiceAdapter {
  const client = new VonageClient({ loggingLevel: LoggingLevel.Warn });
  const { region, apiUrl, websocketUrl, websocketPath } = options.endpoints;
  client.setConfig({
    ...(region ? { region } : {}),
    ...(apiUrl ? { apiUrl } : {}),
    ...(websocketUrl ? { websocketUrl } : {}),
    ...(websocketPath ? { websocketPath } : {}),
    rtcStatsTelemetry: options.rtcStatsTelemetry,
    // Off by default in the browser SDK: a broken audio path would end the call at once instead of being
    // renegotiated (callMediaReconnecting, then callMediaReconnection or, failing that, callMediaDisconnect).
    autoReconnectMedia: true,
  });

  const listeners = new Set<Listener>();
  const emit = (event: VoiceEvent) => {
    for (const listener of listeners) listener(event);
  };

  // Each registration returns a symbol; keeping them is what lets dispose() remove exactly ours.
  const registrations: Array<() => void> = [];
  const on: VonageClient['on'] = (name, callback) => {
    const symbol = client.on(name, callback);
    registrations.push(() => client.off(name, symbol));
    return symbol;
  };

  on('callInvite', (callId, from, channelType) =>
    emit({ type: 'call-invite', callId, from, channelType: channelType as ChannelType }),
  );
  on('callInviteCancel', (callId, reason) =>
    emit({ type: 'call-invite-cancel', callId, reason: reason as SdkCancelReason }),
  );
  on('callHangup', (callId, quality, reason) =>
    emit({ type: 'call-hangup', callId, reason: reason as SdkHangupReason, ...hangupMos(quality) }),
  );
  on('legStatusUpdate', (callId, legId, status) =>
    emit({ type: 'leg-status', callId, legId, status: status as SdkLegStatus }),
  );
  on('mute', (callId, _legId, isMuted) => emit({ type: 'mute', callId, muted: isMuted }));
  on('earmuff', (callId, _legId, earmuffed) => emit({ type: 'earmuff', callId, earmuffed }));
  // The cloud echoes the agent's own keypad tones on the agent's leg (whose id is the call id): not news.
  on('dtmf', (callId, legId, digits) => {
    if (legId !== callId) emit({ type: 'dtmf-received', callId, digits });
  });
  on('callMediaReconnecting', (callId) => emit({ type: 'media-reconnecting', callId }));
  on('callMediaReconnection', (callId) => emit({ type: 'media-reconnected', callId }));
  on('callMediaDisconnect', (callId) => emit({ type: 'media-disconnect', callId }));
  on('sessionError', (reason) => emit({ type: 'session-error', reason: reason as SdkSessionErrorReason }));
  on('reconnecting', () => emit({ type: 'reconnecting' }));
  on('reconnection', () => emit({ type: 'reconnected' }));
  // Call details: the live events of calls' conversations, and what the timeline shows of each call's
  // activity (the SDK reports mute, keys and leg status per call, not as conversation events).
  const conversations = createConversationFeed(async (callId) => (await client.getLeg(callId)).conversationId, Date.now);
  registrations.push(() => conversations.clear());
  on('conversationEvent', (event) => conversations.conversationEvent(event));
  on('mute', (callId, legId, muted) => conversations.callActivity(callId, { kind: 'mute', muted, own: legId === callId }));
  on('earmuff', (callId, legId, earmuffed) => conversations.callActivity(callId, { kind: 'earmuff', earmuffed, own: legId === callId }));
  on('dtmf', (callId, legId, digits) => conversations.callActivity(callId, { kind: 'dtmf', digits, own: legId === callId }));
  on('legStatusUpdate', (callId, legId, status) => conversations.callActivity(callId, { kind: 'leg-status', status, own: legId === callId }));
  on('callHangup', (callId, _quality, reason) => conversations.callActivity(callId, { kind: 'hangup', reason }));
  const mediaReleaser = createMediaReleaser(client);
  if (!mediaReleaser) console.warn('The voice SDK media client could not be found: ended calls rely on the SDK to release the microphone.');
  // Audio devices and call quality: the chosen speaker and microphone, and per-call stats (call-media-controls.ts).
  const callMedia = createCallMediaControls(client);
  // The calls this adapter has seen, for the microphone switch: it reaches each call's peer connection
  // through the SDK's public getPeerConnection, which looks a call up by id but cannot list the calls.
  const knownCallIds = new Set<string>();
  on('callInvite', (callId) => knownCallIds.add(callId));
  on('callInviteCancel', (callId) => knownCallIds.delete(callId));
  on('callHangup', (callId) => knownCallIds.delete(callId));
  if (callMedia) registrations.push(() => callMedia.dispose());
  registrations.push(watchSdkSocket(() => emit({ type: 'connection-interrupted' })));

  // Two concurrent createSession calls leak a socket (PROTOCOL.md 17.1): serialise them.
  let sessionQueue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = sessionQueue.then(work, work);
    sessionQueue = next.catch(() => undefined);
    return next;
  };

  const adapter: VoiceAdapter = {
    createSession: (token, resumeSessionId) =>
      serialised(() => (resumeSessionId === undefined ? client.createSession(token) : client.createSession(token, resumeSessionId))),
    reconnectCall: async (callId) => {
      knownCallIds.add(callId);
      await client.reconnectCall(callId);
    },
    deleteSession: () =>
      serialised(async () => {
        try {
          await client.deleteSession();
        } finally {
          // Signed out: no call may keep a microphone, whatever state the SDK left it in.
          mediaReleaser?.releaseAll();
        }
      }),
    refreshSession: async (token) => void (await client.refreshSession(token)),
    answer: async (callId) => {
      // Phase marks for `npm run bench` (scripts/bench/): the SDK's own answer() time, which the bench
      // subtracts from click → Active call to get the app's overhead. No effect on behaviour.
      performance.mark('softphone:sdk-answer-start');
      try {
        await client.answer(callId);
      } finally {
        performance.mark('softphone:sdk-answer-end');
      }
    },
    reject: async (callId) => void (await client.reject(callId)),
    hangup: async (callId) => void (await client.hangup(callId)),
    async dial(target: DialTarget) {
      // A dial that fails after the SDK opened its media (signed out, media timeout) leaves that media with
      // no call id the app ever learns: release whatever the SDK registered during this dial.
      const registered = mediaReleaser?.watchRegistrations();
      try {
        const callId = await client.serverCall(serverCallContext(target));
        knownCallIds.add(callId);
        // A microphone chosen while the dial was on its way did not reach this call (its id was unknown then).
        void callMedia?.followMicrophone(callId).catch((error: unknown) => console.warn('The chosen microphone could not be applied to the new call', error));
        return callId;
      } catch (error) {
        for (const callId of registered?.ids() ?? []) mediaReleaser?.release(callId);
        throw error;
      } finally {
        registered?.stop();
      }
    },
    setMuted: async (callId, muted) => void (await (muted ? client.mute(callId) : client.unmute(callId))),
    setEarmuffed: async (callId, earmuffed) => void (await (earmuffed ? client.enableEarmuff(callId) : client.disableEarmuff(callId))),
    sendDtmf: async (callId, digits) => void (await client.sendDTMF(callId, digits)),
    mediaReport: async (callId) => {
      // The SDK plays each call's far end through a detached autoplaying <audio> element of its own: this call's
      // is the one playing its peer connection's tracks (a held call's is not the SDK's newest).
      const peerConnection = client.getPeerConnection(callId);
      const received = peerConnection?.getReceivers().flatMap((receiver) => (receiver.track ? [receiver.track] : [])) ?? [];
      const output = callMedia?.outputFor(received) ?? client.getAudioOutputElement();
      const audioPlaying = output !== undefined && !output.paused && output.srcObject !== null;
      const outputDeviceId = callMedia?.outputDeviceId();
      const microphone = adapter.localAudioTrack(callId)?.label;
      if (!peerConnection) return { packetsReceived: 0, audioPlaying, outputDeviceId, microphone };
      let packetsReceived = 0;
      (await peerConnection.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') packetsReceived += report.packetsReceived ?? 0;
      });
      return { packetsReceived, audioPlaying, outputDeviceId, microphone };
    },
    setOutputDevice: async (deviceId) => callMedia?.setOutputDevice(deviceId) ?? { ok: false, reason: 'unsupported' },
    setInputDevice: async (deviceId) => callMedia?.setInputDevice(deviceId, knownCallIds),
    callStats: async (callId) => callMedia?.callStats(callId),
    localAudioTrack: (callId) => {
      const peerConnection: RTCPeerConnection | null | undefined = client.getPeerConnection(callId);
      return peerConnection?.getSenders().find((sender) => sender.track?.kind === 'audio')?.track ?? undefined;
    },
    releaseMedia: (callId) => {
      knownCallIds.delete(callId);
      mediaReleaser?.release(callId);
    },
    conversationDetails: async (ref) =>
      readConversationDetails(client, 'conversationId' in ref ? ref.conversationId : await conversations.conversationOf(ref.callId), Date.now()),
    subscribeConversationEvents: (listener) => conversations.subscribe(listener),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      for (const unregister of registrations.splice(0)) unregister();
      listeners.clear();
    },
  };
  // The audio-device and call-quality stores reach the adapter's media through this (voice-media-port.ts).
  registrations.push(announceVoiceMedia(adapter));
  return adapter;
}

/** The cloud's MOS from callHangup's quality (SDK RTCQuality), when it is a real score. */
function hangupMos(quality: unknown): { mos?: number } {
  const mos = (quality as { mos_score?: unknown } | null | undefined)?.mos_score;
  return typeof mos === 'number' && mos >= 1 && mos <= 5 ? { mos } : {};
}

/** The call context the backend's answer URL reads (`custom_data`): whom to connect the call to. */
function serverCallContext(target: DialTarget): Record<string, string> {
  switch (target.kind) {
    case 'phone':
      return { to: target.e164, type: 'phone' };
    case 'agent':
      return { to: target.userName, type: 'app' };
    case 'sound-check':
      return { type: 'sound-check' };
  }
}
