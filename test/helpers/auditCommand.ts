import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv from 'ajv';
import { expect } from 'vitest';
import schema from '../../src/report/report.schema.json';

export const ROOT = join(import.meta.dirname, '../..');
const validate = new Ajv({ allErrors: true }).compile(schema);

/** `npm run audit -- ARGS` as a user runs it: exit status, stdout, stderr without npm's warnings. */
export function audit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync('npx', ['tsx', 'src/cli/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr.replace(/npm warn.*\n/g, '') };
}

/** The report the command prints (exit 0), validated against the schema. */
export function auditReport(...args: string[]): any {
  const out = audit(...args);
  expect(out.status, out.stderr).toBe(0);
  const json = JSON.parse(out.stdout);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  return json;
}
