// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summary } from '../helpers/commands';
import { describe, expect, it } from 'vitest';
import { readSummary } from '../../src/summary/readSummary';

describe('npm run summary', async () => {
  it('summary FILE --engine sqlite --out F writes a summary readSummary accepts, and the same one as DuckDB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-summary-'));
    try {
      const lite = await summary(
        'test/fixtures/summary/threeway.csv',
        '--engine',
        'sqlite',
        '--out',
        join(dir, 'lite.json'),
      );
      expect(lite.status, lite.stderr).toBe(0);
      expect(lite.stderr).toMatch(/162 judgements, 17 item patterns, 15 annotator pairs/);
      const duck = await summary('test/fixtures/summary/threeway.csv', '--out', join(dir, 'duck.json'));
      expect(duck.status, duck.stderr).toBe(0);
      const read = (f: string) => readSummary(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      expect(read('duck.json')).toEqual(read('lite.json')); // no times in this file, so no float sums
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('summary exits 2 with one line on a missing file, an unknown engine or --results without --scale', async () => {
    for (const args of [['nope.csv'], ['test/fixtures/summary/five.csv', '--engine', 'oracle'], ['--results', 'x']]) {
      const out = await summary(...args);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(
        /^prefscope summary: (cannot read nope\.csv|unknown engine "oracle"|--results needs --scale)/,
      );
    }
  }, 30_000);
});
