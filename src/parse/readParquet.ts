import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { BATCH_ROWS } from './readJsonl';
import { UnreadableFile, type InputFile, type Issue, type TableReader } from './types';

/** Largest row range decoded at once when a row group is bigger (hyparquet decodes a column chunk again for each range of its group, so ranges are as large as memory allows). */
export const PARQUET_RANGE_ROWS = 500_000;

/** An AsyncBuffer over a Blob: hyparquet fetches only the byte ranges it needs (footer, column chunks). */
export function blobBuffer(blob: Blob): AsyncBuffer {
  return {
    byteLength: blob.size,
    slice: (start: number, end?: number) => blob.slice(start, end).arrayBuffer(),
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

/** Row ranges to decode: each row group, split into pieces of at most `PARQUET_RANGE_ROWS`. */
function rowRanges(metadata: FileMetaData): [number, number][] {
  const ranges: [number, number][] = [];
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    for (let start = groupStart; start < groupEnd; start += PARQUET_RANGE_ROWS) {
      ranges.push([start, Math.min(groupEnd, start + PARQUET_RANGE_ROWS)]);
    }
    groupStart = groupEnd;
  }
  return ranges;
}

async function readMetadata(file: InputFile, buffer: AsyncBuffer): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableFile(file.name, `${file.name}: not a Parquet file, or its footer is corrupt (${reason})`);
  }
}

/** Decodes rows [start, end) as arrays in `columns` order. */
async function readRange(
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  columns: string[],
  start: number,
  end: number,
): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  await parquetRead({
    file: buffer,
    metadata,
    columns,
    rowStart: start,
    rowEnd: end,
    compressors,
    useOffsetIndex: true,
    rowFormat: 'array',
    onComplete: (decoded: unknown[][]) => {
      rows = decoded;
    },
  });
  return rows;
}

/**
 * Reads a Parquet file (any codec hyparquet-compressors decodes: snappy, gzip, zstd, brotli, lz4) in row
 * ranges, yielding batches of at most `BATCH_ROWS` rows. Header = the schema's top-level column names;
 * nested columns arrive as lists and objects. Row number = 1-based row index. `bytesRead` is estimated
 * as the share of rows done times the file size. A range that fails to decode becomes an issue; a file
 * whose footer cannot be read, or none of whose rows decode, throws `UnreadableFile`.
 */
export async function* readParquet(file: InputFile, onIssue: (issue: Issue) => void): TableReader {
  const buffer = blobBuffer(file.blob);
  const metadata = await readMetadata(file, buffer);
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const total = Number(metadata.num_rows);
  const ranges = rowRanges(metadata);
  let failed = 0;
  let firstError = '';
  for (const [start, end] of ranges) {
    let rows: unknown[][];
    try {
      rows = await readRange(buffer, metadata, header, start, end);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      firstError ||= reason;
      failed += 1;
      onIssue({ file: file.name, row: null, column: null, message: `rows ${start + 1}-${end} could not be decoded: ${reason}` });
      continue;
    }
    for (let from = 0; from < rows.length; from += BATCH_ROWS) {
      const slice = rows.slice(from, from + BATCH_ROWS).map((row) => row.map(plainValue));
      const rowNumbers = slice.map((_, i) => start + from + i + 1);
      const done = start + from + slice.length;
      yield { header: header.slice(), rows: slice, rowNumbers, bytesRead: Math.round((done / total) * file.blob.size) };
    }
  }
  if (failed > 0 && failed === ranges.length) {
    throw new UnreadableFile(file.name, `${file.name}: no rows of the Parquet file could be decoded (${firstError})`);
  }
}
