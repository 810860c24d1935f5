// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { audit, auditReport as report } from '../helpers/commands';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/cli');

describe('npm run audit', async () => {
  it('audit FILE prints the input section of prefscope.report/v1 for the demo', async () => {
    const r = await report('public/samples/demo.csv.gz');
    expect(r.schema).toBe('prefscope.report/v1');
    expect(r.input).toMatchObject({
      format: 'csv',
      rows: 8000,
      rows_dropped: 0,
      items: 2000,
      annotators: 25,
      ai_judges: 1,
      scale: '5-point',
      dimensions: ['overall'],
    });
    expect(Object.values(r.input.label_counts).reduce((a: number, b) => a + (b as number), 0)).toBe(6000);
    expect(r.input.files[0]).toMatchObject({ name: 'demo.csv.gz', format: 'csv' });
    expect(r.input.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 30_000);

  it('audit --wide reads one column per annotator (1 = A, 2 = B, 0 = tie) and reports bad cells', async () => {
    // wide.csv: q3 has an empty cell (missing, not an error), q4 has an unknown label 9
    const r = await report(join(FIXTURES, 'wide.csv'), '--wide', 'annotator1,annotator2,annotator3');
    expect(r.input).toMatchObject({ rows: 9, items: 4, annotators: 3, rows_dropped: 1, scale: '3-way' });
    expect(r.input.label_counts).toEqual({ 'A>>': 0, 'A>': 3, '=': 3, 'B>': 3, 'B>>': 0 });
    expect(r.input.issues).toEqual([{ file: 'wide.csv', row: 5, column: 'annotator3', message: 'unknown label "9"' }]);
  }, 30_000);

  it('audit detects the wide layout without --wide', async () => {
    expect((await report(join(FIXTURES, 'wide.csv'))).input.rows).toBe(9);
  }, 30_000);

  it('audit --item --annotator --label --label-map reads custom column names and labels', async () => {
    // custom.csv: verdict 1 = A, 2 = B, 0 = tie by default; the label map turns 1 into A>> instead
    const r = await report(
      join(FIXTURES, 'custom.csv'),
      '--item',
      'idx',
      '--annotator',
      'rater',
      '--label',
      'verdict',
      '--label-map',
      '0:=,1:A>>,2:B>',
    );
    expect(r.input.label_counts).toEqual({ 'A>>': 2, 'A>': 0, '=': 1, 'B>': 1, 'B>>': 0 });
    expect(r.input.scale).toBe('5-point');
    expect(r.settings.label_map).toEqual({ '0': '=', '1': 'A>>', '2': 'B>' });
  }, 30_000);

  it('audit --out writes the report to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    const out = await audit(join(FIXTURES, 'custom.csv'), '--out', join(dir, 'report.json'));
    expect(out.status).toBe(0);
    expect(out.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).input.rows).toBe(4);
  }, 30_000);

  it('audit --format jsonl reads gzip JSON Lines named .txt.gz', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    const path = join(dir, 'export.txt.gz');
    writeFileSync(
      path,
      gzipSync(
        '{"pair_id":"p1","worker":"w1","winner":"model_a"}\n{"pair_id":"p1","worker":"w2","winner":"tie (bothbad)"}\n',
      ),
    );
    const r = await report(path, '--format', 'jsonl');
    expect(r.input).toMatchObject({ format: 'jsonl', rows: 2, items: 1, annotators: 2, scale: '3-way' });
  }, 30_000);

  it('audit fills the agreement section: the demo has fair agreement on the labels, better on the direction', async () => {
    const r = await report('public/samples/demo.csv.gz', '--bootstrap', '100');
    expect(r.agreement.band).toMatchObject({ metric: 'fleiss_kappa', label: 'Fair agreement' });
    expect(r.agreement.directional.fleiss_kappa).toBeGreaterThan(r.agreement.fleiss_kappa);
    expect(Object.keys(r.agreement.slices).sort()).toEqual(['domain', 'model_pair', 'pairing_strategy']);
    expect(r.agreement.ci95.fleiss_kappa[0]).toBeLessThan(r.agreement.fleiss_kappa);
    expect(r.settings).toMatchObject({
      bootstrap: 100,
      seed: 1,
      band_metric: 'fleiss_kappa',
      min_shared_items: 10,
      removed_annotators: [],
    });
  }, 30_000);

  it('audit --fail-under exits 1 when a gate is not met or its metric is null, 0 when met', async () => {
    const demo = 'public/samples/demo.csv.gz';
    const notMet = await audit(demo, '--bootstrap', '0', '--fail-under', 'krippendorff_alpha.ordinal=0.6');
    expect(notMet.status).toBe(1);
    expect(notMet.stderr).toMatch(/krippendorff_alpha\.ordinal = 0\.524 < 0\.6/);
    expect(JSON.parse(notMet.stdout).agreement.krippendorff_alpha.ordinal).toBeCloseTo(0.5238, 3);
    expect(
      (
        await audit(
          demo,
          '--bootstrap',
          '0',
          '--fail-under',
          'directional.fleiss_kappa=0.4',
          '--fail-under',
          'gwet_ac1=0.3',
        )
      ).status,
    ).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    writeFileSync(join(dir, 'same.csv'), 'example_id,annotator_id,label\np1,a,A\np1,b,A\np2,a,A\np2,b,A\n');
    const nullGate = await audit(join(dir, 'same.csv'), '--fail-under', 'fleiss_kappa=0.1');
    expect(nullGate.status).toBe(1);
    expect(nullGate.stderr).toMatch(/fleiss_kappa = null/);
  }, 60_000);

  it('audit --remove leaves annotators out of the agreement, as the page does', async () => {
    const all = await report('public/samples/demo.csv.gz', '--bootstrap', '0');
    const without = await report(
      'public/samples/demo.csv.gz',
      '--bootstrap',
      '0',
      '--remove',
      'ann07,ann13,ann21,ann18',
    );
    expect(without.agreement.fleiss_kappa).toBeGreaterThan(all.agreement.fleiss_kappa + 0.05);
    expect(
      without.agreement.cohen_pairs.some((p: { a: string; b: string }) => p.a === 'ann07' || p.b === 'ann07'),
    ).toBe(false);
  }, 30_000);

  it('audit exits 2 with one line on unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'header.csv'), 'example_id,annotator_id,label\n');
    for (const [args, message] of [
      [['missing.csv'], /no such file/],
      [[join(dir, 'empty.csv')], /empty/],
      [[join(dir, 'header.csv')], /no valid judgement|no rows/],
      [[join(FIXTURES, 'custom.csv'), '--item', 'nope'], /no column "nope"/],
      [[join(FIXTURES, 'custom.csv'), '--label-map', '1:maybe'], /unknown label/],
      [[join(FIXTURES, 'custom.csv'), '--scale', 'seven'], /unknown scale/],
      [[join(FIXTURES, 'custom.csv'), '--band-metric', 'kappa'], /unknown metric/],
      // a share is not chance-corrected: never read against the kappa bands
      [[join(FIXTURES, 'custom.csv'), '--band-metric', 'percent_agreement.strict'], /is a share, not chance-corrected/],
      [[join(FIXTURES, 'custom.csv'), '--fail-under', 'alpha>0.5'], /METRIC=VALUE/],
      [[join(FIXTURES, 'custom.csv'), '--bootstrap', 'many'], /whole number/],
    ] as const) {
      const out = await audit(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(message);
    }
  }, 60_000);
});

