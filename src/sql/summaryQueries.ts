import { readFileSync } from 'node:fs';

/** The results of `summary.sql`, in file order. */
export const RESULT_NAMES = [
  'checks',
  'label_counts',
  'item_patterns',
  'pair_tables',
  'annotators',
  'gold_tables',
  'slice_patterns',
] as const;
export type ResultName = (typeof RESULT_NAMES)[number];

/** The text of `src/sql/summary.sql`. */
export function summarySqlText(): string {
  return readFileSync(new URL('./summary.sql', import.meta.url), 'utf8');
}

/**
 * The named queries of a summary SQL text: each query follows a line `-- @result NAME` and runs to the
 * next such line; everything from its last `;` on is dropped (some clients refuse the `;`). Throws when a result is missing.
 */
export function summaryQueries(text = summarySqlText()): { name: ResultName; sql: string }[] {
  const parts = text.split(/^-- @result (\w+)[ \t]*$/m);
  const out: { name: ResultName; sql: string }[] = [];
  for (let p = 1; p < parts.length; p += 2) {
    const name = parts[p] as ResultName;
    if (!RESULT_NAMES.includes(name)) throw new Error(`summary.sql: unknown result "${name}"`);
    const body = parts[p + 1];
    const end = body.lastIndexOf(';');
    out.push({ name, sql: (end >= 0 ? body.slice(0, end) : body).trim() });
  }
  for (const name of RESULT_NAMES)
    if (!out.some((q) => q.name === name)) throw new Error(`summary.sql: no query for result "${name}"`);
  return out;
}
