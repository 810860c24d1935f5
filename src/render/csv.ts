/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a cell starting with `=`,
 * `+`, `-` or `@` gets a leading apostrophe so spreadsheets do not run it as a formula (the readers
 * remove that apostrophe again before a label is read); so does one starting with apostrophes before
 * those characters (`'=x` → `''=x`), which the readers would otherwise read as `=x`.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^'*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}
