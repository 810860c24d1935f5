import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine, SCALES } from './commandLine';
import { fail, runAsScript, type CommandIo } from './command';
import type { Scale } from '../core/types';
import { scaleCategories } from '../parse/labelReading';
import { parseLabelMap } from '../parse/labelMapText';
import { summarizeFile, summarizeResults, type EngineName } from '../sql/summarizeFile';
import { summaryQueries } from '../sql/summaryQueries';

const USAGE = `usage: npm run --silent summary -- FILE.csv|FILE.csv.gz|FILE.parquet [--engine duckdb|sqlite]
       [--item COL] [--annotator COL] [--label COL] [--label-map '0:=,1:A>,2:B>'] [--scale 5-point|3-way|binary|nominal]
       [--dimension NAME] [--out summary.json]
       (--dimension: a value of the dimension column or a rubric label column, e.g. helpfulness)
   or: npm run --silent summary -- --results DIR --scale SCALE [--categories a,b,c] [--out summary.json]
       (DIR holds NAME.csv or NAME.parquet per result of src/sql/summary.sql, exported from any engine)
   or: npm run --silent summary -- --split DIR   (writes each query of summary.sql to DIR/NAME.sql)`;

/** `npm run summary`: writes a `prefscope.summary/v1` file (src/sql/README.md). Exit 2 on any error. */
export async function summary(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      engine: { type: 'string' },
      item: { type: 'string' },
      annotator: { type: 'string' },
      label: { type: 'string' },
      'label-map': { type: 'string' },
      scale: { type: 'string' },
      dimension: { type: 'string' },
      out: { type: 'string' },
      results: { type: 'string' },
      categories: { type: 'string' },
      split: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    fail,
  );
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (v.split) {
    mkdirSync(v.split, { recursive: true });
    for (const q of summaryQueries()) writeFileSync(join(v.split, `${q.name}.sql`), `${q.sql}\n`);
    io.err(`prefscope summary: wrote ${summaryQueries().length} queries to ${v.split}\n`);
    return 0;
  }
  if (v.scale && !SCALES.includes(v.scale)) fail(`unknown scale "${v.scale}" (one of ${SCALES.join(', ')})`);
  if (v.engine && v.engine !== 'duckdb' && v.engine !== 'sqlite')
    fail(`unknown engine "${v.engine}" (duckdb or sqlite)`);
  const scale = (v.scale ?? null) as Scale | null;
  let out;
  if (v.results) {
    if (!scale) fail('--results needs --scale (and --categories for nominal data)');
    const categories =
      scale === 'nominal'
        ? (v.categories ?? '')
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : scaleCategories(scale).categories;
    if (categories.length < 2) fail('--scale nominal needs --categories a,b,c (the category names in code order)');
    out = { ...(await summarizeResults(v.results, { scale, categories })), timings: null };
  } else {
    if (positionals.length !== 1) fail(`one input file, please\n${USAGE}`);
    if (!existsSync(positionals[0])) fail(`cannot read ${positionals[0]}: no such file`);
    const labelMap = v['label-map'] ? parseLabelMap(v['label-map']) : null;
    out = await summarizeFile(positionals[0], {
      engine: (v.engine ?? 'duckdb') as EngineName,
      item: v.item,
      annotator: v.annotator,
      label: v.label,
      scale,
      labelMap,
      dimension: v.dimension ?? null,
    });
  }
  const json = `${JSON.stringify(out.summary)}\n`;
  if (v.out) writeFileSync(v.out, json);
  else io.out(json);
  for (const w of out.warnings) io.err(`prefscope summary: warning: ${w}\n`);
  const s = out.summary;
  const time = out.timings
    ? ` in ${Math.round(out.timings.load_ms + out.timings.sql_ms)} ms (load ${Math.round(out.timings.load_ms)}, SQL ${Math.round(out.timings.sql_ms)})`
    : '';
  io.err(
    `prefscope summary: ${s.input?.judgements ?? '?'} judgements, ${s.item_patterns.length} item patterns, ${s.pair_tables.length} annotator pairs${time}${v.out ? `; wrote ${v.out}` : ''}\n`,
  );
  return 0;
}

runAsScript('summary', summary, import.meta.url);
