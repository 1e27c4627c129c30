import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** E.164 digits without '+' (as the cloud keeps them) in international form: 447700900001 → +44 7700 900001. */
export function formatPhoneNumber(digits: string): string {
  return parsePhoneNumberFromString(`+${digits}`)?.formatInternational() ?? `+${digits}`;
}
