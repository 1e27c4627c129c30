// The far end of each call as real WebRTC in Node (@roamhq/wrtc, whose libwebrtc binary ships inside its
// registry package): one peer connection per call that sends a quiet tone and counts the agent's packets.
// The SDK's own SDPs carry only a dummy 0.0.0.0 candidate, so media works because this side publishes real
// host candidates and learns the browser's address as peer-reflexive, exactly as with the in-page far end.
import wrtc from '@roamhq/wrtc';
import type { WebsocketConnectOptions, WebsocketLeg, WebsocketStats } from '../../src/fake-cloud/far-end-media.ts';
import { FarEndPeers } from '../../src/fake-cloud/far-end-peers.ts';
import { connectWebsocketAudio, type WebsocketAudioLeg } from './websocket-audio.ts';
import type { DegradeCallOptions } from '../../src/fake-cloud/media-degrade.ts';
import { degradedSource } from './frame-impairment.ts';

type NodePeerConnection = InstanceType<typeof wrtc.RTCPeerConnection>;
type NodeAudioSource = InstanceType<typeof wrtc.nonstandard.RTCAudioSource>;
type NodeAudioSink = InstanceType<typeof wrtc.nonstandard.RTCAudioSink>;
type AudioFrame = Parameters<NodeAudioSource['onData']>[0];

interface FarEndPeer {
  connection: NodePeerConnection;
  source: NodeAudioSource;
  /** What the agent sends, once their track arrives. */
  sink?: NodeAudioSink;
  /** Agent-to-agent: the other call whose far end plays what this one receives (no tone then). */
  relayTo?: string;
  /** Audio frames passed on to the other agent. */
  relayedFrames: number;
  stopTrack(): void;
}

const sampleRate = 48_000;
/** libwebrtc takes audio in 10 ms frames. */
const frameMs = 10;
const samplesPerFrame = (sampleRate * frameMs) / 1000;
const toneHz = 440;
const toneAmplitude = 0.05 * 32_767;

/** One 10 ms frame of a continuous 440 Hz tone (48 kHz is a whole number of periods per 100 frames). */
function toneFrame(frameIndex: number): Int16Array {
  const samples = new Int16Array(samplesPerFrame);
  const offset = frameIndex * samplesPerFrame;
  for (let i = 0; i < samplesPerFrame; i += 1) {
    samples[i] = Math.round(toneAmplitude * Math.sin((2 * Math.PI * toneHz * (offset + i)) / sampleRate));
  }
  return samples;
}
const toneFrames = Array.from({ length: 100 }, (_, index) => toneFrame(index));
/** Frames a late timer tick may make up at once (100 ms); beyond that they are skipped. */
const maxCatchUpFrames = 10;

export class WrtcFarEndMedia extends FarEndPeers<FarEndPeer> {
  private readonly finalRelayed = new Map<string, number>();
  /** Calls connected to a websocket (NCCO connect): they outlive a peer replaced by a re-offer. */
  private readonly websockets = new Map<string, WebsocketAudioLeg>();
  private readonly finalWebsocketStats = new Map<string, WebsocketStats>();
  private pump: ReturnType<typeof setInterval> | undefined;
  private frameIndex = 0;

  bridge(callIdA: string, callIdB: string): void {
    const a = this.peers.get(callIdA);
    const b = this.peers.get(callIdB);
    if (!a || !b) return;
    a.relayTo = callIdB;
    b.relayTo = callIdA;
  }

  /** Frames of the agent's audio this call's far end passed on to the other agent (agent-to-agent calls). */
  relayedFrames(callId: string): number {
    return this.peers.get(callId)?.relayedFrames ?? this.finalRelayed.get(callId) ?? 0;
  }

  /**
   * NCCO connect to a websocket: the far end streams what it hears from the agent to the socket and plays
   * what comes back instead of its tone (websocket-audio.ts), until the call ends or the socket closes.
   */
  async connectWebsocket(callId: string, uri: string, options: WebsocketConnectOptions): Promise<WebsocketLeg> {
    this.websockets.get(callId)?.close();
    const leg = await connectWebsocketAudio({
      uri,
      ...options,
      play: (frame) => this.peers.get(callId)?.source.onData(frame),
      onClose: () => {
        this.finalWebsocketStats.set(callId, { framesSent: leg.framesSent(), framesReceived: leg.framesReceived() });
        if (this.websockets.get(callId) === leg) this.websockets.delete(callId);
      },
    });
    this.websockets.set(callId, leg);
    return leg;
  }

