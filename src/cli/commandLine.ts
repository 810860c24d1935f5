import { parseArgs, type ParseArgsConfig } from 'node:util';

export const SCALES = ['5-point', '3-way', 'binary', 'nominal'];

type Options = NonNullable<ParseArgsConfig['options']>;

/** The command line parsed with node's `parseArgs` (positionals allowed); a wrong call fails with the usage. */
export function parseCommandLine<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  fail: (message: string) => never,
) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

/** A comma-separated list of column names (`--wide a,b`, `--rubric helpfulness,correctness`): trimmed, empty parts left out. */
export function columnList(text: string | undefined): string[] {
  return text
    ? text
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
}
