import { judgementFilter } from '../core/judgementFilter';
import type { Ratings } from '../core/types';
import type { SqlEngine } from './engine';

/** The input tables of `summary.sql`, as portable DDL (TEXT / INTEGER / DOUBLE PRECISION). */
export const INPUT_DDL = `
CREATE TABLE judgements (item TEXT, annotator TEXT, code INTEGER, is_gold INTEGER, gold_code INTEGER, time_seconds DOUBLE PRECISION);
CREATE TABLE judgement_slices (item TEXT, annotator TEXT, slice TEXT, value TEXT)`;

/**
 * Fills `judgements` and `judgement_slices` from coded judgements read by prefscope's own readers
 * (`loadFiles`): the human judgements of one dimension (default the first, overall one), exactly the ones
 * the raw path uses; `code` = category index on `r.categories`, gold from `r.itemGold`, slices per judgement.
 */
export async function ratingsTables(
  engine: SqlEngine,
  r: Ratings,
  { dimension = 0 }: { dimension?: number } = {},
): Promise<void> {
  if (r.categories.length > 5)
    throw new Error(`summary.sql has 5 category columns (c0..c4); this data has ${r.categories.length} categories`);
  for (const statement of INPUT_DDL.split(';')) await engine.exec(statement);
  const mask = judgementFilter(r, { dimension });
  const rows: unknown[][] = [];
  const sliceRows: unknown[][] = [];
  for (let j = 0; j < r.n; j++) {
    if (!mask[j] || r.label[j] < 0) continue;
    const item = r.items[r.item[j]],
      annotator = r.annotators[r.annotator[j]];
    const gold = r.itemGold[r.item[j]];
    const t = r.time ? r.time[j] : NaN;
    rows.push([item, annotator, r.label[j], gold >= 0 ? 1 : 0, gold >= 0 ? gold : null, Number.isFinite(t) ? t : null]);
    for (const s of r.slices) sliceRows.push([item, annotator, s.name, s.values[s.code[j]]]);
  }
  await engine.insert('judgements', ['item', 'annotator', 'code', 'is_gold', 'gold_code', 'time_seconds'], rows);
  await engine.insert('judgement_slices', ['item', 'annotator', 'slice', 'value'], sliceRows);
}
