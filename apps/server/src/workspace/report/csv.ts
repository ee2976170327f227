/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold a quote, a comma
 * or a line break, quotes doubled), in UTF-8 with a byte order mark so spreadsheet software
 * reads accents right, and safe to open: a cell a spreadsheet would take for a formula gets a
 * leading apostrophe (OWASP "CSV injection").
 */
export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

/** What spreadsheets read as the start of a formula (or use to smuggle one in). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** The whole file: BOM, one record per line, CRLF after every record (the last included). */
export function toCsv(records: readonly (readonly string[])[]): string {
  return UTF8_BOM + records.map((record) => record.map(csvCell).join(',') + CRLF).join('');
}
