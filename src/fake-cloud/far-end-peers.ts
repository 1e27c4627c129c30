// What every WebRTC far end does with its peer connections, whichever WebRTC it runs on (the browser's in
// the in-page cloud, libwebrtc in Node for the emulator): offer or answer with every candidate gathered,
// count the agent's packets, close. Subclasses make the peer and its sound.
import type { FarEndMedia } from './far-end-media.ts';
import { gatheringComplete } from './ice-gathering.ts';

type SessionDescription = { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string };

/** The part of RTCPeerConnection used here; the browser's and @roamhq/wrtc's both have it. */
export interface FarEndConnection {
  readonly iceGatheringState: string;
  readonly localDescription: { sdp: string } | null;
  createOffer(): Promise<SessionDescription>;
  createAnswer(): Promise<SessionDescription>;
  setLocalDescription(description: SessionDescription): Promise<void>;
  setRemoteDescription(description: { type: 'offer' | 'answer'; sdp: string }): Promise<void>;
  getStats(): Promise<{ forEach(callback: (stat: { type?: string; kind?: string; mediaType?: string; packetsReceived?: number }) => void): void }>;
  addEventListener(type: 'icegatheringstatechange', listener: () => void): void;
  removeEventListener(type: 'icegatheringstatechange', listener: () => void): void;
  close(): void;
}

async function inboundPacketCount(connection: FarEndConnection): Promise<number> {
  const report = await connection.getStats();
  let packets = 0;
  report.forEach((stat) => {
    if (stat.type === 'inbound-rtp' && (stat.kind ?? stat.mediaType) === 'audio') packets += stat.packetsReceived ?? 0;
  });
  return packets;
}

export abstract class FarEndPeers<Peer extends { connection: FarEndConnection }> implements FarEndMedia {
  protected readonly peers = new Map<string, Peer>();
  /** Packet counts of closed peers, so stats stay readable after a call ends. */
  private readonly finalCounts = new Map<string, number>();

  /** A new peer for the call, already sending its sound, registered in `peers`. */
  protected abstract openPeer(callId: string): Peer;
  /** Stops the peer's sound; the connection itself is closed here once its last stats are read. */
  protected abstract stopPeer(callId: string, peer: Peer): void;

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
    this.closePeer(callId);
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

  /** Peers open now: one per call whose media has not been closed. */
  openPeerCount(): number {
    return this.peers.size;
  }

  sever(callId: string): void {
    this.closePeer(callId);
  }

  close(callId: string): void {
    this.closePeer(callId);
    this.callEnded(callId);
  }

  /**
   * The call is over, not just its peer replaced (a re-offer, a severed path): subclasses release what
   * outlives one peer, such as a websocket the call is connected to.
   */
  protected callEnded(callId: string): void {
    void callId;
  }

  protected closePeer(callId: string): void {
    const peer = this.peers.get(callId);
    if (!peer) return;
    this.peers.delete(callId);
    this.stopPeer(callId, peer);
    // Read the last count before closing: getStats on a closed connection has no inbound-rtp.
    void inboundPacketCount(peer.connection)
      .then((packets) => this.finalCounts.set(callId, packets))
      .catch(() => undefined)
      .finally(() => peer.connection.close());
  }

  private localSdp(connection: FarEndConnection): string {
    const sdp = connection.localDescription?.sdp;
    if (!sdp) throw new Error('Far-end peer has no local description');
    return sdp;
  }
}
