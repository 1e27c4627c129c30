import type { DegradeCallOptions } from './media-degrade.ts';

/**
 * The far end of each call's audio (the caller or callee the agent talks to). The cloud logic depends on
 * this interface only, so unit tests swap in a scripted fake and WebRTC stays in the browser.
 */
export interface FarEndMedia {
  /** Inbound: a new far-end peer offers; the returned SDP has fully gathered ICE candidates. */
  createOffer(callId: string): Promise<string>;
  /** Inbound: applies the SDK's answer to the peer that made the offer. */
  applyAnswer(callId: string, sdp: string): Promise<void>;
  /** Outbound and re-offers: a new far-end peer (replacing any old one) answers the SDK's offer. */
  answerOffer(callId: string, sdp: string): Promise<string>;
  /** RTP packets the far end has received from the agent (0 when the call has no peer). */
  packetsReceived(callId: string): Promise<number>;
  close(callId: string): void;
  /**
   * The audio path breaks without a goodbye (no DTLS close): the peer stops answering, so the agent's
   * browser sees its connection go `disconnected`, as after a network change. Closing would say goodbye.
   */
  sever(callId: string): void;
  /**
   * Joins two calls' far ends so each agent hears the other (agent-to-agent calls): what one far end
   * receives, the other sends. Hosts that cannot (the in-page cloud serves one agent) leave it out.
   */
  bridge?(callIdA: string, callIdB: string): void;
  /** Audio frames of this call's agent that its far end passed on to the other agent. */
  relayedFrames?(callId: string): number;
  /**
   * NCCO `connect` to a websocket endpoint: the call's far end streams what it hears from the agent to
   * `uri` and plays what the socket sends back, in Vonage's websocket format (a first text message, then
   * linear 16-bit PCM frames). Hosts without Node sockets leave it out.
   */
  connectWebsocket?(callId: string, uri: string, options: WebsocketConnectOptions): Promise<WebsocketLeg>;
  /** Frames exchanged with the call's websocket, if it has (or had) one. */
  websocketStats?(callId: string): WebsocketStats | undefined;
  /**
   * Degrades the audio this call's far end sends the agent (loss, jitter), or restores it (undefined); false
   * when the call has no peer. Hosts that cannot (the in-page cloud) leave it out.
   */
  degrade?(callId: string, options: DegradeCallOptions | undefined): boolean;
}

export interface WebsocketConnectOptions {
  /** `audio/l16;rate=16000` (or `rate=8000`), as in the NCCO endpoint. */
  contentType: string;
  /** The endpoint's `headers`, sent in the first text message. */
  headers: Record<string, unknown>;
}

/** A call's far end connected to a websocket endpoint. */
export interface WebsocketLeg {
  close(): void;
  /** Binary audio frames sent to the socket. */
  framesSent(): number;
  /** Binary audio frames received from the socket. */
  framesReceived(): number;
}

export interface WebsocketStats {
  framesSent: number;
  framesReceived: number;
}
