import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Jane')).toBe('Jane');
    expect(csvField(62)).toBe('62');
    expect(csvField(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('Smith, John')).toBe('"Smith, John"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=HYPERLINK("http://x")', '+447700900123', '-2+3', '@SUM(A1)', '\tcmd'])(
    'turns %j into text a spreadsheet will not run',
    (text) => {
      expect(csvField(text).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('still quotes a guarded cell that needs quoting', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('toCsv', () => {
  it('writes the header and each row, CRLF after every record', () => {
    expect(toCsv(['a', 'b'], [['1', 2], ['x,y', '']])).toBe('a,b\r\n1,2\r\n"x,y",\r\n');
  });
});
