// The tests that run src/sql/summary.sql on PostgreSQL need a server. .ci/run starts a throw-away one
// (.ci/postgres.sh) and exports the libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE) that node-postgres
// reads, plus PREFSCOPE_REQUIRE_POSTGRES=1. Without a server (a developer's plain `npm test`) those tests
// skip with the NEEDS_POSTGRES mark and the reason in their name, and test/run.sh says how many; when the
// server is required they run, and fail, so a CI without its server cannot pass by skipping.
import { describe, it } from 'vitest';

/** The mark a skipped test's name carries when no PostgreSQL server answers (counted by test/countReporter.ts). */
export const NEEDS_POSTGRES = '[skipped: no PostgreSQL server]';

const where = () => `${process.env.PGHOST ?? 'localhost'}:${process.env.PGPORT ?? '5432'}`;

/** Null when a PostgreSQL server answers as the libpq variables say, else why not. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    const { postgresEngine } = await import('../../src/sql/postgresEngine'); // not loaded by the count reporter
    const engine = await postgresEngine({ connectionTimeoutMillis: 3000 });
    await engine.close();
    return null;
  } catch (error) {
    return `${where()} (${(error as Error).message || (error as Error).name})`;
  }
}

type Body = () => unknown;
/**
 * `describe` and `it` that run when a PostgreSQL server answers (or PREFSCOPE_REQUIRE_POSTGRES=1 says one
 * must), and are otherwise skipped with the NEEDS_POSTGRES mark and the reason in their name.
 */
export async function whenPostgres() {
  const reason = process.env.PREFSCOPE_REQUIRE_POSTGRES === '1' ? null : await postgresUnavailable();
  const skip = (name: string) => `${name} ${NEEDS_POSTGRES} (${reason})`;
  if (reason !== null)
    console.warn(`PostgreSQL tests skipped: no server answered at ${reason}. .ci/run starts one (.ci/postgres.sh).`);
  return {
    available: reason === null,
    reason,
    describe: (name: string, body: () => void) =>
      reason === null ? describe(name, body) : describe.skip(skip(name), body),
    it: (name: string, body: Body, timeout?: number) =>
      reason === null ? it(name, body, timeout) : it.skip(skip(name), body, timeout),
  };
}
