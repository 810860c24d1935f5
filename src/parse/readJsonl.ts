import { textChunks } from './byteStream';
import { InvalidUtf8 } from './invalidUtf8';
import type { InputFile, Issue, TableBatch, TableReader } from './types';

/** Rows per yielded batch. */
export const BATCH_ROWS = 5000;

/** True for a parsed JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What a parsed JSON value is, for messages: `an array`, `a number`, `null`. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A JSON.parse error message cut to a short reason for an issue. */
export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 80 ? `${message.slice(0, 77)}...` : message;
}

/** Deepest nesting of arrays and objects a cell may have: deeper values overflow the stack of
 * `JSON.stringify` and of structured cloning (a worker's `postMessage`), which recurse. */
export const MAX_NESTING = 100;

/** True when `value` nests arrays and objects more than `limit` levels deep (itself counting as 1); iterative. */
function nestedDeeper(value: object, limit: number): boolean {
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Empties (sets to undefined) each cell of a parsed record that nests more than `MAX_NESTING` levels deep,
 * with an issue naming its row and column; the rest of the row is kept.
 */
export function emptyTooDeep(
  file: InputFile,
  record: Record<string, unknown>,
  row: number,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): void {
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === null || typeof value !== 'object' || !nestedDeeper(value, MAX_NESTING)) continue;
    // defineProperty: the key may be `__proto__`, an own property of a parsed record
    Object.defineProperty(record, key, { value: undefined });
    onIssue(
      {
        file: file.name,
        row,
        column: key,
        message: `the value is nested more than ${MAX_NESTING} levels deep; the cell is left empty`,
      },
      false,
    );
  }
}

/**
 * Collects JSON records into `TableBatch` rows. Column names live in a Map (never a plain object), so
 * keys such as `__proto__` or `constructor` are ordinary columns. The header grows as new keys appear;
 * a row is as long as the header was when it was added, with `undefined` for keys the record lacks.
 */
export class RecordBatcher {
  private readonly index = new Map<string, number>();
  private readonly header: string[] = [];
  private rows: unknown[][] = [];
  private rowNumbers: number[] = [];

  /** Number of rows waiting to be taken. */
  get size(): number {
    return this.rows.length;
  }

  /** Adds one record as a row, reported under `rowNumber`. */
  add(record: Record<string, unknown>, rowNumber: number): void {
    const keys = Object.keys(record);
    for (const key of keys) {
      if (!this.index.has(key)) {
        this.index.set(key, this.header.length);
        this.header.push(key);
      }
    }
    const row: unknown[] = new Array(this.header.length).fill(undefined);
    for (const key of keys) row[this.index.get(key)!] = record[key];
    this.rows.push(row);
    this.rowNumbers.push(rowNumber);
  }

  /** The rows collected so far as a batch, and starts a new one. */
  take(bytesRead: number): TableBatch {
    const batch = { header: this.header.slice(), rows: this.rows, rowNumbers: this.rowNumbers, bytesRead };
    this.rows = [];
    this.rowNumbers = [];
    return batch;
  }
}

/** Parses one non-blank line; returns the record, or reports an issue and returns undefined. */
function parseLine(
  file: InputFile,
  line: string,
  row: number,
  onIssue: (issue: Issue) => void,
): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    onIssue({ file: file.name, row, column: null, message: `not a JSON object: ${shortReason(error)}` });
    return undefined;
  }
  if (isRecord(value)) return value;
  onIssue({ file: file.name, row, column: null, message: `not a JSON object: the line holds ${jsonKind(value)}` });
  return undefined;
}

/**
 * Reads JSON Lines (one object per line, gzipped when `gzip`) as batches of rows. Blank lines are
 * skipped; a line that is not a JSON object becomes an issue and is skipped. Row number = 1-based line
 * number. The text is read chunk by chunk and split into lines; no whole-file string is built. A cell
 * nested too deeply is emptied and text that is not UTF-8 reported (`emptyTooDeep`, `InvalidUtf8`); the
 * rows are kept.
 */
export async function* readJsonl(
  file: InputFile,
  gzip: boolean,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): TableReader {
  const batcher = new RecordBatcher();
  const invalid = new InvalidUtf8();
  let rest = '';
  let lineNumber = 0;
  let bytesRead = 0;
  const handle = (raw: string): void => {
    lineNumber += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const record = parseLine(file, line, lineNumber, onIssue);
    if (!record) return;
    emptyTooDeep(file, record, lineNumber, onIssue);
    invalid.record(record, lineNumber);
    batcher.add(record, lineNumber);
  };
  for await (const chunk of textChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    invalid.chunk(chunk.text);
    const text = rest + chunk.text;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      handle(text.slice(start, end));
      start = end + 1;
      if (batcher.size >= BATCH_ROWS) yield batcher.take(bytesRead);
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) handle(rest);
  const notUtf8 = invalid.issue(file.name);
  if (notUtf8) onIssue(notUtf8, false);
  if (batcher.size > 0) yield batcher.take(bytesRead);
}
