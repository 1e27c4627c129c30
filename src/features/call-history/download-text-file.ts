/**
 * Saves text as a file through the browser's download (an object URL on a temporary link). The byte order
 * mark makes spreadsheet programs read the file as UTF-8 (names, the ’ in sentences).
 */
export function downloadTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: some browsers read the URL after click() returns. A minute later the download has it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
