import type { BatchCells } from './cells';

/** A file handed to the readers: a Blob (a browser File, or `fs.openAsBlob` in node) and its name. */
export interface InputFile {
  name: string;
  blob: Blob;
}

export type Format = 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet';

/** A problem with one row (or the whole file when `row` is null), shown to the user, never thrown. */
export interface Issue {
  file: string;
  /** 1-based line number (text formats) or 1-based record index (JSON arrays, Parquet) */
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * Something the reading guessed or left out that the user should know (the report's `input.warnings`, the
 * command's `warning:` lines, a line on the page): a label reading that could be another, a header that
 * looked like data, ids shared across files, verdicts that were not verdicts.
 */
export interface Warning {
  /** the file (or files, comma-separated) it is about */
  file: string;
  column: string | null;
  message: string;
}

/**
 * Rows as a reader yields them, a batch at a time. `header` is the column list so far (JSON records can
 * add keys later; earlier rows are then shorter than the header). `rowNumbers[i]` is the row number
 * reported in issues for `rows[i]`.
 */
export interface TableBatch {
  header: string[];
  rows: unknown[][];
  rowNumbers: number[];
  /** compressed bytes of the file consumed so far, for progress */
  bytesRead: number;
  /** the same rows read cell by cell without making arrays of them (the CSV reader's batches) */
  cells?: BatchCells;
}

export type TableReader = AsyncGenerator<TableBatch, void, void>;

/** Thrown only when nothing at all can be read from a file (the message is shown as is). */
export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}
