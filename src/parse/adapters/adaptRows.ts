import { ITEM_ONLY } from '../encoder';
import { RecordBatcher } from '../readJsonl';
import type { Issue, TableBatch, TableReader } from '../types';
import { CANONICAL_COLUMNS, type Adapter, type CanonicalRow, type SourceRecord } from './adapter';

/** A table row as a record keyed by its header (null prototype, so `__proto__` is an ordinary key). */
export function recordOf(header: string[], row: unknown[]): SourceRecord {
  const record: SourceRecord = Object.create(null);
  for (let c = 0; c < header.length; c++) if (row[c] !== undefined) record[header[c]] = row[c];
  return record;
}

/** The records of a batch. */
export function recordsOf(batch: TableBatch): SourceRecord[] {
  return batch.rows.map((row) => recordOf(batch.header, row));
}

/**
 * Turns one batch of source records into a batch of canonical rows (the `CANONICAL_COLUMNS` a row sets,
 * then any pass-through columns). Each canonical row keeps its source record's row number; problems become issues.
 */
export function adaptBatch(
  batch: TableBatch,
  adapter: Adapter,
  fileName: string,
  onIssue: (issue: Issue) => void,
  file: AdaptedFile = adaptedFile(fileName),
): TableBatch {
  const out = new RecordBatcher();
  for (let r = 0; r < batch.rows.length; r++) {
    const row = batch.rowNumbers[r];
    adapter.read(recordOf(batch.header, batch.rows[r]), {
      fileName,
      judgeName: file.judgeName,
      note(message) {
        file.notes.set(message, (file.notes.get(message) ?? 0) + 1);
      },
      alias(id, name) {
        if (!file.aliases.has(id)) file.aliases.set(id, name);
      },
      emit(c: CanonicalRow, extra?: Record<string, unknown>) {
        const record: SourceRecord = Object.create(null);
        const fields = c as Record<string, unknown>;
        for (const k of CANONICAL_COLUMNS) {
          if (k === 'annotator_kind') record[k] = c.annotator ? (c.kind ?? 'human') : ITEM_ONLY;
          else if (fields[k] !== undefined) record[k] = fields[k];
        }
        if (extra) for (const k of Object.keys(extra)) if (!(k in record)) record[k] = extra[k];
        out.add(record, row);
      },
      problem(field, message) {
        onIssue({ file: fileName, row, column: field, message });
      },
    });
  }
  return out.take(batch.bytesRead);
}

/** What an adapter reading one file is told (its judge's name) and tells back (notes with their counts). */
export interface AdaptedFile {
  judgeName: string;
  notes: Map<string, number>;
  /** annotator id → the name to show it under */
  aliases: Map<string, string>;
}

export function adaptedFile(fileName: string, judgeName = fileName): AdaptedFile {
  return { judgeName, notes: new Map(), aliases: new Map() };
}

/** The rows of `source` read by `adapter`, batch by batch. */
export async function* adaptRows(
  source: TableReader,
  adapter: Adapter,
  fileName: string,
  onIssue: (issue: Issue) => void,
  file: AdaptedFile = adaptedFile(fileName),
): TableReader {
  for await (const batch of source) yield adaptBatch(batch, adapter, fileName, onIssue, file);
}
