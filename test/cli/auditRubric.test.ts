// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditReport as report } from '../helpers/commands';
import { columnList } from '../../src/cli/commandLine';

// rubric columns under names nothing guesses (q_help, q_correct): only --rubric makes them dimensions
const CSV = [
  'example_id,annotator_id,label,q_help,q_correct',
  'p1,a1,A>,A>,A>',
  'p1,a2,A>,A>,B>',
  'p2,a1,B>,B>,',
  'p2,a2,B>,B>>,=',
  'p3,a1,=,=,A>',
  'p3,a2,=,=,A>',
].join('\n');

describe('columnList', async () => {
  it('columnList(text) splits a comma-separated list of columns, trimming and dropping empty parts', async () => {
    expect(columnList('helpfulness, correctness,,harmlessness ')).toEqual([
      'helpfulness',
      'correctness',
      'harmlessness',
    ]);
    expect(columnList(undefined)).toEqual([]);
    expect(columnList('')).toEqual([]);
  });
});

describe('npm run audit -- --rubric', async () => {
  it('audit --rubric COL,COL reads each column as its own dimension, overall first; the mapping is in the settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    const path = join(dir, 'rubric.csv');
    writeFileSync(path, CSV);
    expect((await report(path, '--bootstrap', '0')).input.dimensions).toEqual(['overall']);
    const r = await report(path, '--rubric', 'q_help, q_correct', '--bootstrap', '0');
    expect(r.input).toMatchObject({
      rows: 17,
      rows_dropped: 0,
      items: 3,
      annotators: 2,
      dimensions: ['overall', 'q_help', 'q_correct'],
    });
    expect(r.input.issues).toEqual([]);
    expect(r.agreement.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'overall',
      'q_help',
      'q_correct',
    ]);
    expect(r.settings.columns[0].mapping.rubric).toEqual(['q_help', 'q_correct']);
    const unknown = await audit(path, '--rubric', 'q_help,q_nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no column "q_nope"/);
  }, 60_000);

  it('audit reads the rubric demo with no option: five dimensions', async () => {
    const r = await report('public/samples/rubric-demo.csv.gz', '--bootstrap', '0');
    expect(r.input).toMatchObject({
      rows: 8959,
      rows_dropped: 0,
      items: 600,
      annotators: 12,
      dimensions: ['overall', 'helpfulness', 'correctness', 'harmlessness', 'conciseness'],
    });
  }, 60_000);

  it('audit --rubric-weights, --label-from, --label-price change the rubric and next_label sections and the settings', async () => {
    const base = await report('public/samples/rubric-demo.csv.gz', '--bootstrap', '0');
    expect(base.settings.rubric_weights).toEqual({
      helpfulness: 0.35,
      correctness: 0.3,
      harmlessness: 0.2,
      conciseness: 0.15,
    });
    expect(base.settings.next_label).toEqual({ from: 'typical', price_per_label: 0.3 });
    // one dimension weighted alone: the verdict is that dimension, so its agreement is that dimension's
    const only = await report(
      'public/samples/rubric-demo.csv.gz',
      '--bootstrap',
      '0',
      '--rubric-weights',
      'correctness=1',
      '--label-from',
      'r01',
      '--label-price',
      '2',
    );
    const correctness = only.agreement.dimensions.find((d: { dimension: string }) => d.dimension === 'correctness');
    expect(only.rubric.weights_source).toBe('custom');
    expect(only.rubric.verdict.agreement.fleiss_kappa).toBeCloseTo(correctness.fleiss_kappa, 12);
    expect(only.rubric.verdict.agreement.krippendorff_alpha).toEqual(correctness.krippendorff_alpha);
    expect(only.settings.next_label).toEqual({ from: 'r01', price_per_label: 2 });
    expect(only.next_label.from).toBe('r01');
    expect(only.next_label.ranking[0].eig_bits_per_dollar).toBeCloseTo(only.next_label.ranking[0].eig_bits / 2, 12);
    for (const p of only.next_label.curve) expect(p.budget).toBeCloseTo(p.labels * 2, 9);
    const wrong = await audit('public/samples/rubric-demo.csv.gz', '--label-from', 'nobody');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--label-from nobody: unknown annotator "nobody"/);
    expect((await audit('public/samples/rubric-demo.csv.gz', '--label-price', '0')).status).toBe(2);
    expect((await audit('public/samples/rubric-demo.csv.gz', '--rubric-weights', 'correctness=-1')).status).toBe(2);
  }, 120_000);

  it('audit --help documents --rubric', async () => {
    const out = await audit('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/\[--rubric COL,COL,\.\.\.\]/);
    expect(out.stdout).toMatch(/--rubric: rubric label columns/);
  }, 30_000);
});
