import type { Issue } from './types';

const REPLACEMENT = '\uFFFD';

/**
 * Watches decoded text for U+FFFD, which the UTF-8 decoder writes where bytes were not UTF-8 (a file saved
 * as Windows-1252 or Latin-1). Such rows are kept, but ids or labels that differ only in those characters
 * read as one: one issue per file names the first row and column and counts the rows. Rows are checked
 * only once a chunk has held U+FFFD, so clean files cost one `includes` per chunk.
 */
export class InvalidUtf8 {
  private armed = false;
  private rows = 0;
  private first: { row: number | null; column: string | null } | null = null;

  /** Call with each decoded chunk before the rows in it are checked. */
  chunk(text: string): void {
    if (!this.armed && text.includes(REPLACEMENT)) this.armed = true;
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
