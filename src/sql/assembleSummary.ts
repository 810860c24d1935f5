import { directionalSides } from '../core/directionalSides';
import type { Scale } from '../core/types';
import { scaleCategories } from '../parse/labelReading';
import { SUMMARY_SCHEMA, type Summary, type SummaryPattern } from '../summary/types';
import type { ResultRow, SummaryResults } from './engine';

const C = ['c0', 'c1', 'c2', 'c3', 'c4'];

/** A count cell: NULL (an empty SUM) is 0; text from a CSV export is read as a number. */
function count(row: ResultRow, column: string): number {
  const v = row[column];
  if (v === null || v === undefined || v === '') return 0;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new Error(`column "${column}" holds "${v}", not a number`);
  return x;
}

function patterns(rows: ResultRow[], K: number): SummaryPattern[] {
  return rows.map((row) => {
    for (let c = K; c < 5; c++)
      if (count(row, C[c]) !== 0) throw new Error(`a count in ${C[c]}, beyond the ${K} categories`);
    return { counts: C.slice(0, K).map((c) => count(row, c)), items: count(row, 'items') };
  });
}

/**
 * The `prefscope.summary/v1` document from the results of `summary.sql` (run by DuckDB, SQLite, or
 * exported from Spark / Trino / BigQuery). Gold exact / directional matches come from each annotator's
 * (label, gold) table and the scale's sides. Duplicated (item, annotator) rows or codes off the scale
 * throw; items with conflicting gold codes (the SQL keeps the smallest) come back as a warning.
 */
export function assembleSummary(
  results: SummaryResults,
  { scale, categories }: { scale: Scale; categories: string[] },
): { summary: Summary; warnings: string[] } {
  const K = categories.length;
  if (K < 2 || K > 5) throw new Error(`summary.sql supports 2 to 5 categories, not ${K}`);
  const warnings: string[] = [];
  const checks = results.checks[0] ?? {};
  if (count(checks, 'duplicates') > 0)
    throw new Error(
      `${count(checks, 'duplicates')} (item, annotator) pairs have more than one judgement: keep one row each`,
    );
  if (count(checks, 'bad_codes') > 0 || count(checks, 'max_code') >= K)
    throw new Error(
      `codes must be 0..${K - 1} (${categories.join(', ')}); found ${count(checks, 'bad_codes')} off 0..4, largest ${count(checks, 'max_code')}`,
    );
  if (count(checks, 'gold_conflicts') > 0)
    warnings.push(`${count(checks, 'gold_conflicts')} items have conflicting gold codes; the smallest code is used`);
  const sides = scale === 'nominal' ? null : directionalSides(scaleCategories(scale).fivePoint)!.side;
  const gold = new Map<string, { n: number; exact: number; directional: number }>();
  for (const row of results.gold_tables) {
    const id = String(row.annotator),
      l = count(row, 'code'),
      g = count(row, 'gold_code'),
      n = count(row, 'n');
    const s = gold.get(id) ?? { n: 0, exact: 0, directional: 0 };
    s.n += n;
    if (l === g) s.exact += n;
    if (sides ? sides[l] === sides[g] : l === g) s.directional += n;
    gold.set(id, s);
  }
  const pairs = new Map<string, { a: string; b: string; n: number; table: number[] }>();
  for (const row of results.pair_tables) {
    const a = String(row.a),
      b = String(row.b),
      key = JSON.stringify([a, b]);
    let t = pairs.get(key);
    if (!t) pairs.set(key, (t = { a, b, n: 0, table: new Array(K * K).fill(0) }));
    t.table[count(row, 'i') * K + count(row, 'j')] += count(row, 'n');
    t.n += count(row, 'n');
  }
  const slices: Summary['slices'] = {};
  const bySlice = new Map<string, ResultRow[]>();
  for (const row of results.slice_patterns) {
    const key = JSON.stringify([String(row.slice), String(row.value)]);
    bySlice.set(key, [...(bySlice.get(key) ?? []), row]);
  }
  for (const [key, rows] of bySlice) {
    const [slice, value] = JSON.parse(key) as [string, string];
    (slices[slice] ??= []).push({ value, item_patterns: patterns(rows, K) });
  }
  const labelCounts = Object.fromEntries(categories.map((c) => [c, 0]));
  for (const row of results.label_counts) labelCounts[categories[count(row, 'code')]] += count(row, 'n');
  const summary: Summary = {
    schema: SUMMARY_SCHEMA,
    scale,
    categories,
    item_patterns: patterns(results.item_patterns, K),
    pair_tables: [...pairs.values()],
    annotators: results.annotators.map((row) => {
      const id = String(row.annotator),
        g = gold.get(id) ?? { n: 0, exact: 0, directional: 0 };
      return {
        id,
        labels: count(row, 'labels'),
        label_counts: ['l0', 'l1', 'l2', 'l3', 'l4'].slice(0, K).map((c) => count(row, c)),
        gold_n: g.n,
        gold_exact: g.exact,
        gold_directional: g.directional,
        majority_n: count(row, 'majority_n'),
        majority_agreed: count(row, 'majority_agreed'),
        time_sum: count(row, 'time_sum'),
        time_count: count(row, 'time_count'),
      };
    }),
    label_counts: labelCounts,
    slices,
    input: {
      judgements: count(checks, 'judgements'),
      items: count(checks, 'items'),
      annotators: count(checks, 'annotators'),
    },
  };
  return { summary, warnings };
}
