// The commands as a user runs them, in-process: the same function the script runs, its output captured.
// `script` starts the real process, for the few tests that check the script itself (exit codes, stdout).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv from 'ajv';
import { expect } from 'vitest';
import { audit as auditCommand } from '../../src/cli/audit';
import { runCommand, type Command } from '../../src/cli/command';
import { plan as planCommand } from '../../src/cli/plan';
import { summary as summaryCommand } from '../../src/cli/summary';
import schema from '../../src/report/report.schema.json';

export const ROOT = join(import.meta.dirname, '../..');
const validate = new Ajv({ allErrors: true }).compile(schema);

export interface CommandOutput {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(name: string, command: Command, args: string[]): Promise<CommandOutput> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCommand(name, command, args, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** `npm run audit -- ARGS`: exit status, stdout and stderr (paths relative to the project). */
export const audit = (...args: string[]) => run('audit', auditCommand, args);
/** `npm run plan -- ARGS`. */
export const plan = (...args: string[]) => run('plan', planCommand, args);
/** `npm run summary -- ARGS`. */
export const summary = (...args: string[]) => run('summary', summaryCommand, args);

/** The report the audit command prints (exit 0), validated against the schema. */
export async function auditReport(...args: string[]): Promise<any> {
  const out = await audit(...args);
  expect(out.status, out.stderr).toBe(0);
  const json = JSON.parse(out.stdout);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  return json;
}

/** A command's script run as its own process (`tsx src/cli/NAME.ts ARGS`), as `npm run NAME` starts it. */
export function script(name: 'audit' | 'plan' | 'summary', ...args: string[]): CommandOutput {
  const out = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [`src/cli/${name}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { status: out.status ?? -1, stdout: out.stdout, stderr: out.stderr };
}
