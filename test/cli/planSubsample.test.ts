// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan as runPlan } from '../helpers/commands';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { subsampleCurve } from '../../src/planning/subsampleCurve';
import { diskFile } from '../helpers/loadText';

const ROOT = join(import.meta.dirname, '../..');
const DEMO = 'public/samples/demo.csv.gz';

const plan = (...args: string[]) => runPlan('subsample', ...args);

describe('npm run plan -- subsample', async () => {
  it('plan subsample FILE --price --repeats --seed prints the curve of subsampleCurve on the loaded file', async () => {
    const out = await plan(DEMO, '--price', '0.5', '--repeats', '8', '--seed', '4');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({
      files: ['demo.csv.gz'],
      judgements: 8000,
      removed: [],
      repeats: 8,
      seed: 4,
      price_per_label: 0.5,
      max_labels: 3,
    });
    // the same numbers as the builder called on the same file with the same options
    const loaded = await loadFiles([await diskFile(join(ROOT, DEMO))]);
    expect(json.points).toEqual(subsampleCurve(loaded, { repeats: 8, seed: 4, pricePerLabel: 0.5 }).points);
    expect(json.points.map((p: { cost_per_pair: number }) => p.cost_per_pair)).toEqual([0.5, 1, 1.5]);
    expect(json.points[2].marginal.extra_cost_per_1000_pairs).toBe(500);
  }, 30_000);

  it('plan subsample --max-k --remove keeps k <= K and leaves the annotators out', async () => {
    const out = await plan(DEMO, '--max-k', '2', '--repeats', '3', '--remove', 'ann07,ann13');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.removed).toEqual(['ann07', 'ann13']);
    expect(json.points.map((p: { k: number }) => p.k)).toEqual([1, 2]);
    const loaded = await loadFiles([await diskFile(join(ROOT, DEMO))]);
    const removed = ['ann07', 'ann13'].map((id) => loaded.ratings.annotators.indexOf(id));
    expect(json.points).toEqual(subsampleCurve(loaded, { repeats: 3, maxK: 2, removed }).points);
    // removing labels leaves fewer items with 3 labels: the k = 2 point no longer uses every item
    expect(json.points[1].items).toBeLessThan(2000);
  }, 30_000);

  it('plan subsample fails with exit 2 and a message on wrong options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    writeFileSync(join(dir, 'empty.csv'), 'x,y\n1,2\n');
    for (const [args, message] of [
      [[], /no input file/],
      [[DEMO, '--price=-1'], /--price takes a price of 0 or more/],
      [[DEMO, '--price', 'free'], /--price takes a price of 0 or more/],
      [[DEMO, '--max-k', '0'], /--max-k takes a whole number of 1 or more/],
      [[DEMO, '--repeats', 'many'], /--repeats takes a whole number/],
      [[DEMO, '--remove', 'nobody'], /--remove: no annotator "nobody"/],
      [['missing.csv'], /cannot read missing\.csv/],
      [[join(dir, 'empty.csv')], /prefscope plan: /],
      [[DEMO, '--colour', 'red'], /Unknown option '--colour'/],
    ] as const) {
      const out = await plan(...args);
      expect(out.status, `${args.join(' ')}: ${out.stderr}`).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stdout).toBe('');
    }
  }, 60_000);

  it('plan subsample --help prints the usage', async () => {
    const out = await plan('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^usage: npm run --silent plan -- subsample FILE/);
  }, 30_000);
});
