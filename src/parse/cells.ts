import { ByteInterner } from './byteInterner';

/**
 * A column's values coded by `of` (an id to its item code, a label to its raw-label code, …), asked once
 * per distinct cell where the batch can tell equal cells apart without decoding them (the CSV reader's
 * bytes), else once per cell. `of` must give the same code for the same text every time it is asked
 * within one file.
 */
export class CellCodes {
  /** the column's distinct byte strings (the CSV reader's cache), numbered in first-seen order */
  readonly interner = new ByteInterner();
  /** per interned byte string: its code */
  local = new Int32Array(256);
  /** byte strings whose code is known */
  coded = 0;
  /**
   * `of(text, fresh)`: `fresh` is true when this column has certainly not given the text before (distinct
   * bytes that are the text exactly), so a dictionary can add it without looking it up.
   */
  constructor(readonly of: (text: string, fresh: boolean) => number) {}

  /** Codes the text of the next interned byte string. */
  learn(text: string, fresh: boolean): void {
    if (this.coded === this.local.length) {
      const next = new Int32Array(this.local.length * 2);
      next.set(this.local);
      this.local = next;
    }
    this.local[this.coded++] = this.of(text, fresh);
  }
}

/**
 * The cells of one batch as the encoder reads them: `text` is a cell as text (trimmed; numbers and booleans
 * as written, objects as JSON), `number` a cell as a number (NaN when empty), `code` the cell's text coded.
 */
export interface BatchCells {
  readonly size: number;
  /** the row number reported in issues */
  line(r: number): number;
  text(r: number, c: number): string;
  /** the cell as the reader gave it (a parsed JSON value, a typed array, or text) */
  value(r: number, c: number): unknown;
  number(r: number, c: number): number;
  code(r: number, c: number, codes: CellCodes): number;
}

/** Any cell as text: null → '', numbers and booleans as written, objects as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A cell as a number: numbers as they are, text through `Number`, an empty cell NaN. */
export function cellNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = cellText(v);
  return s === '' ? NaN : Number(s);
}

/** The cells of rows given as arrays of values (JSON records, Parquet rows, adapters' canonical rows). */
export class RowCells implements BatchCells {
  constructor(
    private readonly rows: unknown[][],
    private readonly rowNumbers: number[],
  ) {}
  get size(): number {
    return this.rows.length;
  }
  line(r: number): number {
    return this.rowNumbers[r];
  }
  text(r: number, c: number): string {
    return cellText(this.rows[r][c]);
  }
  value(r: number, c: number): unknown {
    return this.rows[r][c];
  }
  number(r: number, c: number): number {
    return cellNumber(this.rows[r][c]);
  }
  code(r: number, c: number, codes: CellCodes): number {
    return codes.of(cellText(this.rows[r][c]), false);
  }
}
