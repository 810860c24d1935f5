// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { assembleSummary } from '../../src/sql/assembleSummary';
import { runSummarySql, type ResultRow, type SqlEngine } from '../../src/sql/engine';
import { postgresEngine } from '../../src/sql/postgresEngine';
import { INPUT_DDL, ratingsTables } from '../../src/sql/ratingsTables';
import { sqliteEngine } from '../../src/sql/sqliteEngine';
import { summarizeFile, summarizeResults } from '../../src/sql/summarizeFile';
import { RESULT_NAMES, summaryQueries } from '../../src/sql/summaryQueries';
import { summaryAgreement } from '../../src/summary/summaryAgreement';
import { diskFile } from '../helpers/loadText';
import { whenPostgres } from '../helpers/postgres';

// Which syntax the file may use is checked on its parsed queries in summaryPortability.test.ts.

// the engines that run the SQL on tables filled here; PostgreSQL when a server answers (.ci/run starts one)
const postgres = await whenPostgres();
const ENGINES: [string, () => Promise<SqlEngine>][] = [
  ['sqlite', sqliteEngine],
  ['postgres', () => postgresEngine()],
];
const itOn = (engine: string) => (engine === 'postgres' ? postgres.it : it);
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

  it('summaryQueries(text) rejects a file that lacks a result', () => {
    expect(() => summaryQueries('-- @result checks\nSELECT 1;')).toThrow(/no query for result "label_counts"/);
  });

  for (const [engineName, open] of ENGINES)
    itOn(engineName)(
      `runSummarySql(${engineName}) on empty input tables gives an empty summary whose coefficients are null with reasons`,
      async () => {
        const engine = await open();
        for (const s of INPUT_DDL.split(';')) await engine.exec(s);
        const { summary } = assembleSummary(await runSummarySql(engine), {
          scale: '5-point',
          categories: ['A>>', 'A>', '=', 'B>', 'B>>'],
        });
        await engine.close();
        expect(summary.item_patterns).toEqual([]);
        const a = summaryAgreement(summary, { bootstrap: 20 });
        expect(a.fleiss_kappa).toBeNull();
        expect(a.reasons.fleiss_kappa).toBeTruthy();
        expect(a.band).toBeNull();
      },
    );

  for (const [engineName, open] of ENGINES)
    itOn(engineName)(
      `assembleSummary(runSummarySql(${engineName})) refuses duplicated (item, annotator) rows and codes beyond the categories`,
      async () => {
        const engine = await open();
        for (const s of INPUT_DDL.split(';')) await engine.exec(s);
        const columns = ['item', 'annotator', 'code', 'is_gold', 'gold_code', 'time_seconds'];
        await engine.insert('judgements', columns, [
          ['i1', 'x', 0, 0, null, null],
          ['i1', 'x', 1, 0, null, null],
          ['i1', 'y', 3, 0, null, null],
        ]);
        const results = await runSummarySql(engine);
        await engine.close();
        expect(results.checks).toEqual([
          { judgements: 3, items: 1, annotators: 2, bad_codes: 0, max_code: 3, duplicates: 1, gold_conflicts: 0 },
        ]);
        expect(() =>
          assembleSummary(results, { scale: '5-point', categories: ['A>>', 'A>', '=', 'B>', 'B>>'] }),
        ).toThrow('1 (item, annotator) pairs have more than one judgement: keep one row each');
        const clean = { ...results, checks: [{ ...results.checks[0], duplicates: 0 }] };
        expect(() => assembleSummary(clean, { scale: 'binary', categories: ['A>', 'B>'] })).toThrow(
          /codes must be 0\.\.1 \(A>, B>\); found 0 off 0\.\.4, largest 3/,
        );
      },
    );

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

  // the route src/sql/README.md gives for PostgreSQL: each query of `--split` through `psql --csv`, then --results
  const psql = spawnSync('psql', ['--version']).status === 0;
  (psql ? postgres.it : it.skip)(
    `summarizeResults(dir) reads what \`psql --csv\` wrote for each query and gives the summary the postgres engine gives${psql ? '' : ' [skipped: no psql]'}`,
    async () => {
      const path = 'test/fixtures/summary/five.csv';
      const { ratings } = await loadFiles([await diskFile(path)]);
      const schema = `prefscope_psql_${process.pid}`;
      const engine = await postgresEngine({ schema });
      const dir = mkdtempSync(join(tmpdir(), 'prefscope-psql-'));
      try {
        await ratingsTables(engine, ratings);
        for (const { name, sql } of summaryQueries()) {
          writeFileSync(join(dir, `${name}.sql`), sql);
          const csv = execFileSync('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '--csv', '-f', join(dir, `${name}.sql`)], {
            env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
          });
          writeFileSync(join(dir, `${name}.csv`), csv);
        }
        const fromCsv = await summarizeResults(dir, { scale: ratings.scale, categories: ratings.categories });
        const direct = await summarizeFile(path, { engine: 'postgres' });
        expect(fromCsv.summary).toEqual(direct.summary);
      } finally {
        await engine.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30_000,
  );
});