  /** The audio this far end sends the agent, degraded or (undefined) restored; see frame-impairment.ts. */
  degrade(callId: string, options: DegradeCallOptions | undefined): boolean {
    const peer = this.peers.get(callId);
    if (peer) peer.source = degradedSource(peer.source, options);
    return peer !== undefined;
  }

  websocketStats(callId: string): WebsocketStats | undefined {
    const leg = this.websockets.get(callId);
    return leg ? { framesSent: leg.framesSent(), framesReceived: leg.framesReceived() } : this.finalWebsocketStats.get(callId);
  }

  protected override callEnded(callId: string): void {
    this.websockets.get(callId)?.close();
  }

  protected stopPeer(callId: string, peer: FarEndPeer): void {
    this.finalRelayed.set(callId, peer.relayedFrames);
    peer.sink?.stop();
    peer.stopTrack();
    if (this.peers.size === 0) this.stopPump();
  }

  /** Closes every peer (the emulator is shutting down). */
  closeAll(): void {
    for (const callId of new Set([...this.peers.keys(), ...this.websockets.keys()])) this.close(callId);
  }

  protected openPeer(callId: string): FarEndPeer {
    const source = new wrtc.nonstandard.RTCAudioSource();
    const track = source.createTrack();
    const connection = new wrtc.RTCPeerConnection({ iceServers: [] });
    // In a stream, as Vonage's media servers send it: the SDK plays only tracks that arrive with a stream.
    connection.addTrack(track, new wrtc.MediaStream([track]));
    const peer: FarEndPeer = { connection, source, relayedFrames: 0, stopTrack: () => track.stop() };
    connection.addEventListener('track', (event: { track: MediaStreamTrack }) => {
      peer.sink?.stop();
      const sink = new wrtc.nonstandard.RTCAudioSink(event.track as never);
      sink.ondata = (frame: AudioFrame) => {
        this.relay(peer, frame);
        this.websockets.get(callId)?.hear(frame);
      };
      peer.sink = sink;
    });
    this.peers.set(callId, peer);
    this.startPump();
    return peer;
  }

  /** One timer feeds every peer's tone, so a floor of calls costs one interval, not one each. */
  private startPump() {
    if (this.pump) return;
    // Node timers fire late under load (10 ms often becomes 15–20 ms on a busy machine), which starved the
    // agent's jitter buffer: a clean call read Poor. Each tick sends every frame the clock says is due.
    const startedAt = performance.now();
    let framesSent = 0;
    this.pump = setInterval(() => {
      const due = Math.floor((performance.now() - startedAt) / frameMs) + 1;
      // After a long stall, skip what cannot be made up rather than flood the encoder.
      framesSent = Math.max(framesSent, due - maxCatchUpFrames);
      for (; framesSent < due; framesSent += 1) this.pumpTone();
    }, frameMs);
  }

  private pumpTone() {
    const samples = toneFrames[this.frameIndex % toneFrames.length];
    this.frameIndex += 1;
    if (!samples) return;
    for (const [callId, { source, relayTo }] of this.peers) {
      if (relayTo !== undefined || this.websockets.has(callId)) continue;
      source.onData({ samples, sampleRate, bitsPerSample: 16, channelCount: 1, numberOfFrames: samplesPerFrame });
    }
  }

  /** Agent-to-agent: what this far end hears, the other far end says. */
  private relay(peer: FarEndPeer, frame: AudioFrame) {
    if (peer.relayTo === undefined) return;
    const other = this.peers.get(peer.relayTo);
    if (!other) return;
    const { samples, sampleRate, bitsPerSample, channelCount, numberOfFrames } = frame;
    other.source.onData({ samples, sampleRate, bitsPerSample, channelCount, numberOfFrames });
    peer.relayedFrames += 1;
  }

  private stopPump() {
    clearInterval(this.pump);
    this.pump = undefined;
  }
}
