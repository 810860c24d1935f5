import { BACKSLASH, CLOSE_BRACE, COLON, COMMA, DOT, MINUS, NINE, OPEN_BRACE, PLUS, QUOTE, ZERO } from './ascii';

import { ByteInterner } from './byteInterner';
import { cellNumber, cellText, type BatchCells, type CellCodes } from './cells';
import { isExactText, plainDecimal } from './csvBytes';
import type { TableBatch } from './types';

/** What a field's bytes are: a string without escapes (bytes inside the quotes), one with, or a bare token. */
export const enum Kind {
  Text = 0,
  EscapedText = 1,
  Number = 2,
  True = 3,
  False = 4,
  Null = 5,
}

const utf8 = new TextDecoder('utf-8');

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
const isDigit = (b: number) => b >= ZERO && b <= NINE;

/** The end of the JSON number starting at i (the grammar exactly: `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`), or -1. */
function numberEnd(bytes: Uint8Array, i: number, e: number): number {
  if (bytes[i] === MINUS) i++;
  if (i >= e || !isDigit(bytes[i])) return -1;
  if (bytes[i] === ZERO) i++;
  else while (i < e && isDigit(bytes[i])) i++;
  if (i < e && bytes[i] === DOT) {
    i++;
    if (i >= e || !isDigit(bytes[i])) return -1;
    while (i < e && isDigit(bytes[i])) i++;
  }
  if (i < e && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    if (i < e && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
    if (i >= e || !isDigit(bytes[i])) return -1;
    while (i < e && isDigit(bytes[i])) i++;
  }
  return i;
}

/** A copy of `a` twice as long. */
function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const next = new (a.constructor as new (n: number) => T)(a.length * 2);
  next.set(a);
  return next;
}

