import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnData,
  type FileMetaData,
} from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { compressors } from 'hyparquet-compressors';
import { cellNumber, cellText, type BatchCells, type CellCodes } from './cells';
import { isExactText } from './csvBytes';
import { BATCH_ROWS } from './readJsonl';
import { UnreadableFile, type InputFile, type Issue, type TableBatch, type TableReader } from './types';

/** Largest row range decoded at once when a row group is bigger (hyparquet decodes a column chunk again for each range of its group, so ranges are as large as memory allows). */
export const PARQUET_RANGE_ROWS = 500_000;

/**
 * An AsyncBuffer over a Blob: hyparquet fetches only the byte ranges it needs (footer, column chunks).
 * A corrupt footer can make hyparquet ask for a NaN or fractional offset, which aborts node's whole process
 * in `Blob.slice` (node 20): such a range throws a plain error instead, which the reader reports.
 */
export function blobBuffer(blob: Blob): AsyncBuffer {
  return {
    byteLength: blob.size,
    slice: (start: number, end?: number) => {
      if (!Number.isSafeInteger(start) || (end !== undefined && !Number.isSafeInteger(end)))
        throw new Error(`invalid byte range ${start}–${end}`);
      return blob.slice(start, end).arrayBuffer();
    },
  };
}

/**
 * A Parquet value made plain for workers, JSON and charts: BigInt becomes a Number (a string beyond
 * `Number.MAX_SAFE_INTEGER`), a Date its ISO string (null when invalid), recursively inside lists and
 * structs. Everything else is returned as is.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const abs = value < 0n ? -value : value;
    return abs <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item)]));
  }
  return value;
}

/** Row ranges to decode, with the index of their row group: each group, split into pieces of at most `PARQUET_RANGE_ROWS`. */
function rowRanges(metadata: FileMetaData): [number, number, number][] {
  const ranges: [number, number, number][] = [];
  let groupStart = 0;
  metadata.row_groups.forEach((group, g) => {
    const groupEnd = groupStart + Number(group.num_rows);
    for (let start = groupStart; start < groupEnd; start += PARQUET_RANGE_ROWS) {
      ranges.push([start, Math.min(groupEnd, start + PARQUET_RANGE_ROWS), g]);
    }
    groupStart = groupEnd;
  });
  return ranges;
}

