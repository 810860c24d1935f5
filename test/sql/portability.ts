import nodeSqlParser from 'node-sql-parser';

/**
 * The dialects `summary.sql` is parsed in (node-sql-parser's names) and the engines they stand for. The
 * file is run on DuckDB, SQLite and PostgreSQL; these engines are not run here, only their grammars.
 * node-sql-parser has no Spark grammar: Hive's, the closest (Spark SQL grew out of HiveQL), stands for it.
 */
export const DIALECTS = {
  bigquery: 'BigQuery',
  hive: 'Hive (for Spark SQL)',
  trino: 'Trino',
  snowflake: 'Snowflake',
} as const;
export type Dialect = keyof typeof DIALECTS;

/**
 * The constructs a query may use, as `sqlConstructs` names them: SELECT with CTEs, inner, left and cross
 * joins, UNION ALL, GROUP BY / HAVING / ORDER BY, CASE, the comparisons, AND, IS [NOT] NULL, subtraction,
 * and COUNT / SUM / MIN / MAX (MAX also with OVER). Every function, operator, cast, literal kind and clause
 * not listed is refused. Add one only after checking it runs alike on DuckDB, SQLite, PostgreSQL, BigQuery,
 * Spark SQL, Trino and Snowflake (integer division, for example, does not).
 */
export const ALLOWED = new Set([
  'select',
  'with',
  'column_ref',
  'star',
  'number',
  'null',
  'DISTINCT',
  'ASC',
  'DESC',
  'join INNER JOIN',
  'join JOIN',
  'join LEFT JOIN',
  'join CROSS JOIN',
  'set_op union all',
  'case',
  'when',
  'else',
  'binary_expr AND',
  'binary_expr =',
  'binary_expr <',
  'binary_expr <=',
  'binary_expr >',
  'binary_expr >=',
  'binary_expr IS',
  'binary_expr IS NOT',
  'binary_expr -',
  'aggr_func COUNT',
  'aggr_func SUM',
  'aggr_func MIN',
  'aggr_func MAX',
  'window',
]);

/** AST nodes that only carry a name or wrap another node: not constructs in themselves. */
const CARRIERS = new Set(['default', 'expr']);

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Every string `value` inside a node (a function's name is spelt differently per grammar). */
function words(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(words);
  if (typeof v === 'string') return [v];
  if (!isNode(v)) return [];
  return Object.entries(v).flatMap(([k, x]) => (k === 'value' || k === 'name' || k === 'schema' ? words(x) : []));
}

/**
 * The constructs an AST of node-sql-parser uses: node types (`binary_expr` with its operator, `aggr_func`
 * and `function` with their names), join kinds, set operations, the clauses a SELECT may carry (LIMIT,
 * TOP, QUALIFY, a WINDOW clause, FILTER, USING, NULLS FIRST/LAST), and numbers that are not integers
 * (`1.5` is a DECIMAL in Trino and DuckDB, a NUMERIC in PostgreSQL, a DOUBLE in Spark).
 */
export function sqlConstructs(ast: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(ast)) {
    for (const x of ast) sqlConstructs(x, out);
    return out;
  }
  if (!isNode(ast)) return out;
  const type = ast.type;
  if (typeof type === 'string' && !CARRIERS.has(type)) {
    if (type === 'number' && !Number.isInteger(ast.value)) out.add('non-integer number');
    else if (type === 'binary_expr' || type === 'unary_expr') out.add(`${type} ${String(ast.operator).toUpperCase()}`);
    else if (type === 'aggr_func' || type === 'function') out.add(`${type} ${words(ast.name).join('.').toUpperCase()}`);
    else out.add(type);
  }
  if (typeof ast.join === 'string') out.add(`join ${ast.join.toUpperCase()}`);
  if (typeof ast.set_op === 'string') out.add(`set_op ${ast.set_op.toLowerCase()}`);
  if (ast.using) out.add('USING');
  if (ast.nulls) out.add(String(ast.nulls).toUpperCase());
  if (ast.filter) out.add('FILTER');
  if (ast.qualify) out.add('QUALIFY');
  if (ast.top) out.add('TOP');
  if (isNode(ast.limit) && Array.isArray(ast.limit.value) && ast.limit.value.length > 0) out.add('LIMIT');
  if (type === 'select' && ast.window) out.add('WINDOW clause');
  if (ast.with) out.add('with');
  for (const v of Object.values(ast)) sqlConstructs(v, out);
  return out;
}

/**
 * What the parser cannot see, checked on the text: quoted identifiers (BigQuery and Spark quote with
 * backticks, the others with double quotes; some grammars here drop the quotes from the AST).
 */
const LEXICAL: [RegExp, string][] = [[/["`[\]]/, 'quoted identifier (" vs ` vs [])']];

const withoutComments = (sql: string) => sql.replace(/--[^\n]*/g, '');

const parser = new nodeSqlParser.Parser();

/** The AST of one query in a dialect; throws node-sql-parser's message when it does not parse. */
export function parseIn(dialect: Dialect, sql: string): unknown {
  return parser.astify(sql, { database: dialect });
}

/**
 * Why a query is not portable, one line each (empty when it is): a dialect whose grammar refuses it, more
 * than one statement, a statement that is not a SELECT, a construct outside ALLOWED (with the dialects
 * whose AST has it), and the lexical rules.
 */
export function portabilityProblems(sql: string): string[] {
  const problems: string[] = [];
  const outside = new Map<string, string[]>();
  for (const dialect of Object.keys(DIALECTS) as Dialect[]) {
    const name = DIALECTS[dialect];
    let ast: unknown;
    try {
      ast = parseIn(dialect, sql);
    } catch (error) {
      problems.push(`${name} does not parse it: ${(error as Error).message.slice(0, 160)}`);
      continue;
    }
    const statements = Array.isArray(ast) ? ast : [ast];
    if (statements.length !== 1) problems.push(`${name}: ${statements.length} statements, not one`);
    for (const s of statements)
      if (!isNode(s) || s.type !== 'select') problems.push(`${name}: not a query (${isNode(s) ? s.type : typeof s})`);
    for (const c of sqlConstructs(ast)) if (!ALLOWED.has(c)) outside.set(c, [...(outside.get(c) ?? []), name]);
  }
  for (const [c, names] of outside) problems.push(`${c}: not in ALLOWED (${names.join(', ')})`);
  const text = withoutComments(sql);
  for (const [pattern, what] of LEXICAL) {
    const hit = pattern.exec(text);
    if (hit) problems.push(`${what}: "${hit[0]}"`);
  }
  return problems;
}
