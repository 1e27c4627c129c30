// The Phone's audio for one connected call: the real microphone out, the agent's voice in, over a peer
// connection to the emulator (a non-trickle offer: every candidate is in the SDP). Everything is released the
// moment the call is no longer connected: no microphone stays live on a phone that shows no call.
import { gatheringComplete } from '@/fake-cloud/ice-gathering';

interface CallAudio {
  callId: string;
  connection: RTCPeerConnection;
  microphone?: MediaStream;
}

export class PhoneAudio {
  private current: CallAudio | undefined;
  private readonly output = new Audio();
  private readonly sendOffer: (callId: string, sdp: string) => void;
  private readonly onProblem: (message: string | undefined) => void;

  constructor(sendOffer: (callId: string, sdp: string) => void, onProblem: (message: string | undefined) => void) {
    this.sendOffer = sendOffer;
    this.onProblem = onProblem;
    this.output.autoplay = true;
  }

  get callId(): string | undefined {
    return this.current?.callId;
  }

  /** Opens the microphone and offers; without a microphone the phone still hears the agent. */
  async start(callId: string): Promise<void> {
    this.stop();
    const connection = new RTCPeerConnection({ iceServers: [] });
    const call: CallAudio = { callId, connection };
    this.current = call;
    connection.addEventListener('track', (event) => {
      this.output.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void this.output.play().catch(() => undefined);
    });
    try {
      const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
      if (this.current !== call) {
        for (const track of microphone.getTracks()) track.stop();
        return;
      }
      call.microphone = microphone;
      for (const track of microphone.getAudioTracks()) connection.addTrack(track, microphone);
      this.onProblem(undefined);
    } catch (error) {
      if (this.current !== call) return;
      connection.addTransceiver('audio', { direction: 'recvonly' });
      this.onProblem(`The Phone cannot use your microphone (${error instanceof Error ? error.message : String(error)}): the agent will not hear you.`);
    }
    await connection.setLocalDescription(await connection.createOffer());
    await gatheringComplete(connection);
    const sdp = connection.localDescription?.sdp;
    if (this.current === call && sdp) this.sendOffer(callId, sdp);
  }

  async applyAnswer(callId: string, sdp: string): Promise<void> {
    if (this.current?.callId !== callId) return;
    await this.current.connection.setRemoteDescription({ type: 'answer', sdp });
  }

  /** RTP packets received from the emulator during this call (0 without a call). */
  async packetsReceived(): Promise<number> {
    if (!this.current) return 0;
    const report = await this.current.connection.getStats();
    let packets = 0;
    report.forEach((stat: { type?: string; kind?: string; packetsReceived?: number }) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') packets += stat.packetsReceived ?? 0;
    });
    return packets;
  }

  stop(): void {
    const call = this.current;
    this.current = undefined;
    if (!call) return;
    for (const track of call.microphone?.getTracks() ?? []) track.stop();
    call.connection.close();
    this.output.pause();
    this.output.srcObject = null;
  }
}
