import { byteChunks } from './byteStream';
import type { BatchCells, CellCodes } from './cells';
import {
  CsvByteTokenizer,
  fieldCell,
  fieldNumber,
  fieldText,
  recordFields,
  isExactText,
  unguard,
  type ByteRecords,
} from './csvBytes';
import { InvalidUtf8 } from './invalidUtf8';
import type { InputFile, Issue, TableBatch, TableReader, Warning } from './types';

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

/** Rows read without a header before the widest of them sets the number of columns. */
const HEADERLESS_ROWS = 100;

/**
 * Reads delimited text (CSV, TSV, …) as a stream of row batches, tokenized from the bytes (`CsvByteTokenizer`):
 * a batch answers the encoder's questions about its cells from the bytes (`CsvBatch`), and only makes strings
 * of its rows when a caller asks for `rows`. The first record is the header (unless `header: false`: then the
 * widest of the first rows sets the number of columns). A row with more fields than the header is reported
 * and skipped (its values cannot be trusted to sit under the right columns); a row with fewer is read with
 * its missing trailing fields empty (Mechanical Turk leaves trailing empty fields out), and one warning counts
 * them. An unterminated quote at the end is reported with its line. A leading apostrophe before = + - @ (a
 * spreadsheet's formula guard, as prefscope's CSV exports write) is removed, from the header too (`unguard`).
 * Bytes that are not UTF-8 become one issue (first row and column, rows counted); those rows are kept.
 */
export async function* readCsv(
  file: InputFile,
  gzip: boolean,
  delimiter: string,
  onIssue: (issue: Issue, dropped?: boolean) => void,
  { header: hasHeader = true, onWarning }: CsvOptions = {},
): TableReader {
  const tokenizer = new CsvByteTokenizer(delimiter);
  const invalid = new InvalidUtf8();
  let header: string[] | null = null;
  let short = 0;
  let firstShort = 0;
  // without a header, batches wait until the widest of the first 100 rows sets the number of columns
  let waiting: { records: ByteRecords; bytesRead: number }[] | null = hasHeader ? null : [];
  let waitingRows = 0;
  let yielded = false;

  /** The valid rows of a batch of records (the header taken from the first when there is one). */
  const rowsOf = (records: ByteRecords, bytesRead: number): CsvBatch | null => {
    invalid.bytes(records.bytes);
    const index = new Int32Array(records.count);
    let size = 0;
    for (let k = 0; k < records.count; k++) {
      const fields = records.first[k + 1] - records.first[k];
      const line = records.line[k];
      if (header === null) {
        const names = recordFields(records, k);
        invalid.cells(names, null, line);
        header = uniqueNames(names.map(unguard));
        continue;
      }
      if (fields > header.length) {
        onIssue({
          file: file.name,
          row: line,
          column: null,
          message: `row has ${fields} field${fields === 1 ? '' : 's'}, the header has ${header.length}`,
        });
        continue;
      }
      if (fields < header.length && short++ === 0) firstShort = line;
      if (invalid.armed) invalid.cells(recordFields(records, k), header, line);
      index[size++] = k;
    }
    return header && size > 0 ? new CsvBatch(header, records, index.subarray(0, size), bytesRead) : null;
  };
  function* flushWaiting(): Generator<CsvBatch> {
    const held = waiting!;
    waiting = null;
    let widest = 0;
    let seen = 0;
    for (const { records } of held)
      for (let k = 0; k < records.count && seen < HEADERLESS_ROWS; k++, seen++)
        widest = Math.max(widest, records.first[k + 1] - records.first[k]);
    header = columnNames(widest);
    for (const { records, bytesRead } of held) {
      const batch = rowsOf(records, bytesRead);
      if (batch) yield batch;
    }
  }
  function* take(records: ByteRecords | null, bytesRead: number): Generator<CsvBatch> {
    if (!records || records.count === 0) return;
    if (waiting) {
      waiting.push({ records, bytesRead });
      waitingRows += records.count;
      if (waitingRows >= HEADERLESS_ROWS) yield* flushWaiting();
      return;
    }
    const batch = rowsOf(records, bytesRead);
    if (batch) yield batch;
  }

  let bytesRead = 0;
  for await (const chunk of byteChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    for (const batch of take(tokenizer.push(chunk.bytes), bytesRead)) {
      yield batch;
      yielded = true;
    }
  }
  const last = [...take(tokenizer.end(), bytesRead), ...(waiting ? flushWaiting() : [])];
  for (const batch of last) {
    yield batch;
    yielded = true;
  }
  if (short > 0) {
    const h = header as string[] | null;
    onWarning?.({
      file: file.name,
      column: null,
      message: `${short.toLocaleString('en-US')} row${short === 1 ? ' has' : 's have'} fewer fields than the header (${h?.length ?? 0}; first at line ${firstShort}): the missing trailing fields were read as empty`,
    });
  }
  const open = tokenizer.openRecordLine;
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
  if (header && !yielded) yield { header, rows: [], rowNumbers: [], bytesRead };
}

/** The fields of record k as text (quotes removed; formula guards kept). */
/**
 * A batch of CSV rows over the bytes they were read from. The encoder reads cells through `BatchCells`:
 * `code` interns each cell's bytes per column, so `CellCodes.of` sees a value's text once per file however
 * many rows repeat it, and `number` reads plain decimals from the bytes. `rows` makes strings of every cell,
 * once, for the callers that want arrays (the mapping screen's sample, export adapters).
 */
export class CsvBatch implements TableBatch, BatchCells {
  private madeRows: unknown[][] | null = null;

  constructor(
    readonly header: string[],
    private readonly records: ByteRecords,
    /** the records that are rows (the header and rows with too many fields left out) */
    private readonly index: Int32Array,
    readonly bytesRead: number,
  ) {}

  get size(): number {
    return this.index.length;
  }

  get cells(): BatchCells {
    return this;
  }

  get rowNumbers(): number[] {
    return Array.from(this.index, (k) => this.records.line[k]);
  }

  get rows(): unknown[][] {
    if (this.madeRows) return this.madeRows;
    const width = this.header.length;
    this.madeRows = Array.from(this.index, (k) => {
      const row = recordFields(this.records, k).map(unguard);
      while (row.length < width) row.push('');
      return row;
    });
    return this.madeRows;
  }

  line(r: number): number {
    return this.records.line[this.index[r]];
  }

  /** the field index of row r, column c; -1 past the end of a short row */
  private field(r: number, c: number): number {
    const k = this.index[r];
    const f = this.records.first[k] + c;
    return f < this.records.first[k + 1] ? f : -1;
  }

  value(r: number, c: number): unknown {
    const f = this.field(r, c);
    return f < 0 ? '' : unguard(fieldText(this.records, f));
  }

  text(r: number, c: number): string {
    const f = this.field(r, c);
    return f < 0 ? '' : fieldCell(this.records, f);
  }

  number(r: number, c: number): number {
    const f = this.field(r, c);
    return f < 0 ? NaN : fieldNumber(this.records, f);
  }

  code(r: number, c: number, codes: CellCodes): number {
    const f = this.field(r, c);
    const { bytes, start, end } = this.records;
    const id = f < 0 ? codes.interner.id(bytes, 0, 0) : codes.interner.id(bytes, start[f], end[f]);
    // a new byte string (ids come in first-seen order): its text is coded once
    if (id === codes.coded) {
      if (f < 0) codes.learn('', false);
      else
        codes.learn(fieldCell(this.records, f), this.records.quoted[f] === 0 && isExactText(bytes, start[f], end[f]));
    }
    return codes.local[id];
  }
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
