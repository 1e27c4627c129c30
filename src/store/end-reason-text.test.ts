import { describe, expect, it } from 'vitest';
import type { CallDirection, CallEndReason } from '@/store/softphone-state';
import { endReasonText } from './end-reason-text';

describe('endReasonText', () => {
  it.each<[CallEndReason, string, string]>([
    // reason, inbound, outbound
    ['remote-hangup', 'The caller hung up.', 'The other party hung up.'],
    ['local-hangup', 'You hung up.', 'You hung up.'],
    ['rejected', 'You rejected the call.', 'You rejected the call.'],
    ['remote-cancel', 'The caller hung up before you answered.', 'The caller hung up before you answered.'],
    ['remote-timeout', 'The call stopped ringing: nobody answered in time.', 'Nobody answered in time.'],
    ['answered-elsewhere', 'The call was answered on another device.', 'The call was answered on another device.'],
    ['rejected-elsewhere', 'The call was rejected on another device.', 'The call was rejected on another device.'],
    ['busy-or-declined', 'The line was busy or the call was declined.', 'The line was busy or the call was declined.'],
    ['no-answer', 'Nobody answered.', 'Nobody answered.'],
    ['media-timeout', 'The call’s audio could not be connected.', 'The call’s audio could not be connected.'],
    ['media-lost', 'The audio connection was lost.', 'The audio connection was lost.'],
    ['dial-failed', 'The call could not be placed.', 'The call could not be placed.'],
    ['answer-failed', 'The call could not be answered.', 'The call could not be answered.'],
    ['connection-lost', 'The connection to the voice service was lost.', 'The connection to the voice service was lost.'],
    ['signed-out', 'You signed out.', 'You signed out.'],
  ])('%s: inbound "%s", outbound "%s"', (endReason, inboundText, outboundText) => {
    expect(endReasonText({ direction: 'inbound', endReason })).toBe(inboundText);
    expect(endReasonText({ direction: 'outbound', endReason })).toBe(outboundText);
  });

  it.each<CallDirection>(['inbound', 'outbound'])('says the %s call ended when there is no reason', (direction) => {
    expect(endReasonText({ direction })).toBe('The call ended.');
  });
});
