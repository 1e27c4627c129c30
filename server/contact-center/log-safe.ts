/**
 * A webhook field as it may appear in a log line: control characters (which could forge extra lines) are
 * replaced and the length is capped, because the values come from the network.
 */
export function logSafe(value: unknown, maxLength = 80): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '-';
  const text = String(value).replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
