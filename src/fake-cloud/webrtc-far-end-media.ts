// The far end as real in-page WebRTC: one RTCPeerConnection per call that sends a quiet tone and counts the
// agent's packets. The SDK's own SDPs carry only a dummy 0.0.0.0 candidate, so media works because this side
// publishes real host candidates and learns the SDK's address as peer-reflexive.
import { FarEndPeers } from './far-end-peers.ts';

interface FarEndPeer {
  connection: RTCPeerConnection;
  oscillator: OscillatorNode;
}

const toneHz = 440;
const toneGain = 0.05;

export class WebRtcFarEndMedia extends FarEndPeers<FarEndPeer> {
  private audioContext: AudioContext | undefined;

  protected openPeer(callId: string): FarEndPeer {
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

  protected stopPeer(_callId: string, peer: FarEndPeer): void {
    peer.oscillator.stop();
  }

  private context(): AudioContext {
    this.audioContext ??= new AudioContext();
    // Without a user gesture the context may start suspended; RTP still flows, resuming makes it audible.
    if (this.audioContext.state === 'suspended') void this.audioContext.resume().catch(() => undefined);
    return this.audioContext;
  }
}
