import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { plainRow, type SqlEngine } from './engine';

/** An in-memory DuckDB as a `SqlEngine` (`@duckdb/node-api`; its binary ships in the npm package). */
export async function duckdbEngine(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    name: 'duckdb',
    async exec(sql) {
      await connection.run(sql);
    },
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => plainRow(row as Record<string, unknown>));
    },
    async insert(table, columns, rows) {
      const batch = 500;
      for (let start = 0; start < rows.length; start += batch) {
        const part = rows.slice(start, start + batch);
        const placeholders = part.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
        await connection.run(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`,
          part.flat() as DuckDBValue[],
        );
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
