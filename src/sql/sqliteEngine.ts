import initSqlJs, { type SqlValue } from 'sql.js/dist/sql-wasm.js';
import { plainRow, type SqlEngine } from './engine';

/** An in-memory SQLite (sql.js, WebAssembly) as a `SqlEngine`. */
export async function sqliteEngine(): Promise<SqlEngine> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  return {
    name: 'sqlite',
    async exec(sql) {
      db.exec(sql);
    },
    async all(sql) {
      const results = db.exec(sql);
      const last = results[results.length - 1];
      if (!last) return [];
      return last.values.map((values) => plainRow(Object.fromEntries(last.columns.map((c, i) => [c, values[i]]))));
    },
    async insert(table, columns, rows) {
      db.exec('BEGIN');
      const statement = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      try {
        for (const row of rows) statement.run(row as SqlValue[]);
      } finally {
        statement.free();
        db.exec('COMMIT');
      }
    },
    close() {
      db.close();
    },
  };
}
