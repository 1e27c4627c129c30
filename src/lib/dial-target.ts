import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cleanUntrustedText, shortenUntrustedText, stripUntrustedText, type CleanedText } from './untrusted-text';

/**
 * What to dial: a phone number in E.164 form, another agent (an app user) by name, or the sound check (the
 * backend's answer URL connects it to its echo, so the agent hears their own voice).
 */
export type DialTarget = { kind: 'phone'; e164: string } | { kind: 'agent'; userName: string } | { kind: 'sound-check' };

/** What the agent can type: a number or an agent (the sound check has its own button). */
export type TypedDialTarget = Exclude<DialTarget, { kind: 'sound-check' }>;

export type ParsedDialInput =
  | { ok: true; target: TypedDialTarget; display: string }
  | { ok: false; message: string };

// Agent names are plain words ("Joe", "Mary Ann"); anything with a digit is treated as a phone number.
const agentNamePattern = /^\p{L}[\p{L}\p{M} .'-]{0,63}$/u;
const phoneCharacters = /^[+\d\s().-]+$/;

/**
 * Reads what the agent typed in the dialer: another agent by name, or a phone number, which must be valid
 * for its country (the full metadata set, so "+1 555 0100" style fictional numbers are refused before a call).
 */
export function parseDialInput(input: string, defaultCountry: CountryCode): ParsedDialInput {
  // Numbers copied from a web page or a chat often carry invisible direction marks; they are not part of it.
  const text = stripUntrustedText(input);
  if (text === '') return { ok: false, message: 'Enter a phone number or an agent’s name.' };
  if (agentNamePattern.test(text)) {
    return { ok: true, target: { kind: 'agent', userName: text }, display: text };
  }
  if (!phoneCharacters.test(text)) {
    return { ok: false, message: `“${shortenUntrustedText(text)}” is neither a phone number nor an agent’s name.` };
  }
  const number = parsePhoneNumberFromString(text.replace(/^00/, '+'), defaultCountry);
  if (!number) {
    return {
      ok: false,
      message: `“${shortenUntrustedText(text)}” is not a phone number. Use international form, e.g. +44 20 7946 0000.`,
    };
  }
  if (!number.isValid()) {
    return {
      ok: false,
      message: `${shortenUntrustedText(number.formatInternational())} is not a valid number. Check the digits and the country code.`,
    };
  }
  return { ok: true, target: { kind: 'phone', e164: number.number }, display: number.number };
}

export const unknownCaller = 'Unknown caller';

export interface FormattedParty {
  /** A phone party whose caller ID is a valid number, in E.164. */
  e164?: string;
  /** The party in words: the readable number, the cleaned (and capped) caller ID or user name, or *Unknown caller*. */
  label: CleanedText;
  /** The caller ID was empty or missing. */
  unknown: boolean;
}

const ours = (text: string): CleanedText => ({ shown: text, full: text, capped: false });

/**
 * Caller IDs arrive as digits without '+' (447700900001); show them in E.164 with a readable form beside it.
 * Anything else is someone else's text: cleaned and capped (see untrusted-text.ts).
 */
export function formatRemoteParty(remote: string | null | undefined, channelType: string): FormattedParty {
  // A ringing call is shown by several parts at once (the panel, the tab title, the screen-reader announcement),
  // each with the same party: parse it once, not on the path from the invite to its first frame every time.
  const key = `${channelType} ${remote ?? ''}`;
  let party = recentParties.get(key);
  if (!party) {
    party = parseRemoteParty(remote, channelType);
    if (recentParties.size >= recentPartiesKept) recentParties.delete(recentParties.keys().next().value as string);
    recentParties.set(key, party);
  }
  return party;
}

/** Enough for every call on screen and in the visible history; the oldest goes first. */
const recentPartiesKept = 200;
const recentParties = new Map<string, FormattedParty>();

function parseRemoteParty(remote: string | null | undefined, channelType: string): FormattedParty {
  const label = cleanUntrustedText(remote);
  if (label.full === '') return { label: ours(unknownCaller), unknown: true };
  if (channelType !== 'phone') return { label, unknown: false };
  const withPlus = label.full.startsWith('+') ? label.full : `+${label.full}`;
  const number = parsePhoneNumberFromString(withPlus);
  if (!number) return { label, unknown: false };
  return { e164: number.number, label: ours(number.formatInternational()), unknown: false };
}
