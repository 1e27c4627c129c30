// Everything the call flows share. Built once by createFakeCloud; unit tests build one with fake media.
import type { CallTimers } from './call-timers.ts';
import type { IdFactory } from './cloud-ids.ts';
import type { CloudState } from './cloud-state.ts';
import type { CalleeOptions } from './control-api.ts';
import type { FarEndMedia } from './far-end-media.ts';
import type { ContactCenterCalls } from './ncco/contact-center-calls.ts';
import type { PhoneLines } from './phone-lines.ts';
import type { SocketHub } from './socket-hub.ts';

export interface CloudTiming {
  /** Vonage gives up on an unanswered invite; the SDK then reports callInviteCancel RemoteTimeout. */
  inviteRingTimeoutMs: number;
  /** Small gaps so a pushed event lands after the HTTP reply the SDK is still processing. */
  pushDelayMs: number;
  /** If the SDK never knocks, member:joined still has to arrive within 10 s of the /legs reply. */
  outboundJoinFallbackMs: number;
  /** From member:joined to the callee's leg ringing. */
  calleeRingDelayMs: number;
  defaultAnswerAfterMs: number;
  defaultBusyAfterMs: number;
  defaultNoAnswerAfterMs: number;
  /** A Phone page an agent calls rings this long unanswered (the use case's NCCO: connect timeout 20). */
  phoneRingTimeoutMs: number;
  /**
   * A connected call whose agent has no socket open and sends no audio for this long is ended by the cloud
   * (the page that held it closed). A reload takes a call back well within it.
   */
  orphanedLegTimeoutMs: number;
  /** How often connected calls are checked for that. */
  orphanCheckMs: number;
  /** NCCO `talk`: about 150 words a minute, never shorter than the minimum (a short word still takes a moment). */
  speechWordsPerMinute: number;
  speechMinimumMs: number;
  /** NCCO `stream`: the emulator never fetches the audio, so each play of a stream is a tone this long. */
  streamPlayMs: number;
  /** Speeds prompts up (2 = twice as fast): `talk` and `stream` last 1/speechRate as long. e2e uses it. */
  speechRate: number;
}

export const defaultTiming: CloudTiming = {
  inviteRingTimeoutMs: 45_000,
  pushDelayMs: 50,
  outboundJoinFallbackMs: 2_000,
  calleeRingDelayMs: 200,
  defaultAnswerAfterMs: 1_500,
  defaultBusyAfterMs: 1_500,
  defaultNoAnswerAfterMs: 8_000,
  phoneRingTimeoutMs: 20_000,
  orphanedLegTimeoutMs: 30_000,
  orphanCheckMs: 5_000,
  speechWordsPerMinute: 150,
  speechMinimumMs: 800,
  streamPlayMs: 3_000,
  speechRate: 1,
};

export interface CloudContext {
  state: CloudState;
  ids: IdFactory;
  hub: SocketHub;
  media: FarEndMedia;
  timers: CallTimers;
  timing: CloudTiming;
  /** How the next outbound callee behaves; kept until changed. */
  callee: CalleeOptions;
  /** Simulated PSTN phones (Phone pages); absent in unit tests that do not need them. */
  phones?: PhoneLines;
  /** The contact center's number and NCCOs: only where a host serves its backend (the emulator). */
  contactCenter?: ContactCenterCalls;
}

/** A failure the REST layer turns into a CS-error reply (`{type, code, title, detail}`). */
export class CloudError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'CloudError';
    this.status = status;
    this.code = code;
  }
}
