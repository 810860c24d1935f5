import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { compressors } from 'hyparquet-compressors';
import { BATCH_ROWS } from './readJsonl';
import { UnreadableFile, type InputFile, type Issue, type TableReader } from './types';

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
  const checked = new Map<number, Promise<void>>();
  let failed = 0;
  let firstError = '';
  for (const [start, end, group] of ranges) {
    let rows: unknown[][];
    // only the columns still wanted are decoded (asked again for each range)
    const header = columnsOf(all);
    try {
      if (!checked.has(group)) checked.set(group, checkPageHeaders(buffer, metadata.row_groups[group]));
      await checked.get(group);
      rows = await readRange(buffer, metadata, header, start, end);
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
