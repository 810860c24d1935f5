/**
 * Incremental RFC 4180 tokenizer: feed text chunks, get records. Quoted fields may hold delimiters,
 * doubled quotes and line breaks; CRLF, LF and lone CR end a record; a chunk may end anywhere (even
 * between the two quotes of an escaped quote or between CR and LF). Blank lines are skipped.
 * `line` is the 1-based physical line where the record starts.
 */
export type RecordSink = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private fields: string[] = [];
  private pending = '';
  private inQuotes = false;
  private quoteAtChunkEnd = false;
  private skipLF = false;
  private fieldIsQuoted = false;
  private line = 1;
  private recordLine = 1;
  /** the last character of the previous chunk (a CR there and an LF here are one line break) */
  private lastChar = -1;
  private readonly delimiter: number;
  private readonly separator: string;

  constructor(delimiter = ',') {
    this.delimiter = delimiter.charCodeAt(0);
    this.separator = delimiter;
  }

  /** The line where the record being read started (for an unterminated quote at the end). */
  get openRecordLine(): number | null {
    // a quote that ended the last chunk closes its field when the input ends (it could only have been doubled)
    return this.inQuotes && !this.quoteAtChunkEnd ? this.recordLine : null;
  }

  push(text: string, emit: RecordSink): void {
    const delimiter = this.delimiter;
    const n = text.length;
    if (n === 0) return; // an empty chunk must not end a pending escaped quote
    let i = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtChunkEnd) {
      this.quoteAtChunkEnd = false;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        this.pending += '"';
        i++;
      } else {
        this.inQuotes = false;
      }
    }
    let start = i;
    while (i < n) {
      // fast path: a whole line with no quote and no CR is split natively
      if (!this.inQuotes && i === start && this.pending === '' && this.fields.length === 0 && !this.fieldIsQuoted) {
        const nl = text.indexOf('\n', i);
        if (nl >= 0) {
          const end = nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          const line = text.slice(i, end);
          if (line.indexOf('"') < 0 && line.indexOf('\r') < 0) {
            if (line.length > 0) emit(line.split(this.separator), this.recordLine);
            this.line++;
            this.recordLine = this.line;
            i = start = nl + 1;
            continue;
          }
        }
      }
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.pending += text.slice(start, i);
          if (i + 1 === n) {
            this.quoteAtChunkEnd = true;
            start = n;
            break;
          }
          if (text.charCodeAt(i + 1) === QUOTE) {
            this.pending += '"';
            i += 2;
          } else {
            this.inQuotes = false;
            i += 1;
          }
          start = i;
          continue;
        }
        // CR, LF and CRLF each end one physical line; the CR of a CRLF may end the previous chunk
        if (c === CR) this.line++;
        else if (c === LF && (i > 0 ? text.charCodeAt(i - 1) : this.lastChar) !== CR) this.line++;
        i++;
        continue;
      }
      if (c === delimiter) {
        this.fields.push(this.pending + text.slice(start, i));
        this.pending = '';
        this.fieldIsQuoted = false;
        start = ++i;
      } else if (c === LF || c === CR) {
        this.fields.push(this.pending + text.slice(start, i));
        this.pending = '';
        this.endRecord(emit);
        this.line++;
        if (c === CR) {
          if (i + 1 === n) this.skipLF = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        start = ++i;
        this.recordLine = this.line;
      } else if (c === QUOTE && i === start && this.pending === '' && !this.fieldIsQuoted) {
        this.inQuotes = true;
        this.fieldIsQuoted = true;
        start = ++i;
      } else {
        i++;
      }
    }
    this.pending += text.slice(start, n);
    this.lastChar = text.charCodeAt(n - 1);
  }

  /** Flush the last record (a file need not end with a line break). */
  end(emit: RecordSink): void {
    if (this.quoteAtChunkEnd) {
      this.quoteAtChunkEnd = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) return; // unterminated quote: the caller reports `openRecordLine`
    if (this.pending !== '' || this.fields.length > 0 || this.fieldIsQuoted) {
      this.fields.push(this.pending);
      this.pending = '';
      this.endRecord(emit);
    }
  }

  private endRecord(emit: RecordSink): void {
    const fields = this.fields;
    this.fields = [];
    const blank = fields.length === 1 && fields[0] === '' && !this.fieldIsQuoted;
    this.fieldIsQuoted = false;
    if (!blank) emit(fields, this.recordLine);
  }
}
