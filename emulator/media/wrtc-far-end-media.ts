// The far end of each call as real WebRTC in Node (@roamhq/wrtc, whose libwebrtc binary ships inside its
// registry package): one peer connection per call that sends a quiet tone and counts the agent's packets.
// The SDK's own SDPs carry only a dummy 0.0.0.0 candidate, so media works because this side publishes real
// host candidates and learns the browser's address as peer-reflexive, exactly as with the in-page far end.
import wrtc from '@roamhq/wrtc';
import type { FarEndMedia } from '../../src/fake-cloud/far-end-media.ts';

type NodePeerConnection = InstanceType<typeof wrtc.RTCPeerConnection>;
type NodeAudioSource = InstanceType<typeof wrtc.nonstandard.RTCAudioSource>;

interface FarEndPeer {
  connection: NodePeerConnection;
  source: NodeAudioSource;
  stopTrack(): void;
}

const iceGatheringLimitMs = 5000;
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

function gatheringComplete(connection: NodePeerConnection): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, iceGatheringLimitMs);
    connection.addEventListener('icegatheringstatechange', () => {
      if (connection.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

async function inboundPacketCount(connection: NodePeerConnection): Promise<number> {
  const report = await connection.getStats();
  let packets = 0;
  report.forEach((stat: { type?: string; kind?: string; mediaType?: string; packetsReceived?: number }) => {
    if (stat.type === 'inbound-rtp' && (stat.kind ?? stat.mediaType) === 'audio') packets += stat.packetsReceived ?? 0;
  });
  return packets;
}

export class WrtcFarEndMedia implements FarEndMedia {
  private readonly peers = new Map<string, FarEndPeer>();
  /** Packet counts of closed peers, so stats stay readable after a call ends. */
  private readonly finalCounts = new Map<string, number>();
  private pump: ReturnType<typeof setInterval> | undefined;
  private frameIndex = 0;

  async createOffer(callId: string): Promise<string> {
    const { connection } = this.openPeer(callId);
    await connection.setLocalDescription(await connection.createOffer());
    await gatheringComplete(connection);
    return this.localSdp(connection);
  }

  async applyAnswer(callId: string, sdp: string): Promise<void> {
    const peer = this.peers.get(callId);
    if (!peer) throw new Error(`No far-end peer for call ${callId}`);
    await peer.connection.setRemoteDescription({ type: 'answer', sdp });
  }

  async answerOffer(callId: string, sdp: string): Promise<string> {
    this.close(callId);
    const { connection } = this.openPeer(callId);
    await connection.setRemoteDescription({ type: 'offer', sdp });
    await connection.setLocalDescription(await connection.createAnswer());
    await gatheringComplete(connection);
    return this.localSdp(connection);
  }

  async packetsReceived(callId: string): Promise<number> {
    const peer = this.peers.get(callId);
    if (!peer) return this.finalCounts.get(callId) ?? 0;
    const packets = await inboundPacketCount(peer.connection);
    this.finalCounts.set(callId, packets);
    return packets;
  }

  close(callId: string): void {
    const peer = this.peers.get(callId);
    if (!peer) return;
    this.peers.delete(callId);
    peer.stopTrack();
    if (this.peers.size === 0) this.stopPump();
    void inboundPacketCount(peer.connection)
      .then((packets) => this.finalCounts.set(callId, packets))
      .catch(() => undefined)
      .finally(() => peer.connection.close());
  }

  /** Closes every peer (the emulator is shutting down). */
  closeAll(): void {
    for (const callId of [...this.peers.keys()]) this.close(callId);
  }

  get openPeerCount(): number {
    return this.peers.size;
  }

  private openPeer(callId: string): FarEndPeer {
    const source = new wrtc.nonstandard.RTCAudioSource();
    const track = source.createTrack();
    const connection = new wrtc.RTCPeerConnection({ iceServers: [] });
    // In a stream, as Vonage's media servers send it: the SDK plays only tracks that arrive with a stream.
    connection.addTrack(track, new wrtc.MediaStream([track]));
    const peer: FarEndPeer = { connection, source, stopTrack: () => track.stop() };
    this.peers.set(callId, peer);
    this.startPump();
    return peer;
  }

  /** One timer feeds every peer's tone, so a floor of calls costs one interval, not one each. */
  private startPump() {
    this.pump ??= setInterval(() => {
      const samples = toneFrames[this.frameIndex % toneFrames.length];
      this.frameIndex += 1;
      if (!samples) return;
      for (const { source } of this.peers.values()) {
        source.onData({ samples, sampleRate, bitsPerSample: 16, channelCount: 1, numberOfFrames: samplesPerFrame });
      }
    }, frameMs);
  }

  private stopPump() {
    clearInterval(this.pump);
    this.pump = undefined;
  }

  private localSdp(connection: NodePeerConnection): string {
    const sdp = connection.localDescription?.sdp;
    if (!sdp) throw new Error('Far-end peer has no local description');
    return sdp;
  }
}
