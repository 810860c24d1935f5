// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summaryQueries } from '../../src/sql/summaryQueries';
import { DIALECTS, parseIn, portabilityProblems, type Dialect } from './portability';

// summary.sql runs on DuckDB, SQLite and PostgreSQL (summaryParity.test.ts); the engines below are only
// parsed, with node-sql-parser's grammars of them (test/sql/portability.ts).
describe('summary.sql parses in the dialects of the engines it is written for', () => {
  for (const dialect of Object.keys(DIALECTS) as Dialect[])
    for (const { name, sql } of summaryQueries())
      it(`parseIn("${dialect}", ${name}) gives one SELECT (${DIALECTS[dialect]})`, () => {
        const ast = parseIn(dialect, sql);
        const statements = Array.isArray(ast) ? ast : [ast];
        expect(statements.map((s) => (s as { type: string }).type)).toEqual(['select']);
      });
});

describe('portabilityProblems: the lint on the parsed queries', () => {
  for (const { name, sql } of summaryQueries())
    it(`portabilityProblems(${name}) finds nothing: every construct in every dialect's AST is in ALLOWED`, () => {
      expect(portabilityProblems(sql)).toEqual([]);
    });

  // what the lint must refuse, each caught by the AST of at least one dialect (or by the lexical rule)
  const REFUSED: [string, RegExp][] = [
    ['SELECT CAST(time_seconds AS DOUBLE) AS t FROM judgements', /^cast: /],
    ['SELECT time_seconds::double AS t FROM judgements', /^cast: /],
    ['SELECT TRY_CAST(time_seconds AS DOUBLE) AS t FROM judgements', /^cast: /],
    ['SELECT SAFE_CAST(time_seconds AS FLOAT64) AS t FROM judgements', /^cast: .*BigQuery/],
    ['SELECT code / 2 AS half FROM judgements', /^binary_expr \/: /],
    ['SELECT code % 2 AS odd FROM judgements', /^binary_expr %: /],
    ['SELECT item || annotator AS k FROM judgements', /^binary_expr \|\|: /],
    ['SELECT GREATEST(code, gold_code) AS g FROM judgements', /^function GREATEST: /],
    ['SELECT IFNULL(gold_code, 0) AS g FROM judgements', /^function IFNULL: /],
    ['SELECT MEDIAN(time_seconds) AS m FROM judgements', /^function MEDIAN: /],
    ['SELECT COUNT(*) FILTER (WHERE code > 1) AS n FROM judgements', /^FILTER: /],
    ['SELECT item FROM judgements QUALIFY ROW_NUMBER() OVER (PARTITION BY item ORDER BY code) = 1', /^QUALIFY: /],
    ['SELECT item FROM judgements LIMIT 3', /^LIMIT: /],
    ['SELECT TOP 3 item FROM judgements', /^TOP: /],
    ['SELECT item FROM judgements x JOIN judgement_slices s USING (item)', /^USING: /],
    ['SELECT item FROM judgements ORDER BY gold_code NULLS FIRST', /^NULLS FIRST: /],
    ['SELECT DISTINCT ON (item) item FROM judgements', /^DISTINCT ON: /],
    ['SELECT item FROM judgements WINDOW w AS (PARTITION BY item)', /^WINDOW clause: /],
    ['SELECT ARRAY[1, 2] AS a FROM judgements', /^array: /],
    ['SELECT TRUE AS t FROM judgements', /^bool: /],
    ['SELECT 0.5 AS half FROM judgements', /^non-integer number: /],
    ['SELECT (SELECT COUNT(*) FROM judgements) AS n FROM judgements', /^Trino does not parse it/],
    ['SELECT "item" FROM judgements', /^quoted identifier/],
    ['SELECT `item` FROM judgements', /^quoted identifier/],
    ['CREATE TABLE x (a INTEGER)', /not a query \(create\)/],
    ['SELECT 1 AS a; SELECT 2 AS b', /2 statements, not one/],
  ];
  for (const [sql, problem] of REFUSED)
    it(`portabilityProblems(${JSON.stringify(sql)}) names ${problem.source}`, () => {
      expect(portabilityProblems(sql).join('\n')).toMatch(new RegExp(problem.source, 'm'));
    });
});
