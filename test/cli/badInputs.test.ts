// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { audit as runAudit } from '../helpers/commands';
import { afterAll, describe, expect, it } from 'vitest';
import schema from '../../src/report/report.schema.json';
import { metricValue } from '../../src/sections/metrics';
import { corpus, expectIssues } from '../helpers/badCorpus';

const validate = new Ajv({ allErrors: true }).compile(schema);
const dir = mkdtempSync(join(tmpdir(), 'prefscope-bad-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const audit = (path: string) => runAudit(path, '--bootstrap', '0');

// files that need loadFiles options the command does not take (a memory budget) are left to the loadFiles test
describe('npm run audit on the corpus of bad inputs', async () => {
  for (const { name, path, expected } of corpus(dir, (_, e) => !e.load_options)) {
    if (expected.outcome === 'refused') {
      it(`audit ${name} exits 2 with one line on stderr saying why`, async () => {
        const out = await audit(path);
        expect(out.status, out.stderr).toBe(2);
        expect(out.stdout).toBe('');
        const lines = out.stderr.replace(/\n$/, '').split('\n');
        expect(lines, out.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/^prefscope audit: /);
        expect(lines[0].replace(/^prefscope audit: /, '')).toMatch(new RegExp(expected.message!));
      }, 60_000);
      continue;
    }
    it(`audit ${name} exits 0 with a schema-valid report holding every valid row and each issue`, async () => {
      const out = await audit(path);
      expect(out.status, out.stderr).toBe(0);
      const report = JSON.parse(out.stdout);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      const { input, agreement } = report;
      // stderr holds only the report's warnings, one line each
      const warnings = input.warnings.map(
        (w: { file: string; column: string | null; message: string }) =>
          `warning: ${w.file}${w.column ? ` (${w.column})` : ''}: ${w.message}`,
      );
      expect(out.stderr.split('\n').filter(Boolean)).toEqual(warnings);
      // more than one reading fits exactly when the page asks
      expect(
        input.label_readings.some((r: { ambiguous: boolean; chosen: string }) => r.ambiguous && r.chosen === 'guess'),
        'an ambiguous reading',
      ).toBe(expected.asks === true);
      expect(input.rows).toBe(expected.rows);
      expect(input.rows_dropped).toBe(expected.rows_dropped);
      expect(input.files.map((f: { name: string }) => f.name)).toEqual([name]);
      expectIssues(input.issues, expected, name);
      if (expected.scale) expect(input.scale).toBe(expected.scale);
      if (expected.items !== undefined) expect(input.items).toBe(expected.items);
      if (expected.annotators !== undefined) expect(input.annotators).toBe(expected.annotators);
      const want = expected.report ?? {};
      for (const id of want.null ?? []) {
        expect(metricValue(agreement, id), id).toBeNull();
        // every null coefficient says why (a block's own reason, or its parent's: directional on nominal data)
        const reason = agreement.reasons[id] ?? agreement.reasons[id.split('.')[0]];
        expect(reason, `reason for ${id}`).toMatch(/\w/);
      }
      for (const [id, pattern] of Object.entries(want.reasons ?? {}))
        expect(agreement.reasons[id], id).toMatch(new RegExp(pattern));
      for (const [id, value] of Object.entries(want.values ?? {}))
        expect(metricValue(agreement, id), id).toBeCloseTo(value, 12);
      if (want.label_counts) expect(input.label_counts).toEqual(want.label_counts);
      if (want.slices) expect(Object.keys(agreement.slices)).toEqual(want.slices);
      // no made-up number: a null band names its reason; a non-null band sits on a defined value
      if (agreement.band === null) expect(agreement.reasons.band).toMatch(/undefined/);
      else expect(Number.isFinite(agreement.band.value)).toBe(true);
    }, 60_000);
  }
});
