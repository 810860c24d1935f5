import { existsSync, openAsBlob } from 'node:fs';
import { basename, join } from 'node:path';
import type { Scale } from '../core/types';
import { loadFiles } from '../parse/loadFiles';
import type { Summary } from '../summary/types';
import { assembleSummary } from './assembleSummary';
import { duckdbEngine } from './duckdbEngine';
import { quoteText } from './duckdbFile';
import { duckdbJudgements, type FileSummaryOptions } from './duckdbJudgements';
import { runSummarySql, type SqlEngine, type SummaryResults } from './engine';
import { postgresEngine, type PostgresOptions } from './postgresEngine';
import { ratingsTables } from './ratingsTables';
import { sqliteEngine } from './sqliteEngine';
import { RESULT_NAMES } from './summaryQueries';

export type EngineName = 'duckdb' | 'sqlite' | 'postgres';

export interface SummarizeOptions extends FileSummaryOptions {
  engine?: EngineName;
  /** where the `postgres` engine connects (default: the libpq variables PGHOST, PGPORT, PGUSER, …) */
  postgres?: PostgresOptions;
}

/** The summary of a file and what it took: warnings (conflicting gold codes) and milliseconds per step. */
export interface Summarized {
  summary: Summary;
  warnings: string[];
  timings: { load_ms: number; sql_ms: number };
}

/**
 * `summary.sql` on one file: DuckDB reads CSV (also .gz) or Parquet itself and builds the input tables
 * in SQL (`duckdbJudgements`); `sqlite` and `postgres` read the file with prefscope's own `loadFiles` (any
 * format it reads, wide files too) and insert the judgements into sql.js or into a schema of their own on a
 * PostgreSQL server (`postgresEngine`). All then run the same portable SQL.
 */
export async function summarizeFile(path: string, options: SummarizeOptions = {}): Promise<Summarized> {
  const t0 = performance.now();
  let engine: SqlEngine | null = null;
  try {
    let scale: Scale, categories: string[];
    if ((options.engine ?? 'duckdb') === 'duckdb') {
      engine = await duckdbEngine();
      ({ scale, categories } = await duckdbJudgements(engine, path, options));
    } else {
      const file = { name: basename(path), blob: (await openAsBlob(path)) as unknown as Blob };
      const overrides = {
        item: options.item ?? null,
        annotator: options.annotator ?? null,
        label: options.label ?? null,
      };
      const { ratings } = await loadFiles([file], {
        files: [{ overrides }],
        scale: options.scale ?? null,
        labelMap: options.labelMap ?? null,
      });
      const dimension = options.dimension ? ratings.dimensions.indexOf(options.dimension) : 0;
      if (dimension < 0)
        throw new Error(`no dimension "${options.dimension}" (dimensions: ${ratings.dimensions.join(', ')})`);
      engine = options.engine === 'postgres' ? await postgresEngine(options.postgres) : await sqliteEngine();
      await ratingsTables(engine, ratings, { dimension });
      ({ scale, categories } = ratings);
    }
    const t1 = performance.now();
    const results = await runSummarySql(engine);
    return {
      ...assembleSummary(results, { scale, categories }),
      timings: { load_ms: t1 - t0, sql_ms: performance.now() - t1 },
    };
  } finally {
    await engine?.close();
  }
}

/**
 * The summary from results another engine wrote (Spark, Trino, BigQuery): `DIR/NAME.csv` or
 * `DIR/NAME.parquet` for each result of `summary.sql`, read with DuckDB; the scale (and for nominal
 * data the categories, in code order) must be stated.
 */
export async function summarizeResults(
  dir: string,
  { scale, categories }: { scale: Scale; categories: string[] },
): Promise<{ summary: Summary; warnings: string[] }> {
  const engine = await duckdbEngine();
  try {
    const results = {} as SummaryResults;
    for (const name of RESULT_NAMES) {
      const csv = join(dir, `${name}.csv`),
        parquet = join(dir, `${name}.parquet`);
      if (existsSync(parquet)) results[name] = await engine.all(`SELECT * FROM read_parquet(${quoteText(parquet)})`);
      else if (existsSync(csv))
        results[name] = await engine.all(
          `SELECT * FROM read_csv(${quoteText(csv)}, header = true, all_varchar = true)`,
        );
      else throw new Error(`no ${name}.csv or ${name}.parquet in ${dir}`);
    }
    return assembleSummary(results, { scale, categories });
  } finally {
    engine.close();
  }
}
