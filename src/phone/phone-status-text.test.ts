import { describe, expect, it } from 'vitest';
import type { PhoneSnapshot } from '@/fake-cloud/phone-protocol';
import { phoneStatusText } from './phone-status-text';

const phone = (fields: Partial<PhoneSnapshot>): PhoneSnapshot => ({
  number: '447700900001',
  status: 'idle',
  digits: '',
  media: { framesToAgent: 0, framesFromAgent: 0 },
  ...fields,
});

describe('phoneStatusText', () => {
  it('says where the call is', () => {
    expect(phoneStatusText('connecting', undefined)).toBe('Connecting…');
    expect(phoneStatusText('closed', phone({}))).toBe('Not connected to the emulator');
    expect(phoneStatusText('open', phone({}))).toBe('Ready');
    expect(phoneStatusText('open', phone({ status: 'calling', remote: 'Jane' }))).toBe('Calling Jane…');
    expect(phoneStatusText('open', phone({ status: 'ringing', remote: 'Jane' }))).toBe('Ringing: call from Jane');
    expect(phoneStatusText('open', phone({ status: 'connected', remote: 'Joe' }))).toBe('Connected to Joe');
  });

  it('says how the last call ended', () => {
    const ended = (outcome: PhoneSnapshot['outcome'], remote = 'Jane') => phoneStatusText('open', phone({ status: 'ended', outcome, remote }));
    expect(ended('hung-up')).toBe('Call ended');
    expect(ended('remote-hung-up')).toBe('Call ended');
    expect(ended('busy')).toBe('Busy');
    expect(ended('no-answer')).toBe('No answer');
    expect(ended('rejected')).toBe('Call rejected');
    expect(ended('missed')).toBe('Missed call from Jane');
    expect(ended('unreachable', '447700900999')).toBe('No one answers at +44 7700 900999');
    expect(ended('unreachable', 'Bob')).toBe('No one answers to “Bob”: there is no such agent');
    expect(ended('unavailable', 'Joe')).toBe('Joe is not signed in: no one answers');
    expect(ended('failed')).toBe('The call could not be placed');
  });

  it('writes numbers as people do, and says when the contact center’s NCCO failed', () => {
    expect(phoneStatusText('open', phone({ status: 'calling', remote: '442079460000' }))).toBe('Calling +44 20 7946 0000…');
    expect(phoneStatusText('open', phone({ status: 'ringing', remote: '442079460000' }))).toBe('Ringing: call from +44 20 7946 0000');
    expect(phoneStatusText('open', phone({ status: 'ended', outcome: 'failed', problem: 'Unsupported NCCO' }))).toBe(
      'Call ended: the contact center’s call flow failed',
    );
  });
});
