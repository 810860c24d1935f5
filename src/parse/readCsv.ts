import { textChunks } from './byteStream';
import { CsvTokenizer } from './csvTokenizer';
import { InvalidUtf8 } from './invalidUtf8';
import type { InputFile, Issue, TableReader } from './types';

const BATCH = 5000;

/**
 * Reads delimited text (CSV, TSV, …) as a stream of row batches. The first record is the header. A row
 * whose field count differs from the header's is reported and skipped (its values cannot be trusted to
 * sit under the right columns); an unterminated quote at the end is reported with its line. A leading
 * apostrophe before = + - @ (a spreadsheet's formula guard, as prefscope's CSV exports write) is removed,
 * from the header too (`unguard`).
 * Bytes that are not UTF-8 become one issue (first row and column, rows counted); those rows are kept.
 */
export async function* readCsv(
  file: InputFile,
  gzip: boolean,
  delimiter: string,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): TableReader {
  const tokenizer = new CsvTokenizer(delimiter);
  const invalid = new InvalidUtf8();
  let header: string[] | null = null;
  let rows: unknown[][] = [];
  let rowNumbers: number[] = [];
  const take = (fields: string[], line: number) => {
    if (header === null) {
      invalid.cells(fields, null, line);
      header = uniqueNames(fields.map(unguard));
      return;
    }
    if (fields.length !== header.length) {
      onIssue({
        file: file.name,
        row: line,
        column: null,
        message: `row has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.length}`,
      });
      return;
    }
    for (let i = 0; i < fields.length; i++) fields[i] = unguard(fields[i]);
    invalid.cells(fields, header, line);
    rows.push(fields);
    rowNumbers.push(line);
  };
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
  if (open !== null) {
    onIssue({ file: file.name, row: open, column: null, message: 'a quoted field is never closed (truncated file?); the row is skipped' });
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
