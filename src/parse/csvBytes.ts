import { CR, DOT, LF, MINUS, NINE, QUOTE, ZERO } from './ascii';

/**
 * Incremental RFC 4180 tokenizer over bytes: feed byte chunks, get records as field offsets into the bytes,
 * with no string made per field. Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF,
 * LF and lone CR end a record; a chunk may end anywhere. Blank lines are skipped. A record's `line` is the
 * 1-based physical line where it starts.
 *
 * A quote opens a quoted field only as the field's first byte; after its closing quote, any further bytes
 * up to the delimiter belong to the field as they are (`"ab"cd` is `abcd`). A field read from its bytes as
 * they stand has `quoted` 0 (a quoted field without doubled quotes is given without its quotes); a field
 * that needs `unquote` has `quoted` 1 and its range includes the quotes.
 */
export interface ByteRecords {
  bytes: Uint8Array;
  /** records in this batch */
  count: number;
  /** record r's fields are first[r] … first[r + 1] - 1 */
  first: Int32Array;
  start: Int32Array;
  end: Int32Array;
  quoted: Uint8Array;
  line: Int32Array;
}

/** bytes gathered before a batch is tokenized (more when one record is longer) */
const BATCH_BYTES = 1 << 20;

export class CsvByteTokenizer {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** bytes of an incomplete record carried from the last batch (a batch is tried again only once it doubles) */
  private carried = 0;
  private line = 1;
  private open: number | null = null;
  private started = false;
  private readonly delimiter: number;

  /** `batchBytes`: bytes gathered before records are read (tests read at every chunk with 1) */
  constructor(
    delimiter = ',',
    private readonly batchBytes = BATCH_BYTES,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The line where an unterminated quoted field started (known after `end`). */
  get openRecordLine(): number | null {
    return this.open;
  }

  /** Adds a chunk; returns the complete records once enough bytes are gathered, else null. */
  push(chunk: Uint8Array): ByteRecords | null {
    if (chunk.length === 0) return null;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < Math.max(this.batchBytes, 2 * this.carried)) return null;
    return this.tokenize(false);
  }

  /** The last records (a file need not end with a line break). */
  end(): ByteRecords | null {
    return this.pendingBytes > 0 ? this.tokenize(true) : null;
  }

