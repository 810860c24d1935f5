import { nested } from './adapters/adapter';
import { recordOf } from './adapters/adaptRows';
import { RecordBatcher } from './readJsonl';
import type { TableBatch, TableReader } from './types';

/** A cell that holds a JSON object (parsed, or as text): the object, else null. */
export function objectCell(v: unknown): Record<string, unknown> | null {
  const x = nested(v);
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

/** Columns of a batch whose cells (among the first 20 non-empty) all hold JSON objects. */
export function jsonColumns(batch: TableBatch | null): string[] {
  if (!batch) return [];
  return batch.header.filter((_, c) => {
    let seen = 0;
    for (const row of batch.rows) {
      const v = row[c];
      if (v === undefined || v === null || v === '') continue;
      if (!objectCell(v)) return false;
      if (++seen >= 20) break;
    }
    return seen > 0;
  });
}

/** One batch with each of `columns` that holds a JSON object spread into `column.key` columns (the column itself kept). */
export function expandBatch(batch: TableBatch, columns: readonly string[]): TableBatch {
  const out = new RecordBatcher();
  for (let r = 0; r < batch.rows.length; r++) {
    const record = recordOf(batch.header, batch.rows[r]);
    for (const column of columns) {
      const o = objectCell(record[column]);
      if (!o) continue;
      for (const key of Object.keys(o)) record[`${column}.${key}`] = o[key];
    }
    out.add(record, batch.rowNumbers[r]);
  }
  return out.take(batch.bytesRead);
}

/** The batches of `source` with `columns` spread into their fields (the page's "this column holds JSON: use field …"). */
export async function* expandColumns(source: TableReader, columns: readonly string[]): TableReader {
  for await (const batch of source) yield expandBatch(batch, columns);
}
