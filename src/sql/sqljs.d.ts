/** The part of sql.js (SQLite compiled to WebAssembly; it ships no types) that prefscope uses. The node build is imported by path: vitest resolves the bare name to the browser build. */
declare module 'sql.js/dist/sql-wasm.js' {
  export type SqlValue = number | string | Uint8Array | null;
  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  export interface Statement {
    run(params?: SqlValue[]): void;
    free(): boolean;
  }
  export interface Database {
    exec(sql: string): QueryExecResult[];
    run(sql: string, params?: SqlValue[]): Database;
    prepare(sql: string): Statement;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new () => Database;
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic>;
}
