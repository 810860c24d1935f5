import type { Scale } from '../core/types';
import { MAX_SLICE_VALUES, TRUE_WORDS } from '../parse/encoder';
import { codeLabels } from '../parse/finishRatings';
import { chooseLabelReading } from '../parse/labelReading';
import { duckdbFile, quoteText, type ColumnOverrides } from './duckdbFile';
import type { SqlEngine } from './engine';

export interface FileSummaryOptions extends ColumnOverrides {
  scale?: Scale | null;
  labelMap?: Record<string, string> | null;
  /** the dimension to keep (default: the file's first, as the raw path) */
  dimension?: string | null;
}

/** Rows the raw reader turns into judgements: item, annotator and label present. */
const PUSHED = "item <> '' AND annotator <> '' AND label <> ''";

/**
 * Builds `judgements` and `judgement_slices` in DuckDB from a file, as prefscope's raw path reads it:
 * the label reading is chosen by `chooseLabelReading` from the same counts (labels, each item's first
 * gold label and AI verdict), unknown labels are dropped, duplicates (item, annotator) keep the last row
 * (by timestamp when all of them have one, else by file order), gold is a property of the item (any row
 * flags it; the first gold label counts), slices are the other columns with <= 50 values plus
 * `model_pair`. Only human judgements of one dimension go in. Returns the scale and categories.
 */
export async function duckdbJudgements(
  engine: SqlEngine,
  path: string,
  options: FileSummaryOptions = {},
): Promise<{ scale: Scale; categories: string[] }> {
  const { mapping, sliceColumns } = await duckdbFile(engine, path, options);
  const goldFlag =
    mapping.isGold === null ? "gold <> ''" : `lower(gold_flag) IN (${[...TRUE_WORDS].map(quoteText).join(', ')})`;
  await engine.exec(`CREATE TABLE items AS SELECT item,
      max(CASE WHEN ${goldFlag} THEN 1 ELSE 0 END) AS flag,
      arg_min(gold, _rn) FILTER (WHERE gold <> '') AS gold,
      arg_min(ai, _rn) FILTER (WHERE ai <> '') AS ai,
      arg_min(model_a, _rn) FILTER (WHERE model_a <> '') AS model_a,
      arg_min(model_b, _rn) FILTER (WHERE model_b <> '') AS model_b
    FROM base WHERE item <> '' GROUP BY item`);
  const counts = new Map<string, number>();
  const raw = await engine.all(`SELECT v, count(*) AS n FROM (SELECT label AS v FROM base WHERE ${PUSHED}
    UNION ALL SELECT gold FROM items WHERE gold IS NOT NULL UNION ALL SELECT ai FROM items WHERE ai IS NOT NULL) GROUP BY v`);
  for (const r of raw) counts.set(String(r.v), Number(r.n));
  const reading = chooseLabelReading(counts, { labelMap: options.labelMap ?? null, scale: options.scale ?? null });
  const raws = [...counts.keys()];
  const { scale, categories, toCategory } = codeLabels(
    reading,
    raws,
    raws.map((v) => counts.get(v)!),
    options.scale ?? null,
  );
  await engine.exec('CREATE TABLE label_codes (raw VARCHAR, code INTEGER)');
  await engine.insert(
    'label_codes',
    ['raw', 'code'],
    raws.flatMap((v, i) => (toCategory[i] >= 0 ? [[v, toCategory[i]]] : [])),
  );
  const first = await engine.all(`SELECT dimension FROM base WHERE ${PUSHED} ORDER BY _rn LIMIT 1`);
  const dimension = options.dimension ?? String(first[0]?.dimension ?? 'overall');
  const slices: { name: string; expr: string }[] = [];
  for (let i = 0; i < sliceColumns.length; i++) {
    const [{ n }] = await engine.all(`SELECT count(DISTINCT s${i}) AS n FROM base WHERE ${PUSHED}`);
    if (Number(n) <= MAX_SLICE_VALUES)
      slices.push({ name: sliceColumns[i], expr: `CASE WHEN k.s${i} = '' THEN '(empty)' ELSE k.s${i} END` });
  }
  // model_pair: "a vs b" with the item's two model names sorted (finishRatings' modelPairSlice)
  const pairKey = (a: string, b: string) =>
    `CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN '(missing)' WHEN ${a} <= ${b} THEN ${a} || ' vs ' || ${b} ELSE ${b} || ' vs ' || ${a} END`;
  const [models] = await engine.all(
    `SELECT count(model_a) AS a, count(model_b) AS b, count(DISTINCT ${pairKey('model_a', 'model_b')}) AS pairs FROM items`,
  );
  if (
    Number(models.a) > 0 &&
    Number(models.b) > 0 &&
    Number(models.pairs) <= MAX_SLICE_VALUES &&
    !slices.some((s) => s.name === 'model_pair')
  ) {
    slices.push({ name: 'model_pair', expr: pairKey('i.model_a', 'i.model_b') });
  }
  // duplicates (rare) are ranked apart: a window over all rows costs seconds at 3M judgements
  await engine.exec(`CREATE TABLE valid AS SELECT b.*, c.code FROM base b JOIN label_codes c ON c.raw = b.label
    WHERE ${PUSHED} AND b.dimension = ${quoteText(dimension)}`);
  await engine.exec(`CREATE TABLE dups AS SELECT item, annotator, count(*) = count(ts) AS all_ts
    FROM valid GROUP BY item, annotator HAVING count(*) > 1`);
  await engine.exec(`CREATE TABLE kept AS
    SELECT v.* FROM valid v ANTI JOIN dups d ON d.item = v.item AND d.annotator = v.annotator
    UNION ALL BY NAME
    SELECT v.* FROM valid v JOIN dups d ON d.item = v.item AND d.annotator = v.annotator
    QUALIFY row_number() OVER (PARTITION BY v.item, v.annotator ORDER BY CASE WHEN d.all_ts THEN v.ts END DESC NULLS LAST, v._rn DESC) = 1`);
  await engine.exec(`CREATE TABLE judgements AS
    SELECT k.item, k.annotator, k.code, CASE WHEN i.flag = 1 AND g.code IS NOT NULL THEN 1 ELSE 0 END AS is_gold,
      CASE WHEN i.flag = 1 THEN g.code END AS gold_code, k.time_seconds
    FROM kept k JOIN items i ON i.item = k.item LEFT JOIN label_codes g ON g.raw = i.gold`);
  const sliceSelects = slices.map(
    (s) =>
      `SELECT k.item, k.annotator, ${quoteText(s.name)} AS slice, ${s.expr} AS value FROM kept k JOIN items i ON i.item = k.item`,
  );
  await engine.exec(
    `CREATE TABLE judgement_slices AS ${sliceSelects.length ? sliceSelects.join(' UNION ALL ') : "SELECT item, annotator, '' AS slice, '' AS value FROM kept WHERE 1 = 0"}`,
  );
  for (const table of ['base', 'valid', 'dups', 'kept']) await engine.exec(`DROP TABLE ${table}`); // memory back
  return { scale, categories };
}
