// E.164: a country code that never starts with 0, at most 15 digits in all. Vonage wants the digits
// without '+', in `connect` endpoints and in `from`.
const e164Pattern = /^\+?([1-9]\d{6,14})$/;

/** The E.164 digits of `value` (with or without a leading '+'), or undefined when it is not a number. */
export function e164Digits(value: unknown): string | undefined {
  return typeof value === 'string' ? e164Pattern.exec(value)?.[1] : undefined;
}
