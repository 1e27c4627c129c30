import { describe, expect, it } from 'vitest';
import { escapeForLog } from './log-text';

describe('escapeForLog', () => {
  it('shows bidirectional overrides, isolates and marks as escapes instead of letting them reorder the line', () => {
    expect(escapeForLog('evil\u202Eexe.txt')).toBe('evil\\u{202e}exe.txt');
    expect(escapeForLog('\u2066a\u2069\u200E\u200F\u061C')).toBe('\\u{2066}a\\u{2069}\\u{200e}\\u{200f}\\u{61c}');
  });

  it('escapes line breaks and other controls, so a value cannot start a forged log line', () => {
    expect(escapeForLog('Jane\r\n[token-server] issued a token\u2028\u0000\u007F\u0085')).toBe(
      'Jane\\u{d}\\u{a}[token-server] issued a token\\u{2028}\\u{0}\\u{7f}\\u{85}',
    );
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeForLog('Zoë Ørsted 📞 +44 20 7946 0000')).toBe('Zoë Ørsted 📞 +44 20 7946 0000');
  });

  it('caps the length after escaping', () => {
    expect(escapeForLog('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
    expect(escapeForLog('\u202E'.repeat(50), 20)).toBe(`${'\\u{202e}'.repeat(2)}\\u{2…`);
  });
});