describe('npm run audit: annotators and final labels', async () => {
  it('audit fills annotators and aggregation, and --labels writes the final labels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    const r = await report('public/samples/demo.csv.gz', '--bootstrap', '0', '--labels', join(dir, 'final.csv'));
    expect(r.annotators).toHaveLength(25);
    expect(
      r.annotators
        .filter((a: { flagged: boolean }) => a.flagged)
        .map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual(['ann07', 'ann13', 'ann18', 'ann21']);
    expect(r.aggregation).toMatchObject({ method: 'dawid_skene', items: 2000, gold_items: 200, converged: true });
    const lines = readFileSync(join(dir, 'final.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('item,label,confidence,method,n_labels');
    expect(lines).toHaveLength(2001);
    expect(lines.filter((l) => l.split(',')[1] === "'=").length).toBe(r.aggregation.label_counts.dawid_skene[2]);
  }, 30_000);

  it('audit --method majority --labels x.jsonl writes JSON Lines of the majority vote; --weights changes composites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-'));
    const r = await report(
      'public/samples/demo.csv.gz',
      '--bootstrap',
      '0',
      '--method',
      'majority',
      '--weights',
      'gold=1,majority=0,speed=0',
      '--labels',
      join(dir, 'final.jsonl'),
    );
    expect(r.settings).toMatchObject({ aggregation_method: 'majority', weights: { gold: 1, majority: 0, speed: 0 } });
    expect(r.aggregation.changed_vs_majority).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'final.jsonl'), 'utf8').split('\n')[0]);
    expect(first).toMatchObject({ item: 'pair-00001', method: 'majority', n_labels: 3 });
    for (const a of r.annotators as { gold_n: number; composite: number; gold_accuracy_directional: number }[])
      if (a.gold_n >= 5) expect(a.composite).toBeCloseTo(a.gold_accuracy_directional, 12);
    expect((await audit('public/samples/demo.csv.gz', '--method', 'vote')).status).toBe(2);
    expect((await audit('public/samples/demo.csv.gz', '--weights', 'gold=x')).status).toBe(2);
  }, 30_000);
  it('audit reads every export format with no option, the report valid against the schema', async () => {
    const FORMATS = join(ROOT, 'test/fixtures/formats');
    const arena = await report(join(FORMATS, 'chatbot-arena-conversations.jsonl'), '--bootstrap', '0');
    expect(arena.input.format).toBe('chatbot-arena');
    expect(arena.input.notes[0]).toMatch(/single vote/);
    expect(arena.agreement.items_pairable).toBe(0);
    expect(arena.agreement.fleiss_kappa).toBeNull();
    const helpsteer = await report(join(FORMATS, 'helpsteer2-disagreements.jsonl'), '--bootstrap', '0');
    expect(helpsteer.agreement.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'helpfulness',
      'correctness',
      'coherence',
      'complexity',
      'verbosity',
    ]);
    const trl = await report(join(FORMATS, 'trl-standard.jsonl'), '--bootstrap', '0');
    expect(trl.input.format).toBe('trl');
    expect(trl.input.pair_statistics.duplicate_judgements).toBeGreaterThan(0);
  }, 60_000);

  it('audit --format names an adapter; a wrong or unknown one fails with the reason', async () => {
    const FORMATS = join(ROOT, 'test/fixtures/formats');
    expect(
      (await report(join(FORMATS, 'trl-standard.jsonl'), '--format', 'trl', '--bootstrap', '0')).input.format,
    ).toBe('trl');
    const table = await audit(join(FORMATS, 'label-studio-pairwise.json'), '--format', 'table');
    expect(table.status).toBe(2);
    expect(table.stderr).toMatch(/no label column/);
    const wrong = await audit(join(FORMATS, 'trl-standard.jsonl'), '--format', 'mt-bench');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/cannot be read as an MT-Bench judgment file: .*`winner`/);
    const unknown = await audit(join(FORMATS, 'trl-standard.jsonl'), '--format', 'arena');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown format "arena" \(one of .*chatbot-arena/);
  }, 60_000);
});