  private take(): Uint8Array {
    let bytes: Uint8Array;
    if (this.pending.length === 1) bytes = this.pending[0];
    else {
      bytes = new Uint8Array(this.pendingBytes);
      let at = 0;
      for (const p of this.pending) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    // a byte-order mark before the first record is not data
    if (!this.started) {
      this.started = true;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    return bytes;
  }

  private tokenize(final: boolean): ByteRecords {
    const bytes = this.take();
    const n = bytes.length;
    const delimiter = this.delimiter;
    const out = new RecordsBuilder(bytes, n);
    let line = this.line;
    let p = 0;
    let recordLine = line;
    let incomplete = false;
    records: while (p < n) {
      recordLine = line;
      const fieldMark = out.fields;
      let i = p;
      let fieldCount = 0;
      let lastEmpty: boolean;
      // one field per pass; ends at a delimiter (next field) or a record end
      for (;;) {
        const fs = i;
        let quoted = 0;
        if (i < n && bytes[i] === QUOTE) {
          let escaped = false;
          i++;
          for (;;) {
            if (i >= n) {
              if (final) {
                // an unterminated quote: the record is skipped, the caller reports its line
                this.open = recordLine;
                out.fields = fieldMark;
                p = n;
              } else incomplete = true;
              break records;
            }
            const c = bytes[i];
            if (c === QUOTE) {
              if (i + 1 >= n && !final) {
                incomplete = true; // a doubled quote may continue in the next chunk
                break records;
              }
              if (i + 1 < n && bytes[i + 1] === QUOTE) {
                escaped = true;
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c === CR) line++;
            else if (c === LF && bytes[i - 1] !== CR) line++;
            i++;
          }
          // bytes after the closing quote belong to the field as they are
          const closed = i;
          while (i < n) {
            const c = bytes[i];
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          if (escaped || i !== closed) quoted = 1;
          if (quoted) out.field(fs, i, 1);
          else out.field(fs + 1, closed - 1, 0);
        } else {
          while (i < n) {
            const c = bytes[i];
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          out.field(fs, i, 0);
        }
        fieldCount++;
        lastEmpty = quoted === 0 && i === fs;
        if (i >= n) {
          if (!final) {
            incomplete = true;
            break records;
          }
          break;
        }
        const c = bytes[i];
        if (c === delimiter) {
          i++;
          if (i >= n && !final) {
            incomplete = true;
            break records;
          }
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n && !final) {
            incomplete = true; // its LF may start the next chunk
            break records;
          }
          i += i + 1 < n && bytes[i + 1] === LF ? 2 : 1;
        } else i++;
        line++;
        break;
      }
      // a blank line (one empty unquoted field) is no record
      if (fieldCount === 1 && lastEmpty) out.fields = fieldMark;
      else out.record(fieldMark, recordLine);
      p = i;
    }
    if (incomplete) {
      // the unfinished record waits for more bytes; its lines are counted when it is read
      out.fields = out.recordFields();
      this.pending = [bytes.subarray(p)];
      this.pendingBytes = n - p;
      this.carried = n - p;
      this.line = recordLine;
    } else {
      this.carried = 0;
      this.line = line;
    }
    return out.finish();
  }
}

/** Growing arrays of field offsets and record starts for one batch. */
class RecordsBuilder {
  fields = 0;
  count = 0;
  private first: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  private quoted: Uint8Array;
  private line: Int32Array;

  constructor(
    private readonly bytes: Uint8Array,
    n: number,
  ) {
    const guess = Math.max(64, n >> 3);
    this.start = new Int32Array(guess);
    this.end = new Int32Array(guess);
    this.quoted = new Uint8Array(guess);
    const rows = Math.max(16, n >> 5);
    this.first = new Int32Array(rows + 1);
    this.line = new Int32Array(rows);
  }

  field(s: number, e: number, quoted: number): void {
    if (this.fields === this.start.length) {
      this.start = grow(this.start);
      this.end = grow(this.end);
      const q = new Uint8Array(this.quoted.length * 2);
      q.set(this.quoted);
      this.quoted = q;
    }
    this.start[this.fields] = s;
    this.end[this.fields] = e;
    this.quoted[this.fields++] = quoted;
  }

  recordFields(): number {
    return this.first[this.count];
  }

  record(firstField: number, line: number): void {
    if (this.count === this.line.length) {
      this.line = grow(this.line);
      const first = new Int32Array(this.line.length + 1);
      first.set(this.first);
      this.first = first;
    }
    this.first[this.count] = firstField;
    this.line[this.count++] = line;
    this.first[this.count] = this.fields;
  }

  finish(): ByteRecords {
    this.first[this.count] = this.fields;
    return {
      bytes: this.bytes,
      count: this.count,
      first: this.first,
      start: this.start,
      end: this.end,
      quoted: this.quoted,
      line: this.line,
    };
  }
}

function grow(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of bytes[start, end) (short ASCII without a decoder call). */
export function decodeBytes(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c >= 0x80) return utf8.decode(bytes.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(bytes.subarray(start, end));
}

/** A field whose range holds its quotes: doubled quotes inside become one; bytes after the closing quote are kept. */
export function unquote(raw: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const q = raw.indexOf('"', i);
    if (q < 0) return out + raw.slice(i);
    out += raw.slice(i, q);
    if (raw.charCodeAt(q + 1) === QUOTE) {
      out += '"';
      i = q + 2;
    } else return out + raw.slice(q + 1);
  }
}

/** The text of field f of a batch (quotes removed; formula guards kept). */
export function fieldText(records: ByteRecords, f: number): string {
  const text = decodeBytes(records.bytes, records.start[f], records.end[f]);
  return records.quoted[f] ? unquote(text) : text;
}

/** The fields of record k as text (quotes removed; formula guards kept). */
export function recordFields(records: ByteRecords, k: number): string[] {
  const out: string[] = [];
  for (let f = records.first[k]; f < records.first[k + 1]; f++) out.push(fieldText(records, f));
  return out;
}

/** Field f as the encoder reads a cell: formula guard removed, trimmed. */
export function fieldCell(records: ByteRecords, f: number): string {
  return unguard(fieldText(records, f)).trim();
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Field f as a number, as `Number` reads its text (NaN when empty). A plain decimal of at most 15 digits is
 * read from the bytes: digits ÷ a power of ten, both exact doubles, is the correctly rounded value.
 */
export function fieldNumber(records: ByteRecords, f: number): number {
  const s = records.start[f];
  const e = records.end[f];
  if (records.quoted[f] === 0) {
    const x = plainDecimal(records.bytes, s, e);
    if (!Number.isNaN(x)) return x;
  }
  const text = fieldCell(records, f);
  return text === '' ? NaN : Number(text);
}

/**
 * bytes[s, e) as a number when they are a plain decimal (an optional minus, at most 15 digits, at most one
 * point with digits after it), read from the bytes — digits ÷ a power of ten, both exact doubles, is the
 * correctly rounded value `Number` gives; NaN for anything else (the caller then reads the text).
 */
export function plainDecimal(bytes: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 16) return NaN;
  let i = s;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  let digits = 0;
  let mantissa = 0;
  let scale = -1;
  for (; i < e; i++) {
    const b = bytes[i];
    if (b === DOT && scale < 0) scale = 0;
    else if (b >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      digits++;
      if (scale >= 0) scale++;
    } else return NaN;
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  const x = scale > 0 ? mantissa / POWERS[scale] : mantissa;
  return negative ? -x : x;
}

/**
 * Whether bytes are their cell's text exactly: printable ASCII (so valid UTF-8, equal bytes for equal text),
 * nothing `trim` removes at either end, and no leading apostrophe (a formula guard `unguard` may remove).
 */
export function isExactText(bytes: Uint8Array, start: number, end: number): boolean {
  if (end === start || bytes[start] <= 0x20 || bytes[end - 1] <= 0x20 || bytes[start] === 39) return false;
  for (let i = start; i < end; i++) if (bytes[i] >= 0x7f || bytes[i] < 0x20) return false;
  return true;
}

/**
 * A cell without its formula guard: one leading apostrophe is removed when apostrophes and then = + - @
 * start the cell (`'=x` → `=x`, `''=x` → `'=x`), so every cell `csvCell` writes, header or row, reads back
 * as itself.
 */
export function unguard(field: string): string {
  return field.charCodeAt(0) === 39 && /^'+[=+\-@]/.test(field) ? field.slice(1) : field;
}
