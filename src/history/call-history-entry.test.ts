import { describe, expect, it } from 'vitest';
import type { CallEndReason } from '@/store/softphone-state';
import { historyEntryOf, isMissedCall } from './call-history-entry';
import { endedCall } from './testing/ended-call';

describe('historyEntryOf', () => {
  it('keeps who, when, how long and why, in words', () => {
    expect(historyEntryOf(endedCall(), 'Jane')).toEqual({
      id: 'CALL-1',
      agent: 'Jane',
      direction: 'inbound',
      remote: '447700900123',
      channelType: 'phone',
      startedAt: 1_000,
      answeredAt: 3_000,
      endedAt: 65_400,
      durationSeconds: 62,
      endReason: 'remote-hangup',
      outcome: 'The caller hung up.',
      missed: false,
    });
  });

  it('gives an unanswered call no talk time and no answer instant', () => {
    const entry = historyEntryOf(endedCall({ answeredAt: undefined, endReason: 'remote-cancel' }), 'Jane');
    expect(entry.durationSeconds).toBe(0);
    expect(entry).not.toHaveProperty('answeredAt');
    expect(entry.outcome).toBe('The caller hung up before you answered.');
  });

  it('names the transfer destination in the outcome', () => {
    const entry = historyEntryOf(endedCall({ endReason: 'transferred', transferredTo: 'Joe' }), 'Jane');
    expect(entry.outcome).toBe('You transferred the call to Joe.');
  });
});

describe('isMissedCall', () => {
  const unanswered = (endReason: CallEndReason) => ({ direction: 'inbound' as const, answeredAt: undefined, endReason });

  it.each<CallEndReason>([
    'remote-cancel',
    'remote-timeout',
    'answer-failed',
    'connection-lost',
    'signed-out',
    'declined-away',
    'declined-do-not-disturb',
    'declined-wrap-up',
  ])('counts an unanswered inbound call that ended as %s as missed', (endReason) => {
    expect(isMissedCall(unanswered(endReason))).toBe(true);
  });

  it.each<CallEndReason>(['rejected', 'answered-elsewhere', 'rejected-elsewhere'])(
    'does not count a call the agent handled without answering here (%s)',
    (endReason) => {
      expect(isMissedCall(unanswered(endReason))).toBe(false);
    },
  );

  it('never counts an answered call or an outbound one', () => {
    expect(isMissedCall({ direction: 'inbound', answeredAt: 5, endReason: 'remote-hangup' })).toBe(false);
    expect(isMissedCall({ direction: 'outbound', answeredAt: undefined, endReason: 'no-answer' })).toBe(false);
  });
});
