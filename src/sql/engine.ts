import { summaryQueries, type ResultName } from './summaryQueries';

/** A row of a query result: column name (lower case) → value (numbers as `number`, NULL as null). */
export type ResultRow = Record<string, string | number | null>;

/** The little prefscope needs from a SQL engine (DuckDB, sql.js and PostgreSQL implement it). */
export interface SqlEngine {
  name: string;
  /** runs statements that return nothing */
  exec(sql: string): Promise<void>;
  all(sql: string): Promise<ResultRow[]>;
  /** inserts rows into an existing table */
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** frees the engine (a server engine drops what it created); await it */
  close(): void | Promise<void>;
}

export type SummaryResults = Record<ResultName, ResultRow[]>;

/** Runs every query of `summary.sql` on an engine holding `judgements` and `judgement_slices`. */
export async function runSummarySql(engine: SqlEngine, text?: string): Promise<SummaryResults> {
  const out = {} as SummaryResults;
  for (const { name, sql } of summaryQueries(text)) {
    try {
      out[name] = await engine.all(sql);
    } catch (error) {
      throw new Error(`${engine.name}: result "${name}" failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return out;
}

/** A JS value as a result cell: BigInt → number (counts fit), keys lower-cased by the caller. */
export function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}

/** A row object with lower-case keys and plain cells. */
export function plainRow(row: Record<string, unknown>): ResultRow {
  const out: ResultRow = {};
  for (const [k, v] of Object.entries(row)) out[k.toLowerCase()] = cell(v);
  return out;
}
