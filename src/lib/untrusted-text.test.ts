import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUntrustedText, ellipsis, nameMaxLength, shortenUntrustedText, stripUntrustedText } from './untrusted-text';

const codePoints = (text: string) => Array.from(text).length;

describe('stripUntrustedText', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Eexe.pdf', 'invoiceexe.pdf'],
    ['embeddings and their pop', '\u202Aleft\u202C \u202Bright\u202C', 'left right'],
    ['a left-to-right override', '\u202Devil', 'evil'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['directional marks', '\u200Eone\u200Ftwo\u061Cthree', 'onetwothree'],
    ['C0 controls', 'bell\u0007null\u0000esc\u001B', 'bellnullesc'],
    ['C1 controls and DEL', 'a\u0080b\u009Fc\u007Fd', 'abcd'],
  ])('removes %s', (_what, raw, cleaned) => {
    expect(stripUntrustedText(raw)).toBe(cleaned);
  });

  it('collapses whitespace, line breaks and tabs to single spaces, and trims', () => {
    expect(stripUntrustedText('  Mary\t\tAnn\r\nSmith\u0085Jr\u2028 ')).toBe('Mary Ann Smith Jr');
  });

  it('keeps letters of every script, accents, emoji and their joiners', () => {
    const text = 'Zoë 李 שלום مرحبا 👩‍👩‍👧 🇬🇧';
    expect(stripUntrustedText(text)).toBe(text);
  });

  it('reads missing text as empty', () => {
    expect(stripUntrustedText(undefined)).toBe('');
    expect(stripUntrustedText(null)).toBe('');
    expect(stripUntrustedText('\u202E \u200F\u0000')).toBe('');
  });
});

describe('cleanUntrustedText', () => {
  it('keeps text within the limit as it is', () => {
    expect(cleanUntrustedText('Joe')).toEqual({ shown: 'Joe', full: 'Joe', capped: false });
    const exactly = 'x'.repeat(nameMaxLength);
    expect(cleanUntrustedText(exactly)).toEqual({ shown: exactly, full: exactly, capped: false });
  });

  it(`caps longer text at ${nameMaxLength} characters, ellipsis included, and keeps the whole cleaned text`, () => {
    const raw = `\u202E${'ab'.repeat(2_500)}`;
    const text = cleanUntrustedText(raw);
    expect(text.capped).toBe(true);
    expect(text.full).toBe('ab'.repeat(2_500));
    expect(codePoints(text.shown)).toBe(nameMaxLength);
    expect(text.shown).toBe(`${'ab'.repeat(31)}a${ellipsis}`);
  });

  it('takes a limit', () => {
    expect(cleanUntrustedText('The voice service reported: something long', 20)).toEqual({
      shown: 'The voice service r…',
      full: 'The voice service reported: something long',
      capped: true,
    });
  });

  it('counts characters, not UTF-16 units, and never splits an emoji', () => {
    const sixtyFourFaces = '😀'.repeat(nameMaxLength);
    expect(cleanUntrustedText(sixtyFourFaces)).toMatchObject({ shown: sixtyFourFaces, capped: false });

    const families = '👩‍👩‍👧'.repeat(20);
    const capped = cleanUntrustedText(families, 10);
    expect(capped.shown).toBe(`👩‍👩‍👧${ellipsis}`);
  });

  it('cuts a single huge cluster of combining marks by code points', () => {
    const zalgo = `Z${'\u0336'.repeat(500)}`;
    const text = cleanUntrustedText(zalgo, 10);
    expect(text.capped).toBe(true);
    expect(codePoints(text.shown)).toBe(10);
    expect(text.shown.endsWith(ellipsis)).toBe(true);
  });

  it('does not leave a space before the ellipsis', () => {
    expect(cleanUntrustedText('one two three', 5).shown).toBe(`one${ellipsis}`);
  });

  it('is idempotent on its full text', () => {
    const once = cleanUntrustedText(`a\u202E\n${'b'.repeat(100)}`);
    expect(cleanUntrustedText(once.full)).toEqual(once);
  });
});

describe('shortenUntrustedText', () => {
  it('gives the shown form as plain text', () => {
    expect(shortenUntrustedText('evil\u202Eexe.txt')).toBe('evilexe.txt');
    expect(shortenUntrustedText('x'.repeat(10_000))).toBe(`${'x'.repeat(nameMaxLength - 1)}${ellipsis}`);
    expect(shortenUntrustedText(undefined)).toBe('');
  });
});

describe('without Intl.Segmenter (older browsers)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('still caps, cutting between code points', async () => {
    const intl: typeof Intl = Object.create(Intl);
    Object.defineProperty(intl, 'Segmenter', { value: undefined });
    vi.stubGlobal('Intl', intl);
    vi.resetModules();
    const fresh = await import('./untrusted-text');
    // With the segmenter an accented letter (e + combining acute) stays whole: 'é…'.
    expect(cleanUntrustedText('e\u0301'.repeat(10), 4).shown).toBe(`e\u0301${ellipsis}`);
    expect(fresh.cleanUntrustedText('e\u0301'.repeat(10), 4).shown).toBe(`e\u0301e${ellipsis}`);
  });
});
