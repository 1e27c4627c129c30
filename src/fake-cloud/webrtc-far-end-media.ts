// The far end as real in-page WebRTC: one RTCPeerConnection per call that sends a quiet tone and counts the
// agent's packets. The SDK's own SDPs carry only a dummy 0.0.0.0 candidate, so media works because this side
// publishes real host candidates and learns the SDK's address as peer-reflexive.
import type { FarEndMedia } from './far-end-media.ts';

interface FarEndPeer {
  connection: RTCPeerConnection;
  oscillator: OscillatorNode;
}

const iceGatheringLimitMs = 5000;
const toneHz = 440;
const toneGain = 0.05;

function gatheringComplete(connection: RTCPeerConnection): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    };
    const onChange = () => {
      if (connection.iceGatheringState === 'complete') done();
    };
    // Non-trickle signalling needs every candidate in the SDP; a stuck gatherer still yields its host ones.
    const timer = setTimeout(done, iceGatheringLimitMs);
    connection.addEventListener('icegatheringstatechange', onChange);
  });
}

async function inboundPacketCount(connection: RTCPeerConnection): Promise<number> {
  const report = await connection.getStats();
  let packets = 0;
  report.forEach((stat: { type?: string; kind?: string; packetsReceived?: number }) => {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') packets += stat.packetsReceived ?? 0;
  });
  return packets;
}

export class WebRtcFarEndMedia implements FarEndMedia {
  private audioContext: AudioContext | undefined;
  private readonly peers = new Map<string, FarEndPeer>();
  /** Packet counts of closed peers, so stats stay readable after a call ends. */
  private readonly finalCounts = new Map<string, number>();

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
    peer.oscillator.stop();
    // Read the last count before closing: getStats on a closed connection has no inbound-rtp.
    void inboundPacketCount(peer.connection)
      .then((packets) => this.finalCounts.set(callId, packets))
      .catch(() => undefined)
      .finally(() => peer.connection.close());
  }

  private openPeer(callId: string): FarEndPeer {
    const context = this.context();
    const oscillator = context.createOscillator();
    oscillator.frequency.value = toneHz;
    const gain = context.createGain();
    gain.gain.value = toneGain;
    const destination = context.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();

    const connection = new RTCPeerConnection({ iceServers: [] });
    for (const track of destination.stream.getAudioTracks()) connection.addTrack(track, destination.stream);
    const peer = { connection, oscillator };
    this.peers.set(callId, peer);
    return peer;
  }

  private context(): AudioContext {
    this.audioContext ??= new AudioContext();
    // Without a user gesture the context may start suspended; RTP still flows, resuming makes it audible.
    if (this.audioContext.state === 'suspended') void this.audioContext.resume().catch(() => undefined);
    return this.audioContext;
  }

  private localSdp(connection: RTCPeerConnection): string {
    const sdp = connection.localDescription?.sdp;
    if (!sdp) throw new Error('Far-end peer has no local description');
    return sdp;
  }
}
