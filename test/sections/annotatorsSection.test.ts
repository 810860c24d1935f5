// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { annotatorRow, annotatorsSection } from '../../src/sections/annotatorsSection';
import { PLANTED, POSITION_BIASED, RANDOM_CLICKERS } from '../fixtures/generateDemo';
import { diskFile, textFile } from '../helpers/loadText';

const demo = async () =>
  (await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))])).ratings;

describe('annotatorsSection', () => {
  it('annotatorsSection(demo) flags exactly the planted bad annotators, the clickers as too fast', async () => {
    const rows = annotatorsSection(await demo());
    expect(rows).toHaveLength(25);
    expect(
      rows
        .filter((r) => r.flagged)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...PLANTED].sort());
    for (const id of RANDOM_CLICKERS)
      expect(rows.find((r) => r.id === id)!.reasons).toEqual(['low_gold_accuracy', 'too_fast', 'low_reliability']);
    expect(rows.find((r) => r.id === POSITION_BIASED[0])!.reasons).toContain('low_gold_accuracy');
  });

  it('annotatorsSection(ratings) computes each field by the schema definition (hand-computed)', async () => {
    // annotator x: 5 gold items, 4 on the right side (one of them with the wrong strength), mean time 4 s
    // others y, z agree with the gold labels, so x's leave-one-out plurality is the gold label on each item
    const gold = ['A>', 'A>', 'B>', '=', 'B>>'];
    const xLabels = ['A>', 'A>>', 'B>', 'A>', 'B>>'];
    const lines = gold.flatMap((g, i) => [
      `g${i},x,${xLabels[i]},4,1,${g}`,
      `g${i},y,${g},20,1,${g}`,
      `g${i},z,${g},20,1,${g}`,
    ]);
    const r = (
      await loadFiles([
        textFile('h.csv', `example_id,annotator_id,label,time_seconds,is_gold,gold_label\n${lines.join('\n')}\n`),
      ])
    ).ratings;
    const x = annotatorsSection(r).find((a) => a.id === 'x')!;
    expect(x).toMatchObject({
      labels: 5,
      gold_n: 5,
      gold_accuracy: 3 / 5,
      gold_accuracy_directional: 4 / 5,
      majority_n: 5,
      majority_agreement: 3 / 5,
      mean_time_s: 4,
      median_time_s: 4,
    });
    expect(x.speed_penalty).toBeCloseTo(0.8, 12);
    // composite = (0.4 × 0.8 + 0.3 × 0.6 + 0.3 × 0.8) / 1.0
    expect(x.composite).toBeCloseTo(0.74, 12);
    expect(x.reasons).toEqual(['too_fast']);
    // Wilson interval of 4/5 (z = 1.96): [0.3755, 0.9638]
    expect(x.gold_accuracy_ci95![0]).toBeCloseTo(0.3755, 4);
    expect(x.gold_accuracy_ci95![1]).toBeCloseTo(0.9638, 4);
    expect(
      annotatorsSection(r, { weights: { gold: 1, majority: 0, speed: 0 } }).find((a) => a.id === 'x')!.composite,
    ).toBeCloseTo(0.8, 12);
  });

  it('annotatorsSection(ratings, {removed}) marks removed annotators and scores the others without them', async () => {
    const r = await demo();
    const removed = RANDOM_CLICKERS.map((id) => r.annotators.indexOf(id));
    const before = annotatorsSection(r);
    const after = annotatorsSection(r, { removed });
    expect(
      after
        .filter((a) => a.removed)
        .map((a) => a.id)
        .sort(),
    ).toEqual([...RANDOM_CLICKERS].sort());
    // gold accuracy of a kept annotator does not depend on the others; majority agreement does
    const kept = (rows: typeof before) => rows.find((a) => a.id === 'ann01')!;
    expect(kept(after).gold_accuracy).toBe(kept(before).gold_accuracy);
    expect(kept(after).majority_n).toBeLessThan(kept(before).majority_n);
  });

  it('annotatorRow(counts) builds the row from counts alone (hand-computed, as annotator x above)', () => {
    const counts = {
      id: 'x',
      labels: 5,
      labelCounts: [1, 2, 0, 1, 1],
      goldN: 5,
      goldExact: 3,
      goldDirectional: 4,
      majorityN: 5,
      majorityAgreed: 3,
      meanTime: 4,
      medianTime: NaN,
      removed: false,
      replay: null,
    };
    const x = annotatorRow(counts);
    expect(x).toMatchObject({
      id: 'x',
      kind: 'human',
      labels: 5,
      gold_n: 5,
      gold_accuracy: 3 / 5,
      gold_accuracy_directional: 4 / 5,
      majority_n: 5,
      majority_agreement: 3 / 5,
      mean_time_s: 4,
      median_time_s: null,
      removed: false,
      label_counts: [1, 2, 0, 1, 1],
      replay: null,
    });
    expect(x.speed_penalty).toBeCloseTo(0.8, 12);
    expect(x.composite).toBeCloseTo(0.74, 12);
    expect(x.reasons).toEqual(['too_fast']);
    expect(x.gold_accuracy_ci95![0]).toBeCloseTo(0.3755, 4);
    expect(annotatorRow(counts, { weights: { gold: 1, majority: 0, speed: 0 } }).composite).toBeCloseTo(0.8, 12);
    // nothing to score: every rate null, no flag
    const empty = annotatorRow({
      ...counts,
      goldN: 0,
      goldExact: 0,
      goldDirectional: 0,
      majorityN: 0,
      majorityAgreed: 0,
      meanTime: NaN,
    });
    expect(empty).toMatchObject({
      gold_accuracy: null,
      gold_accuracy_ci95: null,
      majority_agreement: null,
      mean_time_s: null,
      speed_penalty: null,
      composite: null,
      flagged: false,
      reasons: [],
    });
  });
});
