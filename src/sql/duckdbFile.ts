import { guessMapping, otherColumns, rubricColumns, type ColumnMapping } from '../parse/columnRoles';
import type { SqlEngine } from './engine';

/** Column roles stated by name (the command's --item, --annotator, --label); the rest is guessed. */
export interface ColumnOverrides {
  item?: string | null;
  annotator?: string | null;
  label?: string | null;
  /** a rubric label column to read as the label (its dimension named by the column) */
  dimension?: string | null;
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A text cell as prefscope's readers see it: trimmed, NULL → ''. */
const text = (column: string | null, fallback = "''") =>
  column === null ? fallback : `coalesce(trim(CAST(${quoteId(column)} AS VARCHAR)), '')`;

/**
 * Reads a CSV / TSV (optionally .gz) or Parquet file into DuckDB (every CSV cell as text), guesses the
 * column roles from its header with prefscope's own `guessMapping` (overrides win) and writes table
 * `base`: one row per file row, `_rn` its position in the file, the canonical columns as trimmed text (`item`, `annotator`, `label`, `dimension`, `gold_flag`, `gold`, `ai`, `model_a`, `model_b`,
 * `time_seconds` as a finite double or NULL, `ts` for ordering duplicates) and each candidate slice
 * column as `s0`, `s1`, … (returned with its name).
 */
export async function duckdbFile(
  engine: SqlEngine,
  path: string,
  overrides: ColumnOverrides = {},
): Promise<{ mapping: ColumnMapping; sliceColumns: string[] }> {
  const source = /\.parquet$/i.test(path)
    ? `read_parquet(${quoteText(path)})`
    : `read_csv(${quoteText(path)}, all_varchar = true, header = true)`;
  // DuckDB keeps insertion order by default, so a plain table's rowid is the row's position in the file
  await engine.exec(`CREATE TABLE src AS SELECT * FROM ${source}`);
  const header = (await engine.all('DESCRIBE src')).map((r) => String(r.column_name));
  const mapping = guessMapping(header);
  for (const role of ['item', 'annotator', 'label'] as const) {
    const column = overrides[role];
    if (!column) continue;
    if (!header.includes(column)) throw new Error(`no column "${column}" (columns: ${header.join(', ')})`);
    for (const r of Object.keys(mapping) as (keyof ColumnMapping)[])
      if (mapping[r] === column) (mapping as Record<string, unknown>)[r] = null;
    mapping[role] = column;
  }
  if (mapping.shape === 'wide')
    throw new Error(
      'a wide file (one column per annotator): use --engine sqlite, which reads it with prefscope’s own reader',
    );
  // a rubric label column (helpfulness, correctness…) chosen as the dimension is read as the label
  // (a file with rubric columns and no label column: the first one, as the raw path's dimension 0)
  const rubrics = rubricColumns(mapping);
  const rubric =
    overrides.dimension && rubrics.includes(overrides.dimension)
      ? overrides.dimension
      : mapping.label === null
        ? (rubrics[0] ?? null)
        : null;
  if (rubric) {
    // the overall label column is then neither the label nor a slice
    if (mapping.label !== null) mapping.ignored = [...mapping.ignored, mapping.label];
    mapping.label = rubric;
    mapping.dimension = null;
  }
  if (mapping.item === null || mapping.label === null)
    throw new Error(
      `no ${mapping.item === null ? 'item id' : 'label'} column (columns: ${header.join(', ')}); name it with --item / --label`,
    );
  const sliceColumns = otherColumns(header, mapping);
  const number = (column: string | null) => `TRY_CAST(nullif(${text(column)}, '') AS DOUBLE)`;
  await engine.exec(`CREATE TABLE base AS SELECT rowid AS _rn,
    ${text(mapping.item)} AS item,
    ${text(mapping.annotator, quoteText('(single)'))} AS annotator,
    ${text(mapping.label)} AS label,
    ${rubric ? quoteText(rubric) : `coalesce(nullif(${text(mapping.dimension)}, ''), 'overall')`} AS dimension,
    ${text(mapping.isGold)} AS gold_flag,
    ${text(mapping.goldLabel)} AS gold,
    ${text(mapping.aiLabel)} AS ai,
    ${text(mapping.modelA)} AS model_a,
    ${text(mapping.modelB)} AS model_b,
    CASE WHEN isfinite(${number(mapping.time)}) THEN ${number(mapping.time)} END AS time_seconds,
    coalesce(${number(mapping.timestamp)}, epoch_ms(TRY_CAST(nullif(${text(mapping.timestamp)}, '') AS TIMESTAMPTZ))) AS ts
    ${sliceColumns.map((c, i) => `, ${text(c)} AS s${i}`).join('')}
    FROM src`);
  await engine.exec('DROP TABLE src');
  return { mapping, sliceColumns };
}
