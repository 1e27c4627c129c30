// Control characters could forge extra log lines, and bidirectional controls (U+202E and friends) could make a
// line read differently in a terminal than it is. Every category that is invisible or moves text is escaped.
const unsafeCharacters = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * Text from the network, made safe for one log line: invisible and line-breaking characters become visible
 * `\u{…}` escapes, and the length is capped (escapes included) so one request cannot fill the log.
 */
export function escapeForLog(text: string, maxLength = 200): string {
  const escaped = text.replace(unsafeCharacters, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`);
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}…` : escaped;
}
