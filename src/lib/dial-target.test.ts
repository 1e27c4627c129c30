import { describe, expect, it } from 'vitest';
import { formatRemoteParty, parseDialInput } from './dial-target';

describe('parseDialInput', () => {
  it.each([
    ['+44 7911 123456', '+447911123456'],
    ['0044 20 7946 0000', '+442079460000'],
    ['(202) 555-0143', '+12025550143'],
    ['+1 202-555-0143', '+12025550143'],
    ['  +33 1 42 68 53 00 ', '+33142685300'],
  ])('reads %s as the E.164 number %s', (input, e164) => {
    const parsed = parseDialInput(input, 'US');
    expect(parsed).toEqual({ ok: true, target: { kind: 'phone', e164 }, display: e164 });
  });

  it.each(['Joe', 'Mary Ann', 'Zoë'])('reads %s as an agent name', (input) => {
    expect(parseDialInput(input, 'US')).toEqual({ ok: true, target: { kind: 'agent', userName: input }, display: input });
  });

  it.each([
    ['', /Enter a phone number/],
    ['   ', /Enter a phone number/],
    ['+44 12', /not a valid number/],
    ['+44 7700 900123', /not a valid number/],
    ['+1 123 456 7890', /not a valid number/],
    ['555-CALL-NOW', /neither a phone number nor/],
    ['12345678901234567890', /not (a valid number|a phone number)/],
    ['+', /not a phone number/],
    ['Joe; DROP TABLE', /neither a phone number nor/],
  ])('refuses %j with a message', (input, message) => {
    const parsed = parseDialInput(input, 'US');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('uses the default country for national numbers', () => {
    expect(parseDialInput('020 7946 0000', 'GB')).toMatchObject({ ok: true, display: '+442079460000' });
  });
});

describe('formatRemoteParty', () => {
  it('shows a phone caller in E.164 and international form', () => {
    expect(formatRemoteParty('447700900001', 'phone')).toEqual({ e164: '+447700900001', label: '+44 7700 900001' });
  });
  it('keeps app callers as their user name', () => {
    expect(formatRemoteParty('Joe', 'app')).toEqual({ label: 'Joe' });
  });
  it('falls back to the raw text for an unparseable number', () => {
    expect(formatRemoteParty('anonymous', 'phone')).toEqual({ label: 'anonymous' });
  });
});
