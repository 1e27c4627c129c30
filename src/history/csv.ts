/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection: a caller ID of
 * `=HYPERLINK(...)` would become a live link in the agent's spreadsheet). Such cells get a leading `'`,
 * which spreadsheets show as text. Tab and carriage return start formulas in some spreadsheets too.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: CRLF between records, including after the last one. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
