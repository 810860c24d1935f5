import { LF } from './ascii';

import { byteChunks } from './byteStream';
import { InvalidUtf8 } from './invalidUtf8';
import { JsonlBatch, JsonlFields } from './jsonlBytes';
import type { InputFile, Issue, TableBatch, TableReader } from './types';

const utf8 = new TextDecoder('utf-8');

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

/** The bytes of several chunks as one array (the chunk itself when there is one). */
function joined(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads JSON Lines (one object per line, gzipped when `gzip`) as batches of at most `BATCH_ROWS` rows, from
 * the bytes: a line that is one flat object is tokenized without parsing it as text (`JsonlFields`), and the
 * encoder reads its cells from the bytes (`JsonlBatch`); any other line is decoded and given to `JSON.parse`,
 * so nested values, messages and row numbers are what parsing each line as text gives. Blank lines are
 * skipped; a line that is not a JSON object becomes an issue and is skipped. Row number = 1-based line
 * number. No whole-file buffer or string is built. A cell nested too deeply is emptied and text that is
 * not UTF-8 reported (`emptyTooDeep`, `InvalidUtf8`); the rows are kept.
 */
export async function* readJsonl(
  file: InputFile,
  gzip: boolean,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): TableReader {
  const fields = new JsonlFields();
  const invalid = new InvalidUtf8();
  let lineNumber = 0;
  let bytesRead = 0;
  // the rows of the batch being filled
  let firstField: number[] = [];
  let lines: number[] = [];
  let widths: number[] = [];
  let parsed = new Map<number, unknown[]>();

  const take = (bytes: Uint8Array): JsonlBatch => {
    firstField.push(fields.count);
    const batch = new JsonlBatch(
      fields.header,
      bytes,
      fields.take(),
      Int32Array.from(firstField),
      Int32Array.from(lines),
      Int32Array.from(widths),
      parsed,
      bytesRead,
    );
    firstField = [];
    lines = [];
    widths = [];
    parsed = new Map();
    return batch;
  };

  /** Reads line bytes[s, e) (without its newline) into the batch. */
  const readLine = (bytes: Uint8Array, s: number, e: number): void => {
    lineNumber += 1;
    const first = fields.count;
    if (fields.scan(bytes, s, e)) {
      if (invalid.armed) checkText(bytes, first);
    } else {
      const raw = utf8.decode(bytes.subarray(s, e));
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const record = parseLine(file, line, lineNumber, onIssue);
      if (!record) return;
      emptyTooDeep(file, record, lineNumber, onIssue);
      invalid.record(record, lineNumber);
      const row: unknown[] = [];
      for (const key of Object.keys(record)) row[fields.named(key)] = record[key];
      parsed.set(lines.length, row);
    }
    firstField.push(first);
    lines.push(lineNumber);
    widths.push(fields.header.length);
  };

  /** Reports the row's first string holding U+FFFD (bytes that were not UTF-8). */
  const checkText = (bytes: Uint8Array, first: number): void => {
    const texts: string[] = [];
    const names: string[] = [];
    for (let f = first; f < fields.count; f++) {
      const value = fields.valueAt(bytes, f);
      if (typeof value !== 'string') continue;
      texts.push(value);
      names.push(fields.header[fields.columnAt(f)]);
    }
    invalid.cells(texts, names, lineNumber);
  };

  /** Reads the lines of bytes[0, limit), yielding full batches. */
  function* readLines(bytes: Uint8Array, limit: number): Generator<JsonlBatch> {
    invalid.bytes(bytes.subarray(0, limit));
    let s = lineNumber === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a BOM
    while (s <= limit) {
      let e = bytes.indexOf(LF, s);
      if (e < 0 || e > limit) e = limit;
      readLine(bytes, s, e);
      s = e + 1;
      if (lines.length >= BATCH_ROWS) yield take(bytes);
    }
    if (lines.length > 0) yield take(bytes);
  }

  // chunks of a line not yet ended
  let pending: Uint8Array[] = [];
  for await (const chunk of byteChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    const last = chunk.bytes.lastIndexOf(LF);
    if (last < 0) {
      pending.push(chunk.bytes);
      continue;
    }
    const before = pending.reduce((n, c) => n + c.length, 0);
    const bytes = joined([...pending, chunk.bytes]);
    yield* readLines(bytes, before + last);
    pending = last + 1 < chunk.bytes.length ? [chunk.bytes.subarray(last + 1)] : [];
  }
  if (pending.length > 0) {
    const bytes = joined(pending);
    yield* readLines(bytes, bytes.length);
  }
  const notUtf8 = invalid.issue(file.name);
  if (notUtf8) onIssue(notUtf8, false);
}
