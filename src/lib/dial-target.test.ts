import { describe, expect, it } from 'vitest';
import { formatRemoteParty, parseDialInput, unknownCaller } from './dial-target';
import { ellipsis, nameMaxLength } from './untrusted-text';

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

  it('ignores the invisible direction marks a copied number or name carries', () => {
    expect(parseDialInput('\u202A+44 7911 123456\u202C', 'US')).toMatchObject({ ok: true, display: '+447911123456' });
    expect(parseDialInput('\u200EJoe\u200F', 'US')).toMatchObject({ ok: true, target: { kind: 'agent', userName: 'Joe' } });
    expect(parseDialInput('\u202E\u2066', 'US')).toEqual({ ok: false, message: 'Enter a phone number or an agent’s name.' });
  });

  it.each([
    ['letters', 'a'.repeat(10_000), `“${'a'.repeat(nameMaxLength - 1)}${ellipsis}” is neither a phone number nor an agent’s name.`],
    ['digits', '1'.repeat(10_000), `“${'1'.repeat(nameMaxLength - 1)}${ellipsis}” is not a phone number. Use international form, e.g. +44 20 7946 0000.`],
  ])('quotes at most %s of a 10,000-character input back', (_what, input, message) => {
    expect(parseDialInput(input, 'US')).toEqual({ ok: false, message });
  });

  it('quotes refused input without its direction overrides', () => {
    expect(parseDialInput('call\u202Eme!', 'US')).toEqual({ ok: false, message: '“callme!” is neither a phone number nor an agent’s name.' });
  });
});

describe('formatRemoteParty', () => {
  it('parses a party once however many parts of the screen show it', () => {
    expect(formatRemoteParty('447700900002', 'phone')).toBe(formatRemoteParty('447700900002', 'phone'));
    expect(formatRemoteParty('447700900002', 'app')).not.toBe(formatRemoteParty('447700900002', 'phone'));
  });

  const plain = (text: string) => ({ shown: text, full: text, capped: false });

  it('shows a phone caller in E.164 and international form', () => {
    expect(formatRemoteParty('447700900001', 'phone')).toEqual({ e164: '+447700900001', label: plain('+44 7700 900001'), unknown: false });
  });
  it('keeps app callers as their user name', () => {
    expect(formatRemoteParty('Joe', 'app')).toEqual({ label: plain('Joe'), unknown: false });
  });
  it('falls back to the caller ID’s text for an unparseable number', () => {
    expect(formatRemoteParty('anonymous', 'phone')).toEqual({ label: plain('anonymous'), unknown: false });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['only direction controls', '\u202E\u200F'],
    ['missing', undefined],
    ['null', null],
  ])('names an %s caller ID “Unknown caller”', (_what, remote) => {
    expect(formatRemoteParty(remote, 'phone')).toEqual({ label: plain(unknownCaller), unknown: true });
    expect(formatRemoteParty(remote, 'app')).toEqual({ label: plain(unknownCaller), unknown: true });
  });

  it('removes a right-to-left override from a user name', () => {
    expect(formatRemoteParty('evil\u202Eexe.txt', 'app').label.shown).toBe('evilexe.txt');
  });

  it('reads a number behind direction marks', () => {
    expect(formatRemoteParty('\u200E447700900001', 'phone')).toMatchObject({ e164: '+447700900001' });
  });

  it('caps a 5,000-character caller ID and keeps the whole of it', () => {
    const remote = '4'.repeat(5_000);
    const party = formatRemoteParty(remote, 'phone');
    expect(party.e164).toBeUndefined();
    expect(party.label).toEqual({ shown: `${'4'.repeat(nameMaxLength - 1)}${ellipsis}`, full: remote, capped: true });
  });
});
