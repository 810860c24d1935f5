import type { Issue } from './types';

const REPLACEMENT = '\uFFFD';
const utf8 = new TextDecoder('utf-8');

/**
 * Watches decoded text for U+FFFD, which the UTF-8 decoder writes where bytes were not UTF-8 (a file saved
 * as Windows-1252 or Latin-1). Such rows are kept, but ids or labels that differ only in those characters
 * read as one: one issue per file names the first row and column and counts the rows. Rows are checked
 * only once a chunk has held U+FFFD, so clean files cost one `includes` per chunk.
 */
export class InvalidUtf8 {
  /** true once a chunk has held U+FFFD: rows are checked from then on */
  armed = false;
  private rows = 0;
  private first: { row: number | null; column: string | null } | null = null;

  /** Call with each decoded chunk before the rows in it are checked. */
  chunk(text: string): void {
    if (!this.armed && text.includes(REPLACEMENT)) this.armed = true;
  }

  /** Call with each batch of raw bytes before its rows are checked: only bytes past ASCII are decoded to look. */
  bytes(bytes: Uint8Array): void {
    if (this.armed) return;
    const first = firstHighByte(bytes);
    if (first >= 0) this.chunk(utf8.decode(bytes.subarray(first)));
  }

  /** Checks a row of text cells; `names[i]` is the column of cell i. */
  cells(cells: readonly string[], names: readonly string[] | null, row: number): void {
    if (!this.armed) return;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i].includes(REPLACEMENT)) {
        this.count(row, names?.[i] ?? null);
        return;
      }
    }
  }

  /** Checks a parsed JSON record (nested values as JSON text): the column is the first key whose value holds U+FFFD. */
  record(record: Record<string, unknown>, row: number): void {
    if (!this.armed) return;
    const column = Object.keys(record).find((key) => {
      const value = record[key];
      return typeof value === 'string'
        ? value.includes(REPLACEMENT)
        : value !== null && typeof value === 'object' && JSON.stringify(value).includes(REPLACEMENT);
    });
    if (column !== undefined) this.count(row, column);
  }

  /** The file's one issue, or null when every byte was UTF-8. */
  issue(file: string): Issue | null {
    if (!this.first) return null;
    const others = this.rows - 1;
    const also = others > 0 ? ` here and in ${others.toLocaleString('en-US')} other row${others === 1 ? '' : 's'}` : '';
    const message = `bytes that are not UTF-8 (shown as "${REPLACEMENT}")${also}: the file may be Windows-1252 or Latin-1. The rows are kept, but ids or labels that differ only there read as one; save the file as UTF-8`;
    return { file, row: this.first.row, column: this.first.column, message };
  }

  private count(row: number, column: string | null): void {
    this.rows++;
    this.first ??= { row, column };
  }
}

/** The index of the first byte past ASCII, or -1 (read four bytes at a time where they are aligned). */
function firstHighByte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) if (bytes[i++] >= 0x80) return i - 1;
  if (i === n) return -1;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >> 2);
  for (let w = 0; w < words.length; w++) {
    if ((words[w] & 0x80808080) !== 0) {
      for (let k = i + 4 * w; ; k++) if (bytes[k] >= 0x80) return k;
    }
  }
  for (i += 4 * words.length; i < n; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}
