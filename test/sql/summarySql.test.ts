// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { assembleSummary } from '../../src/sql/assembleSummary';
import { runSummarySql, type ResultRow } from '../../src/sql/engine';
import { INPUT_DDL, ratingsTables } from '../../src/sql/ratingsTables';
import { sqliteEngine } from '../../src/sql/sqliteEngine';
import { summarizeResults } from '../../src/sql/summarizeFile';
import { RESULT_NAMES, summaryQueries, summarySqlText } from '../../src/sql/summaryQueries';
import { summaryAgreement } from '../../src/summary/summaryAgreement';
import { diskFile } from '../helpers/loadText';

/** Syntax that some target engine (DuckDB, SQLite, Spark SQL, Trino, BigQuery) lacks or reads differently. */
const BANNED: [RegExp, string][] = [
  [/::/, ':: cast'],
  [/\b(TRY_|SAFE_)?CAST\s*\(/i, 'CAST (type names differ: DOUBLE vs FLOAT64)'],
  [/\bFILTER\s*\(/i, 'FILTER clause'],
  [/\bQUALIFY\b/i, 'QUALIFY'],
  [/\b(LIST|ARRAY|STRUCT|MAP)\s*[(<[]/i, 'nested types'],
  [
    /\b(GREATEST|LEAST|IFNULL|NVL|IIF|DECODE|ILIKE|REGEXP\w*|STRING_AGG|GROUP_CONCAT|LISTAGG|ARG_?MIN|ARG_?MAX|MIN_BY|MAX_BY|COUNT_?IF|DIV|MEDIAN|QUANTILE\w*|PERCENTILE\w*|READ_\w+)\s*\(/i,
    'engine-specific function',
  ],
  [/\b(LIMIT|TOP|EXCLUDE|PIVOT|UNPIVOT|USING|WINDOW|TRUE|FALSE)\b/i, 'keyword not in every dialect'],
  [/\bDISTINCT\s+ON\b|\bGROUP\s+BY\s+ALL\b|\bNULLS\s+(FIRST|LAST)\b/i, 'dialect extension'],
  [/["`[\]]/, 'quoted identifier (" vs ` vs [])'],
  [/\//, 'division (integer division differs between engines)'],
  [/\b(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER)\b/i, 'a statement that is not a query'],
];

const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, '');

function csvText(rows: ResultRow[], columns: string[]): string {
  const cell = (v: unknown) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => cell(r[c])).join(',')).join('\n')}\n`;
}

describe('summary.sql', () => {
  it('summaryQueries() finds one SELECT per result, in order', () => {
    const queries = summaryQueries();
    expect(queries.map((q) => q.name)).toEqual([...RESULT_NAMES]);
    for (const q of queries) expect(withoutComments(q.sql).trim()).toMatch(/^(SELECT|WITH)\b/);
  });

  it('summary.sql uses no engine-specific syntax (casts, FILTER, QUALIFY, nested types, dialect functions, division)', () => {
    const sql = withoutComments(summarySqlText());
    for (const [pattern, what] of BANNED) {
      const hit = pattern.exec(sql);
      expect(hit ? `${what}: "${hit[0]}"` : null).toBeNull();
    }
  });

  it('summaryQueries(text) rejects a file that lacks a result', () => {
    expect(() => summaryQueries('-- @result checks\nSELECT 1;')).toThrow(/no query for result "label_counts"/);
  });

  it('runSummarySql on empty input tables gives an empty summary whose coefficients are null with reasons', async () => {
    const engine = await sqliteEngine();
    for (const s of INPUT_DDL.split(';')) await engine.exec(s);
    const { summary } = assembleSummary(await runSummarySql(engine), {
      scale: '5-point',
      categories: ['A>>', 'A>', '=', 'B>', 'B>>'],
    });
    engine.close();
    expect(summary.item_patterns).toEqual([]);
    const a = summaryAgreement(summary, { bootstrap: 20 });
    expect(a.fleiss_kappa).toBeNull();
    expect(a.reasons.fleiss_kappa).toBeTruthy();
    expect(a.band).toBeNull();
  });

  it('assembleSummary refuses duplicated (item, annotator) rows and codes beyond the categories', async () => {
    const engine = await sqliteEngine();
    for (const s of INPUT_DDL.split(';')) await engine.exec(s);
    const columns = ['item', 'annotator', 'code', 'is_gold', 'gold_code', 'time_seconds'];
    await engine.insert('judgements', columns, [
      ['i1', 'x', 0, 0, null, null],
      ['i1', 'x', 1, 0, null, null],
      ['i1', 'y', 3, 0, null, null],
    ]);
    const results = await runSummarySql(engine);
    engine.close();
    expect(() => assembleSummary(results, { scale: '5-point', categories: ['A>>', 'A>', '=', 'B>', 'B>>'] })).toThrow(
      '1 (item, annotator) pairs have more than one judgement: keep one row each',
    );
    const clean = { ...results, checks: [{ ...results.checks[0], duplicates: 0 }] };
    expect(() => assembleSummary(clean, { scale: 'binary', categories: ['A>', 'B>'] })).toThrow(
      /codes must be 0\.\.1 \(A>, B>\); found 0 off 0\.\.4, largest 3/,
    );
  });

  it('summarizeResults(dir) reads results exported as CSV by another engine and gives the same summary', async () => {
    const { ratings } = await loadFiles([await diskFile('test/fixtures/summary/five.csv')]);
    const engine = await sqliteEngine();
    await ratingsTables(engine, ratings);
    const results = await runSummarySql(engine);
    engine.close();
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-results-'));
    try {
      for (const name of RESULT_NAMES) {
        const columns = Object.keys(results[name][0] ?? { none: null });
        writeFileSync(join(dir, `${name}.csv`), csvText(results[name], columns));
      }
      const fromCsv = await summarizeResults(dir, { scale: ratings.scale, categories: ratings.categories });
      expect(fromCsv.summary).toEqual(
        assembleSummary(results, { scale: ratings.scale, categories: ratings.categories }).summary,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
