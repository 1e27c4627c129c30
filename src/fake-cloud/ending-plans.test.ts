import { describe, expect, it } from 'vitest';
import type { InviteCancelReason } from './control-api.ts';
import {
  agentRejectPlan,
  calleeBusyPlan,
  calleeNoAnswerPlan,
  inviteCancelPlan,
  localHangupPlan,
  remoteHangupPlan,
  type EndingPlan,
} from './ending-plans.ts';

function kinds(plan: EndingPlan): string[] {
  return plan.steps.map((step) => step.kind);
}

function hangupOf(plan: EndingPlan) {
  const step = plan.steps.find((candidate) => candidate.kind === 'rtc:hangup');
  return step?.kind === 'rtc:hangup' ? step.reason : undefined;
}

function leftReasonOf(plan: EndingPlan) {
  const step = plan.steps.find((candidate) => candidate.kind === 'member:left');
  return step?.kind === 'member:left' ? step.reason : undefined;
}

describe('invite cancel reasons -> wire events', () => {
  it('remote-cancel: rtc:hangup with a sip code other than 487, plus member:left', () => {
    const plan = inviteCancelPlan('remote-cancel');
    expect(kinds(plan).sort()).toEqual(['member:left', 'rtc:hangup']);
    expect(hangupOf(plan)?.sip_code).not.toBe(487);
    expect(leftReasonOf(plan)?.code).not.toBe('REMOTE_REJECT');
  });

  it('remote-timeout: rtc:hangup sip 487, plus member:left', () => {
    const plan = inviteCancelPlan('remote-timeout');
    expect(kinds(plan).sort()).toEqual(['member:left', 'rtc:hangup']);
    expect(hangupOf(plan)?.sip_code).toBe(487);
    expect(leftReasonOf(plan)?.code).not.toBe('REMOTE_REJECT');
  });

  it('answered-elsewhere: member:joined only', () => {
    expect(kinds(inviteCancelPlan('answered-elsewhere'))).toEqual(['member:joined']);
  });

  it('rejected-elsewhere: member:left REMOTE_REJECT plus rtc:hangup, the same as the agent rejecting', () => {
    const plan = inviteCancelPlan('rejected-elsewhere');
    expect(leftReasonOf(plan)?.code).toBe('REMOTE_REJECT');
    expect(kinds(plan)).toContain('rtc:hangup');
    expect(agentRejectPlan()).toEqual(plan);
  });

  it('gives every reason a distinct end reason', () => {
    const reasons: InviteCancelReason[] = ['remote-cancel', 'remote-timeout', 'answered-elsewhere', 'rejected-elsewhere'];
    expect(new Set(reasons.map((reason) => inviteCancelPlan(reason).endReason)).size).toBe(reasons.length);
  });
});

describe('call endings -> wire events', () => {
  it('remote and local hangups send rtc:hangup with the matching code, then member:left', () => {
    expect(kinds(remoteHangupPlan())).toEqual(['rtc:hangup', 'member:left']);
    expect(hangupOf(remoteHangupPlan())?.code).toBe('REMOTE_HANGUP');
    expect(kinds(localHangupPlan())).toEqual(['rtc:hangup', 'member:left']);
    expect(hangupOf(localHangupPlan())?.code).toBe('LOCAL_HANGUP');
  });

  it('busy and no-answer put member:left first so its lowercase code picks the SDK hangup reason', () => {
    expect(kinds(calleeBusyPlan())).toEqual(['member:left', 'rtc:hangup']);
    expect(leftReasonOf(calleeBusyPlan())?.code).toBe('remote_rejected');
    expect(hangupOf(calleeBusyPlan())?.sip_code).toBe(486);
    expect(kinds(calleeNoAnswerPlan())).toEqual(['member:left', 'rtc:hangup']);
    expect(leftReasonOf(calleeNoAnswerPlan())?.code).toBe('ring_timer');
  });
});
