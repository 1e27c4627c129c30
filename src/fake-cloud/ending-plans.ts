// How each way a call can end looks on the wire, as an ordered list of socket events. Kept pure so the
// mapping (the part the SDK is picky about) is unit-tested without sockets or media.
//
// SDK 2.3.1 rules these plans rely on (read in dist/vonageClientSDK.mjs, confirmed against the real SDK):
// - An invite ends (callInviteCancel) only after BOTH rtc:hangup and member:left for the agent's member.
//   member:left reason.code 'REMOTE_REJECT' gives RejectedElsewhere; otherwise rtc:hangup sip_code 487
//   gives RemoteTimeout and any other sip_code RemoteCancel. member:joined alone gives AnsweredElsewhere.
// - For an established call, callHangup's reason comes from the agent's member:left reason.code when that
//   arrives BEFORE rtc:hangup: 'remote_rejected' | 'remote_no_answer' -> REMOTE_REJECT,
//   'ring_timer' | 'local_cancel' -> REMOTE_NO_ANSWER_TIMEOUT, anything else -> REMOTE_HANGUP.
//   After a local DELETE member, rtc:hangup code LOCAL_HANGUP gives LOCAL_HANGUP.
import type { InviteCancelReason } from './control-api.ts';
import type { WireHangupReason, WireMemberLeftReason } from './wire-types.ts';

export type EndingStep =
  | { kind: 'rtc:hangup'; reason: WireHangupReason }
  | { kind: 'member:left'; reason?: WireMemberLeftReason }
  | { kind: 'member:joined' };

export interface EndingPlan {
  /** Recorded as the call snapshot's `endReason`. */
  endReason: string;
  steps: EndingStep[];
}

const rejected: EndingPlan = {
  endReason: 'REMOTE_REJECT',
  steps: [
    { kind: 'member:left', reason: { code: 'REMOTE_REJECT', text: 'call-rejected-by-callee' } },
    { kind: 'rtc:hangup', reason: { code: 'REMOTE_REJECTED', text: 'rejected', sip_code: 603 } },
  ],
};

export function inviteCancelPlan(reason: InviteCancelReason): EndingPlan {
  switch (reason) {
    case 'remote-cancel':
      return {
        endReason: 'REMOTE_CANCEL',
        steps: [
          { kind: 'rtc:hangup', reason: { code: 'REMOTE_CANCEL', text: 'caller-cancelled', sip_code: 0 } },
          { kind: 'member:left', reason: { code: 'REMOTE_CANCEL', text: 'caller-cancelled' } },
        ],
      };
    case 'remote-timeout':
      return {
        endReason: 'RING_TIMER',
        steps: [
          { kind: 'rtc:hangup', reason: { code: 'RING_TIMER', text: 'ring-timeout', sip_code: 487 } },
          { kind: 'member:left', reason: { code: 'RING_TIMER', text: 'ring-timeout' } },
        ],
      };
    case 'answered-elsewhere':
      return { endReason: 'ANSWERED_ELSEWHERE', steps: [{ kind: 'member:joined' }] };
    case 'rejected-elsewhere':
      return rejected;
  }
}

/** The agent rejected the invite: every socket of the agent hears it, so other tabs get RejectedElsewhere. */
export function agentRejectPlan(): EndingPlan {
  return rejected;
}

export function remoteHangupPlan(): EndingPlan {
  return {
    endReason: 'REMOTE_HANGUP',
    steps: [
      { kind: 'rtc:hangup', reason: { code: 'REMOTE_HANGUP', text: 'remote-hangup', sip_code: 200 } },
      { kind: 'member:left', reason: { code: 'REMOTE_HANGUP', text: 'remote-hangup' } },
    ],
  };
}

/**
 * The agent's client vanished mid-call (a closed tab, a crashed browser) and never came back: the cloud
 * ends the leg itself. Should the agent's session come back later, it hears the call ended.
 */
export function orphanedLegPlan(): EndingPlan {
  return {
    endReason: 'ORPHANED_LEG',
    steps: [
      { kind: 'member:left', reason: { code: 'MEDIA_TIMEOUT', text: 'no-media-from-client' } },
      { kind: 'rtc:hangup', reason: { code: 'MEDIA_TIMEOUT', text: 'no-media-from-client', sip_code: 408 } },
    ],
  };
}

/** The agent hung up (DELETE member or knocker): the SDK fires callHangup only once rtc:hangup arrives. */
export function localHangupPlan(): EndingPlan {
  return {
    endReason: 'LOCAL_HANGUP',
    steps: [
      { kind: 'rtc:hangup', reason: { code: 'LOCAL_HANGUP', text: 'local-hangup', sip_code: 200 } },
      { kind: 'member:left', reason: { code: 'LOCAL_HANGUP', text: 'local-hangup' } },
    ],
  };
}

/** The callee was busy: SDK callHangup reason REMOTE_REJECT (its closest outcome; there is no BUSY). */
export function calleeBusyPlan(): EndingPlan {
  return {
    endReason: 'REMOTE_BUSY',
    steps: [
      { kind: 'member:left', reason: { code: 'remote_rejected', text: 'callee-busy' } },
      { kind: 'rtc:hangup', reason: { code: 'REMOTE_BUSY', text: 'callee-busy', sip_code: 486 } },
    ],
  };
}

/** The callee never answered: SDK callHangup reason REMOTE_NO_ANSWER_TIMEOUT. */
export function calleeNoAnswerPlan(): EndingPlan {
  return {
    endReason: 'REMOTE_NO_ANSWER',
    steps: [
      { kind: 'member:left', reason: { code: 'ring_timer', text: 'callee-no-answer' } },
      { kind: 'rtc:hangup', reason: { code: 'REMOTE_NO_ANSWER', text: 'callee-no-answer', sip_code: 480 } },
    ],
  };
}
