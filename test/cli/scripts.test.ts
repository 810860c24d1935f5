// @vitest-environment node
// The command-line tests run the commands in-process; these start the scripts as `npm run` does, to check
// what only a process shows: the exit status and the streams.
import { describe, expect, it } from 'vitest';
import { script } from '../helpers/commands';

describe('the command scripts as processes', () => {
  it('audit prints the report on stdout and exits 0; a gate not met exits 1; a missing file exits 2 with one line', () => {
    const ok = script('audit', 'test/fixtures/annotations.csv', '--bootstrap', '0');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).schema).toBe('prefscope.report/v1');
    const gate = script(
      'audit',
      'test/fixtures/annotations.csv',
      '--bootstrap',
      '0',
      '--fail-under',
      'fleiss_kappa=1.01',
    );
    expect(gate.status).toBe(1);
    expect(gate.stderr).toMatch(/^prefscope audit: gate not met: fleiss_kappa = /m);
    const missing = script('audit', 'no-such-file.csv');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('prefscope audit: cannot read no-such-file.csv: no such file\n');
  }, 60_000);

  it('plan prints JSON and exits 0; an unknown planner exits 2', () => {
    const ok = script('plan', 'cost');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).scaling).toHaveLength(4);
    const unknown = script('plan', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^prefscope plan: unknown planner "nope"/);
  }, 60_000);

  it('summary exits 2 with one line on a missing file', () => {
    const missing = script('summary', 'no-such-file.csv');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('prefscope summary: cannot read no-such-file.csv: no such file\n');
  }, 60_000);
});
