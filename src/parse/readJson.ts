import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './ascii';

import { textChunks } from './byteStream';
import { InvalidUtf8 } from './invalidUtf8';
import { BATCH_ROWS, RecordBatcher, emptyTooDeep, isRecord, jsonKind, shortReason } from './readJsonl';
import { UnreadableFile, type InputFile, type Issue, type TableReader } from './types';

/** Largest top-level JSON object (in characters) parsed whole; arrays are streamed at any size. */
export const OBJECT_LIMIT = 64 * 1024 * 1024;

/** `start`: nothing but whitespace yet; `array`: inside the top-level array; `end`: after its `]`;
 * `object`: the text starts with `{`; `other`: it starts with anything else. */
export type ScanMode = 'start' | 'array' | 'end' | 'object' | 'other';

/**
 * Incremental splitter of a top-level JSON array into the texts of its elements. Text is pushed chunk
 * by chunk; string, escape and bracket-depth state carry over chunk boundaries, so each element is cut
 * out whole and can be `JSON.parse`d alone. It does not validate: `JSON.parse` of each element does.
 */
export class JsonArrayScanner {
  mode: ScanMode = 'start';
  /** non-whitespace text was seen after the closing `]` */
  trailingText = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pending = '';

  /** Feeds the next chunk of text; returns the element texts completed in it. */
  push(text: string): string[] {
    const out: string[] = [];
    let i = 0;
    if (this.mode === 'start') {
      i = skipWhitespace(text, 0);
      if (i === text.length) return out;
      const first = text.charCodeAt(i);
      this.mode = first === OPEN_BRACKET ? 'array' : first === OPEN_BRACE ? 'object' : 'other';
      i += 1;
    }
    if (this.mode === 'end') this.checkTrailing(text, 0);
    if (this.mode !== 'array') return out;
    let start = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
      } else if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
      else if (this.depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) this.depth -= 1;
      else if (this.depth === 0 && c === COMMA) {
        out.push(this.cut(text.slice(start, i)));
        start = i + 1;
      } else if (this.depth === 0 && c === CLOSE_BRACKET) {
        const last = this.cut(text.slice(start, i));
        if (last !== '') out.push(last);
        this.mode = 'end';
        this.checkTrailing(text, i + 1);
        return out;
      }
    }
    this.pending += text.slice(start);
    return out;
  }

  /**
   * Ends the input. For an array left open (a truncated file) returns the last element's text when it
   * is complete (its brackets and strings closed), else undefined. `mode` stays `array` in that case.
   */
  finish(): string | undefined {
    if (this.mode !== 'array' || this.depth > 0 || this.inString) return undefined;
    const last = this.cut('');
    return last === '' ? undefined : last;
  }

  private cut(piece: string): string {
    const element = (this.pending + piece).trim();
    this.pending = '';
    return element;
  }

  private checkTrailing(text: string, from: number): void {
    if (skipWhitespace(text, from) < text.length) this.trailingText = true;
  }
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i += 1;
  return i;
}

/** Adds a parsed value as a row (its too deeply nested cells emptied), or reports why it is not a record. */
function addValue(
  batcher: RecordBatcher,
  file: InputFile,
  value: unknown,
  row: number,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): void {
  if (isRecord(value)) {
    emptyTooDeep(file, value, row, onIssue);
    batcher.add(value, row);
  } else
    onIssue({ file: file.name, row, column: null, message: `not a JSON object: the record is ${jsonKind(value)}` });
}

/** The records of a whole top-level object: the first property holding an array of objects. */
function recordsOfObject(file: InputFile, text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `${file.name}: not valid JSON (${shortReason(error)}); one object per line would be JSON Lines`;
    throw new UnreadableFile(file.name, reason);
  }
  let empty: unknown[] | undefined;
  for (const entry of Object.values(value as Record<string, unknown>)) {
    if (!Array.isArray(entry)) continue;
    if (entry.some(isRecord)) return entry;
    if (entry.length === 0) empty ??= entry;
  }
  if (empty) return empty;
  throw new UnreadableFile(file.name, `${file.name}: a JSON object with no array of records`);
}

/**
 * Reads a JSON file (gzipped when `gzip`) holding a top-level array of objects, streamed: each element
 * is cut out of the text chunks and parsed alone. Row number = 1-based record index; a non-object
 * element becomes an issue. A truncated array keeps its complete records and reports where it broke.
 * A top-level object below `OBJECT_LIMIT` is parsed whole and its first array of objects (such as
 * `{"data": [...]}`) is read. An empty file yields nothing. A cell nested too deeply is emptied and text
 * that is not UTF-8 reported (`emptyTooDeep`, `InvalidUtf8`); the rows are kept.
 */
export async function* readJson(
  file: InputFile,
  gzip: boolean,
  onIssue: (issue: Issue, dropped?: boolean) => void,
): TableReader {
  const scanner = new JsonArrayScanner();
  const batcher = new RecordBatcher();
  const invalid = new InvalidUtf8();
  const objectParts: string[] = [];
  let objectLength = 0;
  let record = 0;
  let bytesRead = 0;
  const parseElement = (text: string): void => {
    record += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      onIssue({ file: file.name, row: record, column: null, message: `not a JSON object: ${shortReason(error)}` });
      return;
    }
    addValue(batcher, file, value, record, onIssue);
    if (isRecord(value)) invalid.record(value, record);
  };
  for await (const chunk of textChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    invalid.chunk(chunk.text);
    const texts = scanner.mode === 'object' ? [] : scanner.push(chunk.text);
    for (const text of texts) {
      parseElement(text);
      if (batcher.size >= BATCH_ROWS) yield batcher.take(bytesRead);
    }
    if (scanner.mode === 'other') {
      throw new UnreadableFile(file.name, `${file.name}: not a JSON array or object of records`);
    }
    if (scanner.mode === 'object') {
      objectLength += chunk.text.length;
      if (objectLength > OBJECT_LIMIT) {
        const reason = `${file.name}: a JSON object over 64 MB; save the records as a JSON array or JSON Lines`;
        throw new UnreadableFile(file.name, reason);
      }
      objectParts.push(chunk.text);
    }
  }
  if (scanner.mode === 'object') {
    const records = recordsOfObject(file, objectParts.join(''));
    objectParts.length = 0;
    for (let i = 0; i < records.length; i++) {
      addValue(batcher, file, records[i], i + 1, onIssue);
      if (isRecord(records[i])) invalid.record(records[i] as Record<string, unknown>, i + 1);
      if (batcher.size >= BATCH_ROWS) yield batcher.take(bytesRead);
    }
  } else if (scanner.mode === 'array') {
    const last = scanner.finish();
    if (last !== undefined) parseElement(last);
    const where = record > 0 ? `the last complete record is #${record}` : 'no record is complete';
    onIssue({ file: file.name, row: null, column: null, message: `truncated JSON: the array is not closed; ${where}` });
  } else if (scanner.trailingText) {
    onIssue({
      file: file.name,
      row: null,
      column: null,
      message: 'text after the closing ] of the JSON array was ignored',
    });
  }
  const notUtf8 = invalid.issue(file.name);
  if (notUtf8) onIssue(notUtf8, false);
  if (batcher.size > 0) yield batcher.take(bytesRead);
}
