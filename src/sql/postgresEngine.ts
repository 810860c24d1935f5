import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { plainRow, type SqlEngine } from './engine';

/** PostgreSQL type ids whose text node-postgres leaves as a string: BIGINT (COUNT, SUM of integers) and NUMERIC. */
const INT8 = 20,
  NUMERIC = 1700;

export interface PostgresOptions {
  /** `postgres://…`; without it the libpq variables say where (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD) */
  connectionString?: string;
  connectionTimeoutMillis?: number;
  /** the schema to create and work in (default `prefscope_<uuid>`); it must not exist yet, and is dropped on close */
  schema?: string;
}

/**
 * A PostgreSQL server as a `SqlEngine` (node-postgres, one connection). The engine works in a schema of its
 * own, `prefscope_<uuid>` unless named, dropped with everything in it on close, so its input tables never
 * meet the database's own and engines can share a server. Counts arrive as numbers: BIGINT and NUMERIC are parsed
 * (every count of `summary.sql` fits a double exactly).
 */
export async function postgresEngine({
  connectionString,
  connectionTimeoutMillis = 5000,
  schema = `prefscope_${randomUUID().replace(/-/g, '')}`,
}: PostgresOptions = {}): Promise<SqlEngine> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema "${schema}": use lower-case letters, digits and _`);
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? Number
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    name: 'postgres',
    async exec(sql) {
      await client.query(sql);
    },
    async all(sql) {
      const result = await client.query(sql);
      return result.rows.map((row: Record<string, unknown>) => plainRow(row));
    },
    async insert(table, columns, rows) {
      const batch = Math.max(1, Math.floor(10_000 / columns.length)); // well below the 65,535 parameters of one statement
      for (let start = 0; start < rows.length; start += batch) {
        const part = rows.slice(start, start + batch);
        const placeholders = part
          .map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
          .join(', ');
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`, part.flat());
      }
    },
    async close() {
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
