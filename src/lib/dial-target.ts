import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { DialTarget } from '@/voice/voice-adapter';

export type ParsedDialInput =
  | { ok: true; target: DialTarget; display: string }
  | { ok: false; message: string };

// Agent names are plain words ("Joe", "Mary Ann"); anything with a digit is treated as a phone number.
const agentNamePattern = /^\p{L}[\p{L}\p{M} .'-]{0,63}$/u;
const phoneCharacters = /^[+\d\s().-]+$/;

/**
 * Reads what the agent typed in the dialer: another agent by name, or a phone number, which must be valid
 * for its country (the full metadata set, so "+1 555 0100" style fictional numbers are refused before a call).
 */
export function parseDialInput(input: string, defaultCountry: CountryCode): ParsedDialInput {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a phone number or an agent’s name.' };
  if (agentNamePattern.test(text)) {
    return { ok: true, target: { kind: 'agent', userName: text }, display: text };
  }
  if (!phoneCharacters.test(text)) {
    return { ok: false, message: `“${text}” is neither a phone number nor an agent’s name.` };
  }
  const number = parsePhoneNumberFromString(text.replace(/^00/, '+'), defaultCountry);
  if (!number) {
    return { ok: false, message: `“${text}” is not a phone number. Use international form, e.g. +44 20 7946 0000.` };
  }
  if (!number.isValid()) {
    return { ok: false, message: `${number.formatInternational()} is not a valid number. Check the digits and the country code.` };
  }
  return { ok: true, target: { kind: 'phone', e164: number.number }, display: number.number };
}

/** Caller IDs arrive as digits without '+' (447700900001); show them in E.164 with a readable form beside it. */
export function formatRemoteParty(remote: string, channelType: string): { e164?: string; label: string } {
  if (channelType !== 'phone') return { label: remote };
  const withPlus = remote.startsWith('+') ? remote : `+${remote}`;
  const number = parsePhoneNumberFromString(withPlus);
  if (!number) return { label: remote };
  return { e164: number.number, label: number.formatInternational() };
}
