import { textChunks } from './byteStream';
import { CsvTokenizer } from './csvTokenizer';
import { InvalidUtf8 } from './invalidUtf8';
import type { InputFile, Issue, TableReader, Warning } from './types';

export interface CsvOptions {
  /** false: the first row is data; the columns are named `column 1`, `column 2`, … */
  header?: boolean;
  /** told once at the end about rows shorter than the header (read with empty trailing fields) */
  onWarning?: (warning: Warning) => void;
}

/** The names of a file's columns when it has no header row. */
export function columnNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `column ${i + 1}`);
}

const BATCH = 5000;

/**
 * Reads delimited text (CSV, TSV, …) as a stream of row batches. The first record is the header (unless
 * `header: false`: then the widest of the first rows sets the number of columns). A row with more fields than
 * the header is reported and skipped (its values cannot be trusted to sit under the right columns); a row
 * with fewer is read with its missing trailing fields empty (Mechanical Turk leaves trailing empty fields
 * out), and one warning counts them. An unterminated quote at the end is reported with its line. A leading
 * apostrophe before = + - @ (a spreadsheet's formula guard, as prefscope's CSV exports write) is removed,
 * from the header too (`unguard`).
 * Bytes that are not UTF-8 become one issue (first row and column, rows counted); those rows are kept.
 */
export async function* readCsv(
  file: InputFile,
  gzip: boolean,
  delimiter: string,
  onIssue: (issue: Issue, dropped?: boolean) => void,
  { header: hasHeader = true, onWarning }: CsvOptions = {},
): TableReader {
  const tokenizer = new CsvTokenizer(delimiter);
  const invalid = new InvalidUtf8();
  let header: string[] | null = null;
  let rows: unknown[][] = [];
  let rowNumbers: number[] = [];
  let short = 0;
  let firstShort = 0;
  // without a header, rows wait until the widest of the first 100 sets the number of columns
  let waiting: [string[], number][] | null = hasHeader ? null : [];
  const take = (fields: string[], line: number) => {
    if (waiting) {
      waiting.push([fields, line]);
      if (waiting.length >= 100) flushWaiting();
      return;
    }
    if (header === null) {
      invalid.cells(fields, null, line);
      header = uniqueNames(fields.map(unguard));
      return;
    }
    if (fields.length > header.length) {
      onIssue({
        file: file.name,
        row: line,
        column: null,
        message: `row has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.length}`,
      });
      return;
    }
    if (fields.length < header.length) {
      if (short++ === 0) firstShort = line;
      while (fields.length < header.length) fields.push('');
    }
    for (let i = 0; i < fields.length; i++) fields[i] = unguard(fields[i]);
    invalid.cells(fields, header, line);
    rows.push(fields);
    rowNumbers.push(line);
  };
  function flushWaiting() {
    const held = waiting!;
    waiting = null;
    header = columnNames(held.reduce((m, [f]) => Math.max(m, f.length), 0));
    for (const [fields, line] of held) take(fields, line);
  }
  let bytesRead = 0;
  let yielded = false;
  for await (const chunk of textChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    invalid.chunk(chunk.text);
    tokenizer.push(chunk.text, take);
    if (rows.length >= BATCH && header) {
      yield { header, rows, rowNumbers, bytesRead };
      yielded = true;
      rows = [];
      rowNumbers = [];
    }
  }
  const open = tokenizer.openRecordLine;
  tokenizer.end(take);
  if (waiting) flushWaiting();
  if (short > 0) {
    const h = header as string[] | null;
    onWarning?.({
      file: file.name,
      column: null,
      message: `${short.toLocaleString('en-US')} row${short === 1 ? ' has' : 's have'} fewer fields than the header (${h?.length ?? 0}; first at line ${firstShort}): the missing trailing fields were read as empty`,
    });
  }
  if (open !== null) {
    onIssue({
      file: file.name,
      row: open,
      column: null,
      message: 'a quoted field is never closed (truncated file?); the row is skipped',
    });
  }
  const notUtf8 = invalid.issue(file.name);
  if (notUtf8) onIssue(notUtf8, false);
  // a header with no valid row still yields (empty) so the caller learns the columns
  if (header && (rows.length > 0 || !yielded)) yield { header, rows, rowNumbers, bytesRead };
}

/**
 * A cell without its formula guard: one leading apostrophe is removed when apostrophes and then = + - @
 * start the cell (`'=x` → `=x`, `''=x` → `'=x`), so every cell `csvCell` writes, header or row, reads back
 * as itself.
 */
function unguard(field: string): string {
  return field.charCodeAt(0) === 39 && /^'+[=+\-@]/.test(field) ? field.slice(1) : field;
}

/** Header names trimmed; blanks become `column_N`, repeats get a `_2`, `_3` suffix. */
export function uniqueNames(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}