/** Whether bytes[i…] spell `word` (ASCII). */
function spells(bytes: Uint8Array, i: number, e: number, word: string): boolean {
  if (e - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether the last string `stringEnd` read holds an escape (kept here, so the hot loop allocates nothing). */
let lastEscaped = false;

/**
 * The index of the closing quote of the string whose opening quote is at i - 1 (`lastEscaped` tells whether
 * it holds an escape); -1 when it is not closed on the line or holds a raw control character (not JSON).
 */
function stringEnd(bytes: Uint8Array, i: number, e: number): number {
  lastEscaped = false;
  for (; i < e; i++) {
    const b = bytes[i];
    if (b === QUOTE) return i;
    if (b < 0x20) return -1;
    if (b === BACKSLASH) {
      lastEscaped = true;
      i++;
    }
  }
  return -1;
}

/**
 * Lines of JSON Lines read from their bytes. A line that is one flat JSON object (strings, numbers, true,
 * false, null) is tokenized here: each field's column, byte range and kind. Any other line — nested values,
 * anything that is not JSON, a blank line — is left to the caller (`scan` returns false), which parses it
 * as text, so every message and every nested value is exactly what `JSON.parse` gives.
 */
export class JsonlFields {
  /** column names in first-seen order */
  readonly header: string[] = [];
  private readonly names = new Map<string, number>();
  private readonly keys = new ByteInterner();
  private keyColumn = new Int32Array(64);
  // per field of the current batch
  private column = new Int32Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  kind = new Uint8Array(1024);
  // per field of the line being read: its key's bytes (columns are given once the line is read)
  private keyStart = new Int32Array(1024);
  private keyEnd = new Int32Array(1024);
  private keyEscaped = new Uint8Array(1024);
  /** fields added since the last `take` */
  count = 0;

  /** The column of a key (its raw bytes between the quotes), added to the header when new. */
  private columnOf(bytes: Uint8Array, s: number, e: number, escaped: boolean): number {
    const known = this.keys.size;
    const id = this.keys.id(bytes, s, e);
    if (id < known) return this.keyColumn[id];
    const name = escaped
      ? (JSON.parse(utf8.decode(bytes.subarray(s - 1, e + 1))) as string)
      : utf8.decode(bytes.subarray(s, e));
    if (id === this.keyColumn.length) {
      const next = new Int32Array(this.keyColumn.length * 2);
      next.set(this.keyColumn);
      this.keyColumn = next;
    }
    return (this.keyColumn[id] = this.named(name));
  }

  /** The column of a key by its text, added to the header when new. */
  named(name: string): number {
    let c = this.names.get(name);
    if (c === undefined) {
      c = this.header.push(name) - 1;
      this.names.set(name, c);
    }
    return c;
  }

  /** Field f's value (of the fields not yet taken) as `JSON.parse` gives it. */
  valueAt(bytes: Uint8Array, f: number): unknown {
    return valueOf(this, bytes, f);
  }

  /** Field f's column (of the fields not yet taken). */
  columnAt(f: number): number {
    return this.column[f];
  }

  /** The fields added since the last `take`, as arrays of their own, and starts again. */
  take(): { column: Int32Array; start: Int32Array; end: Int32Array; kind: Uint8Array } {
    const n = this.count;
    this.count = 0;
    return {
      column: this.column.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      kind: this.kind.slice(0, n),
    };
  }

  private push(start: number, end: number, kind: Kind, keyStart: number, keyEnd: number, keyEscaped: boolean): void {
    if (this.count === this.column.length) {
      this.column = grow(this.column);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.kind = grow(this.kind);
      this.keyStart = grow(this.keyStart);
      this.keyEnd = grow(this.keyEnd);
      this.keyEscaped = grow(this.keyEscaped);
    }
    const f = this.count++;
    this.start[f] = start;
    this.end[f] = end;
    this.kind[f] = kind;
    this.keyStart[f] = keyStart;
    this.keyEnd[f] = keyEnd;
    this.keyEscaped[f] = keyEscaped ? 1 : 0;
  }

  private giveUp(before: number): false {
    this.count = before;
    return false;
  }

  /**
   * Tokenizes the line bytes[s, e) when it is one flat JSON object, adding its fields; otherwise adds
   * nothing and returns false.
   */
  scan(bytes: Uint8Array, s: number, e: number): boolean {
    const before = this.count;
    let i = s;
    while (i < e && isSpace(bytes[i])) i++;
    if (i >= e || bytes[i] !== OPEN_BRACE) return this.giveUp(before);
    i++;
    while (i < e && isSpace(bytes[i])) i++;
    if (i < e && bytes[i] === CLOSE_BRACE) i++;
    else {
      for (;;) {
        if (i >= e || bytes[i] !== QUOTE) return this.giveUp(before);
        const keyStart = i + 1;
        const keyEnd = stringEnd(bytes, keyStart, e);
        if (keyEnd < 0) return this.giveUp(before);
        const keyEscaped = lastEscaped;
        i = keyEnd + 1;
        while (i < e && isSpace(bytes[i])) i++;
        if (i >= e || bytes[i] !== COLON) return this.giveUp(before);
        i++;
        while (i < e && isSpace(bytes[i])) i++;
        if (i >= e) return this.giveUp(before);
        const b = bytes[i];
        let kind: Kind;
        let start = i;
        let end: number;
        if (b === QUOTE) {
          start = i + 1;
          end = stringEnd(bytes, start, e);
          if (end < 0) return this.giveUp(before);
          kind = lastEscaped ? Kind.EscapedText : Kind.Text;
          i = end + 1;
        } else if (b === MINUS || isDigit(b)) {
          end = numberEnd(bytes, i, e);
          if (end < 0) return this.giveUp(before);
          kind = Kind.Number;
          i = end;
        } else if (spells(bytes, i, e, 'true')) {
          kind = Kind.True;
          end = i += 4;
        } else if (spells(bytes, i, e, 'false')) {
          kind = Kind.False;
          end = i += 5;
        } else if (spells(bytes, i, e, 'null')) {
          kind = Kind.Null;
          end = i += 4;
        } else return this.giveUp(before); // a nested value, or not JSON
        this.push(start, end, kind, keyStart, keyEnd, keyEscaped);
        while (i < e && isSpace(bytes[i])) i++;
        if (i < e && bytes[i] === COMMA) {
          i++;
          while (i < e && isSpace(bytes[i])) i++;
          continue;
        }
        if (i < e && bytes[i] === CLOSE_BRACE) {
          i++;
          break;
        }
        return this.giveUp(before);
      }
    }
    while (i < e && isSpace(bytes[i])) i++;
    if (i !== e) return this.giveUp(before);
    // the keys' columns only now that the whole line is read here (a line given up adds no column)
    for (let f = before; f < this.count; f++)
      this.column[f] = this.columnOf(bytes, this.keyStart[f], this.keyEnd[f], this.keyEscaped[f] === 1);
    return true;
  }
}

/**
 * A batch of JSON Lines rows over the bytes they were read from: cell (r, c) is a field of the line (read
 * from its bytes, `JsonlFields`) or of a record parsed as text (a line with nested values). `code` interns a
 * string's bytes per column, so a repeated id or label is decoded once per file, as the CSV reader does;
 * `rows` makes arrays (each as long as the header was when its row was read) only for callers that want them.
 */
export class JsonlBatch implements TableBatch, BatchCells {
  readonly header: string[];
  private readonly width: number;
  /** per row and column: the field's index, -1 for none */
  private readonly cell: Int32Array;
  private madeRows: unknown[][] | null = null;

  constructor(
    header: readonly string[],
    private readonly bytes: Uint8Array,
    private readonly fields: {
      readonly column: Int32Array;
      readonly start: Int32Array;
      readonly end: Int32Array;
      readonly kind: Uint8Array;
    },
    /** per row: its first field; one more entry closes the last row */
    firstField: Int32Array,
    private readonly lines: Int32Array,
    /** per row: the header's length when the row was read */
    private readonly rowWidth: Int32Array,
    /** rows parsed as text, by row: their values by column */
    private readonly parsed: Map<number, unknown[]>,
    readonly bytesRead: number,
  ) {
    this.header = header.slice();
    this.width = this.header.length;
    const size = lines.length;
    this.cell = new Int32Array(size * this.width).fill(-1);
    for (let r = 0; r < size; r++)
      for (let f = firstField[r]; f < firstField[r + 1]; f++) this.cell[r * this.width + fields.column[f]] = f;
  }

  get size(): number {
    return this.lines.length;
  }

  get cells(): BatchCells {
    return this;
  }

  get rowNumbers(): number[] {
    return Array.from(this.lines);
  }

  get rows(): unknown[][] {
    this.madeRows ??= Array.from(this.lines, (_, r) =>
      Array.from({ length: this.rowWidth[r] }, (_, c) => this.value(r, c)),
    );
    return this.madeRows;
  }

  line(r: number): number {
    return this.lines[r];
  }

  // a row parsed as text has no field (its cells are -1): its values are in `parsed`
  value(r: number, c: number): unknown {
    const f = this.cell[r * this.width + c];
    return f >= 0 ? valueOf(this.fields, this.bytes, f) : this.parsed.get(r)?.[c];
  }

  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  number(r: number, c: number): number {
    const f = this.cell[r * this.width + c];
    if (f >= 0 && this.fields.kind[f] === Kind.Number) {
      const x = plainDecimal(this.bytes, this.fields.start[f], this.fields.end[f]);
      if (!Number.isNaN(x)) return x;
    }
    return cellNumber(this.value(r, c));
  }

  code(r: number, c: number, codes: CellCodes): number {
    const f = this.cell[r * this.width + c];
    if (f < 0) return codes.of(cellText(this.value(r, c)), false);
    const { start, end, kind } = this.fields;
    const text = kind[f] === Kind.Text;
    // a string's bytes with its quotes, so "1" and 1 are told apart; only a plain string can be new for sure
    const id =
      text || kind[f] === Kind.EscapedText
        ? codes.interner.id(this.bytes, start[f] - 1, end[f] + 1)
        : codes.interner.id(this.bytes, start[f], end[f]);
    if (id === codes.coded)
      codes.learn(cellText(valueOf(this.fields, this.bytes, f)), text && isExactText(this.bytes, start[f], end[f]));
    return codes.local[id];
  }
}

/** Field f's value as `JSON.parse` gives it. */
function valueOf(
  fields: { readonly start: Int32Array; readonly end: Int32Array; readonly kind: Uint8Array },
  bytes: Uint8Array,
  f: number,
): unknown {
  const s = fields.start[f];
  const e = fields.end[f];
  switch (fields.kind[f] as Kind) {
    case Kind.Text:
      return utf8.decode(bytes.subarray(s, e));
    case Kind.EscapedText:
      return JSON.parse(utf8.decode(bytes.subarray(s - 1, e + 1)));
    case Kind.Number:
      return Number(utf8.decode(bytes.subarray(s, e)));
    case Kind.True:
      return true;
    case Kind.False:
      return false;
    default:
      return null;
  }
}