/** The footer and the top-level column names; a footer that does not parse (or whose schema is broken) throws `UnreadableFile`. */
async function readMetadata(
  file: InputFile,
  buffer: AsyncBuffer,
): Promise<{ metadata: FileMetaData; header: string[] }> {
  try {
    const metadata = await parquetMetadataAsync(buffer);
    return { metadata, header: parquetSchema(metadata).children.map((child) => child.element.name) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableFile(file.name, `${file.name}: not a Parquet file, or its footer is corrupt (${reason})`);
  }
}

/**
 * Walks the page headers of each column chunk of a row group and throws when a data page v2 header lacks
 * its level lengths (required fields): hyparquet 1.31 then seeks to an undefined offset and, as a DataView
 * reads NaN as 0, decodes the first byte forever. Headers are read in small windows; a header that does not
 * parse, or has no page size, ends the walk of its chunk quietly (hyparquet fails on it too).
 */
async function checkPageHeaders(buffer: AsyncBuffer, group: FileMetaData['row_groups'][number]): Promise<void> {
  for (const { meta_data: meta } of group.columns) if (meta) await checkChunkPages(buffer, meta);
}

async function checkChunkPages(
  buffer: AsyncBuffer,
  meta: NonNullable<FileMetaData['row_groups'][number]['columns'][number]['meta_data']>,
): Promise<void> {
  let offset = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = Math.min(buffer.byteLength, offset + Number(meta.total_compressed_size));
  // stop after the chunk's values, as hyparquet does (some writers' ranges run past the last page)
  let values = 0;
  while (Number.isSafeInteger(offset) && offset >= 0 && offset < end && values < Number(meta.num_values)) {
    let header: ReturnType<typeof parquetHeader> | null = null;
    let length = 0;
    for (let size = Math.min(256, end - offset); header === null; size = Math.min(size * 8, end - offset)) {
      const reader = { view: new DataView(await buffer.slice(offset, offset + size)), offset: 0 };
      try {
        header = parquetHeader(reader);
        length = reader.offset;
      } catch (error) {
        if (!(error instanceof RangeError) || offset + size >= end) return; // not a header: hyparquet says why
      }
    }
    const v2 = header.data_page_header_v2;
    if (
      v2 &&
      !(
        Number.isSafeInteger(v2.definition_levels_byte_length) && Number.isSafeInteger(v2.repetition_levels_byte_length)
      )
    ) {
      throw new Error(`a page header of column ${meta.path_in_schema.join('.')} is corrupt (no level lengths)`);
    }
    if (!(Number.isSafeInteger(header.compressed_page_size) && header.compressed_page_size >= 0)) return; // hyparquet says why
    offset += length + header.compressed_page_size;
    values += Number(header.data_page_header?.num_values ?? v2?.num_values ?? 0);
  }
}

/**
 * The top-level columns whose values are plain UTF-8 text (BYTE_ARRAY without a type other than a string or
 * an enum, not nested). These are decoded as byte views (`readRange`), so the encoder can intern a column's
 * repeated values from their bytes, as it does a CSV's, and decode each distinct value once.
 */
export function textColumns(metadata: FileMetaData): Set<string> {
  const text = new Set<string>();
  for (const child of parquetSchema(metadata).children) {
    const { type, converted_type: ctype, logical_type: ltype, name } = child.element;
    if (child.children.length > 0 || type !== 'BYTE_ARRAY') continue;
    if (ctype !== undefined && ctype !== 'UTF8' && ctype !== 'ENUM') continue;
    if (ltype !== undefined && ltype.type !== 'STRING' && ltype.type !== 'ENUM') continue;
    text.add(name);
  }
  return text;
}

/** hyparquet's parsers with UTF-8 text left as its bytes (for `textColumns` only). */
const TEXT_AS_BYTES = { stringFromBytes: (bytes: Uint8Array) => bytes };

/**
 * Decodes rows [start, end) of `columns` column by column (no row arrays): each column's values for those
 * rows, in `columns` order, the `text` columns as byte views. hyparquet hands over decoded chunks that may
 * reach outside the range; only the overlap is kept.
 */
async function readRange(
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  columns: string[],
  text: Set<string>,
  start: number,
  end: number,
): Promise<unknown[][]> {
  const out = columns.map(() => new Array<unknown>(end - start).fill(null));
  const at = new Map(columns.map((name, c) => [name, c]));
  const onChunk = ({ columnName, columnData, rowStart, rowEnd }: ColumnData) => {
    const c = at.get(columnName);
    if (c === undefined) return;
    const into = out[c];
    const from = Math.max(start, rowStart);
    const to = Math.min(end, rowEnd);
    for (let row = from; row < to; row++) into[row - start] = columnData[row - rowStart];
  };
  const read = (names: string[], parsers?: typeof TEXT_AS_BYTES) =>
    names.length === 0
      ? Promise.resolve()
      : parquetRead({
          file: buffer,
          metadata,
          columns: names,
          rowStart: start,
          rowEnd: end,
          compressors,
          useOffsetIndex: true,
          parsers,
          onChunk,
        });
  await read(
    columns.filter((name) => text.has(name)),
    TEXT_AS_BYTES,
  );
  await read(columns.filter((name) => !text.has(name)));
  return out;
}

const utf8 = new TextDecoder();

/**
 * Rows of a Parquet file held as its decoded columns: the encoder reads cell (r, c) straight from column c,
 * made plain (`plainValue`) as it is read, and row arrays are made only for callers that want `rows`.
 */
export class ColumnBatch implements TableBatch, BatchCells {
  private madeRows: unknown[][] | null = null;

  constructor(
    readonly header: string[],
    /** per header column: its values for the range this batch lies in */
    private readonly columns: unknown[][],
    /** per header column: whether its values are UTF-8 text given as bytes */
    private readonly isText: boolean[],
    /** where this batch starts in the columns */
    private readonly offset: number,
    readonly size: number,
    /** the 1-based row number of the batch's first row */
    private readonly firstRow: number,
    readonly bytesRead: number,
  ) {}

  get cells(): BatchCells {
    return this;
  }

  get rowNumbers(): number[] {
    return Array.from({ length: this.size }, (_, r) => this.firstRow + r);
  }

  get rows(): unknown[][] {
    this.madeRows ??= Array.from({ length: this.size }, (_, r) => this.header.map((_, c) => this.value(r, c)));
    return this.madeRows;
  }

  line(r: number): number {
    return this.firstRow + r;
  }

  value(r: number, c: number): unknown {
    const v = this.columns[c][this.offset + r];
    if (v === null || typeof v === 'string' || typeof v === 'number') return v;
    return this.isText[c] && v instanceof Uint8Array ? utf8.decode(v) : plainValue(v);
  }

  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  number(r: number, c: number): number {
    return cellNumber(this.value(r, c));
  }

  code(r: number, c: number, codes: CellCodes): number {
    const v = this.columns[c][this.offset + r];
    if (!(this.isText[c] && v instanceof Uint8Array)) return codes.of(cellText(this.value(r, c)), false);
    // text from its bytes, as the CSV reader does: a value's text is made once per distinct byte string
    const id = codes.interner.id(v, 0, v.length);
    if (id === codes.coded) codes.learn(cellText(utf8.decode(v)), isExactText(v, 0, v.length));
    return codes.local[id];
  }
}

/**
 * Reads a Parquet file (any codec hyparquet-compressors decodes: snappy, gzip, zstd, brotli, lz4) in row
 * ranges, yielding batches of at most `BATCH_ROWS` rows. Header = the schema's top-level column names that
 * `columnsOf` keeps (asked before each range, so a column can stop being decoded part-way; all by default);
 * nested columns arrive as lists and objects. Row number = 1-based row index. `bytesRead` is estimated
 * as the share of rows done times the file size. A range that fails to decode becomes an issue; a file
 * whose footer cannot be read, or none of whose rows decode, throws `UnreadableFile`.
 */
export async function* readParquet(
  file: InputFile,
  onIssue: (issue: Issue) => void,
  columnsOf: (header: string[]) => string[] = (header) => header,
): TableReader {
  const buffer = blobBuffer(file.blob);
  const { metadata, header: all } = await readMetadata(file, buffer);
  const total = Number(metadata.num_rows);
  const ranges = rowRanges(metadata);
  const text = textColumns(metadata);
  const checked = new Map<number, Promise<void>>();
  let failed = 0;
  let firstError = '';
  for (const [start, end, group] of ranges) {
    let columns: unknown[][];
    // only the columns still wanted are decoded (asked again for each range)
    const header = columnsOf(all);
    const asText = header.map((name) => text.has(name));
    try {
      if (!checked.has(group)) checked.set(group, checkPageHeaders(buffer, metadata.row_groups[group]));
      await checked.get(group);
      columns = await readRange(buffer, metadata, header, text, start, end);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      firstError ||= reason;
      failed += 1;
      onIssue({
        file: file.name,
        row: null,
        column: null,
        message: `rows ${start + 1}-${end} could not be decoded: ${reason}`,
      });
      continue;
    }
    for (let from = 0; from < end - start; from += BATCH_ROWS) {
      const size = Math.min(BATCH_ROWS, end - start - from);
      const done = start + from + size;
      const bytesRead = Math.round((done / total) * file.blob.size);
      yield new ColumnBatch(header.slice(), columns, asText, from, size, start + from + 1, bytesRead);
    }
  }
  if (failed > 0 && failed === ranges.length) {
    throw new UnreadableFile(file.name, `${file.name}: no rows of the Parquet file could be decoded (${firstError})`);
  }
}
