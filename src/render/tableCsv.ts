import { csvCell, csvLine } from './csv';

/** A cell of a table shown on the page. */
export type TableCell = string | number | null | undefined;

// a plain decimal number written as text ("-0.050", "+3", "1e-4"): a spreadsheet reads it as a number,
// never as a formula, so it keeps its sign instead of gaining the formula guard's apostrophe
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A table as CSV: the columns as the header, then every row, each cell through `csvCell` (RFC 4180
 * quoting; a cell starting with `=`, `+`, `-` or `@` gets the formula guard) except plain numbers.
 */
export function tableCsv(columns: string[], rows: TableCell[][]): string {
  const line = (cells: TableCell[]) =>
    `${cells.map((c) => (typeof c === 'string' && PLAIN_NUMBER.test(c) ? c : csvCell(c))).join(',')}\n`;
  return csvLine(columns) + rows.map(line).join('');
}
