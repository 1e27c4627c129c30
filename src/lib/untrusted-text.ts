// Caller IDs, user names, backend and SDK messages, and echoed input are written by someone else. Before
// the agent sees them they lose what could disguise or reorder them, and they get a length that fits a line.

/** Caller IDs, agent names and input quoted back to the agent. */
export const nameMaxLength = 64;
/** A backend's own words quoted inside one of our sentences. */
export const detailMaxLength = 120;
/** A whole sentence that may carry words from outside (sign-in, connection and call errors). */
export const messageMaxLength = 240;

export const ellipsis = '…';

export interface CleanedText {
  /** What to show: `full`, or its first characters and an ellipsis when it is longer than allowed. */
  shown: string;
  /** The whole text, cleaned. */
  full: string;
  /** Whether `shown` is shorter than `full`. */
  capped: boolean;
}

// Bidirectional embeddings, overrides and isolates, the LRM/RLM marks and the Arabic letter mark: they would
// let a caller ID reverse what follows it ("evil.exe" shown as "exe.live").
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// C0 and C1 control characters other than line breaks and tabs, which are whitespace and collapse to a space.
// (\p{Cc} is exactly C0, DEL and C1; the class keeps what is also whitespace, including C1's next-line U+0085.)
const otherControls = /[^\P{Cc}\s\u0085]/gu;
const whitespaceRuns = /[\s\u0085]+/gu;

// Intl.Segmenter is recent (Firefox 125); without it the cut falls between code points, never inside one.
const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

function* userPerceivedCharacters(text: string): Generator<string> {
  if (!graphemes) {
    yield* text;
    return;
  }
  for (const { segment } of graphemes.segment(text)) yield segment;
}

/** Removes control and bidirectional formatting characters and collapses whitespace to single spaces. */
export function stripUntrustedText(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.replace(bidiControls, '').replace(otherControls, '').replace(whitespaceRuns, ' ').trim();
}

/**
 * At most `maxLength` characters (code points, ellipsis included), cut between user-perceived characters so
 * an emoji or an accented letter is never split; a single giant cluster (letters piled with combining marks)
 * is cut by code points instead.
 */
function cap(text: string, maxLength: number): string {
  const budget = Math.max(maxLength - 1, 0);
  let kept = '';
  let keptLength = 0;
  for (const segment of userPerceivedCharacters(text)) {
    const length = codePointLength(segment);
    if (keptLength + length > budget) break;
    kept += segment;
    keptLength += length;
  }
  if (kept === '') kept = Array.from(text).slice(0, budget).join('');
  return `${kept.trimEnd()}${ellipsis}`;
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/**
 * Text from outside made safe to show: see `stripUntrustedText`, then capped at `maxLength` characters.
 * Plain text in, plain text out; render it isolated (`<bdi>`), e.g. through the UntrustedText component.
 */
export function cleanUntrustedText(raw: string | null | undefined, maxLength: number = nameMaxLength): CleanedText {
  const full = stripUntrustedText(raw);
  // Cheap check first: a string never has more code points than UTF-16 units.
  if (full.length <= maxLength || codePointLength(full) <= maxLength) return { shown: full, full, capped: false };
  return { shown: cap(full, maxLength), full, capped: true };
}

/** The shown form only, as plain text: for a sentence, a tab title or a notification. */
export function shortenUntrustedText(raw: string | null | undefined, maxLength: number = nameMaxLength): string {
  return cleanUntrustedText(raw, maxLength).shown;
}
